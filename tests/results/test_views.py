"""Results pages (results/views.py): permissions, downloads, photos, autosave."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers import docx, filled, jpeg, login, report_form, workbook
from thidua.org.models import Role
from thidua.results.models import ReportState


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
    sheet = workbook(client.get(reverse("results:rollup_xlsx", args=[reporting.pk]))).active
    values = {row[0].value: [c.value for c in row] for row in sheet.iter_rows()}
    assert values["Hội Nông dân xã Ea Bá"][10] == 2  # meetings
    assert values["Hội Nông dân xã Ea Ly"][10] is None  # missing: an empty cell, not 0
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
    assert any("đơn vị phải báo cáo" in p.text for p in document.paragraphs)
