"""What the downloads hold (results/exports.py): the roll-up workbook with its totals as
formulas, the results report as an official document, and the same figures in the page, the
workbook and the report sent upward."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from tests.documents.reading import all_paragraphs, texts
from tests.helpers import docx, filled, login, province_plan_above, recalculated
from tests.results.conftest import MEASURES
from thidua.core.numbers import XLSX_DECIMAL, XLSX_INTEGER, format_number
from thidua.org.models import Role
from thidua.plans.domain.numbering import numbering_rule_update
from thidua.plans.domain.plans import plan_create_child, plan_issue, plan_update
from thidua.plans.models import DeadlineKind
from thidua.results.domain.reports import (
    report_open,
    report_review,
    report_save,
    report_submit,
    signing_plan,
)
from thidua.results.domain.rollup import rollup
from thidua.results.exports import report_docx, rollup_xlsx

DAY = datetime.timedelta(days=1)
HEADER_ROW = 4  # title, subtitle, an empty line, then the headings
FIRST_ROW = HEADER_ROW + 1
# Where each figure stands in the report's text; a number written the Vietnamese way.
NUMBER = r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)"
IN_TEXT = {
    "registered": rf"đã đăng ký: {NUMBER}",
    "done": rf"hoàn thành {NUMBER}",
    "in_progress": rf"đang triển khai {NUMBER}",
    "not_started": rf"chưa triển khai {NUMBER}",
    "stopped": rf"dừng {NUMBER}",
    "households": rf"hộ tham gia: {NUMBER}",
    "area_ha": rf"diện tích: {NUMBER} ha",
    "cost_vnd": rf"kinh phí: {NUMBER} đồng",
    "meetings": rf"{NUMBER} hội nghị tuyên truyền",
    "meeting_participants": rf"với {NUMBER} lượt người dự",
    "media_items": rf"{NUMBER} tin, bài",
    "events": rf"{NUMBER} triển lãm, hội thảo, hội chợ",
    "event_participants": rf"hội chợ với {NUMBER} lượt người tham gia",
    "replicated": rf"nhân rộng {NUMBER} mô hình",
    "support_vnd": rf"vận động hỗ trợ {NUMBER} đồng",
    "fund_vnd": rf"sáng tạo” {NUMBER} đồng",
    "award_entries": rf"{NUMBER} sáng kiến gửi dự Giải thưởng",
}


def _sent(plan, unit, **figures):
    return report_submit(
        actor=None, report=filled(report_open(actor=None, plan=plan, unit=unit), **figures)
    )


def _sheet(summary):
    return load_workbook(io.BytesIO(rollup_xlsx(summary))).active


def _columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}


def _document(report):
    """The report's DOCX as its page renders it."""
    summary = rollup(report.plan, draft=report)
    return Document(io.BytesIO(report_docx(report, summary, signer=signing_plan(report.unit))))


def _own_plan(plan, unit, signer="Y Thuê Niê", **changes):
    """``unit``'s own plan on the basis of ``plan``, issued, naming who signs for the unit."""
    own = plan_create_child(actor=None, parent=plan, unit=unit)
    plan_update(actor=None, plan=own, signer_name=signer, **changes)
    own = plan_issue(actor=None, plan=own, issued_on=datetime.date(2022, 3, 20))
    deadline = own.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + DAY
    deadline.save()
    return own


def _figures_in(document) -> dict[str, str]:
    text = " ".join(p.text for p in document.paragraphs if p.text.startswith("- "))
    found = {}
    for name, pattern in IN_TEXT.items():
        match = re.search(pattern, text, flags=re.IGNORECASE)
        found[name] = match.group(1) if match else None
    return found


# --- the roll-up workbook --------------------------------------------------------------


