"""documents/csvfile.py: a table as CSV that Excel opens with its Vietnamese intact."""

import csv
import datetime
import io
import unicodedata
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from thidua.documents.csvfile import render_csv
from thidua.documents.xlsx import Cell, XlsxColumn

COLUMNS = [XlsxColumn("Đơn vị", 20), XlsxColumn("Số hộ", 8), XlsxColumn("Ngày gửi", 12)]


def read(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "no byte-order mark: Excel would misread UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_starts_with_the_bom_and_writes_values_as_people_read_them():
    sent = datetime.datetime(2022, 4, 9, 17, 30, tzinfo=datetime.UTC)  # 00:30 on the 10th
    data = render_csv(
        columns=COLUMNS,
        rows=[
            ["Hội Nông dân xã Ea Bá", 12, sent],
            [Cell("Tổng", bold=True), Decimal("2.5"), datetime.date(2022, 4, 10)],
            ["Ea Ly\r\ndòng hai", None, None],
        ],
    )
    assert read(data) == [
        ["Đơn vị", "Số hộ", "Ngày gửi"],
        ["Hội Nông dân xã Ea Bá", "12", "10/04/2022 00:30"],
        ["Tổng", "2.5", "10/04/2022"],
        ["Ea Ly\ndòng hai", "", ""],
    ]


def test_text_that_looks_like_a_formula_stays_text_and_numbers_stay_numbers():
    rows = read(render_csv(columns=COLUMNS, rows=[['=HYPERLINK("http://x")', -3, "+84 905"]]))
    assert rows[1] == ['\'=HYPERLINK("http://x")', "-3", "'+84 905"]


@given(st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40))
def test_any_vietnamese_text_comes_back_as_written_in_nfc(value):
    back = read(render_csv(columns=COLUMNS[:1], rows=[[value]]))[1][0]
    expected = unicodedata.normalize("NFC", value)
    assert back in {expected, f"'{expected}"}
