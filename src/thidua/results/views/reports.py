"""Results reports: the plan's overview, a report's pages, its photos and autosave. Every
view asks ``thidua.org.access`` first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.audit.display import state_label
from thidua.audit.models import Action, AuditEntry
from thidua.core import autosave, downloads, uploads
from thidua.core.actions import act, add_upload, send_up
from thidua.core.forms import PhotoForm
from thidua.core.once import single_use
from thidua.core.versions import StaleEdit
from thidua.org import access
from thidua.plans.domain.selectors import plan_get
from thidua.plans.models import Plan
from thidua.results import exports, forms
from thidua.results.domain.recorded import recorded_figures
from thidua.results.domain.reports import (
    EDITABLE,
    RESULT_FIELDS,
    report_deadline,
    report_open,
    report_photo_add,
    report_review,
    report_save,
    report_submit,
    signing_plan,
)
from thidua.results.domain.rollup import reporting_row, reporting_rows, rollup
from thidua.results.models import ReportState, ResultsReport


def _plan(request, pk) -> Plan:
    return plan_get(user=request.user, pk=pk)


def _plan_reported(request, pk) -> Plan:
    """The plan, for someone who may see the reports of its unit (the roll-up, the charts)."""
    plan = _plan(request, pk)
    if not access.can(request.user, "report.view", plan.unit):
        raise PermissionDenied
    return plan


def _report(request, pk) -> ResultsReport:
    report = get_object_or_404(
        ResultsReport.objects.select_related("plan__unit", "unit__parent"), pk=pk
    )
    action = "report.edit" if report.state == ReportState.DRAFT else "report.view"
    if not access.can(request.user, action, report.unit):
        raise Http404
    return report


def _report_to_edit(request, pk) -> ResultsReport:
    """The report, if the person may change it now (403 otherwise)."""
    report = _report(request, pk)
    if report.state not in EDITABLE or not access.can(request.user, "report.edit", report.unit):
        raise PermissionDenied
    return report


OVERVIEW_PAGE_SIZE = 50  # units a page of the reports' list shows; the total is said


@login_required
def overview(request, plan_pk):
    """Every unit that reports under the plan and that the user may see, with its report
    wherever in the cascade it was written (a commune reports on its district's plan). Reads
    the units and their reports, not the figures; the models of the units shown only."""
    plan = _plan(request, plan_pk)
    filters = forms.ReportFilterForm(request.GET or None)
    wanted = filters.cleaned_data["reporting"] if filters.is_valid() else ""
    rows = [
        row
        for row in reporting_rows(plan)
        if (not wanted or row.state == wanted)
        # its path is all ``access`` reads of a unit
        and access.can(request.user, "report.view", row.place)
    ]
    page = Paginator(rows, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "results/overview.html",
        {
            "plan": plan,
            "filters": filters,
            "page": page,
            "units": [
                (row, access.can(request.user, "report.edit", row.unit)) for row in page.object_list
            ],
            "deadline": report_deadline(plan),
            "can_rollup": access.can(request.user, "report.view", plan.unit),
        },
    )


@login_required
@require_POST
def open_report(request, plan_pk, unit_pk):
    """The unit's report, opened on the plan it reports on (its own in the cascade, else the
    one addressed to it), or the one it already has anywhere in the cascade."""
    plan = _plan(request, plan_pk)
    row = reporting_row(plan, unit_pk)
    if row is None or not access.can(request.user, "report.edit", row.unit):
        raise Http404
    if row.report_id is not None:
        editable = row.report_state in EDITABLE
        return redirect(
            "results:report_edit" if editable else "results:report_detail", row.report_id
        )
    report = act(request, lambda: report_open(actor=request.user, plan=row.plan, unit=row.unit))
    if report is None:
        return redirect("results:overview", plan_pk=plan.pk)
    return redirect("results:report_edit", pk=report.pk)


def _forms(report, data=None):
    fields = list(forms.ReportForm.base_fields)
    initial = {name: getattr(report, name) for name in fields} | recorded_figures(report)
    form = forms.ReportForm(data, initial=initial)
    results = list(report.results.select_related("registration"))
    result_forms = [
        (
            result,
            forms.ResultForm(
                data,
                prefix=f"r{result.registration_id}",
                initial={name: getattr(result, name) for name in RESULT_FIELDS},
            ),
        )
        for result in results
    ]
    return form, result_forms


@login_required
def report_edit(request, pk):
    report = _report_to_edit(request, pk)
    data = request.POST or None
    form, result_forms = _forms(report, data)
    status = 200
    if request.method == "POST" and form.is_valid() and all(f.is_valid() for _, f in result_forms):
        try:
            report = _save(request, report, form, result_forms)
        except StaleEdit:
            messages.warning(
                request,
                _(
                    "Someone else saved this report meanwhile. Your text is below and was "
                    "NOT saved: merge and save again."
                ),
            )
            status = 409
            report.refresh_from_db()
            data = request.POST.copy()
            data["version"] = report.version
            form, result_forms = _forms(report, data)
            form.is_valid()
        else:
            if "submit" in request.POST:
                return _submit(request, report)
            messages.success(request, _("The draft was saved."))
            return redirect("results:report_edit", pk=report.pk)
    return render(
        request,
        "results/edit.html",
        {
            "report": report,
            "form": form,
            "result_forms": result_forms,
            "photo_form": PhotoForm(),
            "deadline": report_deadline(report.plan),
            # Sent over another version than the one saved: theirs is shown beside it.
            "conflict": request.method == "POST"
            and request.POST.get("version") != str(report.version),
        },
        status=status,
    )


def _submit(request, report):
    return send_up(
        request,
        lambda: report_submit(actor=request.user, report=report),
        late=_("The report was sent after the deadline: it is marked late."),
        on_time=_("The report was sent to the unit above."),
        back=reverse("results:report_edit", kwargs={"pk": report.pk}),
        onward=reverse("results:report_detail", kwargs={"pk": report.pk}),
    )


@login_required
def report_detail(request, pk):
    report = _report(request, pk)
    parent = report.unit.parent
    entries = AuditEntry.objects.filter(
        content_type__model="resultsreport", object_id=str(report.pk), action=Action.TRANSITION
    ).select_related("actor", "content_type")
    history = [(entry, state_label(entry)) for entry in entries]
    return render(
        request,
        "results/detail.html",
        {
            "report": report,
            "results": report.results.select_related("registration"),
            "history": history,
            "can_edit": report.state in EDITABLE
            and access.can(request.user, "report.edit", report.unit),
            "can_review": parent is not None and access.can(request.user, "report.review", parent),
        },
    )


@login_required
@require_POST
def report_action(request, pk, action):
    report = _report(request, pk)
    if action == "submit":
        if not access.can(request.user, "report.edit", report.unit):
            raise PermissionDenied
        return _submit(request, report)
    if report.unit.parent is None or not access.can(
        request.user, "report.review", report.unit.parent
    ):
        raise PermissionDenied
    act(
        request,
        lambda: report_review(
            actor=request.user,
            report=report,
            receive=action == "receive",
            reason=request.POST.get("reason", "")[:2000],
        ),
        done=_("Done."),
    )
    return redirect("results:report_detail", pk=report.pk)


@login_required
def report_docx(request, pk):
    report = _report(request, pk)
    content = exports.report_docx(
        report, rollup(report.plan, draft=report), signer=signing_plan(report.unit)
    )
    name = downloads.file_name(_("Results report"), report.unit.name, extension="docx")
    return downloads.download(content, name=name, content_type=uploads.DOCX.content_type)


@login_required
@require_POST
@single_use
def photo_add(request, pk):
    report = _report_to_edit(request, pk)
    add_upload(
        request,
        PhotoForm(request.POST, request.FILES),
        lambda data: report_photo_add(
            actor=request.user, report=report, upload=data["photo"], title=data["title"]
        ),
        done=_("The file was added."),
    )
    return redirect("results:report_edit", pk=report.pk)


@login_required
def photo_file(request, pk, photo_pk, thumbnail=False):
    report = _report(request, pk)
    photo = get_object_or_404(report.photos, pk=photo_pk)
    return downloads.stored(
        photo.thumbnail if thumbnail else photo.file,
        name=photo.download_name,
        content_type=uploads.JPEG.content_type,
        inline=True,
    )


@login_required
@require_POST
def report_autosave(request, pk):
    """Saves the report as it is typed (static/thidua/autosave.js). JSON in, JSON out."""
    report = _report_to_edit(request, pk)
    form, result_forms = _forms(report, request.POST)
    return autosave.answer_forms(
        [form, *(f for _, f in result_forms)],
        lambda: _save(request, report, form, result_forms),
        row=report,
        stale=_(
            "Someone else saved this report meanwhile. Press “Save draft” to see their "
            "version beside yours; your text is kept on this device."
        ),
    )


def _save(request, report, form, result_forms) -> ResultsReport:
    return report_save(
        actor=request.user,
        report=report,
        version=form.cleaned_data["version"],
        fields=form.fields_for_save(),
        results={r.registration_id: f.cleaned_data for r, f in result_forms},
    )