def test_the_totals_row_sums_every_figure_with_formulas(reporting, tree):
    report = filled(report_open(actor=None, plan=reporting, unit=tree.commune_a), meetings=3)
    results = {
        r.registration_id: {"progress": "done", "households": 10, "area_ha": Decimal("1.25"),
                            "cost_vnd": 2_000_000}
        for r in report.results.all()
    }  # fmt: skip
    report = report_save(
        actor=None, report=report, version=report.version, fields={}, results=results
    )
    report_submit(actor=None, report=report)
    sheet = _sheet(rollup(reporting))
    columns = _columns(sheet)
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=FIRST_ROW)]
    names = [row[0] for row in rows]
    assert names == [
        "Hội Nông dân huyện Sông Hinh",
        "Hội Nông dân xã Ea Bá",
        "Hội Nông dân xã Ea Ly",
        "Tổng cộng",
    ]
    total = sheet.max_row
    # Of the two communes that report to the district, one did (the district's own report
    # goes to the province: not counted in its own total).
    assert sheet.cell(total, 2).value == "1/2 đã báo cáo"
    for title in ("Hoàn thành", "Số hộ tham gia", "Diện tích (ha)", "Kinh phí (đồng)"):
        formula = sheet.cell(total, columns[title]).value
        letter = sheet.cell(total, columns[title]).column_letter
        assert formula == f"=SUM({letter}{FIRST_ROW}:{letter}{total - 1})", title
    # The registrations are counted for every unit, reported or not.
    registered = sheet.cell(total, columns["Số mô hình, sáng kiến, ý tưởng đã đăng ký"])
    assert registered.value.startswith("=SUM(")
    # Ea Ly and the district sent nothing: empty cells, never zeros.
    ea_ly = rows[2]
    assert ea_ly[1] == "Chưa báo cáo"
    assert ea_ly[columns["Hội nghị tuyên truyền"] - 1] is None
    assert ea_ly[columns["Hoàn thành"] - 1] is None
    assert rows[1][columns["Hội nghị tuyên truyền"] - 1] == 3
    assert rows[1][columns["Diện tích (ha)"] - 1] == pytest.approx(2.5)


def test_figures_no_initiative_gives_are_unknown_not_zero(reporting, tree):
    """Ea Bá sent its report without the area or cost of its initiatives: empty, not 0."""
    _sent(reporting, tree.commune_a, meetings=3)
    summary = rollup(reporting)
    assert summary.total("households") == 20
    assert summary.total("area_ha") is None
    assert summary.total("cost_vnd") is None
    sheet = _sheet(summary)
    columns = _columns(sheet)
    assert sheet.cell(FIRST_ROW + 1, columns["Diện tích (ha)"]).value is None
    assert sheet.cell(sheet.max_row, columns["Kinh phí (đồng)"]).value is None
    text = [p.text for p in _document(_sent(reporting, tree.commune_b)).paragraphs]
    assert "- Số hộ tham gia: 10; diện tích: chưa có số liệu; kinh phí: chưa có số liệu." in text


def test_every_figure_is_a_number_with_a_thousands_format(reporting, tree):
    _sent(reporting, tree.commune_a, support_vnd=1_500_000, meeting_participants=1200)
    sheet = _sheet(rollup(reporting))
    columns = _columns(sheet)
    for row in sheet.iter_rows(min_row=FIRST_ROW):
        for cell in row[2:]:
            if cell.value is None:
                continue
            assert isinstance(cell.value, int | float) or cell.value.startswith("=SUM(")
            decimal = cell.column == columns["Diện tích (ha)"]
            assert cell.number_format == (XLSX_DECIMAL if decimal else XLSX_INTEGER)


