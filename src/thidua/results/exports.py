"""The results report as an official document (DOCX), and the roll-up tables (XLSX)."""

from django.utils import timezone

from thidua.documents.docx import render_docx
from thidua.documents.official import OfficialDocument, Section, Signature, number_line
from thidua.documents.xlsx import XlsxColumn, render_xlsx
from thidua.plans.domain.defaults import SIGNER_TITLE, SIGNING_AUTHORITY, header_lines
from thidua.results.domain.rollup import Rollup
from thidua.results.models import Progress, ResultsReport

UNIT_COLUMNS = [
    ("Đơn vị", 30, None),
    ("Tình trạng báo cáo", 16, None),
    ("Số mô hình, sáng kiến đã đăng ký", 14, None),
    ("Hoàn thành", 11, None),
    ("Đang triển khai", 11, None),
    ("Chưa triển khai", 11, None),
    ("Dừng", 8, None),
    ("Số hộ tham gia", 11, "#,##0"),
    ("Diện tích (ha)", 11, "#,##0.00"),
    ("Kinh phí (đồng)", 16, "#,##0"),
    ("Hội nghị tuyên truyền", 11, "#,##0"),
    ("Lượt người dự", 11, "#,##0"),
    ("Tin, bài", 9, "#,##0"),
    ("Triển lãm, hội thảo, hội chợ", 12, "#,##0"),
    ("Mô hình nhân rộng", 11, "#,##0"),
    ("Vận động hỗ trợ (đồng)", 16, "#,##0"),
    ("Ủng hộ Quỹ (đồng)", 16, "#,##0"),
    ("Gửi dự giải thưởng", 11, "#,##0"),
]
FIGURES = [
    "meetings",
    "meeting_participants",
    "media_items",
    "events",
    "replicated",
    "support_vnd",
    "fund_vnd",
    "award_entries",
]


def _unit_row(row) -> list:
    """A unit that has not reported shows empty cells, never zeros."""
    missing = row.report is None
    return [
        row.unit.full_name,
        row.state_label,
        row.registered,
        *[
            None if missing else row.by_progress.get(s, 0)
            for s in (Progress.DONE, Progress.IN_PROGRESS, Progress.NOT_STARTED, Progress.STOPPED)
        ],
        None if missing else row.households,
        None if missing else float(row.area_ha),
        None if missing else row.cost_vnd,
        *[row.figure(name) for name in FIGURES],
    ]


def rollup_xlsx(summary: Rollup) -> bytes:
    columns = [XlsxColumn(title, width, number_format=fmt) for title, width, fmt in UNIT_COLUMNS]
    rows = [_unit_row(row) for row in summary.rows]
    rows.append(
        [
            "Cộng (đơn vị đã báo cáo)",
            f"{len(summary.reported)}/{len(summary.rows)}",
            sum(r.registered for r in summary.rows),
            *[None] * 7,
            *[summary.total(name) for name in FIGURES],
        ]
    )
    return render_xlsx(
        title="TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA",
        subtitle_lines=[f"Kế hoạch số {summary.plan.number_symbol}: {summary.plan.title}"],
        columns=columns,
        rows=rows,
        sheet_name="Tổng hợp",
    )


def report_docx(report: ResultsReport, summary: Rollup | None) -> bytes:
    plan = report.plan
    unit = report.unit

    superior, issuer = header_lines(unit)
    sections = [
        Section(
            heading="I. KẾT QUẢ ĐẠT ĐƯỢC",
            paragraphs=[
                *_lines(report.achievements),
                *_figures(report),
                *(_rollup_lines(summary) if summary else []),
            ],
        ),
        Section(heading="II. TỒN TẠI, HẠN CHẾ", paragraphs=_lines(report.shortcomings)),
        Section(heading="III. NGUYÊN NHÂN", paragraphs=_lines(report.causes)),
        Section(heading="IV. BÀI HỌC KINH NGHIỆM", paragraphs=_lines(report.lessons)),
        Section(heading="V. ĐỀ XUẤT, KIẾN NGHỊ", paragraphs=_lines(report.proposals)),
    ]
    today = timezone.localdate()
    document = OfficialDocument(
        superior=superior,
        issuer=issuer,
        number=number_line(None, f"BC/{plan.issuer_code if unit.pk == plan.unit_id else 'HNDX'}"),
        place=unit.name,
        date=report.submitted_at.date() if report.submitted_at else None,
        year=today.year,
        doc_type="BÁO CÁO",
        subject_lines=[f"Kết quả thực hiện {plan.title[:1].lower()}{plan.title[1:]}"],
        basis=[],
        preamble=[],
        sections=[s for s in sections if s.paragraphs],
        closing=[],
        recipients=["Hội Nông dân cấp trên;", "Lưu VP."],
        signature=Signature(authority=SIGNING_AUTHORITY, title=SIGNER_TITLE, signer=""),
        watermark="" if report.submitted_at else "DỰ THẢO",
    )
    return render_docx(document)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _vnd(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")  # 1.500.000


def _figures(report: ResultsReport) -> list[str]:
    results = list(report.results.all())
    done = sum(1 for r in results if r.progress == Progress.DONE)
    return [
        f"- Số mô hình, sáng kiến, ý tưởng đã đăng ký: {len(results)}, trong đó hoàn thành {done}.",
        f"- Tổ chức {report.meetings} hội nghị tuyên truyền với "
        f"{report.meeting_participants} lượt người dự; {report.media_items} tin, bài; "
        f"{report.events} triển lãm, hội thảo, hội chợ.",
        f"- Nhân rộng {report.replicated} mô hình; vận động hỗ trợ {_vnd(report.support_vnd)} "
        f"đồng; ủng hộ Quỹ “Người Việt đoàn kết sáng tạo” {_vnd(report.fund_vnd)} đồng.",
    ]


def _rollup_lines(summary: Rollup) -> list[str]:
    return [
        f"- Toàn đơn vị có {len(summary.rows)} đơn vị phải báo cáo: "
        f"{summary.count('on_time')} báo cáo đúng hạn, {summary.count('late')} trễ hạn, "
        f"{summary.count('missing')} chưa báo cáo.",
    ]
