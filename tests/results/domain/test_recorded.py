"""A results report reads its events from the records (results/domain/recorded.py): no
double entry. The figures follow the events while the report may change, the form shows
them read-only, the roll-up adds them, and a sent report keeps what it was sent with."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.helpers import filled, login, report_form
from thidua.events.domain.events import event_cancel, event_create, event_publish
from thidua.events.enums import EventKind
from thidua.org.models import Role
from thidua.results.domain.recorded import RECORDED, recorded_figures
from thidua.results.domain.reports import report_open, report_save, report_submit
from thidua.results.domain.rollup import rollup


def fair(unit, day, people):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    event = event_create(
        actor=None,
        unit=unit,
        fields={
            "kind": EventKind.FAIR,
            "title": "Hội chợ",
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=8),
            "place": "Chợ xã",
            "participants": people,
        },
    )
    return event_publish(actor=None, event=event)


def test_the_report_reads_its_events_and_the_rollup_adds_them(reporting, tree):
    assert {"events", "event_participants"} <= set(RECORDED)
    fair(tree.commune_a, datetime.date(2022, 5, 1), 120)
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    assert (report.events, report.event_participants) == (1, 120)
    fair(tree.branch_a, datetime.date(2022, 9, 1), 30)  # its branch's, once it was opened
    typed = filled(report, events=9, event_participants=999)  # a figure typed is not kept
    assert (typed.events, typed.event_participants) == (2, 150)
    late = fair(tree.commune_a, datetime.date(2022, 10, 1), 50)  # before sending
    sent = report_submit(actor=None, report=typed)
    assert (sent.events, sent.event_participants) == (3, 200)
    event_cancel(actor=None, event=late)  # after: the sent report keeps what it said
    sent.refresh_from_db()
    assert sent.events == 3
    assert recorded_figures(sent)["events"] == 2
    summary = rollup(reporting)
    rows = {row.unit.name: row for row in summary.rows}
    assert rows["Ea Bá"].value("events") == 3
    assert summary.total("event_participants") == 200


def test_the_form_shows_the_events_read_only_from_the_records(client, reporting, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a)
    fair(tree.commune_a, datetime.date(2022, 5, 1), 80)
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    fair(tree.commune_a, datetime.date(2022, 6, 1), 20)  # recorded after it was opened
    login(client, officer)
    url = reverse("results:report_edit", args=[report.pk])
    form = client.get(url).context["form"]
    assert form["events"].field.disabled
    assert form["events"].value() == 2
    assert form["event_participants"].value() == 100
    progress = {f"r{r.registration_id}-progress": "in_progress" for r in report.results.all()}
    typed = report_form(report, events="40", event_participants="4000", **progress)
    response = client.post(url, typed)
    assert response.status_code == 302, response.context["form"].errors
    report.refresh_from_db()
    assert (report.events, report.event_participants) == (2, 100)
    saved = report_save(actor=None, report=report, version=report.version, fields={}, results={})
    assert saved.events == 2
