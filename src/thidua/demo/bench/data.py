"""The benchmark's data (``thidua bench_data --scale district|province|national``).

A 2024 cycle in the country's structure of that year (63 provinces, their districts and
communes, the real administrative units): the central body's plan, cascaded to every
province and district of the area as issued plans, and to most communes as their own plans
(on time, late, drafts, none); 1–3 registrations per commune on its district's plan, in
every state, with their implementers, arguments and history; a council of 20 members on the
area's top plan, whose entries (the received and accepted registrations) are each scored by
3 members (most sheets sent, some drafts, some not started) within the rubric's limits;
results reports from most units, with a result per registration. About 26 % of the
registrations are entries, so the national scale gives ~20,000 registrations and a council
of ~5,000 entries.

The area: ``district`` is huyện Sông Hinh (Phú Yên's units loaded, 11 communes), ``province``
is Thanh Hóa (the largest: 27 districts, 547 communes), ``national`` is the whole country
(10,035 communes). ``per_commune`` changes how many registrations each commune sends (a
dense district of thousands is ``(400, 500)``).

Deterministic: one seeded ``random.Random`` and the units in the order of their codes, so two
runs give the same rows (the ids aside). Bulk-inserted: the few records whose creation is a
rule (the top plan, the people, the council and its members) go through the domain
functions; the tens of thousands of others are ``bulk_create``d and the search index is
rebuilt at the end. The accounts share one password, hashed once.

Over 400 lines: one generator read top to bottom, its steps (units, people, plans,
registrations, council, reports) sharing one random stream whose order makes the data
repeatable; split, the order of the draws would hide across modules.
"""

import datetime
import itertools
import json
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from thidua.core.planner import refresh_planner_statistics
from thidua.demo.bench import texts
from thidua.initiatives.enums import Kind, RegistrationState
from thidua.initiatives.models import Argument, Implementer, Registration, Transition
from thidua.initiatives.models.quotas import rebuild_quotas
from thidua.novelty.domain.checks import registration_check
from thidua.org.domain.admin_units import load_admin_units
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Person, Role, Unit, UnitKind, UnitLevel
from thidua.plans.domain.copies import citation
from thidua.plans.domain.defaults import default_recipients, header_lines, signature_lines
from thidua.plans.domain.numbering import DEFAULT_ISSUER_CODES
from thidua.plans.models import (
    Campaign,
    Criterion,
    Deadline,
    Movement,
    NumberCounter,
    Plan,
    PlanBasis,
    PlanSection,
    PlanState,
)
from thidua.plans.seed_loader import load_plan, read
from thidua.results.enums import Progress, ReportState
from thidua.results.models import InitiativeResult, ResultsReport
from thidua.review.domain.councils import council_create, council_set_state, member_add
from thidua.review.enums import AssignmentState, CouncilState, MemberRole
from thidua.review.models import Assignment, Score
from thidua.search.domain.index import rebuild

PASSWORD = "thidua-bench"  # noqa: S105 (the benchmark accounts' shared password, loopback only)
YEAR = 2024
BATCH = 2000
MEMBERS = 20
SCORES_PER_ENTRY = 3
OPEN_FOR = datetime.timedelta(days=10)  # ``open_deadlines``: how far ahead every deadline is
# What a unit's own plan copies from its parent's (the points of the sections stay above).
COPIED = {
    "sections": PlanSection,
    "criteria": Criterion,
    "deadlines": Deadline,
    "campaigns": Campaign,
}
COMMUNE_KINDS = [UnitKind.COMMUNE, UnitKind.TOWNSHIP, UnitKind.WARD]


@dataclass(frozen=True)
class Scale:
    old_provinces: frozenset[str] | None  # the old provinces whose units are loaded
    province: str  # the area's province (old code); the accounts `tinh`, `huyen`, `xa` are in it
    district: str | None  # the area's district, when the area is one district
    national: bool = False


SCALES = {
    "district": Scale(frozenset({"54"}), province="54", district="561"),  # Phú Yên, Sông Hinh
    "province": Scale(frozenset({"38"}), province="38", district=None),  # Thanh Hóa
    "national": Scale(None, province="38", district=None, national=True),
}

