"""Values as raw SQL hands them over: SQLite gives dates and moments as text (UTC), where
the ORM, or PostgreSQL, gives ``date`` and aware ``datetime`` objects."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime


def moment(value) -> datetime.datetime | None:
    """An aware moment, from text (SQLite, UTC) or as it came."""
    if isinstance(value, str):
        value = parse_datetime(value)
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
    return value


def day(value) -> datetime.date | None:
    """A date, from text (SQLite) or as it came."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value
