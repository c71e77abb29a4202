"""The novelty pages: the check as the officer types (JSON), the district's decision, a past
initiative."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from thidua.initiatives.models import Registration
from thidua.novelty.domain import checks, visibility
from thidua.novelty.forms import DecisionForm, DraftCheckForm
from thidua.novelty.models import Check, PastInitiative
from thidua.org import access
from thidua.search.highlight import highlight

MIN_CHARACTERS = 8  # fewer typed: nothing worth comparing yet


def finding_json(finding: checks.Finding) -> dict:
    words = sorted(finding.shared)
    return {
        "title": str(highlight(finding.title, words)),
        "description": str(highlight(finding.description, words)),
        "unit": finding.unit,
        "year": finding.year,
        "status": str(finding.status),
        "recognised": finding.recognised,
        "percent": finding.percent,
        "flagged": finding.flagged,
    }


@login_required
@require_GET
def draft_check(request):
    """The earlier initiatives like what the officer is typing (the registration form asks,
    debounced, in the background)."""
    if not access.can_anywhere(request.user, "novelty.check"):
        raise PermissionDenied
    form = DraftCheckForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"findings": [], "flagged": False}, status=400)
    name, summary = form.cleaned_data["name"], form.cleaned_data["summary"]
    exclude = None
    if form.cleaned_data["registration"]:
        exclude = Registration.objects.filter(pk=form.cleaned_data["registration"]).first()
    if len(name) + len(summary) < MIN_CHARACTERS:
        return JsonResponse({"findings": [], "flagged": False})
    findings = checks.find(name, summary, exclude=exclude)
    return JsonResponse(
        {
            "findings": [finding_json(f) for f in findings],
            "flagged": any(f.flagged for f in findings),
        }
    )


@login_required
@require_POST
def decide(request, pk):
    """The district marks a flagged registration a duplicate of an earlier one, or not."""
    registration = get_object_or_404(Registration.objects.select_related("unit__parent"), pk=pk)
    if not access.can_view_registration(request.user, registration):
        raise Http404
    if not visibility.may_decide(request.user, registration):
        raise PermissionDenied
    check = get_object_or_404(Check, registration=registration)
    form = DecisionForm(request.POST, findings=checks.stored_findings(check))
    if form.is_valid():
        try:
            checks.check_decide(actor=request.user, check=check, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision on novelty is saved."))
    else:
        messages.error(request, _("Choose whether it is a duplicate."))
    return redirect("initiatives:registration_detail", pk=registration.pk)


@login_required
def past_detail(request, pk):
    if not access.can_anywhere(request.user, "novelty.view"):
        raise Http404
    past = get_object_or_404(PastInitiative, pk=pk)
    return render(request, "novelty/past_detail.html", {"past": past})
