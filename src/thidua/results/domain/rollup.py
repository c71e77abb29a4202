"""The roll-up: every reporting unit's figures, by unit, kind and campaign, recomputed from
the reports and registrations each time (nothing typed twice), in a fixed number of
queries. A unit that has not reported is missing, never zero."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

from thidua.initiatives.domain.compliance import plan_tree, quotas
from thidua.initiatives.models import SENT_STATES, Kind, Registration
from thidua.org.models import Unit
from thidua.plans.domain.cascade import recipients
from thidua.plans.models import Plan
from thidua.results.enums import Reporting
from thidua.results.models import InitiativeResult, ReportState, ResultsReport

SENT = (ReportState.SUBMITTED, ReportState.RECEIVED)
REPORT_SUMS = [
    "meetings", "meeting_participants", "media_items", "events", "event_participants",
    "replicated", "support_vnd", "fund_vnd", "award_entries",
]  # fmt: skip


@dataclass
class Row:
    unit: Unit
    registered: int = 0
    report: dict | None = None  # the report's figures; None while nothing was sent
    by_progress: dict[str, int] = field(default_factory=dict)
    households: int = 0
    area_ha: Decimal = Decimal(0)
    cost_vnd: int = 0

    @property
    def state(self) -> str:
        if self.report is None:
            return Reporting.MISSING
        return Reporting.LATE if self.report["is_late"] else Reporting.ON_TIME

    @property
    def state_label(self) -> str:
        return str(Reporting(self.state).label)

    def figure(self, name: str):
        return None if self.report is None else self.report[name]


@dataclass
class Rollup:
    plan: Plan
    rows: list[Row]
    by_kind: dict[str, int]
    by_campaign: list[tuple[str, int]]
    groups: list[tuple[Unit, list[Row]]]

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    def total(self, name: str) -> int:
        """A sum over the units that reported; the missing ones are counted apart."""
        return sum(row.figure(name) or 0 for row in self.rows if row.report is not None)

    count_on_time = property(lambda self: self.count(Reporting.ON_TIME))
    count_late = property(lambda self: self.count(Reporting.LATE))
    count_missing = property(lambda self: self.count(Reporting.MISSING))

    @property
    def kinds(self) -> list[tuple[str, int]]:

        return [(str(Kind(kind).label), n) for kind, n in sorted(self.by_kind.items())]

    def group_totals(self) -> list[dict]:
        """For a province: each district's units by state, and their registrations."""
        return [
            {
                "unit": head,
                "units": len(rows),
                **{state: sum(1 for r in rows if r.state == state) for state in Reporting.values},
                "registered": sum(r.registered for r in rows),
            }
            for head, rows in self.groups
        ]

    @property
    def reported(self):
        return [row for row in self.rows if row.report is not None]


def rollup(plan: Plan) -> Rollup:
    plans = plan_tree(plan)
    units = {u.pk: u for u in Unit.objects.filter(pk__in=quotas(plans)).order_by("sort_key")}
    rows = {pk: Row(unit=unit) for pk, unit in units.items()}
    registrations = Registration.objects.filter(
        plan__in=plans, unit_id__in=rows, state__in=SENT_STATES
    )
    for unit_id, n in registrations.values_list("unit_id").annotate(n=Count("id")):
        rows[unit_id].registered = n
    sent = ResultsReport.objects.filter(plan__in=plans, unit_id__in=rows, state__in=SENT)
    for values in sent.values("unit_id", "is_late", *REPORT_SUMS):
        rows[values["unit_id"]].report = values
    results = (
        InitiativeResult.objects.filter(report__in=sent)
        .values("report__unit_id", "progress")
        .annotate(
            n=Count("id"), households=Sum("households"), area=Sum("area_ha"), cost=Sum("cost_vnd")
        )
    )
    for values in results:
        row = rows[values["report__unit_id"]]
        row.by_progress[values["progress"]] = values["n"]
        row.households += values["households"] or 0
        row.area_ha += values["area"] or 0
        row.cost_vnd += values["cost"] or 0
    by_kind = dict(registrations.values_list("kind").annotate(n=Count("id")))
    by_campaign = list(
        registrations.exclude(campaigns=None)
        .values_list("campaigns__name")
        .annotate(n=Count("id"))
        .order_by("-n", "campaigns__name")
    )
    ordered = list(rows.values())
    return Rollup(
        plan=plan,
        rows=ordered,
        by_kind=by_kind,
        by_campaign=by_campaign,
        groups=_groups(plan, ordered),
    )


def _groups(plan: Plan, rows: list[Row]) -> list[tuple[Unit, list[Row]]]:
    heads = list(recipients(plan))
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        head = next((h for h in heads if row.unit.path.startswith(h.path)), None)
        if head is not None and head.pk != row.unit.pk:
            grouped[head.pk].append(row)
    return [(h, grouped[h.pk]) for h in heads if grouped[h.pk]]
