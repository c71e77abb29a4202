"""Importing branches and other units from CSV and XLSX files (org/importing.py)."""

import io
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.helpers import login
from thidua.audit.models import AuditEntry
from thidua.jobs.enums import JobState
from thidua.jobs.models import Job
from thidua.jobs.running import job_run
from thidua.org.models import Membership, Role, Unit

GOOD_CSV = "Tên,Loại,Thuộc đơn vị,Mã\nBuôn Ken,Chi hội,,\nThôn 3,chi hoi,,\nTổ 1,Tổ hội,Buôn Ken,\n"


def upload(client, unit, name, content: bytes):
    return client.post(
        reverse("org:unit_import", args=[unit.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


def imported(client, unit, name, content: bytes) -> tuple[Job, str]:
    """The import's job (run at once here: no worker) and its page as the person reads it."""
    response = upload(client, unit, name, content)
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:job_detail", args=[job.pk])
    assert job.state == JobState.DONE
    return job, unescape(client.get(response["Location"]).content.decode())


@pytest.fixture
def admin_client(client, tree, make_person):
    admin = make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, admin)
    client.admin = admin
    return client


def test_good_csv_imports_every_row_with_nested_parents(admin_client, tree):
    job, page = imported(admin_client, tree.commune_a, "chi-hoi.csv", GOOD_CSV.encode("utf-8-sig"))
    assert "Đã nhập 3 đơn vị vào Hội Nông dân xã Ea Bá." in page
    assert job.result_url == reverse("org:unit_detail", args=[tree.commune_a.pk])
    assert f'href="{job.result_url}"' in page
    ken = Unit.objects.get(name="Buôn Ken")
    assert ken.parent == tree.commune_a
    assert ken.kind == "branch"
    group = Unit.objects.get(name="Tổ 1")
    assert group.parent == ken
    assert group.path.startswith(ken.path)
    assert Unit.objects.filter(name="Thôn 3", parent=tree.commune_a).exists()
    assert AuditEntry.objects.filter(action="import", object_id=str(tree.commune_a.pk)).exists()


def test_good_xlsx_imports(admin_client, tree):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["TÊN", "LOẠI", "MÃ"])
    sheet.append(["Buôn Đức", "Chi hội", "CH01"])
    sheet.append([None, None, None])  # trailing blank rows are ignored
    buffer = io.BytesIO()
    workbook.save(buffer)
    imported(admin_client, tree.commune_a, "ds.xlsx", buffer.getvalue())
    assert Unit.objects.get(name="Buôn Đức").code == "CH01"


def test_bad_file_gets_a_per_row_report_and_imports_nothing(admin_client, tree):
    before = Unit.objects.count()
    bad = (
        "Tên,Loại,Thuộc đơn vị\n"
        "Buôn Ken,Chi hội,\n"  # fine on its own
        ",Chi hội,\n"  # row 3: no name
        "Thôn 5,Làng,\n"  # row 4: unknown kind
        "Tổ 2,Tổ hội,Không có\n"  # row 5: unknown parent
        "Thôn 1,Chi hội,\n"  # row 6: already exists
        "Xã mới,Xã,Buôn Ken\n"  # row 7: a commune under a branch
        + "A" * 250
        + ",Chi hội,\n"  # row 8: a name longer than the field
    )
    job, page = imported(admin_client, tree.commune_a, "bad.csv", bad.encode())
    assert [row for row, _ in job.problems] == [3, 4, 5, 6, 7, 8]
    assert "6 dòng có lỗi; chưa có dữ liệu nào được nhập." in page
    # … and the way back to the form, to send the file again once mended
    assert f'href="{reverse("org:unit_import", args=[tree.commune_a.pk])}"' in page
    assert "Cột Tên đang để trống." in page
    assert Unit.objects.count() == before
    assert not AuditEntry.objects.filter(action="import").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00"),  # an .exe renamed
        ("fake.xlsx", b"PK\x03\x04not really a workbook"),
        ("legacy-encoding.csv", "Tên,Loai\nBuôn Ken,Chi hôi\n".encode("cp1258")),
        ("empty.csv", b""),
        ("no-header.csv", "Buôn Ken,Chi hội\n".encode()),
    ],
)
def test_unreadable_files_are_refused_with_a_message(admin_client, tree, name, content):
    before = Unit.objects.count()
    response = upload(admin_client, tree.commune_a, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Unit.objects.count() == before
    assert not Job.objects.exists()  # said on the form at once: nothing to wait for


def test_import_into_another_commune_is_refused(admin_client, tree):
    response = upload(admin_client, tree.commune_b, "x.csv", GOOD_CSV.encode())
    assert response.status_code == 404
    assert not Unit.objects.filter(name="Buôn Ken").exists()


def test_too_large_file_is_refused(admin_client, tree):
    content = ("Tên,Loại\n" + "Thôn,Chi hội\n" * 200_000).encode()
    response = upload(admin_client, tree.commune_a, "big.csv", content)
    assert "2 MB" in str(response.context["form"].errors["file"])


def test_with_a_worker_the_import_waits_then_says_what_it_did(admin_client, tree, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rows = "".join(f"Thôn {n},Chi hội,,\n" for n in range(2, 402))  # Thôn 1 is there already
    response = upload(admin_client, tree.commune_a, "thon.csv", f"Tên,Loại,,Mã\n{rows}".encode())
    job = Job.objects.get()
    waiting = unescape(admin_client.get(response["Location"]).content.decode())
    assert "Đang chờ máy chủ bắt đầu." in waiting
    assert not tree.commune_a.children.filter(name="Thôn 2").exists()
    assert job_run(job_id=job.pk) == JobState.DONE
    done = unescape(admin_client.get(response["Location"]).content.decode())
    assert "Đã nhập 400 đơn vị vào Hội Nông dân xã Ea Bá." in done
    assert tree.commune_a.children.count() == 401


def test_an_import_whose_asker_lost_the_right_imports_nothing(admin_client, tree, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    upload(admin_client, tree.commune_a, "chi-hoi.csv", GOOD_CSV.encode())
    Membership.objects.filter(person=admin_client.admin).delete()
    job = Job.objects.get()
    assert job_run(job_id=job.pk) == JobState.FAILED
    assert not Unit.objects.filter(name="Buôn Ken").exists()
