"""A fund's ledger and the funds' roll-up as workbooks (XLSX), in the offices' Vietnamese.

The ledger lists every entry as it was written, corrections included (a reversing entry
names the entry it reverses), with the balance after each; the roll-up renders the one
computation the page shows (``fund/domain/rollup.py``): each unit's own funds, the units
under it, its subtotal as a formula over the lines it adds up, the total last.
"""

from thidua.documents.xlsx import Cell, SumOf, XlsxColumn, render_xlsx
from thidua.fund.domain.rollup import MEASURES, FundRollup, Line
from thidua.fund.enums import EntryKind
from thidua.fund.models import Entry, Fund

KIND_WORDS = {
    EntryKind.CONTRIBUTION: "Tiếp nhận đóng góp",
    EntryKind.DISBURSEMENT: "Chi hỗ trợ, khen thưởng",
    EntryKind.NATIONAL: "Ủng hộ Quỹ “Người Việt đoàn kết sáng tạo”",
}
MONEY, GOODS = "Tiền", "Hiện vật"
LEDGER_COLUMNS = [
    XlsxColumn("Số TT", 7),
    XlsxColumn("Ngày", 12),
    XlsxColumn("Nội dung", 24),
    XlsxColumn("Hình thức", 10),
    XlsxColumn("Nhà tài trợ / Sáng kiến được hỗ trợ", 34),
    XlsxColumn("Diễn giải", 30),
    XlsxColumn("Chứng từ", 14),
    XlsxColumn("Thu (đồng)", 15),
    XlsxColumn("Chi (đồng)", 15),
    XlsxColumn("Tồn quỹ tiền (đồng)", 16),
    XlsxColumn("Tồn hiện vật (đồng)", 16),
    XlsxColumn("Điều chỉnh bút toán số", 11),
    XlsxColumn("Người ghi", 20),
]
FIGURE_COLUMNS = {
    "received": XlsxColumn("Tiếp nhận bằng tiền (đồng)", 16),
    "received_in_kind": XlsxColumn("Tiếp nhận hiện vật, quy ra tiền (đồng)", 16),
    "disbursed": XlsxColumn("Chi hỗ trợ, khen thưởng bằng tiền (đồng)", 16),
    "disbursed_in_kind": XlsxColumn("Hỗ trợ bằng hiện vật (đồng)", 16),
    "national": XlsxColumn("Ủng hộ Quỹ “Người Việt đoàn kết sáng tạo” (đồng)", 18),
    "balance": XlsxColumn("Tồn quỹ tiền (đồng)", 16),
    "balance_in_kind": XlsxColumn("Tồn hiện vật (đồng)", 16),
}


def ledger_xlsx(fund: Fund, entries: list[Entry]) -> bytes:
    """Every entry of ``fund``, in the order written. The money and goods balances after
    each entry are those the ledger stored; a line that does not move a holding carries its
    balance from the line above."""
    rows = []
    balances = {False: 0, True: 0}
    for entry in entries:
        balances[entry.in_kind] = entry.balance_vnd
        rows.append(
            [
                entry.sequence,
                entry.occurred_on,
                ("Điều chỉnh: " if entry.is_correction else "") + KIND_WORDS[entry.kind],
                GOODS if entry.in_kind else MONEY,
                _party(entry),
                "\n".join(part for part in (entry.description, entry.reason) if part),
                entry.reference,
                entry.amount_vnd if entry.amount_vnd > 0 else None,
                -entry.amount_vnd if entry.amount_vnd < 0 else None,
                balances[False],
                balances[True],
                entry.reverses.sequence if entry.is_correction else None,
                entry.recorded_by.full_name if entry.recorded_by else "",
            ]
        )
    return render_xlsx(
        title=f"SỔ THEO DÕI {fund.name.upper()}",
        subtitle_lines=[fund.unit.full_name],
        columns=LEDGER_COLUMNS,
        rows=rows,
        sheet_name="Sổ quỹ",
    )


def _party(entry: Entry) -> str:
    if entry.donor is not None:
        return entry.donor.name
    if entry.proposal is not None:
        registration = entry.proposal.registration
        return f"{registration.name} ({registration.unit.full_name})"
    return "Quỹ “Người Việt đoàn kết sáng tạo”" if entry.kind == EntryKind.NATIONAL else ""


def rollup_xlsx(summary: FundRollup, *, year: int | None = None) -> bytes:
    """One line per unit under the unit above it, a subtotal after each unit that has units
    under it, as formulas over the lines they add up."""
    lines = summary.lines()
    position = {(id(line.node), line.subtotal): index for index, line in enumerate(lines)}
    unit = summary.root.unit
    return render_xlsx(
        title="TỔNG HỢP QUỸ HỖ TRỢ, KHUYẾN KHÍCH MÔ HÌNH, SÁNG KIẾN",
        subtitle_lines=[unit.full_name + (f" — năm {year}" if year else "")],
        columns=[XlsxColumn("Đơn vị", 34), XlsxColumn("Quỹ", 30)]
        + [FIGURE_COLUMNS[name] for name in MEASURES],
        rows=[_rollup_row(line, position) for line in lines],
        sheet_name="Tổng hợp quỹ",
    )


def _rollup_row(line: Line, position: dict) -> list:
    node = line.node
    if not line.subtotal:
        funds = "\n".join(fund.name for fund in node.funds)
        return [
            Cell(node.unit.full_name, indent=node.depth),
            funds,
            *(line.figures[name] for name in MEASURES),
        ]
    # The unit's own line and the subtotals (or, without units under them, the own lines)
    # of the units directly under it.
    added = [position[(id(node), False)]] + [
        position.get((id(child), True), position[(id(child), False)]) for child in node.children
    ]
    label = "Tổng cộng" if node.depth == 0 else f"Cộng {node.unit.area_name}"
    return [
        Cell(label, bold=True, indent=node.depth),
        "",
        *(Cell(SumOf(tuple(added)), bold=True) for _name in MEASURES),
    ]