# Registrations by state (per cent): a cycle in mid-course, about a quarter already received.
STATES = {
    RegistrationState.DRAFT: 15,
    RegistrationState.SUBMITTED: 50,
    RegistrationState.RETURNED: 8,
    RegistrationState.RECEIVED: 18,
    RegistrationState.ACCEPTED: 8,
    RegistrationState.DELETED: 1,
}
KINDS = {Kind.MODEL: 55, Kind.INITIATIVE: 30, Kind.IDEA: 15}
# A commune's own plan: issued on time, issued late, a draft, none.
OWN_PLANS = {"on_time": 60, "late": 10, "draft": 10, "none": 20}
# A scoresheet: sent, saved as a draft, not started.
SHEETS = {AssignmentState.SUBMITTED: 70, AssignmentState.DRAFT: 15, AssignmentState.OPEN: 15}
# A results report, and the share of units that have one at each level.
REPORTS = {
    ReportState.RECEIVED: 55,
    ReportState.SUBMITTED: 25,
    ReportState.DRAFT: 12,
    ReportState.RETURNED: 8,
}
REPORTING = {UnitLevel.COMMUNE: 0.88, UnitLevel.DISTRICT: 0.85, UnitLevel.PROVINCE: 0.8}

REGISTRATION_DUE = datetime.date(YEAR, 4, 10)
REPORT_DUE = datetime.date(YEAR, 10, 25)


def weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class BenchDataError(Exception):
    """The database is not one the benchmark's data can go into."""


@transaction.atomic
def generate(
    scale: str,
    *,
    seed: int = YEAR,
    per_commune: tuple[int, int] = (1, 3),
    open_deadlines: bool = False,
) -> dict:
    """Fill an empty database (migrated) with the benchmark's data at ``scale``; returns
    what was made, with the accounts and the ids the benchmark opens. ``open_deadlines``:
    every deadline falls ``OPEN_FOR`` after now, as while a round is open (the plans ask,
    the to-do lists what is owed), instead of the plans' own dates of 2024."""
    if Plan.objects.exists() or Person.objects.exists():
        raise BenchDataError("bench_data fills an empty database: this one has plans or people")
    chosen = SCALES[scale]
    rng = random.Random(seed)  # noqa: S311 (repeatable data, not secrets)
    load_admin_units(old_provinces=set(chosen.old_provinces) if chosen.old_provinces else None)
    world = World(chosen)
    people = _people(world)
    top = _national_plan(world.root)
    plans = _cascade(world, top, rng)
    registrations = _registrations(world, plans, rng, per_commune)
    council = _council(world, plans, people, rng)
    reports = _reports(world, plans, rng)
    # the plans were bulk-inserted (no save(): no stored quotas): the table from every rule
    rebuild_quotas()
    index = rebuild()
    checks = _novelty_checks(plans[world.district.pk])
    if open_deadlines:
        Deadline.objects.update(due_at=timezone.now() + OPEN_FOR)
    # The planner's statistics, as a live server has them: without them PostgreSQL plans the
    # national pages' joins in seconds and SQLite reads whole tables through the wrong index.
    refresh_planner_statistics()
    return {
        "scale": scale,
        "seed": seed,
        "units": len(world.units),
        "communes": len(world.communes),
        "plans": Plan.objects.count(),
        "registrations": registrations,
        "council": council,
        "reports": reports,
        "indexed": sum(index.values()),
        "novelty_checks": checks,
        "open_deadlines": open_deadlines,
        "accounts": {name: person.username for name, person in people.items()},
        # Who administers the council's plan without a seat on it (sees its figures).
        "top_admin": {"district": "huyen", "province": "tinh", "national": "tw"}[scale],
        "password": PASSWORD,
        "plans_by_role": {
            "national": top.pk,
            "province": plans[world.province.pk].pk,
            "district": plans[world.district.pk].pk,
            "top": plans[world.top.pk].pk,
        },
    }


