"""The roll-up of a plan's results reports (page and workbook) and its dashboard. Every view
asks ``thidua.org.access`` first (through ``reports._plan_reported``)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import downloads, uploads
from thidua.core.numbers import format_number
from thidua.results import exports
from thidua.results.dashboard import dashboard, year_over_year
from thidua.results.domain.lines import MEASURES, Line, Rollup
from thidua.results.domain.rollup import rollup
from thidua.results.models import Progress
from thidua.results.views.reports import _plan_reported

# The roll-up's figures as the page names them (the workbook and the report have their own
# Vietnamese titles, in results/exports.py).
MEASURE_LABELS = {
    "registered": gettext_lazy("Registered"),
    "done": gettext_lazy("Completed"),
    "in_progress": Progress.IN_PROGRESS.label,
    "not_started": Progress.NOT_STARTED.label,
    "stopped": Progress.STOPPED.label,
    "households": gettext_lazy("Households taking part"),
    "area_ha": gettext_lazy("Area (ha)"),
    "cost_vnd": gettext_lazy("Cost (VND)"),
    "meetings": gettext_lazy("Publicity meetings held"),
    "meeting_participants": gettext_lazy("People at those meetings"),
    "media_items": gettext_lazy("Items in the media"),
    "events": gettext_lazy("Exhibitions, seminars and fairs"),
    "event_participants": gettext_lazy("People at those events"),
    "replicated": gettext_lazy("Models replicated from elsewhere"),
    "support_vnd": gettext_lazy("Support mobilised (VND)"),
    "fund_vnd": gettext_lazy("Contributed to the “Người Việt đoàn kết sáng tạo” fund (VND)"),
    "award_entries": gettext_lazy("Initiatives sent to the national award"),
}


# A roll-up of up to this many units is shown whole; a larger one (a province's districts
# and their communes) shows each unit under the issuer on one line, with its subtotal, and the
# units under one of them when it is opened; the workbook always holds every line.
ROLLUP_WHOLE_UNITS = 100
ROLLUP_PAGE_SIZE = 50  # units under the issuer a page shows


@login_required
def rollup_view(request, plan_pk):
    plan = _plan_reported(request, plan_pk)
    summary = rollup(plan)
    # The plan's series year over year (results/dashboard.py), by the figure asked for.
    compared = year_over_year(plan, current=summary)
    measure = request.GET.get("measure")
    measure = measure if measure in MEASURES else "registered"
    page = opened = None
    if len(summary.rows) <= ROLLUP_WHOLE_UNITS:
        lines = summary.lines()
    else:
        opened = _opened(summary, request.GET.get("unit"))
        children = summary.root.children
        number = request.GET.get("page")
        if opened is not None and not number:  # the page that holds the unit opened
            path = opened.unit.path
            at = next(i for i, c in enumerate(children) if path.startswith(c.unit.path))
            number = at // ROLLUP_PAGE_SIZE + 1
        page = Paginator(children, ROLLUP_PAGE_SIZE).get_page(number)
        lines = summary.outline(
            opened=None if opened is None else opened.unit.pk, shown=list(page.object_list)
        )
    return render(
        request,
        "results/rollup.html",
        {
            "plan": plan,
            "rollup": summary,
            "measures": [(name, MEASURE_LABELS[name]) for name in MEASURES],
            "lines": _page_lines(lines),
            "page": page,
            "opened": opened,
            "compared": compared,
            "compared_measure": measure,
            "compared_rows": compared.table(measure) if compared else [],
        },
    )


def _opened(summary: Rollup, wanted: str | None):
    """The unit of the roll-up asked to be opened (``?unit=``), if it is one of it."""
    try:
        node = summary.node(int(wanted))
    except (TypeError, ValueError, KeyError):
        return None
    return None if node is summary.root else node


def _page_lines(lines: list[Line]) -> list[dict]:
    """The roll-up's lines as the page shows them: the same lines and figures as the
    workbook and the report (a subtotal after each unit that has units under it; a unit not
    opened on one line, its subtotal)."""
    # Each figure's cell written here, the Vietnamese way, "—" when unknown: seventeen cells
    # a line, fifty lines a page, cheaper joined here than rendered one by one.
    cells = [
        (key, format_html('<td data-measure="{}" data-label="{}">', key, capfirst(str(label))))
        for key, label in ((key, MEASURE_LABELS[key]) for key in MEASURES)
    ]
    shown = []
    for line in lines:
        node = line.node
        if line.is_total:
            name = _("Total")
        elif line.closed:
            name = node.unit.full_name
        elif line.subtotal:
            name = _("Subtotal of %(area)s") % {"area": node.unit.area_name}
        else:
            name = node.unit.full_name
        shown.append(
            {
                # Read once here: the template asks for each several times.
                "pk": node.place.pk,
                "subtotal": line.subtotal,
                "closed": line.closed,
                "children": len(node.children),
                "state": node.row.state,
                "state_label": node.row.state_label,
                "name": name,
                "reported": _("%(reported)s/%(units)s reported")
                % dict(zip(("reported", "units"), map(format_number, line.reporting), strict=True)),
                "cells": mark_safe(  # noqa: S308 (escaped above and below)
                    "".join(
                        f"{cell}{escape(format_number(line.value(key)) or '—')}</td>"
                        for key, cell in cells
                    )
                ),
            }
        )
    return shown


@login_required
def rollup_xlsx(request, plan_pk):
    plan = _plan_reported(request, plan_pk)
    return downloads.download(
        exports.rollup_xlsx(rollup(plan)),
        name=downloads.file_name(_("Results roll-up"), plan.number_symbol, extension="xlsx"),
        content_type=uploads.XLSX.content_type,
    )


@login_required
def dashboard_view(request, plan_pk):
    """The plan's charts, each with its numbers as a table and as CSV."""
    plan = _plan_reported(request, plan_pk)
    charts = dashboard(plan)
    wanted = request.GET.get("csv")
    if wanted:
        chart = next((c for c in charts if c.key == wanted), None)
        if chart is None:
            raise Http404
        return downloads.download(
            chart.csv(),
            name=downloads.file_name(chart.title, plan.number_symbol, extension="csv"),
            content_type="text/csv; charset=utf-8",
        )
    return render(request, "results/dashboard.html", {"plan": plan, "charts": charts})
