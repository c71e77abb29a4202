"""The reward fund's pages. Every view asks ``thidua.org.access`` first; the public sees only
the transparency pages (``public_index``, ``public_unit``)."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import downloads, uploads
from thidua.core.actions import form_page
from thidua.core.once import single_use
from thidua.fund import exports, forms
from thidua.fund.domain import ledger, transparency
from thidua.fund.domain.rollup import MEASURES, figures_by_fund, fund_rollup, zero
from thidua.fund.enums import EntryKind
from thidua.fund.models import Donor, Entry, Fund
from thidua.org import access
from thidua.org.models import Unit
from thidua.review.models import CouncilState, Proposal

# The figures as the pages name them (the workbooks have their own Vietnamese titles, in
# fund/exports.py).
MEASURE_LABELS = {
    "received": gettext_lazy("Received in money (VND)"),
    "received_in_kind": gettext_lazy("Received in kind (VND)"),
    "disbursed": gettext_lazy("Paid to commended initiatives (VND)"),
    "disbursed_in_kind": gettext_lazy("Given in kind to commended initiatives (VND)"),
    "national": gettext_lazy("Sent to the “Người Việt đoàn kết sáng tạo” fund (VND)"),
    "balance": gettext_lazy("Balance in money (VND)"),
    "balance_in_kind": gettext_lazy("Goods in stock (VND)"),
}
ENTRY_FORMS = {
    EntryKind.CONTRIBUTION: forms.ContributionForm,
    EntryKind.DISBURSEMENT: forms.DisbursementForm,
    EntryKind.NATIONAL: forms.NationalForm,
}


def _fund(request, pk, action="fund.view") -> Fund:
    fund = get_object_or_404(Fund.objects.select_related("unit"), pk=pk)
    access.require(request.user, action, fund.unit)
    return fund


def _period(request) -> tuple[int | None, datetime.date | None, datetime.date | None]:
    """The year asked for (``?year=2022``), as a period; none: everything."""
    form = forms.PeriodForm(request.GET)
    year = form.cleaned_data.get("year") if form.is_valid() else None
    if year is None:
        return None, None, None
    return year, datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@login_required
def index(request):
    """The units whose funds the user may see (the top of each of their subtrees), and the
    funds themselves."""
    if not access.can_anywhere(request.user, "fund.view"):
        raise PermissionDenied
    paths = access.paths_for(request.user, "fund.view")
    tops = Unit.objects.filter(path__in=paths) if paths else Unit.objects.filter(parent=None)
    funds = access.scoped(Fund.objects.select_related("unit"), request.user, "fund.view")
    return render(
        request,
        "fund/index.html",
        {"units": tops.in_vietnamese_order(), "funds": funds},
    )


@login_required
def unit_view(request, unit_pk):
    """A unit's funds, and those of the units under it, rolled up."""
    unit = access.get_unit(request.user, "fund.view", unit_pk)
    year, start, end = _period(request)
    summary = fund_rollup(unit, start=start, end=end)
    return render(
        request,
        "fund/unit.html",
        {
            "unit": unit,
            "year": year,
            "rollup": summary,
            "lines": _lines(summary),
            "measures": [(name, MEASURE_LABELS[name]) for name in MEASURES],
            "can_manage": access.can(request.user, "fund.manage", unit),
            "can_record": access.can(request.user, "fund.record", unit),
            "form": forms.FundForm(),
        },
    )


def _lines(summary) -> list[dict]:
    lines = []
    for line in summary.lines():
        unit = line.node.unit
        if line.subtotal:
            name = (
                _("Total")
                if line.node is summary.root
                else _("Subtotal of %(area)s") % {"area": unit.area_name}
            )
        else:
            name = unit.full_name
        lines.append(
            {
                "line": line,
                "name": name,
                "cells": [(key, MEASURE_LABELS[key], line.figures[key]) for key in MEASURES],
            }
        )
    return lines


