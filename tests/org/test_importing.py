"""Importing branches and other units from CSV and XLSX files (org/importing.py)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.helpers import login
from thidua.audit.models import AuditEntry
from thidua.org.models import Role, Unit

GOOD_CSV = "Tên,Loại,Thuộc đơn vị,Mã\nBuôn Ken,Chi hội,,\nThôn 3,chi hoi,,\nTổ 1,Tổ hội,Buôn Ken,\n"


def upload(client, unit, name, content: bytes):
    return client.post(
        reverse("org:unit_import", args=[unit.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )


@pytest.fixture
def admin_client(client, tree, make_person):
    admin = make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, admin)
    client.admin = admin
    return client


def test_good_csv_imports_every_row_with_nested_parents(admin_client, tree):
    response = upload(admin_client, tree.commune_a, "chi-hoi.csv", GOOD_CSV.encode("utf-8-sig"))
    assert response.status_code == 302
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
    response = upload(admin_client, tree.commune_a, "ds.xlsx", buffer.getvalue())
    assert response.status_code == 302
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
    response = upload(admin_client, tree.commune_a, "bad.csv", bad.encode())
    assert response.status_code == 200
    errors = [(e.row, e.message) for e in response.context["result"].errors]
    assert [row for row, _ in errors] == [3, 4, 5, 6, 7, 8]
    page = response.content.decode()
    assert "6 dòng có lỗi; chưa có dữ liệu nào được nhập." in page
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


def test_import_into_another_commune_is_refused(admin_client, tree):
    response = upload(admin_client, tree.commune_b, "x.csv", GOOD_CSV.encode())
    assert response.status_code == 404
    assert not Unit.objects.filter(name="Buôn Ken").exists()


def test_too_large_file_is_refused(admin_client, tree):
    content = ("Tên,Loại\n" + "Thôn,Chi hội\n" * 200_000).encode()
    response = upload(admin_client, tree.commune_a, "big.csv", content)
    assert "2 MB" in str(response.context["form"].errors["file"])