class World:
    """The area's units of the 2024 structure, read once, each with its parent at hand."""

    def __init__(self, scale: Scale):
        self.root = Unit.objects.get(level=UnitLevel.CENTRAL)
        old = Unit.objects.filter(valid_from__isnull=True, level__lte=UnitLevel.COMMUNE)
        province = old.get(level=UnitLevel.PROVINCE, code=scale.province)
        if scale.national:
            self.top = self.root
        elif scale.district:
            self.top = old.get(level=UnitLevel.DISTRICT, code=scale.district)
        else:
            self.top = province
        units = list(old.under(self.top.path).order_by("level", "code"))
        by_id = {unit.pk: unit for unit in [self.root, province, *units]}
        for unit in units:
            if unit.parent_id in by_id:
                unit.parent = by_id[unit.parent_id]
        # The chain from the top of the country down to the area (its plans cascade too).
        chain = [by_id.get(pk) or Unit.objects.get(pk=pk) for pk in self.top.ancestor_ids()]
        for upper, lower in itertools.pairwise(chain):
            lower.parent = upper
        self.units = {unit.pk: unit for unit in [*chain, *units]}
        self.top = self.units[self.top.pk]
        self.province = self.units[province.pk]
        self.province.parent = self.root
        self.communes = [u for u in units if u.level == UnitLevel.COMMUNE]
        self.districts = [u for u in units if u.level == UnitLevel.DISTRICT]
        in_province = sorted(
            (u for u in self.units.values() if u.level == UnitLevel.DISTRICT),
            key=lambda u: (not u.path.startswith(self.province.path), u.code),
        )
        self.district = in_province[0]  # `huyen`: the area's district, else its first
        self.commune = min(
            (u for u in self.communes if u.parent_id == self.district.pk), key=lambda u: u.code
        )

    def issuers(self) -> list[Unit]:
        """The units below the top of the country that issue plans of the cascade (the
        area's chain, provinces and districts), top down."""
        units = [u for u in self.units.values() if UnitLevel.PROVINCE <= u.level <= 2]
        return sorted(units, key=lambda u: (u.level, u.code))


def _people(world: World) -> dict[str, Person]:
    """`admin`; `tw`, `tinh`, `huyen` (administrators and officers of the central body, the
    province, the district), `xa` (officer of a commune of that district) and the council's
    `hoidong01`…`hoidong20` (the council role at the area's top unit; four of them also work
    in a district of the area, so the entries of its communes are not theirs to score)."""
    admin = Person.objects.create_superuser(
        username="admin", email="admin@example.vn", password=None, full_name="Quản trị hệ thống"
    )
    people = {"admin": admin}
    rng = random.Random(1)  # noqa: S311 (names only)
    cast = [
        ("tw", "Văn phòng Trung ương Hội", world.root, [Role.ADMIN, Role.OFFICER]),
        ("tinh", "Văn phòng Hội Nông dân tỉnh", world.province, [Role.ADMIN, Role.OFFICER]),
        ("huyen", "Văn phòng Hội Nông dân huyện", world.district, [Role.ADMIN, Role.OFFICER]),
        ("xa", texts.person_name(rng), world.commune, [Role.OFFICER]),
    ]
    for username, name, unit, roles in cast:
        person = person_create(actor=None, username=username, full_name=name, password=None)
        for role in roles:
            membership_grant(actor=None, person=person, unit=unit, role=role)
        people[username] = person
    for number in range(1, MEMBERS + 1):
        username = f"hoidong{number:02d}"
        person = person_create(
            actor=None, username=username, full_name=texts.person_name(rng), password=None
        )
        membership_grant(actor=None, person=person, unit=world.top, role=Role.COUNCIL)
        if 5 <= number <= 8 and world.districts:
            home = world.districts[(number * 7) % len(world.districts)]
            membership_grant(actor=None, person=person, unit=home, role=Role.OFFICER)
        people[username] = person
    Person.objects.filter(pk__in=[p.pk for p in people.values()]).update(
        password=make_password(PASSWORD)
    )
    return people


