"""A unit's results report: opened with what the system knows, saved without losing a
concurrent edit, submitted before the report deadline, received or returned by the unit
above. Every change is audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.edits import add_file, save_over_version
from thidua.audit.log import person_of, record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.initiatives.models import SENT_STATES, Registration
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit
from thidua.plans.domain.sending import send_to_unit_above
from thidua.plans.models import DeadlineKind, Plan, PlanState
from thidua.results.domain.recorded import recorded_figures, recorded_refresh
from thidua.results.models import InitiativeResult, ReportPhoto, ReportState, ResultsReport

EDITABLE = (ReportState.DRAFT, ReportState.RETURNED)
FIGURES = {
    "meetings", "meeting_participants", "media_items", "events", "event_participants",
    "replicated", "support_vnd", "support_in_kind", "fund_vnd", "award_entries",
}  # fmt: skip
NARRATIVE = {"achievements", "shortcomings", "causes", "lessons", "proposals"}
RESULT_FIELDS = {
    "progress",
    "stop_reason",
    "households",
    "area_ha",
    "income_change",
    "cost_vnd",
    "text",
}


def report_deadline(plan: Plan):
    deadline = plan.deadlines.filter(kind=DeadlineKind.REPORT).first()
    return deadline.due_at if deadline else None


def signing_plan(unit: Unit) -> Plan | None:
    """The unit's latest issued plan that names its signer: who signs the unit's report and
    how (the unit's own chairman, not that of the unit whose plan it reports on)."""
    return (
        Plan.objects.filter(unit=unit, state__in=(PlanState.ISSUED, PlanState.CLOSED))
        .exclude(signer_name="")
        .order_by("-issued_on", "-pk")
        .first()
    )


@transaction.atomic
def report_open(*, actor, plan: Plan, unit: Unit) -> ResultsReport:
    """The unit's report for the plan, created on first opening with one row per initiative
    it registered and a first paragraph written from the data."""
    report = ResultsReport.objects.filter(plan=plan, unit=unit).first()
    if report is not None:
        return report
    if plan.state not in (PlanState.ISSUED, PlanState.CLOSED):
        raise ValidationError(_("Results are reported on issued plans."))
    registrations = list(
        Registration.objects.filter(plan=plan, unit=unit, state__in=SENT_STATES).order_by("id")
    )
    report = ResultsReport.objects.create(
        plan=plan,
        unit=unit,
        achievements=_starting_text(unit, registrations),
        created_by=person_of(actor),
    )
    InitiativeResult.objects.bulk_create(
        InitiativeResult(report=report, registration=r) for r in registrations
    )
    record(actor=actor, action=Action.CREATE, instance=report, unit=unit)
    return recorded_refresh(actor=actor, report=report)


def _starting_text(unit: Unit, registrations: list[Registration]) -> str:
    if not registrations:
        return ""
    names = "; ".join(f"“{r.name}”" for r in registrations)
    return _("%(unit)s registered %(count)d models, initiatives and ideas: %(names)s.") % {
        "unit": unit.full_name,
        "count": len(registrations),
        "names": names,
    }


@transaction.atomic
def report_save(
    *, actor, report: ResultsReport, version: int, fields: dict, results: dict[int, dict]
) -> ResultsReport:
    """Save the figures, the narrative and each initiative's result, if nobody saved in
    between (``version``); refused once the report is sent. Its UPDATE entry holds the
    report's own columns (figures and narrative) before and after; each initiative's result
    is then written in the same transaction."""
    save_over_version(
        actor=actor,
        instance=report,
        version=version,
        fields={**fields, **recorded_figures(report)},  # read from the records, never typed
        allowed=FIGURES | NARRATIVE,
        editable=EDITABLE,
        refused=_("This report was already sent."),
        unit=report.unit,
    )
    for result in report.results.all():
        values = results.get(result.registration_id)
        if values:
            for name in RESULT_FIELDS & set(values):
                setattr(result, name, values[name])
            result.save()
    return report


@transaction.atomic
def report_submit(*, actor, report: ResultsReport) -> ResultsReport:
    report = ResultsReport.objects.select_related("plan", "unit__parent").get(pk=report.pk)
    if report.state == ReportState.SUBMITTED:
        return report  # a double click
    if report.state not in EDITABLE:
        raise ValidationError(_("This report was already sent."))
    if not report.achievements.strip():
        raise ValidationError({"achievements": _("Write the results achieved.")})
    recorded_refresh(actor=actor, report=report)  # sent with the records as they stand
    late = send_to_unit_above(
        actor=actor,
        instance=report,
        to=ReportState.SUBMITTED,
        plan=report.plan,
        sent_at=timezone.now(),
        due=report_deadline(report.plan),
        refused=_("The report deadline has passed: this plan accepts no late reports."),
    )
    if late is None:
        return ResultsReport.objects.get(pk=report.pk)
    return _after(
        actor,
        report,
        office_of(report.unit.parent) if report.unit.parent else [],
        _("%(unit)s sent its results report.") % {"unit": report.unit.full_name},
    )


@transaction.atomic
def report_review(
    *, actor, report: ResultsReport, receive: bool, reason: str = ""
) -> ResultsReport:
    """Receive a sent report, or return it with a reason."""
    report = ResultsReport.objects.select_related("plan", "unit").get(pk=report.pk)
    target = ReportState.RECEIVED if receive else ReportState.RETURNED
    if report.state == target:
        return report
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(_("Only a sent report can be received or returned."))
    if not receive and not reason.strip():
        raise ValidationError({"reason": _("Say why the report is returned.")})
    if not transition(
        actor=actor,
        instance=report,
        to=target,
        unit=report.unit,
        changes={"return_reason": reason.strip(), "version": F("version") + 1},
        after={"reason": reason.strip()} if reason.strip() else None,
    ):
        return ResultsReport.objects.get(pk=report.pk)
    message = (
        _("The unit above received your results report.")
        if receive
        else _("Your results report was returned: %(reason)s") % {"reason": reason.strip()}
    )
    return _after(actor, report, office_of(report.unit), message)


def _after(actor, report, people, message) -> ResultsReport:
    """Tell the people concerned about a transition already made and audited."""
    notify(
        people=[p for p in people if p != actor],
        message=message,
        url=reverse("results:report_detail", args=[report.pk]),
    )
    return ResultsReport.objects.get(pk=report.pk)


@transaction.atomic
def report_photo_add(*, actor, report: ResultsReport, upload, title: str) -> ReportPhoto:
    """Add a photo of the results (re-encoded: no location survives) to a report that may
    still change; audited. ValidationError when the report was sent or the file refused."""
    if report.state not in EDITABLE:
        raise ValidationError(_("This report was already sent."))
    photo = ReportPhoto(report=report, title=title[:200])
    return add_file(actor=actor, row=photo, upload=upload, unit=report.unit, photo=True)
