"""The decision's side: the council's proposals, the vote, and the documents that follow it
(the minutes, the decision, the certificates and the nomination upwards)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import downloads, uploads
from thidua.core.actions import act
from thidua.documents import certificates, decision, minutes, nomination
from thidua.org import access
from thidua.review import forms
from thidua.review.domain.councils import entries, registrations, required_votes
from thidua.review.domain.decisions import council_set_award, decision_record, proposal_set
from thidua.review.domain.ranking import ranking, ranking_page, rubric_of, standings
from thidua.review.exports import honours, meeting
from thidua.review.models import CouncilState, Outcome
from thidua.review.views.councils import PAGE_SIZE, council_for


@login_required
def council_decision(request, pk):
    """The proposals, by pages of 50 scored entries in rank order (the ranking is the
    complete one, only its page is loaded), the prize money and the vote; nothing of the
    ranking is computed before scoring closes or after the decision, when none is shown."""
    council = council_for(request, pk, manage=True)
    members = list(council.members.select_related("person"))
    vote_form = forms.VoteForm(members=members)
    if request.method == "POST" and "vote" in request.POST:
        # shown again with its errors if invalid
        vote_form = forms.VoteForm(request.POST, members=members)
        if vote_form.is_valid():
            _vote(request, council, vote_form.cleaned_data)
            return redirect("review:decision", pk=council.pk)
    elif request.method == "POST":
        _save_proposals(request, council)
        return redirect(request.get_full_path())
    page, rows = None, []
    if council.state == CouncilState.CLOSED:
        rubric = rubric_of(council)
        scored = [s for s in standings(council, entries(council), rubric) if s.score is not None]
        page = Paginator(scored, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = ranking_page(council, page.object_list, rubric)
        shown = [row.registration.pk for row in rows]
        proposals = {
            p.registration_id: p for p in council.proposals.filter(registration_id__in=shown)
        }
        for row in rows:
            row.proposal = proposals.get(row.registration.pk)
    decided = getattr(council, "decision", None)
    honoured = set(council.proposals.values_list("outcome", flat=True)) if decided else set()
    return render(
        request,
        "review/decision.html",
        {
            "council": council,
            "page": page,
            "rows": rows,
            "proposed": council.proposals.count() if page is not None else 0,
            "outcomes": Outcome.choices,
            "award_form": forms.AwardForm(
                initial={"commendation_amount": council.commendation_amount}
            ),
            "vote_form": vote_form,
            "decision": decided,
            "documents": _documents(council, honoured) if decided else [],
            "required": required_votes(council, len(members)),
            "CouncilState": CouncilState,
        },
    )


def _vote(request, council, data) -> None:
    """Record the vote and say what happened: passed, or failed and may be held again."""
    decision = act(request, lambda: decision_record(actor=request.user, council=council, **data))
    if decision is None:
        return
    counts = {
        "votes": decision.votes_for,
        "members": decision.members,
        "required": decision.required,
    }
    if decision.approved:
        messages.success(
            request,
            _(
                "The vote passed: %(votes)d of %(members)d members voted for the list "
                "(%(required)d required). The decision and its documents can be downloaded."
            )
            % counts,
        )
    else:
        messages.warning(
            request,
            _(
                "The vote failed: %(votes)d of %(members)d members voted for the list, "
                "%(required)d were required. The list is not approved; the council may change "
                "its proposals and vote again."
            )
            % counts,
        )


def _documents(council, honoured: set[str]) -> list[tuple[str, str]]:
    """(label, address) of the documents the decided council's outcomes call for: the
    decision when anything is honoured, the certificates of each kind present, and the draft
    submission proposing the nominated registrations upwards."""
    found = []
    if honoured & set(honours.HONOURED):
        found.append((_("Decision (DOCX)"), reverse("review:decision_docx", args=[council.pk])))
    certificates_url = reverse("review:certificates_docx", args=[council.pk])
    for outcome, kind in honours.CERTIFICATE_KINDS.items():
        if outcome in honoured:
            found.append((CERTIFICATE_TITLES[kind], f"{certificates_url}?kind={kind}"))
    if Outcome.NOMINATED in honoured:
        url = reverse("review:decision_docx", args=[council.pk])
        found.append(
            (_("Nomination for the national award, draft (DOCX)"), f"{url}?part=nomination")
        )
    return found


def _save_proposals(request, council) -> None:
    """One outcome and reason per entry the page sent (``outcome_<id>``, ``reason_<id>``),
    each checked by ProposalForm, and what a commendation gives (AwardForm). An id that is
    not one of the council's entries is ignored."""
    saved = 0
    award = forms.AwardForm(request.POST)
    if not award.is_valid():
        for errors in award.errors.values():
            messages.error(request, " ".join(errors))
        return
    sent = [
        int(key.removeprefix("outcome_"))
        for key in request.POST
        if key.startswith("outcome_") and key.removeprefix("outcome_").isdecimal()
    ]
    found = entries(council).filter(pk__in=sent).select_related("unit").in_bulk()
    try:
        if "commendation_amount" in request.POST:
            council_set_award(
                actor=request.user,
                council=council,
                commendation_amount=award.cleaned_data["commendation_amount"],
            )
        for key in sent:
            form = forms.ProposalForm(
                {
                    "outcome": request.POST.get(f"outcome_{key}", ""),
                    "reason": request.POST.get(f"reason_{key}", ""),
                }
            )
            if key in found and form.is_valid():
                proposal_set(
                    actor=request.user,
                    council=council,
                    registration=found[key],
                    **form.cleaned_data,
                )
                saved += 1
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    messages.success(request, _("%(count)d proposals were saved.") % {"count": saved})


