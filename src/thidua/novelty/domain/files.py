"""Reading a list of initiatives from a file: CSV, XLSX or JSONL, one initiative a row.

Columns (or keys): title, description, unit, year, recognised, source; the Vietnamese
headers "tên", "mô tả", "đơn vị", "năm", "công nhận", "nguồn" are understood too. Rows are
numbered as a person sees them in the file (the header of a CSV or XLSX is row 1).
"""

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from thidua.core import text

COLUMNS = ("title", "description", "unit", "year", "recognised", "source")
ALIASES = {
    "ten": "title",
    "ten sang kien": "title",
    "ten mo hinh": "title",
    "name": "title",
    "mo ta": "description",
    "tom tat": "description",
    "don vi": "unit",
    "nam": "year",
    "cong nhan": "recognised",
    "duoc cong nhan": "recognised",
    "recognized": "recognised",
    "nguon": "source",
}


class UnreadableFileError(ValueError):
    """The file as a whole cannot be read (its kind, its encoding, its header)."""


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, str]


def _column(header) -> str:
    folded = text.fold(str(header or "")).strip()
    return folded if folded in COLUMNS else ALIASES.get(folded, folded)


def _rows_of_table(table: list[list]) -> list[Row]:
    if not table:
        return []
    header = [_column(cell) for cell in table[0]]
    if "title" not in header:
        raise UnreadableFileError("the first row must name the columns, among them 'title'")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            name: "" if cell is None else str(cell).strip()
            for name, cell in zip(header, cells, strict=False)
            if name in COLUMNS
        }
        if any(values.values()):
            rows.append(Row(number, values))
    return rows


def _csv(data: bytes) -> list[Row]:
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFileError("a CSV file must be in UTF-8") from error
    return _rows_of_table(list(csv.reader(io.StringIO(decoded))))


def _xlsx(data: bytes) -> list[Row]:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFileError("not an XLSX workbook") from error
    sheet = book.worksheets[0]
    return _rows_of_table([list(row) for row in sheet.iter_rows(values_only=True)])


def _jsonl(data: bytes) -> list[Row]:
    rows = []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            rows.append(Row(number, {"__error__": "not a JSON object"}))
            continue
        if not isinstance(item, dict):
            rows.append(Row(number, {"__error__": "not a JSON object"}))
            continue
        values = {}
        for key, value in item.items():
            name = _column(key)
            if name in COLUMNS:
                values[name] = "" if value is None else str(value).strip()
        rows.append(Row(number, values))
    return rows


READERS = {".csv": _csv, ".xlsx": _xlsx, ".jsonl": _jsonl, ".ndjson": _jsonl}


def read(path: str | Path) -> list[Row]:
    """The rows of the file at ``path``, by its extension."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableFileError(f"unknown file kind {path.suffix!r}: use .csv, .xlsx or .jsonl")
    return reader(path.read_bytes())
