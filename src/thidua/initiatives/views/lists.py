"""A plan's registration list: every registration the person may read, 50 a page with the
total, narrowed by the filters, and the filtered set as XLSX or CSV."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import gettext as _

from thidua.core import downloads, uploads
from thidua.documents.csvfile import render_csv
from thidua.documents.xlsx import render_xlsx
from thidua.initiatives import forms
from thidua.initiatives.domain.selectors import units_that_may_register
from thidua.initiatives.exports import may_issue_list, xlsx_table
from thidua.initiatives.models import Argument, Registration
from thidua.initiatives.views import page_parts
from thidua.org import access
from thidua.org.models import Unit
from thidua.org.models.units import ids_in_path
from thidua.plans.domain.selectors import plan_get
from thidua.plans.models import Plan, PlanState

LIST_PAGE_SIZE = 50  # registrations a page of the list shows; the total is said


@login_required
def registration_list(request, plan_pk):
    """Every registration of the plan the person may read, 50 a page with the total, narrowed
    by the filters (kind, state, unit and the units below it, campaign, year, the council's
    outcome, late); ``?download=xlsx`` or ``csv``: the whole filtered set as a file."""
    plan = plan_get(user=request.user, pk=plan_pk)
    visible = Registration.objects.filter(plan=plan).filter(
        access.registration_filter(request.user)
    )
    filters = forms.ListFilterForm(
        request.GET or None,
        units=_registering_units(visible, plan),
        campaigns=list(plan.campaigns.all()),
        years=list(range(plan.period_start.year, plan.period_end.year + 1)),
    )
    registrations = filters.narrow(visible).order_by("unit__sort_key", "id")
    wanted = request.GET.get("download")
    if wanted in LIST_FORMATS:
        return _list_download(plan, registrations.select_related("unit", "lead"), wanted)
    pages = Paginator(page_parts.rows(registrations), LIST_PAGE_SIZE)
    page = pages.get_page(request.GET.get("page"))
    shown = page_parts.cards(page.object_list)
    can_follow = access.can(request.user, "registration.view", plan.unit)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("download", None)
    return render(
        request,
        "initiatives/list.html",
        {
            "plan": plan,
            "filters": filters,
            "page": page,
            "registrations": shown,
            "cards": page_parts.render_cards(shown, selectable=can_follow),
            "query": query.urlencode(),
            "state": request.GET.get("state", ""),
            "can_register": plan.state == PlanState.ISSUED
            and units_that_may_register(request.user, plan).exists(),
            "can_follow": can_follow,
            "can_export": may_issue_list(request.user, plan),
        },
    )


LIST_FORMATS = {"xlsx": uploads.XLSX.content_type, "csv": "text/csv; charset=utf-8"}


def _list_download(plan: Plan, registrations, extension: str):
    """The filtered registrations, every column (initiatives/exports.py: ``xlsx_table``), as
    XLSX or CSV: only what the list shows this person, drafts included when it shows them."""
    rows = registrations.prefetch_related(
        "implementers",
        "campaigns",
        Prefetch(
            "arguments",
            queryset=Argument.objects.select_related("criterion").order_by("criterion__position"),
        ),
    )
    columns, table = xlsx_table(plan, rows)
    if extension == "xlsx":
        content = render_xlsx(
            title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, Ý TƯỞNG MỚI",
            subtitle_lines=[f"Kế hoạch số {plan.number_symbol}: {plan.title}"],
            columns=columns,
            rows=table,
        )
    else:
        content = render_csv(columns=columns, rows=table)
    return downloads.download(
        content,
        name=downloads.file_name(_("Registrations"), plan.number_symbol, extension=extension),
        content_type=LIST_FORMATS[extension],
    )


def _registering_units(registrations, plan: Plan) -> list[Unit]:
    """The units that registered and those above them up to the plan's unit: what the unit
    filter offers (choosing a district shows its communes' registrations). Two queries, the
    second reading only what the filter uses (a national plan's filter holds thousands)."""
    paths = registrations.order_by().values_list("unit__path", flat=True).distinct()
    ids = {pk for path in paths for pk in ids_in_path(path)}
    units = Unit.objects.filter(pk__in=ids, path__startswith=plan.unit.path)
    return list(units.in_vietnamese_order().only(*FILTER_UNIT_FIELDS))


# What the unit filter reads of a unit: its name (``Unit.full_name``) and its subtree.
FILTER_UNIT_FIELDS = ("id", "name", "kind", "level", "path")