def _national_plan(root: Unit) -> Plan:
    """The central body's 2024 plan: the seed's text (plan 115) spoken by the central body,
    asking every commune, ward and township for at least one registration."""
    source = json.dumps(read("plan_115.json"), ensure_ascii=False).replace("2022", str(YEAR))
    data = json.loads(source.replace("Sông Hinh", "Nông dân Việt Nam"))
    data.update(
        number=68,
        date=f"{YEAR}-03-01",
        issuer_code="HNDTW",
        place="Hà Nội",
        superior_line="",
        issuer_line="BAN CHẤP HÀNH TRUNG ƯƠNG HỘI NÔNG DÂN VIỆT NAM",
        basis=[],
        recipients=["Các tỉnh, thành Hội;", "Các ban, đơn vị thuộc Trung ương Hội;", "Lưu VP."],
        registration_rule={
            "unit_kinds": list(COMMUNE_KINDS),
            "minimum": 1,
            "text": "Mỗi xã, phường, thị trấn đăng ký ít nhất 01 mô hình, sáng kiến, ý tưởng mới.",
        },
    )
    return load_plan(data, unit=root, child_plan_deadline=True)


def _cascade(world: World, top: Plan, rng: random.Random) -> dict[int, Plan]:
    """Every province and district of the area answers its parent's plan with an issued plan
    of its own; most communes too (on time, late, as a draft or not at all). Returns unit id
    → the plan its registrations and reports go on (a commune's: its district's)."""
    plans = {world.root.pk: top}
    level_units = {}
    for unit in world.issuers():
        level_units.setdefault(unit.level, []).append(unit)
    for level in sorted(level_units):
        answers = [(unit, "on_time") for unit in level_units[level]]
        _child_plans(answers, plans, rng)
    answers = [(unit, weighted(rng, OWN_PLANS)) for unit in world.communes]
    own = dict(plans)
    _child_plans([(u, how) for u, how in answers if how != "none"], own, rng)
    for commune in world.communes:
        plans[commune.pk] = plans[commune.parent_id]
    return plans


def _child_plans(answers: list[tuple[Unit, str]], plans: dict[int, Plan], rng) -> None:
    """Bulk copies of each unit's parent's plan, as the unit's own (with the parent's
    sections, criteria, deadlines and campaigns), and their bases; adds them to ``plans``."""
    parents = {plans[unit.parent_id].pk: plans[unit.parent_id] for unit, _how in answers}
    related = {
        pk: {name: list(model.objects.filter(plan_id=pk)) for name, model in COPIED.items()}
        for pk in parents
    }
    citations = {pk: citation(plan) for pk, plan in parents.items()}
    movements = Movement.objects.bulk_create(
        [Movement(unit=unit, name=plans[unit.parent_id].movement.name) for unit, _h in answers],
        batch_size=BATCH,
    )
    children, counters = [], []
    for (unit, how), movement in zip(answers, movements, strict=True):
        parent = plans[unit.parent_id]
        superior, issuer = header_lines(unit)
        authority, title = signature_lines(unit)
        issued = how in {"on_time", "late"}
        issued_on = parent.issued_on + datetime.timedelta(
            days=rng.randint(3, 20) if how == "on_time" else rng.randint(45, 60)
        )
        number = rng.randint(5, 120) if issued else None
        children.append(
            Plan(
                unit=unit,
                movement=movement,
                state=PlanState.ISSUED if issued else PlanState.DRAFT,
                superior_line=superior,
                issuer_line=issuer,
                issuer_code=DEFAULT_ISSUER_CODES[unit.level],
                number=number,
                number_period=str(YEAR) if issued else "",
                place=unit.name,
                issued_on=issued_on if issued else None,
                title=parent.title,
                subject=parent.subject,
                emulation_form=parent.emulation_form,
                period_start=parent.period_start,
                period_end=parent.period_end,
                preamble=parent.preamble,
                closing=parent.closing,
                recipients=default_recipients(unit),
                quota_kinds=parent.quota_kinds,
                quota_minimum=parent.quota_minimum,
                registration_rule=parent.registration_rule,
                late_registrations=parent.late_registrations,
                signing_authority=authority,
                signer_title=title,
                signer_name=texts.person_name(rng) if issued else "",
                is_signed=issued,
            )
        )
        if issued:
            counters.append(NumberCounter(unit=unit, period=str(YEAR), last_number=number))
    Plan.objects.bulk_create(children, batch_size=BATCH)
    NumberCounter.objects.bulk_create(counters, batch_size=BATCH)
    bases, copies = [], {name: [] for name in COPIED}
    for child in children:
        parent = plans[child.unit.parent_id]
        bases.append(PlanBasis(plan=child, position=1, parent=parent, text=citations[parent.pk]))
        for name, items in related[parent.pk].items():
            for item in items:
                copy = type(item)(
                    **{
                        f.attname: getattr(item, f.attname)
                        for f in item._meta.concrete_fields
                        if not f.primary_key
                    }
                )
                copy.plan = child
                copies[name].append(copy)
        plans[child.unit_id] = child
    PlanBasis.objects.bulk_create(bases, batch_size=BATCH)
    for name, rows in copies.items():
        COPIED[name].objects.bulk_create(rows, batch_size=BATCH)


