"""The plan list as a table the XLSX and CSV renderers lay out (documents/xlsx.py,
documents/csvfile.py): one row per plan the list shows, in its order. The headings are the
office's words, whatever the language of the person who downloads it."""

from thidua.documents.xlsx import XlsxColumn
from thidua.plans.enums import PlanState

STATE_WORDS = {
    PlanState.DRAFT: "Dự thảo",
    PlanState.ISSUED: "Đã ban hành",
    PlanState.CLOSED: "Đã kết thúc",
}
COLUMNS = [
    XlsxColumn("TT", 5),
    XlsxColumn("Số, ký hiệu", 16),
    XlsxColumn("Ngày ban hành", 12),
    XlsxColumn("Đơn vị ban hành", 30),
    XlsxColumn("Tên kế hoạch", 50),
    XlsxColumn("Phong trào thi đua", 36),
    XlsxColumn("Từ ngày", 12),
    XlsxColumn("Đến ngày", 12),
    XlsxColumn("Trạng thái", 14),
    XlsxColumn("Phiên bản", 8),
]


def plan_table(plans) -> tuple[list[XlsxColumn], list[list]]:
    """``plans`` (with their unit and movement) as rows."""
    rows = [
        [
            number,
            plan.number_symbol if plan.number else "",
            plan.issued_on,
            plan.unit.full_name,
            plan.title,
            plan.movement.name,
            plan.period_start,
            plan.period_end,
            STATE_WORDS.get(plan.state, plan.state),
            plan.version,
        ]
        for number, plan in enumerate(plans, start=1)
    ]
    return COLUMNS, rows