DOCUMENT_TITLES = {
    "minutes": gettext_lazy("Minutes"),
    "decision": gettext_lazy("Decision"),
    "certificates": gettext_lazy("Certificates"),
}
CERTIFICATE_TITLES = {
    certificates.COMMENDATION: gettext_lazy("Certificates of merit (DOCX)"),
    certificates.RECOGNITION: gettext_lazy("Certificates of recognition (DOCX)"),
}
NOMINATION_FILE = gettext_lazy("Nomination for the national award (draft)")
CERTIFICATE_FILES = {
    certificates.COMMENDATION: gettext_lazy("Certificates of merit"),
    certificates.RECOGNITION: gettext_lazy("Certificates of recognition"),
}


@login_required
def council_document(request, pk, document):
    """The minutes (after scoring closes: a draft until the vote passes), the decision (after
    the vote, when it honours anything; with ``?part=nomination`` the draft submission that
    proposes its nominated registrations upwards) and the certificates (after the vote, of
    one kind with ``?kind=commendation`` or ``?kind=recognition``, else of both)."""
    council = council_for(request, pk)
    if not (
        access.can_manage_council(request.user, council)
        or access.can(request.user, "plan.edit", council.plan.unit)
    ):
        raise PermissionDenied
    decided = hasattr(council, "decision")
    title = DOCUMENT_TITLES[document]
    if document == "minutes" and council.state in (CouncilState.CLOSED, CouncilState.DECIDED):
        content = minutes.render_minutes_docx(
            meeting.minutes(council, ranking(council, list(registrations(council))))
        )
    elif document == "decision" and decided and request.GET.get("part") == "nomination":
        # The submission that goes up with the decision's nomination article (a draft).
        made = honours.nomination(council, ranking(council, list(registrations(council))))
        if made is None:
            raise Http404
        content = nomination.render_nomination_docx(made)
        title = NOMINATION_FILE
    elif document == "decision" and decided:
        made = honours.decision(council, ranking(council, list(registrations(council))))
        if not made.honours:  # the list honours nothing: there is nothing to decide
            raise Http404
        content = decision.render_decision_docx(made)
    elif document == "certificates" and decided:
        kind = request.GET.get("kind") or None
        if kind is not None and kind not in CERTIFICATE_FILES:
            raise Http404
        certs = honours.certificates(
            council, ranking(council, list(registrations(council))), kind=kind
        )
        if not certs:
            raise Http404
        content = certificates.render_certificates_docx(certs)
        title = CERTIFICATE_FILES[kind] if kind else title
    else:
        raise Http404
    name = downloads.file_name(title, council.name, extension="docx")
    return downloads.download(content, name=name, content_type=uploads.DOCX.content_type)