def _registrations(world: World, plans: dict[int, Plan], rng, per_commune) -> dict:
    """1–3 registrations per commune (``per_commune``) on its district's plan, in every
    state, with their implementers, arguments and history."""
    criteria = {
        plan.pk: list(Criterion.objects.filter(plan=plan).order_by("position"))
        for plan in {plans[c.pk] for c in world.communes}
    }
    due = at(REGISTRATION_DUE, 23)
    rows, details = [], []
    # `xa`'s commune first: its first registrations take the first states (a draft to edit).
    communes = [world.commune, *(c for c in world.communes if c != world.commune)]
    for commune in communes:
        for _n in range(rng.randint(*per_commune)):
            # The first few take each state in turn: every state exists at every scale.
            state = weighted(rng, STATES) if len(rows) >= len(STATES) else list(STATES)[len(rows)]
            kind = weighted(rng, KINDS)
            sent = state not in {RegistrationState.DRAFT, RegistrationState.DELETED}
            first = at(REGISTRATION_DUE - datetime.timedelta(days=rng.randint(-6, 30)))
            name = texts.registration_name(rng, kind, commune.area_name)
            lead = texts.person_name(rng)  # drawn where it was, the rows stay the same
            registration = Registration(
                plan=plans[commune.pk],
                unit=commune,
                kind=kind,
                name=name,
                # bulk_create calls no save(): the folded columns as save() writes them
                **Registration.derived_columns({"name": name, "lead_name": lead}),
                state=state,
                lead_name=lead,
                lead_position=rng.choice(texts.POSITIONS),
                summary=rng.choice(texts.SUMMARIES),
                applied_when=f"Tháng {rng.randint(3, 6)} - 12/{YEAR}",
                applied_where=f"Các thôn của {commune.area_name}",
                applied_work=rng.choice(texts.WORK),
                expected_results=rng.choice(texts.RESULTS),
                households=rng.randint(5, 120),
                area_ha=Decimal(rng.randint(10, 5000)) / 100,
                income_change=f"Tăng {rng.randint(5, 40)}%",
                cost_vnd=rng.randint(5, 500) * 1_000_000,
                entered_by_office=sent and rng.random() < 0.05,
                first_submitted_at=first if sent else None,
                submitted_at=first if sent else None,
                is_late=sent and first > due,
                return_reason=(
                    rng.choice(texts.RETURN_REASONS) if state == RegistrationState.RETURNED else ""
                ),
            )
            rows.append(registration)
            details.append(
                (
                    [texts.person_name(rng) for _i in range(rng.randint(1, 3))],
                    [rng.choice(texts.ARGUMENTS) for _c in criteria[registration.plan_id]],
                )
            )
    Registration.all_objects.bulk_create(rows, batch_size=BATCH)
    implementers, arguments, history = [], [], []
    for registration, (names, argued) in zip(rows, details, strict=True):
        implementers.extend(
            Implementer.of(
                registration=registration, position=i, name=name, role=texts.IMPLEMENTING
            )
            for i, name in enumerate(names)
        )
        arguments.extend(
            Argument(registration=registration, criterion=criterion, text=text)
            for criterion, text in zip(criteria[registration.plan_id], argued, strict=True)
        )
        history.extend(_history(registration))
    Implementer.objects.bulk_create(implementers, batch_size=BATCH)
    Argument.objects.bulk_create(arguments, batch_size=BATCH)
    Transition.objects.bulk_create(history, batch_size=BATCH)
    states = {}
    for registration in rows:
        states[registration.state] = states.get(registration.state, 0) + 1
    return {"total": len(rows), "by_state": states}


