"""Reading events: what the public calendar shows, and what a results report counts."""

import datetime

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from thidua.events.enums import EventState
from thidua.events.models import Event
from thidua.org.models import Unit, UnitLevel


def public_events() -> QuerySet:
    """The events anyone may see: published ones (never a draft or a cancelled one)."""
    return Event.objects.filter(state=EventState.PUBLISHED).select_related("unit")


def in_days(events: QuerySet, first: datetime.date, last: datetime.date) -> QuerySet:
    """The events that take place, even partly, between the days ``first`` and ``last``."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, zone)
    return events.filter(starts_at__lt=end, ends_at__gte=start)


def counted_events(unit: Unit, first: datetime.date, last: datetime.date) -> QuerySet:
    """The events a unit's results report counts for a period: the published events it
    organised, and those of its branches and groups (which send no report of their own),
    starting within the period. A district's report does not count its communes' events:
    the roll-up adds the communes' own reports to it (results/domain/rollup.py)."""
    own = Q(unit=unit)
    if unit.level >= UnitLevel.COMMUNE:  # a commune's branches and groups
        own = Q(unit__path__startswith=unit.path)
    zone = timezone.get_current_timezone()
    return Event.objects.filter(
        own,
        state=EventState.PUBLISHED,
        starts_at__gte=datetime.datetime.combine(first, datetime.time.min, zone),
        starts_at__lt=datetime.datetime.combine(
            last + datetime.timedelta(days=1), datetime.time.min, zone
        ),
    )


def event_figures(unit: Unit, first: datetime.date, last: datetime.date) -> dict[str, int]:
    """The number of events and of their participants, in one query."""
    totals = counted_events(unit, first, last).aggregate(
        count=Count("id"), people=Sum("participants")
    )
    return {"events": totals["count"], "event_participants": totals["people"] or 0}
