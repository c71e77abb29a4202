"""The results report as an official document (DOCX), and the roll-up as a workbook (XLSX).

Both render the one roll-up (``results/domain/rollup.py``), as the page does: the same lines
and the same figures. Numbers are written by ``core/numbers.py``: real numbers with a
thousands format in the workbook, "1.500.000" in the document. A unit that has not reported
has empty cells, and a total with nobody reporting under it is empty too, never 0.
"""

from django.utils import timezone

from thidua.core.numbers import format_number
from thidua.documents.docx import render_docx
from thidua.documents.official import OfficialDocument, Section, Signature, number_line, roman
from thidua.documents.xlsx import Cell, SumOf, XlsxColumn, render_xlsx
from thidua.plans.domain.defaults import (
    governing_body,
    header_lines,
    issuer_code,
    signature_lines,
)
from thidua.plans.models import Plan
from thidua.results.domain.lines import MEASURES, SENT, Line, Node, Rollup
from thidua.results.enums import Reporting
from thidua.results.models import ResultsReport

DRAFT = "DỰ THẢO"
# The workbook's columns: the unit, its report, then every figure of the roll-up.
UNIT_COLUMN = XlsxColumn("Đơn vị", 34)
STATE_COLUMN = XlsxColumn("Tình trạng báo cáo", 15)
FIGURE_COLUMNS = {
    "registered": XlsxColumn("Số mô hình, sáng kiến, ý tưởng đã đăng ký", 14),
    "done": XlsxColumn("Hoàn thành", 11),
    "in_progress": XlsxColumn("Đang triển khai", 11),
    "not_started": XlsxColumn("Chưa triển khai", 11),
    "stopped": XlsxColumn("Dừng", 8),
    "households": XlsxColumn("Số hộ tham gia", 11),
    "area_ha": XlsxColumn("Diện tích (ha)", 11),
    "cost_vnd": XlsxColumn("Kinh phí (đồng)", 16),
    "meetings": XlsxColumn("Hội nghị tuyên truyền", 11),
    "meeting_participants": XlsxColumn("Lượt người dự hội nghị", 11),
    "media_items": XlsxColumn("Tin, bài", 9),
    "events": XlsxColumn("Triển lãm, hội thảo, hội chợ", 12),
    "event_participants": XlsxColumn("Lượt người dự triển lãm, hội thảo, hội chợ", 13),
    "replicated": XlsxColumn("Mô hình nhân rộng", 11),
    "support_vnd": XlsxColumn("Vận động hỗ trợ (đồng)", 16),
    "fund_vnd": XlsxColumn("Ủng hộ Quỹ (đồng)", 16),
    "award_entries": XlsxColumn("Gửi dự giải thưởng", 11),
}
STATE_WORDS = {
    Reporting.ON_TIME: "Đúng hạn",
    Reporting.LATE: "Trễ hạn",
    Reporting.MISSING: "Chưa báo cáo",
}


# --- the workbook ----------------------------------------------------------------------


def rollup_xlsx(summary: Rollup) -> bytes:
    """One line per unit, under the unit above it; a subtotal after each unit that has units
    under it and the total last, as formulas over the lines they add up."""
    lines = summary.lines()
    position = {(id(line.node), line.subtotal): index for index, line in enumerate(lines)}
    rows = [_xlsx_row(line, position) for line in lines]
    return render_xlsx(
        title="TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA",
        subtitle_lines=[f"Kế hoạch số {summary.plan.number_symbol}: {summary.plan.title}"],
        columns=[UNIT_COLUMN, STATE_COLUMN, *(FIGURE_COLUMNS[name] for name in MEASURES)],
        rows=rows,
        sheet_name="Tổng hợp",
    )


def _xlsx_row(line: Line, position: dict) -> list:
    node = line.node
    if not line.subtotal:
        return [
            Cell(node.unit.full_name, indent=node.depth),
            STATE_WORDS[node.row.state],
            *(line.value(name) for name in MEASURES),
        ]
    # The unit's own line, and each unit under it: its subtotal if it has one, else its line.
    sources = SumOf(
        (
            position[(id(node), False)],
            *(position[(id(child), bool(child.children))] for child in node.children),
        )
    )
    return [
        Cell(_subtotal_name(line), bold=True, indent=node.depth),
        Cell("{}/{} đã báo cáo".format(*line.reporting), bold=True),
        *(Cell(None if line.value(name) is None else sources, bold=True) for name in MEASURES),
    ]


def _subtotal_name(line: Line) -> str:
    return "Tổng cộng" if line.is_total else f"Cộng {line.node.unit.area_name}"


# --- the report ------------------------------------------------------------------------


