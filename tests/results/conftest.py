"""Fixtures of the results tests: a plan whose communes have registered and now report, and
random provinces (``generated``) whose units report random figures."""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.generators import advance, yearly_plan
from tests.generators import unit as new_unit
from tests.helpers import completed, merge
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.initiatives.models import SENT_STATES, Registration, RegistrationState
from thidua.org.domain.units import succession_record
from thidua.org.models import SuccessionKind, Unit, UnitKind, UnitLevel
from thidua.plans.domain.plans import plan_create_child, plan_issue, plan_update
from thidua.plans.models import DeadlineKind, Plan
from thidua.results.domain.reports import report_open, report_review, report_save, report_submit
from thidua.results.models import InitiativeResult, Progress, ReportState, ResultsReport

DAY = datetime.timedelta(days=1)
SENT_REPORTS = (ReportState.SUBMITTED, ReportState.RECEIVED)
COMMUNE_KINDS = [UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP]
REPORT_FIGURES = [
    "meetings", "meeting_participants", "media_items", "events", "event_participants",
    "replicated", "support_vnd", "fund_vnd", "award_entries",
]  # fmt: skip
MEASURES = [
    "registered", "done", "in_progress", "not_started", "stopped",
    "households", "area_ha", "cost_vnd", *REPORT_FIGURES,
]  # fmt: skip


@pytest.fixture
def reporting(open_plan, make_registration, tree):
    """Ea Bá registered two entries, Ea Ly one; the report is due in five days."""
    for name in ("Nuôi dê", "Trồng sắn"):
        registration_submit(actor=None, registration=make_registration(tree.commune_a, name=name))
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="Máy tách hạt")
    )
    deadline = open_plan.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + 5 * DAY
    deadline.save()
    return open_plan


# --- random provinces ------------------------------------------------------------------


@dataclass
class Generated:
    """A random province and what its units did, as the test's own record (the oracle)."""

    seed: int
    province: Unit
    plan: Plan  # the province's
    plans: dict[int, Plan] = field(default_factory=dict)  # unit id → the plan it issued
    owed: set[int] = field(default_factory=set)  # the units that report under the plan
    reports: dict[int, ResultsReport] = field(default_factory=dict)  # unit id → its report
    units: list[Unit] = field(default_factory=list)

    def tree_plans(self) -> list[Plan]:
        return list(self.plans.values())

    def registered(self, unit_id: int) -> int:
        return Registration.objects.filter(
            unit_id=unit_id, plan__in=self.tree_plans(), state__in=SENT_STATES
        ).count()

    def expected(self, unit_id: int) -> dict:
        """The unit's own figures read back from its sent report, added up here in Python:
        None for every figure of a unit that sent nothing."""
        report = self.reports.get(unit_id)
        values: dict = dict.fromkeys(MEASURES)
        values["registered"] = self.registered(unit_id)
        if report is None:
            return values
        report.refresh_from_db()
        if report.state not in SENT_REPORTS:
            return values
        for name in REPORT_FIGURES:
            values[name] = getattr(report, name)
        results = list(InitiativeResult.objects.filter(report=report))
        for progress in Progress.values:
            values[progress] = sum(1 for r in results if r.progress == progress)
        # Unknown unless at least one initiative gives the figure.
        for name in ("households", "area_ha", "cost_vnd"):
            given = [getattr(r, name) for r in results if getattr(r, name) is not None]
            values[name] = sum(given) if given else None
        return values


def _issued_plan(unit, year: int, rng: random.Random, quota: bool) -> Plan:
    plan = yearly_plan(
        unit,
        year,
        title=f"Kế hoạch thi đua năm {year}",
        body="# NỘI DUNG\nThi đua.",
        registration_label="Đăng ký",
        quota_kinds=COMMUNE_KINDS if quota else [],
        signer_name=f"Chủ tịch {unit.name}",
    )
    return plan_issue(
        actor=None, plan=plan, issued_on=datetime.date(year, 2, 1 + rng.randint(0, 20))
    )


def _child_plan(parent: Plan, unit, year: int, rng: random.Random, quota: bool) -> Plan:
    plan = plan_create_child(actor=None, parent=parent, unit=unit)
    plan_update(
        actor=None,
        plan=plan,
        quota_kinds=COMMUNE_KINDS if quota else [],
        signer_name=f"Chủ tịch {unit.name}",
    )
    return plan_issue(
        actor=None, plan=plan, issued_on=datetime.date(year, 3, 1 + rng.randint(0, 20))
    )


def _register(rng, plan, unit, number) -> bool:
    """A registration of ``unit`` in a random state, drafts included; whether it was sent."""
    registration = registration_create(
        actor=None, plan=plan, unit=unit, kind=rng.choice(["model", "initiative", "idea"]),
        name=f"Mô hình {unit.name} số {number}",
    )  # fmt: skip
    registration = completed(registration)
    state = rng.choice(list(RegistrationState.values))
    advance(registration, state, reason="Bổ sung.")
    return state != RegistrationState.DRAFT


def _figures(rng) -> dict:
    return {
        "meetings": rng.randint(0, 30),
        "meeting_participants": rng.randint(0, 3000),
        "media_items": rng.randint(0, 40),
        "events": rng.randint(0, 5),
        "event_participants": rng.randint(0, 2000),
        "replicated": rng.randint(0, 9),
        "support_vnd": rng.randint(0, 80_000) * 1000,
        "fund_vnd": rng.randint(0, 9_000) * 1000,
        "award_entries": rng.randint(0, 4),
        "achievements": "Hoàn thành kế hoạch.",
    }


