"""The official list of registrations (initiatives/exports.py) as XLSX and DOCX."""

from django.urls import reverse

from tests.helpers import docx, login, registration_form, workbook
from thidua.initiatives.domain.registrations import registration_save, registration_submit
from thidua.initiatives.models import Registration


def test_exports_are_real_files_with_every_registration(
    client, cast, make_registration, tree, open_plan
):
    first = make_registration(name="Trồng sắn cao sản")
    first = registration_save(
        actor=None, registration=first, version=first.version, fields={"households": 1500}
    )
    registration_submit(actor=None, registration=first)
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="=1+1 máy tách hạt")
    )
    make_registration(name="Bản nháp chưa gửi")
    login(client, cast["district"])
    sheet = workbook(client.get(reverse("initiatives:export_xlsx", args=[open_plan.pk]))).active
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "TT")
    headers = [c.value for c in sheet[header_row]]
    assert "Tên mô hình, sáng kiến, ý tưởng mới" in headers
    assert "Tính mới" in headers
    assert sheet.freeze_panes == f"A{header_row + 1}"
    names = [
        sheet.cell(r, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1).value
        for r in range(header_row + 1, sheet.max_row)
    ]
    assert names == ["Trồng sắn cao sản", "=1+1 máy tách hạt"]
    # Under the list, a totals row adds up households, area and cost (documents/xlsx.py).
    households = sheet.cell(sheet.max_row, headers.index("Số hộ tham gia") + 1)
    assert sheet.cell(sheet.max_row, 1).value == "Cộng"
    letter = households.column_letter
    assert households.value == f"=SUM({letter}{header_row + 1}:{letter}{header_row + 2})"
    assert sheet.cell(header_row + 1, households.column).value == 1500
    assert sheet.cell(header_row + 1, households.column).number_format == "#,##0"
    assert (
        sheet.cell(
            header_row + 2, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1
        ).data_type
        == "s"
    )
    document = docx(client.get(reverse("initiatives:export_docx", args=[open_plan.pk])))
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    assert "DANH SÁCH" in texts
    assert "Trồng sắn cao sản" in texts
    assert "Bản nháp chưa gửi" not in texts
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


def test_control_characters_pasted_from_pdf_do_not_break_the_docx(
    client, cast, make_registration, open_plan
):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        registration_form(draft, name="Mô hình\x01 nuôi\x08 dê", submit="1"),
    )
    login(client, cast["district"])
    response = client.get(reverse("initiatives:export_docx", args=[open_plan.pk]))
    assert response.status_code == 200
    assert Registration.objects.get(pk=draft.pk).name == "Mô hình nuôi dê"
