"""Results reports: the workflow, the roll-up against hand-counted figures, exports."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from tests.conftest import PASSWORD
from thidua.initiatives.domain.registrations import StaleEdit, registration_submit
from thidua.org.models import Role
from thidua.plans.models import DeadlineKind
from thidua.results.domain.reports import report_open, report_review, report_save, report_submit
from thidua.results.domain.rollup import rollup
from thidua.results.models import ReportState

DAY = datetime.timedelta(days=1)


@pytest.fixture
def reporting(open_plan, make_registration, tree):
    """Ea Bá registered two entries, Ea Ly one; the report is due in five days."""
    for name in ("Nuôi dê", "Trồng sắn"):
        registration_submit(actor=None, registration=make_registration(tree.commune_a, name=name))
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="Máy tách hạt")
    )
    deadline = open_plan.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + 5 * DAY
    deadline.save()
    return open_plan


def filled(report, **figures):
    results = {
        r.registration_id: {"status": "done", "households": 10, "text": "Tốt"}
        for r in report.results.all()
    }
    return report_save(
        actor=None,
        report=report,
        version=report.version,
        fields={"achievements": "Hoàn thành kế hoạch.", **figures},
        results=results,
    )


def test_a_report_opens_with_what_the_system_knows(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    assert report.results.count() == 2
    assert "Nuôi dê" in report.achievements
    assert "Trồng sắn" in report.achievements
    assert report_open(actor=None, plan=reporting, unit=tree.commune_a) == report


def test_workflow_stale_edits_and_lateness(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    version = report.version
    report = filled(report, meetings=3)
    with pytest.raises(StaleEdit):
        report_save(actor=None, report=report, version=version, fields={"meetings": 9}, results={})
    report = report_submit(actor=None, report=report)
    assert report.state == ReportState.SUBMITTED
    assert not report.is_late
    returned = report_review(actor=None, report=report, receive=False, reason="Thiếu số liệu")
    assert returned.state == ReportState.RETURNED
    with pytest.raises(ValidationError):
        report_review(actor=None, report=returned, receive=True)
    deadline = reporting.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() - DAY
    deadline.save()
    again = report_submit(actor=None, report=filled(returned, meetings=4))
    assert again.is_late


def test_rollup_counts_a_late_report_as_late(reporting, tree):
    deadline = reporting.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() - DAY
    deadline.save()
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_b))
    )
    summary = rollup(reporting)
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (0, 1, 1)


def test_rollup_against_hand_counted_figures(reporting, tree):
    on_time = report_submit(
        actor=None,
        report=filled(
            report_open(actor=None, plan=reporting, unit=tree.commune_a),
            meetings=3,
            support_vnd=1_000_000,
        ),
    )
    assert not on_time.is_late
    # Ea Ly writes but never sends: it is missing, not zero.
    filled(report_open(actor=None, plan=reporting, unit=tree.commune_b), meetings=7)
    summary = rollup(reporting)
    rows = {row.unit.name: row for row in summary.rows}
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (1, 0, 1)
    assert rows["Ea Bá"].statuses == {"done": 2}
    assert rows["Ea Bá"].households == 20
    assert rows["Ea Ly"].figure("meetings") is None
    assert rows["Ea Ly"].registered == 1
    assert summary.total("meetings") == 3
    assert summary.total("support_vnd") == 1_000_000
    assert summary.by_kind == {"model": 3}


@pytest.mark.parametrize("extra", [2, 8])
def test_rollup_query_count_does_not_grow(reporting, tree, extra):
    from thidua.initiatives.domain.registrations import registration_create
    from thidua.org.domain.units import unit_create
    from thidua.org.models import UnitKind

    for number in range(extra):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_create(
            actor=None, plan=reporting, unit=unit, kind="idea", name=f"Ý tưởng {number}"
        )
        report_open(actor=None, plan=reporting, unit=unit)
    with CaptureQueriesContext(connection) as queries:
        summary = rollup(reporting)
    assert len(summary.rows) == 2 + extra
    assert len(queries) <= 12, [q["sql"] for q in queries]


def test_pages_permissions_and_exports(client, reporting, tree, make_person):
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    make_person("xa_b", Role.OFFICER, tree.commune_b)
    make_person("huyen", Role.OFFICER, tree.district)
    client.login(username="xa_a", password=PASSWORD)
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    assert (
        client.post(reverse("results:open", args=[reporting.pk, tree.commune_b.pk])).status_code
        == 404
    )
    client.logout()
    client.login(username="xa_b", password=PASSWORD)
    assert client.get(reverse("results:report_detail", args=[report.pk])).status_code == 404
    client.logout()
    client.login(username="xa_a", password=PASSWORD)
    filled(report, meetings=2)
    client.post(reverse("results:report_submit", args=[report.pk]))
    client.logout()
    client.login(username="huyen", password=PASSWORD)
    client.post(reverse("results:report_receive", args=[report.pk]))
    report.refresh_from_db()
    assert report.state == ReportState.RECEIVED
    page = client.get(reverse("results:rollup", args=[reporting.pk])).content.decode()
    assert "Hội Nông dân xã Ea Ly" in page
    assert "chưa báo cáo" in page
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("results:rollup_xlsx", args=[reporting.pk])).content)
    ).active
    values = {row[0].value: [c.value for c in row] for row in sheet.iter_rows()}
    assert values["Hội Nông dân xã Ea Bá"][10] == 2  # meetings
    assert values["Hội Nông dân xã Ea Ly"][10] is None  # missing: an empty cell, not 0
    document = Document(
        io.BytesIO(client.get(reverse("results:report_docx", args=[report.pk])).content)
    )
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts
    client.logout()
    client.login(username="xa_a", password=PASSWORD)
    assert client.get(reverse("results:rollup", args=[reporting.pk])).status_code == 403


def test_the_province_sees_its_districts(client, reporting, tree, make_person):
    from thidua.plans.domain.plans import plan_create, plan_issue, plan_set_body
    from thidua.plans.models import PlanBasis

    province_plan = plan_create(
        actor=None,
        unit=tree.province,
        title="Kế hoạch của tỉnh",
        movement_name="Phú Yên",
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
    )
    plan_set_body(actor=None, plan=province_plan, source="# NỘI DUNG\nThi đua.")
    province_plan = plan_issue(actor=None, plan=province_plan, issued_on=datetime.date(2022, 3, 3))
    # The district's plan answers the province's: its communes roll up under the district.
    PlanBasis.objects.create(plan=reporting, parent=province_plan, text="Căn cứ kế hoạch của tỉnh")
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    totals = rollup(province_plan).group_totals()
    assert [(g["unit"].name, g["units"], g["on_time"], g["missing"]) for g in totals] == [
        ("Sông Hinh", 2, 1, 1)
    ]
    make_person("tinh", Role.VIEWER, tree.province)
    client.login(username="tinh", password=PASSWORD)
    page = client.get(reverse("results:rollup", args=[province_plan.pk])).content.decode()
    assert "Hội Nông dân huyện Sông Hinh" in page


def test_dashboard_draws_every_chart_with_its_numbers_and_csv(client, reporting, tree, make_person):
    import xml.etree.ElementTree as ET

    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    make_person("huyen", Role.VIEWER, tree.district)
    client.login(username="huyen", password=PASSWORD)
    response = client.get(reverse("results:dashboard", args=[reporting.pk]))
    charts = response.context["charts"]
    assert [c.key for c in charts] == [
        "registrations",
        "on_time",
        "reports",
        "results",
        "scores",
        "years",
    ]
    for chart in charts:
        ET.fromstring(chart.svg)  # noqa: S314 (our own output): well-formed SVG
    by_key = {c.key: c for c in charts}
    assert by_key["registrations"].rows == [
        ["Hội Nông dân xã Ea Bá", 0, 0, 2, 0, 0],
        ["Hội Nông dân xã Ea Ly", 0, 0, 1, 0, 0],
    ]
    assert by_key["results"].rows[2] == ["hoàn thành", 2]
    assert by_key["years"].rows == [["2022", 3]]
    csv_text = client.get(reverse("results:dashboard", args=[reporting.pk]), {"csv": "reports"})
    assert csv_text["Content-Type"].startswith("text/csv")
    assert "chưa báo cáo,1" in csv_text.content.decode()
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    client.logout()
    client.login(username="xa_a", password=PASSWORD)
    assert client.get(reverse("results:dashboard", args=[reporting.pk])).status_code == 403


def test_photos_autosave_and_the_issuers_own_report(client, reporting, tree, make_person):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    make_person("xa_a", Role.OFFICER, tree.commune_a)
    make_person("huyen", Role.OFFICER, tree.district)
    client.login(username="xa_a", password=PASSWORD)
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (20, 120, 60)).save(buffer, "JPEG")
    client.post(
        reverse("results:photo_add", args=[report.pk]),
        {"title": "Ruộng sắn", "photo": SimpleUploadedFile("IMG.JPG", buffer.getvalue())},
    )
    photo = report.photos.get()
    thumb = client.get(reverse("results:photo_thumbnail", args=[report.pk, photo.pk]))
    assert b"".join(thumb.streaming_content)[:3] == b"\xff\xd8\xff"
    data = {
        "version": report.version,
        "meetings": "5",
        "meeting_participants": "0",
        "media_items": "0",
        "events": "0",
        "event_participants": "0",
        "replicated": "0",
        "support_vnd": "0",
        "fund_vnd": "0",
        "award_entries": "0",
        "achievements": "Đang gõ",
    }
    for result in report.results.all():
        data[f"r{result.registration_id}-status"] = "in_progress"
    saved = client.post(reverse("results:report_autosave", args=[report.pk]), data)
    assert saved.json()["version"] == report.version + 1
    stale = client.post(reverse("results:report_autosave", args=[report.pk]), data)
    assert stale.status_code == 409
    client.logout()
    client.login(username="huyen", password=PASSWORD)
    page = client.get(reverse("results:overview", args=[reporting.pk])).content.decode()
    assert "Hội Nông dân huyện Sông Hinh" in page  # the district writes its own report upwards
    client.post(reverse("results:open", args=[reporting.pk, tree.district.pk]))
    own = reporting.reports.get(unit=tree.district)
    document = Document(
        io.BytesIO(client.get(reverse("results:report_docx", args=[own.pk])).content)
    )
    assert any("đơn vị phải báo cáo" in p.text for p in document.paragraphs)


def test_the_demo_rollup_matches_its_story(db, settings):
    """The district sees 3 communes on time, 1 late, 7 missing; the province its district."""
    from thidua.demo import load as demo
    from thidua.plans.models import Plan

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo.load(whole_country=False)
    district = rollup(Plan.objects.get(number=115))
    assert (district.count("on_time"), district.count("late"), district.count("missing")) == (
        3,
        1,
        7,
    )
    assert district.total("meetings") == 16  # four reports sent, 4 meetings each
    province = rollup(Plan.objects.get(number=283)).group_totals()
    assert [(g["unit"].name, g["units"], g["late"]) for g in province] == [("Sông Hinh", 11, 1)]


def test_a_stopped_initiative_needs_its_reason(client, reporting, tree, make_person):
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    client.login(username="xa_a", password=PASSWORD)
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    data = {
        "version": report.version,
        "meetings": "0",
        "meeting_participants": "0",
        "media_items": "0",
        "events": "0",
        "event_participants": "0",
        "replicated": "0",
        "support_vnd": "0",
        "fund_vnd": "0",
        "award_entries": "0",
        "achievements": "X",
    }
    for result in report.results.all():
        data[f"r{result.registration_id}-status"] = "stopped"
    response = client.post(reverse("results:report_edit", args=[report.pk]), data)
    assert "Hãy ghi lý do dừng." in response.content.decode()
    assert not report.results.filter(status="stopped").exists()


def test_rollup_counts_registrations_by_linked_campaign(reporting, tree, make_registration):
    from thidua.plans.models import Campaign

    campaign = Campaign.objects.create(plan=reporting, position=1, name="Nông thôn mới")
    registration = make_registration(tree.commune_b, name="Gắn nông thôn mới")
    registration.campaigns.add(campaign)
    registration_submit(actor=None, registration=registration)
    assert rollup(reporting).by_campaign == [("Nông thôn mới", 1)]