def _result(rng) -> dict:
    progress = rng.choice(Progress.values)
    return {
        "progress": progress,
        "stop_reason": "Thiếu vốn." if progress == Progress.STOPPED else "",
        "households": rng.choice([None, rng.randint(0, 1500)]),
        "area_ha": rng.choice([None, Decimal(rng.randint(0, 99_999)) / 100]),
        "cost_vnd": rng.choice([None, rng.randint(0, 500_000) * 1000]),
    }


def _report(rng, plan, unit, outcome) -> ResultsReport:
    report = report_open(actor=None, plan=plan, unit=unit)
    report = report_save(
        actor=None,
        report=report,
        version=report.version,
        fields=_figures(rng),
        results={r.registration_id: _result(rng) for r in report.results.all()},
    )
    if outcome == "draft":
        return report
    deadline = plan.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + (-DAY if outcome == "late" else 5 * DAY)
    deadline.save()
    report = report_submit(actor=None, report=report)
    if outcome == "returned":
        return report_review(actor=None, report=report, receive=False, reason="Thiếu số liệu.")
    if rng.random() < 0.5:
        report = report_review(actor=None, report=report, receive=True)
    return report


def generate(
    seed: int, central: Unit, *, province_reports: bool = False, size: int = 1
) -> Generated:
    """A province with 2 to 4 districts of 1 to 4 communes (``size`` times as many of
    each), some merged or split; before
    the 2025 reform its plan cascades province → district → commune, after it province →
    commune (the old districts and communes still reporting for the first half-year).
    Registrations in every state, reports on time, late, as drafts, returned or missing."""
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    reform = rng.random() < 0.4
    year = 2025 if reform else 2022
    ended = {"valid_to": datetime.date(year, 6, 30)}
    begun = {"valid_from": datetime.date(year, 7, 1)}
    province = new_unit(central, f"Tỉnh thử {seed}", UnitKind.PROVINCE)
    plan = _issued_plan(province, year, rng, quota=rng.random() < 0.5)
    world = Generated(seed=seed, province=province, plan=plan, plans={province.pk: plan})
    world.owed.add(province.pk)
    communes: dict[int, list[Unit]] = {}  # district id → its communes
    districts = []
    for d in range(rng.randint(2, 4) * size):
        district = new_unit(
            province, f"Huyện {seed}-{d}", UnitKind.DISTRICT, **(ended if reform else {})
        )
        districts.append(district)
        world.owed.add(district.pk)  # the province's plan is addressed to it
        own = [
            new_unit(
                district,
                f"Xã {seed}-{d}-{c}",
                rng.choice(COMMUNE_KINDS),
                **(ended if reform else {}),
            )
            for c in range(rng.randint(1, 4) * size)
        ]
        if not reform and rng.random() < 0.5:
            # Two communes merged in mid-year, or one split in two.
            old = own[-1]
            for n in range(rng.randint(1, 2)):
                new = new_unit(district, f"Xã mới {seed}-{d}-{n}", UnitKind.COMMUNE, **begun)
                succession_record(
                    actor=None, predecessor=old, successor=new,
                    kind=SuccessionKind.SPLIT, date=begun["valid_from"], is_main=n == 0,
                )  # fmt: skip
                own.append(new)
        communes[district.pk] = own
        world.units += [district, *own]
    if reform:
        # Today's communes, straight under the province, succeeding the old ones.
        old_communes = [c for d in districts for c in communes[d.pk]]
        rng.shuffle(old_communes)
        for n in range(rng.randint(1, 3)):
            new = new_unit(province, f"Xã sau sáp nhập {seed}-{n}", UnitKind.COMMUNE, **begun)
            world.owed.add(new.pk)
            world.units.append(new)
            for old in old_communes[n::3]:
                merge(old, into=new)  # on 1/7/2025, the day ``begun`` names
        communes[province.pk] = [u for u in world.units if u.parent_id == province.pk]
    province_quota = bool(plan.quota_kinds)
    for district in districts:
        asked = province_quota
        if rng.random() < 0.7:
            quota = rng.random() < 0.7
            world.plans[district.pk] = _child_plan(plan, district, year, rng, quota)
            asked = True  # the district's plan is addressed to its communes
        if asked:
            world.owed.update(c.pk for c in communes[district.pk])
    if reform:
        world.owed.update(c.pk for c in communes.get(province.pk, []))
    # Registrations: a commune answers its district's plan, else the province's.
    for unit in world.units:
        if unit.level != UnitLevel.COMMUNE:
            continue
        answered = world.plans.get(unit.parent_id, plan)
        for number in range(rng.choice([0, 0, 1, 2, 3])):
            if _register(rng, answered, unit, number):
                world.owed.add(unit.pk)  # what it sent is counted under the plan
    # Reports: on the unit's own plan, else the plan addressed to it.
    outcomes = ["missing", "missing", "draft", "on_time", "on_time", "late", "returned", "on_time"]
    for unit in [province, *world.units]:
        if unit.pk not in world.owed:
            continue
        outcome = rng.choice(outcomes)
        if unit.pk == province.pk and province_reports:
            outcome = "on_time"
        if outcome == "missing":
            continue
        answered = world.plans.get(unit.pk) or world.plans.get(unit.parent_id, plan)
        world.reports[unit.pk] = _report(rng, answered, unit, outcome)
    return world


@pytest.fixture
def generated(tree):
    """generated(seed) → a random province under Việt Nam (see ``generate``)."""
    return lambda seed, **options: generate(seed, tree.central, **options)