def _novelty_checks(plan: Plan) -> int:
    """The novelty checks that sending writes (``registration_check``, over the index), for
    the district's sent registrations: the pages the benchmark opens show them. Not the
    country's: some 17,000 checks would take minutes. Returns how many were written."""
    sent = (
        Registration.objects.filter(plan=plan).exclude(state=RegistrationState.DRAFT).order_by("pk")
    )
    for registration in sent:
        registration_check(registration=registration)
    return len(sent)


def _history(registration: Registration) -> list[Transition]:
    """The steps that led to the registration's state, from its sending on."""
    state = registration.state
    if state in {RegistrationState.DRAFT, RegistrationState.DELETED}:
        return []
    sent = registration.first_submitted_at
    steps = [(RegistrationState.DRAFT, RegistrationState.SUBMITTED, sent, "")]
    later = sent + datetime.timedelta(days=3)
    if state == RegistrationState.RETURNED:
        steps.append((RegistrationState.SUBMITTED, state, later, registration.return_reason))
    elif state in {RegistrationState.RECEIVED, RegistrationState.ACCEPTED}:
        steps.append((RegistrationState.SUBMITTED, RegistrationState.RECEIVED, later, ""))
        if state == RegistrationState.ACCEPTED:
            steps.append(
                (RegistrationState.RECEIVED, state, later + datetime.timedelta(days=5), "")
            )
    return [
        Transition(
            registration=registration,
            from_state=before,
            to_state=after,
            at=when,
            reason=reason,
            is_late=registration.is_late and after == RegistrationState.SUBMITTED,
        )
        for before, after, when, reason in steps
    ]


def _council(world: World, plans: dict[int, Plan], people: dict, rng) -> dict:
    """The area's top plan's council: 20 members (through the domain), scoring; each entry
    scored by 3 members who may score it (the least loaded first), their sheets mostly sent."""
    plan = plans[world.top.pk]
    council = council_create(
        actor=people["admin"],
        plan=plan,
        name=f"Hội đồng đánh giá mô hình, sáng kiến năm {YEAR}",
    )
    members = []
    for number in range(1, MEMBERS + 1):
        role = {1: MemberRole.CHAIR, 2: MemberRole.SECRETARY}.get(number, MemberRole.MEMBER)
        person = people[f"hoidong{number:02d}"]
        members.append(member_add(actor=people["admin"], council=council, person=person, role=role))
    council_set_state(actor=people["admin"], council=council, state=CouncilState.SCORING)
    homes = {
        member.pk: [m.unit.path for m in member.person.memberships.exclude(role=Role.COUNCIL)]
        for member in members
    }
    criteria = list(plan.criteria.order_by("position"))
    entries = (
        Registration.objects.filter(
            unit__path__startswith=world.top.path,
            state__in=(RegistrationState.RECEIVED, RegistrationState.ACCEPTED),
        )
        .select_related("unit")
        .order_by("first_submitted_at", "id")
    )
    load = dict.fromkeys((m.pk for m in members), 0)
    sheets, scores = [], []
    for entry in entries:
        free = [
            m for m in members if not any(path.startswith(entry.unit.path) for path in homes[m.pk])
        ]
        chosen = sorted(free, key=lambda m: (load[m.pk], rng.random()))[:SCORES_PER_ENTRY]
        for member in chosen:
            load[member.pk] += 1
            state = weighted(rng, SHEETS)
            sheet = Assignment(member=member, registration=entry, state=state)
            points = []
            if state != AssignmentState.OPEN:
                merit = rng.randint(8, 19)
                for criterion in criteria:
                    scored = state == AssignmentState.SUBMITTED or rng.random() < 0.6
                    value = min(criterion.max_points, max(0, merit + rng.randint(-3, 2)))
                    points.append((criterion, Decimal(value) if scored else None))
            sheet.total = (
                sum(((p or 0) * c.weight for c, p in points), Decimal(0)).quantize(Decimal("0.01"))
                if points
                else None
            )
            if state == AssignmentState.SUBMITTED:
                sheet.submitted_at = at(datetime.date(YEAR, 5, rng.randint(2, 20)), 15)
            sheets.append(sheet)
            scores.append(points)
    Assignment.objects.bulk_create(sheets, batch_size=BATCH)
    rows = [
        Score(
            assignment=sheet, criterion=criterion, points=value, comment=rng.choice(texts.COMMENTS)
        )
        for sheet, points in zip(sheets, scores, strict=True)
        for criterion, value in points
    ]
    Score.objects.bulk_create(rows, batch_size=BATCH)
    return {
        "id": council.pk,
        "entries": len({sheet.registration_id for sheet in sheets}),
        "sheets": len(sheets),
        "scores": len(rows),
    }


