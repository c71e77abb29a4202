"""The dashboard of a plan: each chart is a table of numbers first, drawn as SVG after
(thidua.core.charts), and offered as CSV. Everything is read in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from thidua.core import charts
from thidua.documents.csvfile import render_csv
from thidua.documents.xlsx import XlsxColumn
from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.domain.compliance_table import ComplianceSummary, compliance_summary
from thidua.initiatives.enums import ComplianceState
from thidua.initiatives.models import SENT_STATES, Registration, RegistrationState
from thidua.org.models import Unit
from thidua.plans.domain.series import series
from thidua.plans.domain.tree import plan_tree_ids
from thidua.plans.models import Plan
from thidua.results.domain.lines import MEASURES, Rollup
from thidua.results.domain.rollup import rollup
from thidua.results.enums import Reporting
from thidua.results.models import Progress
from thidua.review.domain.distribution import entry_scores

MAX_ROWS = 30  # more units than this are shown by the units above them


@dataclass
class Chart:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    svg: str

    def csv(self) -> bytes:
        """The numbers as CSV for Excel (documents/csvfile.py: UTF-8 with its BOM)."""
        columns = [XlsxColumn(str(header), 12) for header in self.headers]
        return render_csv(columns=columns, rows=self.rows)


def dashboard(plan: Plan) -> list[Chart]:
    summary = compliance_summary(plan, few=MAX_ROWS)
    results = rollup(plan)
    charts = [
        _registrations_by_unit(plan, summary),
        _on_time(summary.totals),
        _reports(results),
        _results(results),
        _scores(plan),
        _years(plan),
    ]
    compared = year_over_year(plan, current=results)
    if compared is not None:
        charts += [
            _compared(compared, "registered", _("Registrations sent, year over year")),
            _compared(compared, "done", _("Initiatives completed, year over year")),
        ]
    return charts


# --- year over year: the plans of a series (plans/domain/series.py) side by side ------------


@dataclass
class Compared:
    """One unit's figures in each year of the series (None: no figure that year)."""

    unit: Unit
    is_total: bool
    values: dict[str, list]  # measure → one figure per plan of the series


@dataclass
class YearOverYear:
    """The roll-ups of a series' plans, oldest first: the issuer's totals (the district's
    figures) and those of each unit under it (a commune with what is under it), matched by
    unit across the years. A unit that did not exist in a year has no figure there."""

    plans: list[Plan]
    lines: list[Compared]

    @property
    def years(self) -> list[str]:
        return [_year(p) for p in self.plans]

    @property
    def columns(self) -> list[tuple[str, Plan]]:
        """Each year's label with its plan."""
        return list(zip(self.years, self.plans, strict=True))

    def rows(self, measure: str) -> list[tuple[Compared, list]]:
        return [(line, line.values[measure]) for line in self.lines]

    def table(self, measure: str) -> list[tuple[Compared, list[tuple[str, object]]]]:
        """The rows with each figure beside its year, as the page's table shows them."""
        return [
            (line, list(zip(self.years, values, strict=True)))
            for line, values in self.rows(measure)
        ]


def year_over_year(plan: Plan, *, current: Rollup | None = None) -> YearOverYear | None:
    """``plan``'s series compared year over year; None when it has no other year. A roll-up
    per plan of the series (a fixed number of queries each; the series is bounded)."""
    plans = series(plan)
    if len(plans) < 2:
        return None
    rollups = [current if current is not None and p.pk == plan.pk else rollup(p) for p in plans]
    units: dict[int, Unit] = {}
    for summary in reversed(rollups):  # the latest year's units and order first
        for node in summary.root.children:
            units.setdefault(node.unit.pk, node.unit)
    lines = [
        Compared(
            unit=plan.unit,
            is_total=True,
            values={m: [summary.total(m) for summary in rollups] for m in MEASURES},
        )
    ]
    for unit_id, unit in units.items():
        nodes = [_node(summary, unit_id) for summary in rollups]
        lines.append(
            Compared(
                unit=unit,
                is_total=False,
                values={
                    m: [None if node is None else node.value(m) for node in nodes] for m in MEASURES
                },
            )
        )
    return YearOverYear(plans=plans, lines=lines)


def _node(summary: Rollup, unit_id: int):
    try:
        return summary.node(unit_id)
    except KeyError:
        return None  # the unit did not report under that year's plan (or did not exist)


def _year(plan: Plan) -> str:
    start, end = plan.period_start.year, plan.period_end.year
    return str(start) if start == end else f"{start}–{end}"


def _compared(compared: YearOverYear, measure: str, title: str) -> Chart:
    """A unit per row (the issuer's total first), a bar per year."""
    rows = [
        [_("Total") if line.is_total else line.unit.full_name, *values]
        for line, values in compared.rows(measure)
    ][: MAX_ROWS + 1]
    series_ = [
        charts.Series(
            name=year,
            values=[row[i + 1] for row in rows],
            color=charts.PALETTE[i % len(charts.PALETTE)],
        )
        for i, year in enumerate(compared.years)
    ]
    svg = charts.bar_chart(title=title, labels=[r[0] for r in rows], series=series_)
    return Chart(f"{measure}_by_year", title, [_("Unit"), *compared.years], rows, svg)


