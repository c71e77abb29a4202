"""Reading replications: where a model has been replicated, which models of an area spread
and which did not, and the figure the results reports read."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, Sum

from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Unit, UnitLevel
from thidua.replication.domain.replications import recognised
from thidua.replication.enums import ReplicationState
from thidua.replication.models import Replication


def replications_of(registration: Registration) -> list[Replication]:
    """Where the model has been replicated, earliest first, with each unit's branches."""
    return list(
        registration.replications.select_related("unit__parent").prefetch_related(
            Prefetch("branches", queryset=Unit.objects.in_vietnamese_order())
        )
    )


@dataclass
class Spread:
    registration: Registration
    units: int  # units replicating it
    effective: int  # of them, showing results
    stopped: int
    households: int  # households taking part when adopted


def spread(area: Unit) -> list[Spread]:
    """The models honoured under the area's plans (its own and those of the units under it),
    the most replicated first, those not replicated at the end: in two queries."""
    models = (
        recognised()
        .filter(plan__unit__path__startswith=area.path)
        .select_related("unit", "plan")
        .annotate(
            copies=Count("replications", distinct=True),
            effective=Count(
                "replications",
                filter=Q(replications__state=ReplicationState.EFFECTIVE),
                distinct=True,
            ),
            stopped=Count(
                "replications",
                filter=Q(replications__state=ReplicationState.STOPPED),
                distinct=True,
            ),
        )
    )
    households = dict(
        Replication.objects.filter(registration__in=[m.pk for m in models])
        .values_list("registration")
        .annotate(total=Sum("households"))
        .values_list("registration", "total")
    )
    found = [
        Spread(
            registration=m,
            units=m.copies,
            effective=m.effective,
            stopped=m.stopped,
            households=households.get(m.pk) or 0,
        )
        for m in models
    ]
    found.sort(key=lambda s: (-s.units, -s.effective, s.registration.name))
    return found


def area_replications(area: Unit) -> list[Replication]:
    """Every replication of the area's honoured models, for its map."""
    return list(
        Replication.objects.filter(registration__plan__unit__path__startswith=area.path)
        .select_related("unit__parent", "registration__unit")
        .order_by("unit__sort_key", "started_on")
    )


def replicated_count(unit: Unit, start: datetime.date, end: datetime.date) -> int:
    """How many models ``unit`` itself began to replicate between ``start`` and ``end`` (a
    plan's period): its own row of a results report; the units under it count their own."""
    return Replication.objects.filter(unit=unit, started_on__range=(start, end)).count()


def recording_units(user, registration: Registration) -> list[Unit]:
    """The communes ``user`` may record a replication of this model for: in the province (or
    the body above) of the unit that recognised it, not the model's own, not one that
    already replicates it."""
    top = registration.plan.unit.parent or registration.plan.unit
    return list(
        Unit.objects.filter(
            access.scope_filter(user, "replication.record"),
            level=UnitLevel.COMMUNE,
            path__startswith=top.path,
        )
        .exclude(pk=registration.unit_id)
        .exclude(replications__registration=registration)
        .in_vietnamese_order()
    )
