"""Figures of a results report read from the records instead of typed (no double entry).

``RECORDED`` maps a figure of ``ResultsReport`` (a field name) to the function computing it
for a report: the report's unit and the period of the plan it reports on. The report form
shows these figures read-only ("from the records"), and the report keeps them up to date
while it may change (``recorded_refresh`` on opening and sending, ``recorded_figures`` over
whatever a save was given), so the roll-up, the workbook and the report document read them
like any other figure; once sent, a report keeps the figures it was sent with.

Each app that records something a report counts adds its figures here (one line each).
"""

from collections.abc import Callable

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.core.signals import rows_changed
from thidua.events.domain.selectors import event_figures
from thidua.fund.domain.rollup import unit_figures
from thidua.replication.domain.selectors import replicated_count
from thidua.results.models import ResultsReport


def _events(report: ResultsReport) -> dict[str, int]:
    return event_figures(report.unit, report.plan.period_start, report.plan.period_end)


def _replicated(report: ResultsReport) -> int:
    return replicated_count(report.unit, report.plan.period_start, report.plan.period_end)


def _fund(report: ResultsReport) -> int:
    """What the unit's own funds sent to the national fund in the plan's period (net of
    corrections); the units under it add theirs in the roll-up."""
    period = {"start": report.plan.period_start, "end": report.plan.period_end}
    return unit_figures(report.unit, **period)["national"]


# figure name → the function computing it. A function may give several figures (one query
# for the events and their participants): RECORDED lists each figure it gives.
RECORDED: dict[str, Callable[[ResultsReport], int | dict[str, int]]] = {
    "events": _events,
    "event_participants": _events,
    "fund_vnd": _fund,
    "replicated": _replicated,
}


def recorded_figures(report: ResultsReport) -> dict[str, int]:
    """Every recorded figure of ``report``, each source asked once."""
    values: dict[str, int] = {}
    answers: dict[Callable, int | dict[str, int]] = {}
    for name, compute in RECORDED.items():
        if compute not in answers:
            answers[compute] = compute(report)
        answer = answers[compute]
        values[name] = answer[name] if isinstance(answer, dict) else answer
    return values


def is_recorded(name: str) -> bool:
    return name in RECORDED


def recorded_refresh(*, actor, report: ResultsReport) -> ResultsReport:
    """Write the recorded figures into ``report`` where the records moved since (a report
    that may still change: opened, saved, about to be sent); audited when anything changed.
    Once sent, a report keeps the figures it was sent with."""
    changed = {
        name: value
        for name, value in recorded_figures(report).items()
        if getattr(report, name) != value
    }
    if not changed:
        return report
    before = snapshot(report)
    ResultsReport.objects.filter(pk=report.pk).update(**changed)
    rows_changed.send(sender=ResultsReport, pks=[report.pk])
    for name, value in changed.items():
        setattr(report, name, value)
    record(actor=actor, action=Action.UPDATE, instance=report, unit=report.unit, before=before)
    return report