def report_docx(report: ResultsReport, summary: Rollup, *, signer: Plan | None = None) -> bytes:
    """The unit's report: its own results and those of the units under it, from ``summary``
    (the roll-up of the report's plan, this report counted even as a draft). ``signer``: the
    unit's own plan that names who signs for it. Numbered with the unit's own code ("BC/HNDX"),
    sent to the body that governs the unit above."""
    plan, unit = report.plan, report.unit
    node = summary.node(unit.pk)
    parts = [
        (
            "KẾT QUẢ ĐẠT ĐƯỢC",
            [*_lines(report.achievements), *_status(node), *_figures(node, report)],
        ),
        ("TỒN TẠI, HẠN CHẾ", _lines(report.shortcomings)),
        ("NGUYÊN NHÂN", _lines(report.causes)),
        ("BÀI HỌC KINH NGHIỆM", _lines(report.lessons)),
        ("ĐỀ XUẤT, KIẾN NGHỊ", _lines(report.proposals)),
    ]
    # Parts with nothing in them are left out and the others numbered on, without a gap.
    written = [(heading, paragraphs) for heading, paragraphs in parts if paragraphs]
    sections = [
        Section(heading=f"{roman(number)}. {heading}", paragraphs=paragraphs)
        for number, (heading, paragraphs) in enumerate(written, start=1)
    ]
    final = report.state in SENT and report.submitted_at is not None
    superior, issuer = header_lines(unit)
    document = OfficialDocument(
        superior=superior,
        issuer=issuer,
        number=number_line(None, f"BC/{issuer_code(unit)}"),
        place=unit.name,
        date=timezone.localtime(report.submitted_at).date() if final else None,
        year=timezone.localdate().year,
        doc_type="BÁO CÁO",
        subject_lines=[f"Kết quả thực hiện {plan.title[:1].lower()}{plan.title[1:]}"],
        sections=sections,
        # The report goes to the body that governs the unit above.
        recipients=[*([f"{governing_body(unit.parent)};"] if unit.parent else []), "Lưu VP."],
        signature=_signature(unit, signer),
        watermark="" if final else DRAFT,
    )
    return render_docx(document)


def _signature(unit, signer: Plan | None) -> Signature:
    """Signed as the unit signs its own documents (its latest plan); without one, as its
    level signs, with room for the name."""
    if signer is not None:
        return Signature(
            authority=signer.signing_authority, title=signer.signer_title, signer=signer.signer_name
        )
    authority, title = signature_lines(unit)
    return Signature(authority=authority, title=title, signer="")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


UNKNOWN = "chưa có số liệu"


def _n(value) -> str:
    return UNKNOWN if value is None else format_number(value)


def _with(number: str, unit: str) -> str:
    """ "12,5 ha"; no unit after "chưa có số liệu"."""
    return number if number == UNKNOWN else f"{number} {unit}"


def _status(node: Node) -> list[str]:
    """For a unit with units under it: who reported, and who did not."""
    below = node.rows()[1:]
    if not below:
        return []
    reported = [row for row in below if row.figures is not None]
    missing = [row.unit.full_name for row in below if row.figures is None]
    late = sum(1 for row in reported if row.state == Reporting.LATE)
    text = (
        f"- Có {_n(len(reported))}/{_n(len(below))} đơn vị trực thuộc đã báo cáo "
        f"({_n(len(reported) - late)} đúng hạn, {_n(late)} trễ hạn)"
    )
    if missing:
        text += f"; chưa báo cáo: {', '.join(missing)}"
    return [
        f"{text}. Số liệu dưới đây cộng kết quả của {node.unit.full_name} và của các đơn vị "
        "đã báo cáo."
    ]


def _figures(node: Node, report: ResultsReport) -> list[str]:
    v = {name: _n(node.value(name)) for name in MEASURES}
    in_kind = (
        f" (hiện vật: {report.support_in_kind.strip()})" if report.support_in_kind.strip() else ""
    )
    lines = [
        f"- Số mô hình, sáng kiến, ý tưởng đã đăng ký: {v['registered']}; kết quả thực hiện: "
        f"hoàn thành {v['done']}, đang triển khai {v['in_progress']}, chưa triển khai "
        f"{v['not_started']}, dừng {v['stopped']}.",
        f"- Số hộ tham gia: {v['households']}; diện tích: {_with(v['area_ha'], 'ha')}; "
        f"kinh phí: {_with(v['cost_vnd'], 'đồng')}.",
        f"- Tổ chức {v['meetings']} hội nghị tuyên truyền với {v['meeting_participants']} lượt "
        f"người dự; {v['media_items']} tin, bài; {v['events']} triển lãm, hội thảo, hội chợ với "
        f"{v['event_participants']} lượt người tham gia.",
        f"- Nhân rộng {v['replicated']} mô hình; vận động hỗ trợ {v['support_vnd']} đồng{in_kind}; "
        f"ủng hộ Quỹ “Người Việt đoàn kết sáng tạo” {v['fund_vnd']} đồng; "
        f"{v['award_entries']} sáng kiến gửi dự Giải thưởng.",
    ]
    # A province's report: each district with the communes under it.
    for child in node.children:
        if child.children:
            lines.append(
                f"- {child.unit.full_name} ({_n(child.reported)}/{_n(len(child.rows()))} đơn vị "
                f"đã báo cáo): {_n(child.value('registered'))} mô hình, sáng kiến, ý tưởng đăng "
                f"ký, {_n(child.value('done'))} hoàn thành; {_n(child.value('meetings'))} hội "
                f"nghị với {_n(child.value('meeting_participants'))} lượt người dự; vận động "
                f"{_n(child.value('support_vnd'))} đồng."
            )
    return lines
