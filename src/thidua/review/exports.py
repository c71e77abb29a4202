"""The council's documents: the score table (XLSX), the minutes, the decision with its
annex, and the certificates (DOCX, official format)."""

from thidua.documents.xlsx import XlsxColumn, render_xlsx
from thidua.review.domain.ranking import Ranked
from thidua.review.models import Council, CouncilStatus


def entry_label(council: Council, row: Ranked) -> tuple[str, str]:
    """(name, unit) as the table shows them; blind councils hide the unit until decided."""
    registration = row.registration
    if council.blind and council.status != CouncilStatus.DECIDED:
        return registration.name, f"Hồ sơ số {registration.pk}"
    return registration.name, registration.unit.full_name


def score_table_xlsx(council: Council, rows: list[Ranked]) -> bytes:
    criteria = list(council.plan.criteria.all())
    columns = [
        XlsxColumn("Hạng", 7),
        XlsxColumn("Tên mô hình, sáng kiến, ý tưởng mới", 40),
        XlsxColumn("Đơn vị", 28),
        *[XlsxColumn(f"{c.name} ({c.max_points})", 14) for c in criteria],
        XlsxColumn("Điểm", 10),
        XlsxColumn("Xếp loại", 12),
        XlsxColumn("Số phiếu chấm", 10),
        XlsxColumn("Chênh lệch", 10),
    ]
    table = []
    for row in rows:
        name, unit = entry_label(council, row)
        table.append(
            [
                row.rank,
                name,
                unit,
                *[row.criterion_means.get(c.pk) for c in criteria],
                row.score,
                row.grade,
                len(row.totals),
                row.spread if row.totals else None,
            ]
        )
    return render_xlsx(
        title="BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
        subtitle_lines=[council.name, f"Kế hoạch số {council.plan.number_symbol}"],
        columns=columns,
        rows=table,
        sheet_name="Kết quả chấm",
    )