@login_required
@single_use
def fund_create(request, unit_pk):
    unit = access.get_unit(request.user, "fund.manage", unit_pk)
    form = forms.FundForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: ledger.fund_create(
            actor=request.user,
            unit=unit,
            name=form.cleaned_data["name"],
            purpose=form.cleaned_data["purpose"],
        ),
        done=_("The fund is open."),
        onward=lambda fund: reverse("fund:fund_detail", args=[fund.pk]),
        template="fund/fund_form.html",
        context={"unit": unit},
    )


@login_required
def fund_detail(request, pk):
    """The fund's ledger, in the order it was written, with the balance after each entry."""
    fund = _fund(request, pk)
    entries = list(
        fund.entries.select_related(
            "donor", "proposal__registration__unit", "recorded_by", "reverses", "reversed_by"
        ).order_by("sequence")
    )
    can_record = access.can(request.user, "fund.record", fund.unit)
    return render(
        request,
        "fund/fund_detail.html",
        {
            "fund": fund,
            "entries": entries,
            "figures": figures_by_fund(fund.entries.all()).get(fund.pk, zero()),
            "can_record": can_record,
            "kinds": EntryKind,
        },
    )


@login_required
@single_use
def entry_add(request, pk, kind):
    """Record a contribution, a disbursement or a contribution to the national fund."""
    fund = _fund(request, pk, "fund.record")
    if kind not in ENTRY_FORMS:
        raise Http404
    form = _entry_form(fund, kind, request.POST or None)
    return form_page(
        request,
        form,
        lambda: _record(request, fund, kind, form.cleaned_data),
        done=lambda entry: _("Entry no. %(sequence)s is recorded.") % {"sequence": entry.sequence},
        onward=reverse("fund:fund_detail", args=[fund.pk]),
        template="fund/entry_form.html",
        context={
            "fund": fund,
            "title": EntryKind(kind).label,
            "asks_donor": kind == EntryKind.CONTRIBUTION,
        },
        refused_status=400,
    )


def _entry_form(fund: Fund, kind: str, data):
    if kind == EntryKind.CONTRIBUTION:
        donors = Donor.objects.filter(unit_id__in=fund.unit.ancestor_ids())
        return forms.ContributionForm(data, donors=donors)
    if kind == EntryKind.DISBURSEMENT:
        proposals = (
            Proposal.objects.filter(
                council__plan__unit__path__startswith=fund.unit.path,
                council__state=CouncilState.DECIDED,
                outcome__in=ledger.REWARDED,
            )
            .select_related("registration__unit", "council")
            .order_by("-council__decision__decided_on", "registration__name")
        )
        form = forms.DisbursementForm(data, proposals=proposals)
        amounts = {p.council.commendation_amount for p in proposals} - {None}
        if len(amounts) == 1:  # the prize money the council set, as the amount to start from
            form.fields["amount_vnd"].initial = amounts.pop()
        return form
    return forms.NationalForm(data)


def _record(request, fund: Fund, kind: str, data: dict) -> Entry:
    common = {
        "actor": request.user,
        "fund": fund,
        "amount_vnd": data["amount_vnd"],
        "occurred_on": data["occurred_on"],
        "description": data["description"],
        "reference": data["reference"],
    }
    if kind == EntryKind.CONTRIBUTION:
        return ledger.contribution_record(
            **common, donor=data["donor"], in_kind=data["holding"] == "goods"
        )
    if kind == EntryKind.DISBURSEMENT:
        return ledger.disbursement_record(
            **common, proposal=data["proposal"], in_kind=data["holding"] == "goods"
        )
    return ledger.national_record(**common)