def test_the_provinces_workbook_has_a_subtotal_per_district(client, reporting, tree, tmp_path):
    province_plan = province_plan_above(reporting, tree)
    _sent(reporting, tree.commune_a, meetings=5, support_vnd=2_000_000)
    _sent(reporting, tree.commune_b, meetings=7, support_vnd=3_000_000)
    summary = rollup(province_plan)
    data = rollup_xlsx(summary)
    sheet = load_workbook(io.BytesIO(data)).active
    columns = _columns(sheet)
    names = [sheet.cell(r, 1).value for r in range(FIRST_ROW, sheet.max_row + 1)]
    assert names == [
        "Hội Nông dân tỉnh Phú Yên",
        "Hội Nông dân huyện Sông Hinh",
        "Hội Nông dân xã Ea Bá",
        "Hội Nông dân xã Ea Ly",
        "Cộng huyện Sông Hinh",
        "Hội Nông dân thành phố Tuy Hòa",
        "Tổng cộng",
    ]
    meetings = sheet.cell(FIRST_ROW, columns["Hội nghị tuyên truyền"]).column_letter
    subtotal, total = FIRST_ROW + 4, FIRST_ROW + 6
    assert sheet[f"{meetings}{subtotal}"].value == f"=SUM({meetings}6:{meetings}8)"
    # The total adds the province's own row, the district's subtotal and Tuy Hòa: no row twice.
    assert sheet[f"{meetings}{total}"].value == f"=SUM({meetings}5,{meetings}9:{meetings}10)"
    assert sheet.cell(subtotal, 1).font.bold
    assert sheet.cell(FIRST_ROW + 2, 1).alignment.indent == 2
    computed = recalculated(data, tmp_path).active
    assert computed[f"{meetings}{subtotal}"].value == 12
    assert computed[f"{meetings}{total}"].value == 12


# --- the results report ----------------------------------------------------------------


