"""The registration list of a plan, as the unit that acts issues it (initiatives/exports.py):
DOCX (the official list), XLSX (every column, or `?columns=print` for a printed page).

`?unit=<id>` picks the issuing unit among those the person acts for (the first by default);
`?signer=<name>` (and `?title=`) names who signs a list whose unit has no signed plan of its
own to take it from: a list that names no signer is a draft (DỰ THẢO)."""

import unicodedata

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.core import downloads, uploads
from thidua.core.text import CONTROL
from thidua.documents.lists import render_list_docx
from thidua.documents.xlsx import render_xlsx
from thidua.initiatives.domain.listing import list_plans, registrations_for_list
from thidua.initiatives.exports import Signer, acting_units, official_list, print_table, xlsx_table
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.plans.domain.selectors import plan_get

SIGNER_LENGTH = 100  # as the plan's own signer fields


def _scope(request, plan_pk, *, related=None):
    """The plan, the unit that issues its list, the plans of its movement and the
    registrations the person may read there; `related` (names of related lists) fetches only
    those of the registrations' related lists, instead of every one the list may show."""
    plan = plan_get(user=request.user, pk=plan_pk)
    units = acting_units(request.user, plan)
    if not units:
        raise PermissionDenied  # the plan may be read, its registrations not
    unit = units[0]
    wanted = request.GET.get("unit")
    if wanted:
        unit = next((u for u in units if str(u.pk) == wanted), None)
        if unit is None:
            raise Http404
    plans = list_plans(plan)
    visible = Registration.objects.filter(access.registration_filter(request.user))
    registrations = registrations_for_list(plans, unit, visible)
    if related is not None:
        registrations = registrations.prefetch_related(None).prefetch_related(*related)
    return plan, unit, plans, list(registrations)


def _typed(request, name: str) -> str:
    text = CONTROL.sub("", unicodedata.normalize("NFC", request.GET.get(name, "")))
    return " ".join(text.split())[:SIGNER_LENGTH]


def _name(plan, unit, extension: str) -> str:
    return downloads.file_name(
        _("Registration list"), unit.name, plan.number_symbol, extension=extension
    )


@login_required
def export_xlsx(request, plan_pk):
    plan, unit, _plans, registrations = _scope(request, plan_pk)
    printable = request.GET.get("columns") == "print"
    columns, rows = print_table(registrations) if printable else xlsx_table(plan, registrations)
    content = render_xlsx(
        title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
        subtitle_lines=[unit.full_name, f"Kế hoạch số {plan.number_symbol}: {plan.title}"],
        columns=columns,
        rows=rows,
    )
    return downloads.download(
        content, name=_name(plan, unit, "xlsx"), content_type=uploads.XLSX.content_type
    )


@login_required
def export_docx(request, plan_pk):
    # The official list shows the people, not the arguments or the campaigns: making those
    # objects was half the time of fetching a list (185 of 383 ms CPU for a province's 938).
    plan, unit, plans, registrations = _scope(request, plan_pk, related=["implementers"])
    signer = Signer(name=_typed(request, "signer"), title=_typed(request, "title"))
    document = official_list(plan, unit, registrations, plans=plans, signer=signer)
    return downloads.download(
        render_list_docx(document),
        name=_name(plan, unit, "docx"),
        content_type=uploads.DOCX.content_type,
    )
