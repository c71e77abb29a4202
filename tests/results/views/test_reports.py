"""Results reports' pages (results/views/reports.py): permissions (the roll-up's too),
downloads, photos, autosave, the overview."""

from decimal import Decimal

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import (
    CLIENT_EXAMPLES,
    docx,
    filled,
    jpeg,
    login,
    page_form,
    province_plan_above,
    report_form,
    sent_report,
    vietnamese,
    workbook,
)
from tests.typed import report_stored, report_typed
from thidua.org.models import Role
from thidua.results.domain.reports import report_open, report_submit
from thidua.results.models import ReportState, ResultsReport


def test_pages_permissions_and_exports(client, reporting, tree, make_person):
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    make_person("xa_b", Role.OFFICER, tree.commune_b)
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "xa_a")
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    assert (
        client.post(reverse("results:open", args=[reporting.pk, tree.commune_b.pk])).status_code
        == 404
    )
    client.logout()
    login(client, "xa_b")
    assert client.get(reverse("results:report_detail", args=[report.pk])).status_code == 404
    client.logout()
    login(client, "xa_a")
    filled(report, meetings=2)
    client.post(reverse("results:report_submit", args=[report.pk]))
    client.logout()
    login(client, "huyen")
    client.post(reverse("results:report_receive", args=[report.pk]))
    report.refresh_from_db()
    assert report.state == ReportState.RECEIVED
    page = client.get(reverse("results:rollup", args=[reporting.pk])).content.decode()
    assert "Hội Nông dân xã Ea Ly" in page
    assert "chưa báo cáo" in page
    # The tally and the total line count the same units: the two communes, not the district.
    assert "đơn vị: <strong>2</strong>" in page
    assert "1/2 đã báo cáo" in page
    sheet = workbook(client.get(reverse("results:rollup_xlsx", args=[reporting.pk]))).active
    values = {row[0].value: [c.value for c in row] for row in sheet.iter_rows()}
    meetings = [c.value for c in sheet[4]].index("Hội nghị tuyên truyền")
    assert values["Hội Nông dân xã Ea Bá"][meetings] == 2
    assert values["Hội Nông dân xã Ea Ly"][meetings] is None  # missing: an empty cell, not 0
    document = docx(client.get(reverse("results:report_docx", args=[report.pk])))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts
    client.logout()
    login(client, "xa_a")
    assert client.get(reverse("results:rollup", args=[reporting.pk])).status_code == 403


def test_photos_autosave_and_the_issuers_own_report(client, reporting, tree, make_person):
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "xa_a")
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    client.post(
        reverse("results:photo_add", args=[report.pk]),
        {"title": "Ruộng sắn", "photo": SimpleUploadedFile("IMG.JPG", jpeg((1200, 900)))},
    )
    missing = client.post(reverse("results:photo_add", args=[report.pk]), {}, follow=True)
    assert vietnamese("Choose a file to upload.") in missing.content.decode()
    photo = report.photos.get()
    thumb = client.get(reverse("results:photo_thumbnail", args=[report.pk, photo.pk]))
    assert b"".join(thumb.streaming_content)[:3] == b"\xff\xd8\xff"
    data = report_form(report, meetings="5", achievements="Đang gõ")
    for result in report.results.all():
        data[f"r{result.registration_id}-progress"] = "in_progress"
    saved = client.post(reverse("results:report_autosave", args=[report.pk]), data)
    assert saved.json()["version"] == report.version + 1
    stale = client.post(reverse("results:report_autosave", args=[report.pk]), data)
    assert stale.status_code == 409
    client.logout()
    login(client, "huyen")
    page = client.get(reverse("results:overview", args=[reporting.pk])).content.decode()
    assert "Hội Nông dân huyện Sông Hinh" in page  # the district writes its own report upwards
    client.post(reverse("results:open", args=[reporting.pk, tree.district.pk]))
    own = reporting.reports.get(unit=tree.district)
    document = docx(client.get(reverse("results:report_docx", args=[own.pk])))
    assert any("đơn vị trực thuộc đã báo cáo" in p.text for p in document.paragraphs)


