"""Replication pages: where a model has been replicated (a list and a map), a unit recording
that it replicates it and later its results, and an area's models, spread or not. Every view
asks ``thidua.org.access`` first."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from thidua.core.actions import act
from thidua.core.once import single_use
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Unit, UnitLevel
from thidua.replication import forms
from thidua.replication.domain.replications import (
    recognised_on,
    replication_adopt,
    replication_report,
)
from thidua.replication.domain.selectors import (
    area_replications,
    recording_units,
    replications_of,
    spread,
)
from thidua.replication.enums import ReplicationState
from thidua.replication.geography import Marker, map_svg, model_map
from thidua.replication.models import Replication


def _model(request, pk) -> Registration:
    """A model honoured by a decided council, for someone who may read its plan (the plan's
    recipients: the units under the one that recognised it) or the registration itself."""
    registration = get_object_or_404(
        Registration.objects.select_related("unit__parent", "plan__unit__parent"), pk=pk
    )
    user = request.user
    if not (
        access.can_view_plan(user, registration.plan)
        or access.can_view_registration(user, registration)
    ):
        raise Http404
    if recognised_on(registration) is None:
        raise Http404
    return registration


@login_required
def model(request, pk):
    registration = _model(request, pk)
    replications = replications_of(registration)
    return render(
        request,
        "replication/model.html",
        {
            "registration": registration,
            "recognised_on": recognised_on(registration),
            "replications": replications,
            "households": sum(r.households for r in replications),
            "map": model_map(registration, replications),
            "can_record": bool(recording_units(request.user, registration)),
        },
    )


@login_required
@single_use
def adopt(request, pk):
    registration = _model(request, pk)
    units = recording_units(request.user, registration)
    if not units:
        raise Http404
    branches = list(
        Unit.objects.filter(parent__in=units, level=UnitLevel.BRANCH)
        .select_related("parent")
        .order_by("parent__sort_key", "sort_key")
    )
    form = forms.AdoptForm(request.POST or None, units=units, branches=branches)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = next(u for u in units if u.pk == data["unit"])
        chosen = [b for b in branches if b.pk in set(data.get("branches") or [])]
        made = act(
            request,
            lambda: replication_adopt(
                actor=request.user,
                registration=registration,
                unit=unit,
                started_on=data["started_on"],
                households=data["households"],
                branches=chosen,
                scale=data["scale"],
                adjustments=data["adjustments"],
            ),
            done=_("Recorded: %(unit)s replicates the model.") % {"unit": unit.full_name},
        )
        if made is not None:
            return redirect("replication:detail", pk=made.pk)
    return render(request, "replication/adopt.html", {"registration": registration, "form": form})


@login_required
def detail(request, pk):
    replication = get_object_or_404(
        Replication.objects.select_related(
            "unit__parent", "registration__unit", "registration__plan__unit"
        ),
        pk=pk,
    )
    user = request.user
    if not (
        access.can(user, "report.view", replication.unit)
        or access.can_view_plan(user, replication.registration.plan)
    ):
        raise Http404
    can_report = access.can(user, "replication.record", replication.unit)
    initial = {
        "results_on": replication.results_on,
        "results": replication.results,
        "households": replication.results_households,
        "stopped": replication.state == ReplicationState.STOPPED,
        "stop_reason": replication.stop_reason,
    }
    form = forms.ResultsForm(initial=initial) if can_report else None
    if request.method == "POST":
        if not can_report:
            raise Http404
        form = forms.ResultsForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            done = act(
                request,
                lambda: replication_report(
                    actor=user,
                    replication=replication,
                    results=data["results"],
                    results_on=data["results_on"],
                    households=data["households"],
                    stopped=data["stopped"],
                    stop_reason=data["stop_reason"],
                ),
                done=_("The results were recorded."),
            )
            if done is not None:
                return redirect("replication:detail", pk=replication.pk)
    return render(
        request,
        "replication/detail.html",
        {
            "replication": replication,
            "branches": replication.branches.in_vietnamese_order(),
            "form": form,
            "ReplicationState": ReplicationState,
        },
    )


def _area(request, pk) -> Unit:
    """An area whose honoured models the person may see: one whose reports they read, or one
    above their own units (its plans are addressed to them, and its honoured models are what
    they are asked to replicate)."""
    unit = Unit.objects.filter(pk=pk).first()
    user = request.user
    if unit is None:
        raise Http404
    above = any(path.startswith(unit.path) for path in access.paths_for(user, "plan.view"))
    if not (above or access.can(user, "report.view", unit)):
        raise Http404
    return unit


@login_required
def area(request, pk):
    """The district's (or province's) view: which honoured models spread, which did not, and
    the map of every replication in the area."""
    unit = _area(request, pk)
    rows = spread(unit)
    replications = area_replications(unit)
    counts: dict[int, int] = {}
    by_unit: dict[int, Unit] = {}
    for r in replications:
        counts[r.unit_id] = counts.get(r.unit_id, 0) + 1
        by_unit[r.unit_id] = r.unit
    markers = [
        Marker(unit=u, label=f"{u.area_name} ({counts[u.pk]})", kind="replicated")
        for u in by_unit.values()
    ]
    title = _("Replications in %(area)s") % {"area": unit.area_name}
    return render(
        request,
        "replication/area.html",
        {
            "unit": unit,
            "spread": [s for s in rows if s.units],
            "not_spread": [s for s in rows if not s.units],
            "map": map_svg(title=title, area=unit, markers=markers),
            "replications": replications,
        },
    )


@login_required
def index(request):
    """The area of the outermost unit whose reports the person reads; for a commune, its
    district's, whose honoured models it may replicate."""
    paths = access.paths_for(request.user, "report.view")
    if paths:
        unit = Unit.objects.select_related("parent").filter(path=paths[0]).first()
        if unit is not None and unit.level >= UnitLevel.COMMUNE and unit.parent is not None:
            unit = unit.parent
    elif request.user.is_superuser:
        unit = Unit.objects.filter(level=UnitLevel.PROVINCE).in_vietnamese_order().first()
    else:
        unit = None
    if unit is None:
        raise Http404
    return redirect("replication:area", pk=unit.pk)