@login_required
@single_use
def entry_reverse(request, pk, entry_pk):
    """Correct an entry by a reversing entry (the ledger is never edited)."""
    fund = _fund(request, pk, "fund.record")
    entry = get_object_or_404(
        fund.entries.select_related("donor", "proposal__registration"), pk=entry_pk
    )
    form = forms.ReverseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: ledger.entry_reverse(
            actor=request.user,
            entry=entry,
            reason=form.cleaned_data["reason"],
            occurred_on=form.cleaned_data["occurred_on"],
        ),
        done=lambda correction: (
            _("Entry no. %(entry)s is corrected by entry no. %(correction)s.")
            % {"entry": entry.sequence, "correction": correction.sequence}
        ),
        onward=reverse("fund:fund_detail", args=[fund.pk]),
        template="fund/reverse.html",
        context={"fund": fund, "entry": entry},
        refused_status=400,
    )


@login_required
def ledger_xlsx(request, pk):
    fund = _fund(request, pk)
    entries = fund.entries.select_related(
        "donor", "proposal__registration__unit", "recorded_by", "reverses"
    ).order_by("sequence")
    return downloads.download(
        exports.ledger_xlsx(fund, list(entries)),
        name=downloads.file_name(_("Fund ledger"), fund.name, extension="xlsx"),
        content_type=uploads.XLSX.content_type,
    )


@login_required
def rollup_xlsx(request, unit_pk):
    unit = access.get_unit(request.user, "fund.view", unit_pk)
    year, start, end = _period(request)
    return downloads.download(
        exports.rollup_xlsx(fund_rollup(unit, start=start, end=end), year=year),
        name=downloads.file_name(_("Fund roll-up"), unit.name, year, extension="xlsx"),
        content_type=uploads.XLSX.content_type,
    )


@login_required
@single_use
def donors(request, unit_pk):
    """The unit's donors, and a new one (for those who record)."""
    unit = access.get_unit(request.user, "fund.view", unit_pk)
    can_record = access.can(request.user, "fund.record", unit)
    if request.method == "POST" and not can_record:
        raise PermissionDenied
    form = forms.NewDonorForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: ledger.donor_create(actor=request.user, unit=unit, **form.cleaned_data),
        done=lambda donor: _("%(name)s is on the list of donors.") % {"name": donor},
        onward=_to_donors,
        template="fund/donors.html",
        context={"unit": unit, "donors": Donor.objects.filter(unit=unit), "can_record": can_record},
        refused_status=400,
    )


def _to_donors(donor: Donor) -> str:
    return reverse("fund:donors", args=[donor.unit_id])


@login_required
def donor_edit(request, pk):
    donor = get_object_or_404(Donor.objects.select_related("unit"), pk=pk)
    access.require(request.user, "fund.record", donor.unit)
    initial = {name: getattr(donor, name) for name in ledger.DONOR_FIELDS}
    form = forms.DonorForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: ledger.donor_update(actor=request.user, donor=donor, **form.cleaned_data),
        done=_("The donor is saved."),
        onward=_to_donors,
        template="fund/donor_edit.html",
        context={"donor": donor},
        refused_status=400,
    )


# --- the public ------------------------------------------------------------------------


def public_index(request):
    """Every unit that holds a fund, with a link to its transparency page."""
    units = Unit.objects.filter(funds__isnull=False).distinct().in_vietnamese_order()
    return render(request, "fund/public_index.html", {"units": units})


def public_unit(request, unit_pk):
    """A unit's funds for everyone: totals, the donors who agreed to be named, what went to
    which commended initiative. No login; nothing else of a donor."""
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not Fund.objects.filter(unit__path__startswith=unit.path).exists():
        raise Http404
    year, start, end = _period(request)
    summary = fund_rollup(unit, start=start, end=end)
    return render(
        request,
        "fund/public_unit.html",
        {
            "unit": unit,
            "year": year,
            "totals": [(name, MEASURE_LABELS[name], summary.total[name]) for name in MEASURES],
            "funds": summary.funds,
            "donors": transparency.donors(unit, start=start, end=end),
            "supported": transparency.supported(unit, start=start, end=end),
        },
    )