def test_the_overview_shows_reports_sent_on_any_plan_under_it(client, reporting, tree, make_person):
    """Issue #10: the province's overview listed the communes as "Chưa có báo cáo" while its
    roll-up showed their reports (sent on the district's plan, under the province's)."""
    province_plan = province_plan_above(reporting, tree)
    report = report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    make_person("tinh", Role.OFFICER, tree.province)
    login(client, "tinh")
    page = client.get(reverse("results:overview", args=[province_plan.pk])).content.decode()
    ea_ba = page[page.index("Hội Nông dân xã Ea Bá") :].split("</li>")[0]
    assert "đã gửi" in ea_ba
    assert reverse("results:report_detail", args=[report.pk]) in ea_ba
    ea_ly = page[page.index("Hội Nông dân xã Ea Ly") :].split("</li>")[0]
    assert "Chưa có báo cáo." in ea_ly
    assert "Hội Nông dân thành phố Tuy Hòa" in page
    # Writing Ea Ly's report from the province's page writes it where Ea Ly reports: on
    # the district's plan, not a second report on the province's.
    client.post(reverse("results:open", args=[province_plan.pk, tree.commune_b.pk]))
    opened = ResultsReport.objects.get(unit=tree.commune_b)
    assert opened.plan == reporting
    assert not province_plan.reports.exists()
    client.post(reverse("results:open", args=[province_plan.pk, tree.commune_b.pk]))
    assert ResultsReport.objects.filter(unit=tree.commune_b).count() == 1


def test_numbers_on_the_pages_are_written_the_vietnamese_way(client, reporting, tree, make_person):
    report = sent_report(
        reporting,
        tree.commune_a,
        {"achievements": "Tốt.", "meeting_participants": 1250, "support_vnd": 12_500_000},
        {"progress": "done", "households": 1500, "area_ha": Decimal("2.5")},
    )
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    detail = client.get(reverse("results:report_detail", args=[report.pk])).content.decode()
    assert "1.500" in detail
    assert "1500" not in detail
    page = client.get(reverse("results:rollup", args=[reporting.pk])).content.decode()
    assert '<td data-measure="households" data-label="Số hộ tham gia">3.000</td>' in page
    assert (
        '<td data-measure="support_vnd" data-label="Vận động hỗ trợ (đồng)">12.500.000</td>' in page
    )
    assert '<td data-measure="area_ha" data-label="Diện tích (ha)">5</td>' in page
    assert "12,500,000" not in page


def test_the_report_history_reads_as_words(client, reporting, tree, make_person):
    report = sent_report(reporting, tree.commune_a, {"achievements": "Tốt."})
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    page = client.get(reverse("results:report_detail", args=[report.pk])).content.decode()
    history = page.split('id="history"')[1]
    assert "đã gửi" in history
    assert "submitted" not in history


@CLIENT_EXAMPLES
@given(data=st.data())
def test_every_figure_typed_autosaved_and_saved_is_stored_as_typed(
    client, reporting, officer, tree, data
):
    """Every text and figure of the report and of its initiatives, generated and typed the
    Vietnamese way (the browser types two of these: tests/browser/test_forms_round_trip.py):
    autosaved, then the page as it reads afterwards saved, and nothing changes."""
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    login(client, officer)
    edit = reverse("results:report_edit", args=[report.pk])
    typed, meant = data.draw(report_typed(report))
    page = page_form(client.get(edit))
    page.update({name: [v] if isinstance(v, str) else v for name, v in typed.items()})

    autosaved = client.post(reverse("results:report_autosave", args=[report.pk]), page)
    assert autosaved.status_code == 200, autosaved.json()
    assert report_stored(report) == meant
    client.post(edit, {**page_form(client.get(edit)), "save": "1"})
    assert report_stored(report) == meant


def test_the_reports_list_says_how_many_units_and_filters_by_where_they_stand(
    client, reporting, tree, make_person
):
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    url = reverse("results:overview", args=[reporting.pk])

    def units(**query):
        page = lxml.html.fromstring(client.get(url, query).content)
        count = page.find_class("count")[0].text_content()
        return count, [t.text_content().strip() for t in page.find_class("card__title")]

    count, everyone = units()
    assert str(len(everyone)) in count
    assert {"Hội Nông dân xã Ea Bá", "Hội Nông dân xã Ea Ly"} <= set(everyone)
    assert units(reporting="on_time")[1] == ["Hội Nông dân xã Ea Bá"]
    missing = units(reporting="missing")[1]
    assert "Hội Nông dân xã Ea Ly" in missing
    assert "Hội Nông dân xã Ea Bá" not in missing
    assert units(reporting="bogus")[1] == everyone  # a filter that makes no sense: all
