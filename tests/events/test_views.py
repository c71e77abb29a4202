"""Events' pages (events/views.py): the organising unit records and publishes them, anyone
reads the calendar by month or as a list, and subscribes to it (iCalendar, parsed back)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.test_ical import parse
from tests.helpers import edit_page_costs, login
from thidua.events.domain.events import event_cancel, event_create, event_publish
from thidua.events.enums import EventKind, EventState
from thidua.events.models import Event
from thidua.org.models import Role


def new_event(unit, title, day, *, publish=True, **more):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    event = event_create(
        actor=None,
        unit=unit,
        fields={
            "kind": EventKind.EXHIBITION,
            "title": title,
            "starts_at": start,
            "ends_at": start + datetime.timedelta(days=1, hours=2),
            "place": "Nhà Văn hóa",
            **more,
        },
    )
    return event_publish(actor=None, event=event) if publish else event


@pytest.fixture
def calendar(tree):
    today = timezone.localdate()
    return {
        "coming": new_event(tree.district, "Triển lãm sắp tới", today + datetime.timedelta(days=2)),
        "past": new_event(tree.district, "Hội chợ đã qua", today - datetime.timedelta(days=40)),
        "draft": new_event(tree.district, "Tọa đàm nháp", today, publish=False),
        "cancelled": event_cancel(
            actor=None, event=new_event(tree.district, "Hội thảo hủy", today)
        ),
    }


def test_the_month_shows_published_events_on_each_of_their_days(client, calendar):
    coming = calendar["coming"]
    month = timezone.localdate(coming.starts_at).strftime("%Y-%m")
    response = client.get(reverse("events:calendar"), {"month": month})
    page = response.content.decode()
    assert page.count(f'href="{reverse("events:event", args=[coming.pk])}"') >= 2
    assert "Tọa đàm nháp" not in page
    assert "Hội thảo hủy" not in page
    weeks = response.context["weeks"]
    assert all(len(week) == 7 for week in weeks)
    assert client.get(reverse("events:calendar"), {"month": "nonsense"}).status_code == 200


def test_the_list_puts_coming_events_first_then_the_past(client, calendar):
    page = client.get(reverse("events:calendar_list")).content.decode()
    assert page.index("Triển lãm sắp tới") < page.index("Hội chợ đã qua")
    assert "Tọa đàm nháp" not in page
    assert client.get(reverse("events:event", args=[calendar["draft"].pk])).status_code == 404
    assert client.get(reverse("events:event", args=[calendar["cancelled"].pk])).status_code == 404


def test_the_icalendar_feed_parses_back_with_published_events_only(client, calendar, settings):
    settings.SITE_URL = "https://thidua.example.vn"
    response = client.get(reverse("events:ical"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {event["SUMMARY"]: event for event in parse(response.content.decode())}
    coming = calendar["coming"]
    assert set(events) == {
        f"{coming.get_kind_display()}: Triển lãm sắp tới",
        f"{coming.get_kind_display()}: Hội chợ đã qua",
    }
    found = events[f"{coming.get_kind_display()}: Triển lãm sắp tới"]
    assert found["UID"] == f"event-{coming.pk}@thidua.example.vn"
    assert found["DTSTART"] == coming.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert found["URL"] == "https://thidua.example.vn" + reverse("events:event", args=[coming.pk])


def test_an_officer_records_and_publishes_an_event_and_others_may_not(client, tree, make_person):
    officer = make_person("canbo", Role.OFFICER, tree.district)
    viewer = make_person("xem", Role.VIEWER, tree.district)
    outsider = make_person("ngoai", Role.OFFICER, tree.other_district)
    url = reverse("events:event_new", args=[tree.district.pk])
    data = {
        "kind": EventKind.FAIR,
        "title": "Hội chợ huyện",
        "starts_at": "2022-08-20T08:00",
        "ends_at": "2022-08-19T17:00",
        "place": "Sân vận động",
        "participants": "1.200",
    }
    login(client, viewer)
    assert client.post(url, data).status_code == 403
    login(client, outsider)
    assert client.post(url, data).status_code == 404
    login(client, officer)
    response = client.post(url, data)
    assert response.status_code == 200  # ends before it starts: said, nothing saved
    assert "ends_at" in response.context["form"].errors
    assert not Event.objects.exists()
    response = client.post(url, {**data, "ends_at": "2022-08-20T17:00"})
    event = Event.objects.get()
    assert response.url == reverse("events:event_edit", args=[event.pk])
    assert (event.participants, event.state) == (1200, EventState.DRAFT)
    client.post(reverse("events:event_publish", args=[event.pk]))
    event.refresh_from_db()
    assert event.state == EventState.PUBLISHED
    login(client, outsider)
    assert client.post(reverse("events:event_cancel", args=[event.pk])).status_code == 404
    event.refresh_from_db()
    assert event.state == EventState.PUBLISHED


def test_the_participants_are_written_in_after_the_event_over_the_version_seen(
    client, tree, make_person
):
    officer = make_person("canbo", Role.OFFICER, tree.district)
    event = new_event(tree.district, "Hội chợ huyện", datetime.date(2022, 8, 20))
    login(client, officer)
    url = reverse("events:event_edit", args=[event.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in ("kind", "title", "place", "version", "organiser")}
    data |= {"starts_at": "2022-08-20T08:00", "ends_at": "2022-08-21T10:00"}
    response = client.post(url, {**data, "participants": "350"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.participants == 350
    stale = client.post(url, {**data, "participants": "400"})  # the version seen before
    assert stale.status_code == 409
    event.refresh_from_db()
    assert event.participants == 350


def test_an_events_edit_page_and_its_saves_cost_the_same_whatever_the_number_of_models(
    client, tree, make_person, entry
):
    """The edit page lists every received model of the unit's subtree to show; reading it,
    saving it and a save over an older version cost as many queries with 2 models as with 8."""
    officer = make_person("canbo", Role.OFFICER, tree.district)
    event = new_event(tree.district, "Hội chợ huyện", datetime.date(2022, 8, 20))
    url = reverse("events:event_edit", args=[event.pk])
    login(client, officer)
    models = [entry(tree.commune_a, name=f"Mô hình số {n}") for n in range(2)]

    def costs() -> dict:
        typed = {
            "starts_at": "2022-08-20T08:00",
            "ends_at": "2022-08-21T10:00",
            "participants": "350",
            "models_shown": [m.pk for m in models],
        }
        return edit_page_costs(client, url, kept=("kind", "title", "place"), typed=typed)

    small = costs()
    models += [entry(tree.commune_b, name=f"Mô hình khác {n}") for n in range(6)]
    large = costs()
    assert large == small == {"page": 8, "save": 15, "stale": 13}, (small, large)
    assert len(client.get(url).context["form"].fields["models_shown"].choices) == 8
    assert Event.objects.get(pk=event.pk).models_shown.count() == 8