def test_sections_are_numbered_without_gaps(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    report = report_save(
        actor=None,
        report=report,
        version=report.version,
        fields={
            "achievements": "Đạt kế hoạch.",
            "lessons": "Bám sát cơ sở.",
            "proposals": "Hỗ trợ.",
        },
        results={},
    )
    headings = [t for t in texts(_document(report)) if re.match(r"^[IVX]+\. ", t)]
    assert headings == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. BÀI HỌC KINH NGHIỆM",
        "III. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_the_report_goes_to_the_parent_and_carries_the_units_own_symbol(reporting, tree):
    commune = _sent(reporting, tree.commune_a)
    document = _document(commune)
    printed = [p.text for p in all_paragraphs(document)]
    assert "- Ban Thường vụ Hội Nông dân huyện Sông Hinh;" in printed
    assert not any("cấp trên" in line for line in printed)
    assert any(line.endswith("-BC/HNDX") for line in printed)
    numbering_rule_update(
        actor=None, unit=tree.district, issuer_code="hndsh", restart="year", term=""
    )
    own = report_open(actor=None, plan=reporting, unit=tree.district)
    printed = [p.text for p in all_paragraphs(_document(own))]
    assert any(line.endswith("-BC/HNDSH") for line in printed)
    assert "- Ban Thường vụ Hội Nông dân tỉnh Phú Yên;" in printed


def test_the_signer_is_the_units_own(reporting, tree):
    """A commune signs as its own plan does; without a plan of its own, the default
    authority and title with room for the name, never the district's chairman."""
    own_plan = _own_plan(reporting, tree.commune_a, signer_title="PHÓ CHỦ TỊCH")
    signed = [p.text for p in all_paragraphs(_document(_sent(own_plan, tree.commune_a)))]
    assert "Y Thuê Niê" in signed
    assert "PHÓ CHỦ TỊCH" in signed
    reporting.signer_name = "Bá Minh Hiếu"
    reporting.save(update_fields=["signer_name"])
    ea_ly = [p.text for p in all_paragraphs(_document(_sent(reporting, tree.commune_b)))]
    assert "Bá Minh Hiếu" not in ea_ly
    assert "CHỦ TỊCH" in ea_ly
    district = report_open(actor=None, plan=reporting, unit=tree.district)
    assert "Bá Minh Hiếu" in [p.text for p in all_paragraphs(_document(district))]


def _watermarked(report) -> bool:
    header = _document(report).sections[0].first_page_header
    return any("DỰ THẢO" in p.text for p in header.paragraphs)


def test_anything_not_final_is_a_draft(reporting, tree):
    _own_plan(reporting, tree.commune_a)  # Ea Bá names who signs for it
    report = filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    assert _watermarked(report)
    report = report_submit(actor=None, report=report)
    assert not _watermarked(report)
    returned = report_review(actor=None, report=report, receive=False, reason="Bổ sung.")
    assert _watermarked(returned)  # sent once, back to the commune: a draft again
    received = report_review(
        actor=None, report=report_submit(actor=None, report=filled(returned)), receive=True
    )
    assert not _watermarked(received)


def test_the_districts_report_upward_adds_up_its_communes(client, reporting, tree, make_person):
    """Issue #10: the district's report said 0 meetings and 0 đồng while its communes had
    reported 16 meetings, 720 participants and 20.000.000 đ."""
    for unit in (tree.commune_a, tree.commune_b):
        _sent(reporting, unit, meetings=8, meeting_participants=360, support_vnd=10_000_000)
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    client.post(reverse("results:open", args=[reporting.pk, tree.district.pk]))
    own = reporting.reports.get(unit=tree.district)
    document = docx(client.get(reverse("results:report_docx", args=[own.pk])))
    found = _figures_in(document)
    assert found["meetings"] == "16"
    assert found["meeting_participants"] == "720"
    assert found["support_vnd"] == "20.000.000"
    assert found["registered"] == "3"
    assert found["done"] == "3"
    assert any("2/2 đơn vị" in p.text for p in document.paragraphs)


# --- one roll-up, three renderings -----------------------------------------------------


def _page_lines(html: str) -> list[tuple[str, str, dict[str, str]]]:
    rows = re.findall(r'<tr data-unit="(\d+)" data-line="(\w+)"[^>]*>(.*?)</tr>', html, re.S)
    return [
        (
            unit,
            kind,
            dict(re.findall(r'<td data-measure="(\w+)"[^>]*>\s*(.*?)\s*</td>', cells, re.S)),
        )
        for unit, kind, cells in rows
    ]


@pytest.mark.parametrize("seed", range(4))
def test_the_page_the_workbook_and_the_report_show_the_same_numbers(
    client, generated, make_person, seed, tmp_path
):
    world = generated(seed, province_reports=True)
    summary = rollup(world.plan)
    lines = summary.lines()
    make_person("tinh", Role.OFFICER, world.province)
    login(client, "tinh")
    # The page: every line of the roll-up, each number in the Vietnamese format.
    html = client.get(reverse("results:rollup", args=[world.plan.pk])).content.decode()
    shown = _page_lines(html)
    assert [(int(u), k) for u, k, _ in shown] == [
        (line.node.unit.pk, "subtotal" if line.subtotal else "unit") for line in lines
    ]
    for line, (_, _, cells) in zip(lines, shown, strict=True):
        for name in MEASURES:
            value = line.value(name)
            assert cells[name] == ("—" if value is None else format_number(value)), name
    # The workbook: real numbers, subtotals and totals as formulas LibreOffice computes.
    data = client.get(reverse("results:rollup_xlsx", args=[world.plan.pk])).content
    sheet = load_workbook(io.BytesIO(data)).active
    computed = recalculated(data, tmp_path).active
    columns = _columns(sheet)
    titles = [sheet.cell(HEADER_ROW, c).value for c in range(3, 3 + len(MEASURES))]
    for offset, line in enumerate(lines):
        row = FIRST_ROW + offset
        for index, name in enumerate(MEASURES):
            column = columns[titles[index]]
            written, value = sheet.cell(row, column), line.value(name)
            if value is None:
                assert written.value is None, (line.node.unit, name)
                continue
            assert written.number_format in (XLSX_INTEGER, XLSX_DECIMAL)
            assert isinstance(written.value, str) == line.subtotal
            assert computed.cell(row, column).value == pytest.approx(float(value)), (
                line.node.unit,
                name,
            )
    # The province's report upward: the same totals, in the same format.
    report = world.reports[world.province.pk]
    document = docx(client.get(reverse("results:report_docx", args=[report.pk])))
    found = _figures_in(document)
    for name in MEASURES:
        total = summary.total(name)
        assert found[name] == (None if total is None else format_number(total)), name
        if total is None:  # an area nobody gave: said so, not 0
            assert any("chưa có số liệu" in p.text for p in document.paragraphs)
