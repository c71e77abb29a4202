"""What the fund's workbooks hold (fund/exports.py), opened as an office would: the ledger
line by line with its corrections and balances, and the roll-up by unit with its subtotals
as formulas that compute the page's figures."""

import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.fund.conftest import DAY
from tests.helpers import login, recalculated, workbook
from thidua.core.numbers import XLSX_INTEGER
from thidua.fund.domain.ledger import (
    contribution_record,
    disbursement_record,
    entry_reverse,
    fund_create,
    national_record,
)
from thidua.fund.domain.rollup import fund_rollup
from thidua.fund.exports import rollup_xlsx

HEADER_ROW = 4  # title, subtitle, an empty line, then the headings


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_the_ledger_workbook_lists_every_entry_with_its_balances(
    client, who, funded, donor, commended
):
    goods = contribution_record(
        actor=None,
        fund=funded,
        donor=donor,
        amount_vnd=16_000_000,
        occurred_on=DAY,
        in_kind=True,
        description="2 tấn phân bón hữu cơ vi sinh",
    )
    disbursement_record(
        actor=None,
        fund=funded,
        proposal=commended[0],
        amount_vnd=3_000_000,
        occurred_on=datetime.date(2022, 6, 20),
        reference="QĐ 02",
    )
    national_record(
        actor=None, fund=funded, amount_vnd=4_000_000, occurred_on=datetime.date(2022, 9, 2)
    )
    entry_reverse(
        actor=None, entry=goods, reason="Hàng chưa nhận", occurred_on=datetime.date(2022, 9, 3)
    )
    login(client, who.district)
    sheet = workbook(client.get(reverse("fund:ledger_xlsx", args=[funded.pk]))).active
    assert sheet["A1"].value == f"SỔ THEO DÕI {funded.name.upper()}"
    assert sheet["A2"].value == "Hội Nông dân huyện Sông Hinh"
    headings = [cell.value for cell in sheet[HEADER_ROW]]
    assert headings[:3] == ["Số TT", "Ngày", "Nội dung"]
    lines = rows(sheet)
    assert [line[0] for line in lines] == [1, 2, 3, 4, 5]
    first, gift, paid, sent, undone = lines
    assert first[1] == datetime.datetime(2022, 6, 1)  # a date cell
    assert (first[2], first[3], first[4], first[7], first[9]) == (
        "Tiếp nhận đóng góp",
        "Tiền",
        donor.name,
        10_000_000,
        10_000_000,
    )
    assert (gift[3], gift[5], gift[7], gift[9], gift[10]) == (
        "Hiện vật",
        "2 tấn phân bón hữu cơ vi sinh",
        16_000_000,
        10_000_000,
        16_000_000,
    )
    registration = commended[0].registration
    assert paid[2] == "Chi hỗ trợ, khen thưởng"
    assert paid[4] == f"{registration.name} ({registration.unit.full_name})"
    assert (paid[6], paid[8], paid[9]) == ("QĐ 02", 3_000_000, 7_000_000)
    assert (sent[2], sent[8], sent[9]) == (
        "Ủng hộ Quỹ “Người Việt đoàn kết sáng tạo”",
        4_000_000,
        3_000_000,
    )
    assert undone[2] == "Điều chỉnh: Tiếp nhận đóng góp"
    assert (undone[8], undone[10], undone[11]) == (16_000_000, 0, 2)
    assert "Hàng chưa nhận" in undone[5]
    assert sheet.cell(row=HEADER_ROW + 1, column=8).number_format == XLSX_INTEGER


def test_the_roll_up_workbook_adds_the_communes_to_the_district(funded, donor, tree, tmp_path):
    for commune, amount in ((tree.commune_a, 700_000), (tree.commune_b, 300_000)):
        fund = fund_create(actor=None, unit=commune, name=f"Quỹ {commune.name}")
        contribution_record(actor=None, fund=fund, donor=donor, amount_vnd=amount, occurred_on=DAY)
    national_record(actor=None, fund=funded, amount_vnd=2_000_000, occurred_on=DAY)
    content = rollup_xlsx(fund_rollup(tree.district), year=2022)
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A2"].value == "Hội Nông dân huyện Sông Hinh — năm 2022"
    lines = rows(sheet)
    assert [line[0] for line in lines] == [
        "Hội Nông dân huyện Sông Hinh",
        "Hội Nông dân xã Ea Bá",
        "Hội Nông dân xã Ea Ly",
        "Tổng cộng",
    ]
    assert lines[0][1] == funded.name
    assert lines[0][2:4] == [10_000_000, 0]
    assert lines[3][2].startswith("=SUM(")  # the total stays a formula
    computed = recalculated(content, tmp_path).active
    total = [cell.value for cell in computed[HEADER_ROW + 4]]
    # received, in kind, disbursed, disbursed in kind, national, balance, goods
    assert total[2:] == [11_000_000, 0, 0, 0, 2_000_000, 9_000_000, 0]
