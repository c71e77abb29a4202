"""Recording events (events/domain/events.py) and what the calendar and a report read of
them (events/domain/selectors.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.core.versions import StaleEdit
from thidua.events.domain.events import (
    event_cancel,
    event_create,
    event_publish,
    event_save,
)
from thidua.events.domain.selectors import counted_events, event_figures, public_events
from thidua.events.enums import EventKind, EventState


def moment(day, hour=8):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def fields(day=datetime.date(2022, 8, 20), **more):
    return {
        "kind": EventKind.SEMINAR,
        "title": "Tọa đàm",
        "starts_at": moment(day),
        "ends_at": moment(day, 17),
        "place": "Hội trường",
        **more,
    }


def test_an_event_that_ends_before_it_starts_is_refused(tree):
    bad = fields(ends_at=moment(datetime.date(2022, 8, 19)))
    with pytest.raises(ValidationError):
        event_create(actor=None, unit=tree.district, fields=bad)


def test_only_published_events_are_public_and_counted(tree):
    draft = event_create(actor=None, unit=tree.commune_a, fields=fields(participants=40))
    first, last = datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)
    assert not public_events().exists()
    assert event_figures(tree.commune_a, first, last) == {"events": 0, "event_participants": 0}
    published = event_publish(actor=None, event=draft)
    assert published.state == EventState.PUBLISHED
    assert list(public_events()) == [published]
    assert event_figures(tree.commune_a, first, last) == {"events": 1, "event_participants": 40}
    event_cancel(actor=None, event=published)
    assert not public_events().exists()
    assert event_figures(tree.commune_a, first, last)["events"] == 0
    with pytest.raises(ValidationError):
        event_publish(actor=None, event=published)


def test_a_report_counts_the_units_own_events_and_its_branches_in_the_period(tree):
    def published(unit, day, people):
        event = event_create(actor=None, unit=unit, fields=fields(day, participants=people))
        return event_publish(actor=None, event=event)

    published(tree.commune_a, datetime.date(2022, 3, 1), 10)
    published(tree.branch_a, datetime.date(2022, 12, 31), 5)  # its branch: counted
    published(tree.commune_a, datetime.date(2023, 1, 1), 99)  # after the period
    published(tree.commune_b, datetime.date(2022, 3, 1), 99)  # another commune
    published(tree.district, datetime.date(2022, 3, 1), 300)  # the district's own
    year = (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
    assert event_figures(tree.commune_a, *year) == {"events": 2, "event_participants": 15}
    # The district counts its own: its communes report theirs, and the roll-up adds them.
    assert event_figures(tree.district, *year) == {"events": 1, "event_participants": 300}
    assert counted_events(tree.province, *year).count() == 0


def test_saving_over_another_version_is_refused(tree):
    event = event_create(actor=None, unit=tree.district, fields=fields())
    event_save(actor=None, event=event, version=event.version, fields={"participants": 80})
    with pytest.raises(StaleEdit):
        event_save(actor=None, event=event, version=1, fields={"participants": 90})
    event.refresh_from_db()
    assert event.participants == 80