def _registrations_by_unit(plan: Plan, summary: ComplianceSummary) -> Chart:
    """A bar per unit that owes, or per recipient (a district, for a province) when more
    than ``MAX_ROWS`` units owe: their sums, from the database; the units themselves only
    for a short table."""
    states = [
        RegistrationState.ACCEPTED,
        RegistrationState.RECEIVED,
        RegistrationState.SUBMITTED,
        RegistrationState.RETURNED,
        RegistrationState.DRAFT,
    ]
    if summary.totals["units"] > MAX_ROWS and summary.groups:
        units = [(unit.full_name, counts) for unit, counts in summary.groups]
    elif summary.units is not None:
        units = [(unit.full_name, counts) for unit, counts in summary.units]
    else:  # many units, none under a recipient: every unit's row (never seen in practice)
        units = [(row.unit.full_name, row.by_state) for row in compliance(plan).rows]
    title = _("Registrations by unit and state")
    rows = [[name, *[counts.get(s, 0) for s in states]] for name, counts in units]
    series = [
        charts.Series(
            name=str(RegistrationState(s).label),
            values=[r[i + 1] for r in rows],
            color=charts.PALETTE[i],
        )
        for i, s in enumerate(states)
    ]
    svg = charts.bar_chart(title=title, labels=[r[0] for r in rows], series=series, stacked=True)
    return Chart(
        "registrations",
        title,
        [_("Unit"), *[str(RegistrationState(s).label) for s in states]],
        rows,
        svg,
    )


def _on_time(totals: dict[str, int]) -> Chart:
    rows = [[str(label), totals[key]] for key, label in ComplianceState.choices]
    return _shares("on_time", _("Units by registration status"), _("Status"), rows)


def _reports(results) -> Chart:
    rows = [[str(label), results.count(key)] for key, label in Reporting.choices]
    return _shares("reports", _("Units by results report"), _("Report"), rows)


def _shares(key: str, title: str, heading: str, rows: list[list]) -> Chart:
    """The units split by what they did, drawn as one bar of shares: (label, units) rows."""
    parts = [(label, n, charts.PALETTE[i]) for i, (label, n) in enumerate(rows)]
    return Chart(
        key, title, [heading, _("Units")], rows, charts.percent_bar(title=title, parts=parts)
    )


def _results(results) -> Chart:
    title = _("Registered initiatives by implementation status")
    # Counted in the reports sent; no report at all is no data, not zero initiatives.
    rows = [[str(Progress(s).label), results.total(s)] for s in Progress.values]
    return _bars("results", title, _("Status"), _("Initiatives"), rows, charts.PALETTE[0])


def _scores(plan: Plan) -> Chart:
    title = _("Distribution of the councils' scores")
    values = [float(score) for council in plan.councils.all() for score in entry_scores(council)]
    bins = [(0, 50), (50, 65), (65, 80), (80, 90), (90, 100.01)]
    rows = [
        [f"{low:g}–{min(high, 100):g}", sum(1 for v in values if low <= v < high)]
        for low, high in bins
    ]
    svg = charts.histogram(title=title, values=values, bins=bins, color=charts.PALETTE[1])
    return Chart("scores", title, [_("Score"), _("Entries")], rows, svg)


def _years(plan: Plan) -> Chart:
    """Registrations sent under this unit's plans, year by year."""
    title = _("Registrations year by year")
    per_year = (
        Registration.objects.filter(plan__unit=plan.unit, state__in=SENT_STATES)
        .values_list("plan__period_start__year")
        .annotate(n=Count("id"))
        .order_by("plan__period_start__year")
    )
    # The plans of the tree as a subquery (thousands at national size, never a list of ids);
    # the states picked here: a filter on them would lead SQLite to read every sent
    # registration of the country.
    below = (
        Registration.objects.filter(plan__in=plan_tree_ids(plan))
        .exclude(plan__unit=plan.unit)
        .order_by()
        .values_list("plan__period_start__year", "state")
        .annotate(n=Count("id"))
    )
    counts: dict[int, int] = {}
    for year, n in [*per_year, *((year, n) for year, state, n in below if state in SENT_STATES)]:
        counts[year] = counts.get(year, 0) + n
    rows = [[str(year), counts[year]] for year in sorted(counts)]
    return _bars("years", title, _("Year"), _("Registrations"), rows, charts.PALETTE[2])


def _bars(key: str, title: str, heading: str, counted: str, rows: list[list], color) -> Chart:
    """(label, count) rows drawn as bars of one series, named as the column of the counts."""
    series = charts.Series(name=counted, values=[r[1] for r in rows], color=color)
    svg = charts.bar_chart(title=title, labels=[r[0] for r in rows], series=[series])
    return Chart(key, title, [heading, counted], rows, svg)