def _reports(world: World, plans: dict[int, Plan], rng) -> dict:
    """Most units' results reports: a commune's on its district's plan, with a result for each
    registration it sent; a district's and a province's on their own plans."""
    units = [u for u in world.units.values() if u.level >= UnitLevel.PROVINCE]
    units.sort(key=lambda u: (u.level, u.code))
    sent_by_unit = {}
    sent = Registration.objects.filter(
        unit__path__startswith=world.top.path,
        state__in=(
            RegistrationState.SUBMITTED,
            RegistrationState.RECEIVED,
            RegistrationState.RETURNED,
            RegistrationState.ACCEPTED,
        ),
    ).values_list("unit_id", "pk")
    for unit_id, pk in sent:
        sent_by_unit.setdefault(unit_id, []).append(pk)
    reports, results_for = [], []
    for unit in units:
        if unit.pk not in plans or rng.random() >= REPORTING.get(unit.level, 0):
            continue
        state = weighted(rng, REPORTS)
        sent_on = REPORT_DUE + datetime.timedelta(days=rng.randint(-12, 5))
        was_sent = state != ReportState.DRAFT
        meetings = rng.randint(1, 8)
        reports.append(
            ResultsReport(
                plan=plans[unit.pk],
                unit=unit,
                state=state,
                meetings=meetings,
                meeting_participants=meetings * rng.randint(20, 60),
                media_items=rng.randint(0, 6),
                events=rng.randint(0, 3),
                event_participants=rng.randint(0, 300),
                replicated=rng.randint(0, 4),
                support_vnd=rng.randint(0, 50) * 1_000_000,
                fund_vnd=rng.randint(0, 20) * 500_000,
                achievements=rng.choice(texts.RESULTS),
                shortcomings="Một số chi hội triển khai còn chậm.",
                proposals="Đề nghị hỗ trợ kinh phí nhân rộng mô hình hiệu quả.",
                first_submitted_at=at(sent_on) if was_sent else None,
                submitted_at=at(sent_on) if was_sent else None,
                is_late=was_sent and sent_on > REPORT_DUE,
                return_reason=(
                    "Bổ sung số liệu hộ tham gia." if state == ReportState.RETURNED else ""
                ),
            )
        )
        results_for.append(sent_by_unit.get(unit.pk, []) if unit.level == UnitLevel.COMMUNE else [])
    ResultsReport.objects.bulk_create(reports, batch_size=BATCH)
    results = [
        InitiativeResult(
            report=report,
            registration_id=pk,
            progress=weighted(
                rng,
                {
                    Progress.DONE: 40,
                    Progress.IN_PROGRESS: 40,
                    Progress.NOT_STARTED: 12,
                    Progress.STOPPED: 8,
                },
            ),
            households=rng.randint(5, 120),
            text=rng.choice(texts.RESULTS),
        )
        for report, pks in zip(reports, results_for, strict=True)
        for pk in pks
    ]
    InitiativeResult.objects.bulk_create(results, batch_size=BATCH)
    return {"reports": len(reports), "results": len(results)}
