"""Importing units (branches, groups, communes …) from a CSV or XLSX file.

The whole file is checked first; if any row is wrong, nothing is imported and
the user gets one message per wrong row. Columns (Vietnamese headers, matched
without regard to case or diacritics): Tên, Loại, Thuộc đơn vị (optional: the
name or code of the parent, in the target's subtree or earlier in the file;
empty = the target unit), Mã (optional official code).
"""

import contextlib
import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl import load_workbook

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core import text
from thidua.org.domain.units import unit_create
from thidua.org.models import KIND_LEVEL, Unit, UnitKind

MAX_ROWS = 5000
MAX_NAME, MAX_CODE = 200, 20  # the unit's field sizes
MAX_BYTES = 2 * 1024 * 1024

COLUMNS = {"ten": "name", "loai": "kind", "thuoc don vi": "parent", "ma": "code"}
KIND_WORDS = {
    "chi hoi": UnitKind.BRANCH,
    "to hoi": UnitKind.GROUP,
    "xa": UnitKind.COMMUNE,
    "phuong": UnitKind.WARD,
    "thi tran": UnitKind.TOWNSHIP,
    "dac khu": UnitKind.SPECIAL_ZONE,
    "huyen": UnitKind.DISTRICT,
    "quan": UnitKind.URBAN_DISTRICT,
    "thi xa": UnitKind.TOWN,
}


@dataclass
class RowError:
    row: int  # as the user counts: the header is row 1
    message: str


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    created: list[Unit] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, too big, no header)."""


def read_rows(data: bytes, filename: str) -> list[dict[str, str]]:
    """The file's rows as dicts keyed by our column names. Type is judged by content."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 2 MB."))
    table = _xlsx_table(data) if data[:4] == b"PK\x03\x04" else _csv_table(data)
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [COLUMNS.get(text.fold(str(cell or ""))) for cell in table[0]]
    if "name" not in header or "kind" not in header:
        raise ImportFileError(_('The first row must name the columns, including "Tên" and "Loại".'))
    rows = []
    for cells in table[1:]:
        values = {
            column: text.nfc(str(cell if cell is not None else ""))
            for column, cell in zip(header, cells, strict=False)
            if column
        }
        rows.append(values)
    while rows and not any(rows[-1].values()):
        rows.pop()
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    return rows


def import_units(*, actor, target: Unit, rows: list[dict[str, str]]) -> ImportResult:
    """Check every row, then create all units under ``target`` or none."""
    result = ImportResult()
    subtree = list(target.descendants())
    existing = {key: unit for unit in subtree for key in (unit.search_name, unit.code) if key}
    planned: dict[str, dict] = {}  # folded name or code → a row planned earlier in the file
    taken = {(unit.parent_id, unit.search_name) for unit in subtree}
    plan = []
    for number, row in enumerate(rows, start=2):
        message, entry = _check_row(row, target, existing, planned, taken)
        if message:
            result.errors.append(RowError(number, message))
            continue
        plan.append(entry)
        for key in (text.fold(entry["name"]), entry["code"]):
            if key:
                planned[key] = entry
    if result.errors or not plan:
        if not plan and not result.errors:
            result.errors.append(RowError(2, _("The file has no rows to import.")))
        return result
    with transaction.atomic():
        for entry in plan:
            parent = entry["parent"]
            entry["unit"] = unit_create(
                actor=actor,
                parent=parent if isinstance(parent, Unit) else parent["unit"],
                name=entry["name"],
                kind=entry["kind"],
                code=entry["code"],
            )
            result.created.append(entry["unit"])
        record(
            actor=actor,
            action=Action.IMPORT,
            instance=target,
            unit=target,
            after={"created": len(result.created)},
            note=ngettext(
                "Imported %(count)d unit.", "Imported %(count)d units.", len(result.created)
            )
            % {"count": len(result.created)},
        )
    return result


def _check_row(row, target, existing, planned, taken):
    name = row.get("name", "")
    if not name:
        return _("The name (Tên) is empty."), None
    if len(name) > MAX_NAME or len(row.get("code", "")) > MAX_CODE:
        return (
            _("The name is longer than %(name)d characters or the code than %(code)d.")
            % {"name": MAX_NAME, "code": MAX_CODE},
            None,
        )
    kind = KIND_WORDS.get(text.fold(row.get("kind", "")))
    if kind is None:
        return (
            _('Unknown kind "%(kind)s": use Chi hội, Tổ hội, Xã, Phường, Thị trấn …')
            % {"kind": row.get("kind", "")},
            None,
        )
    parent_ref = row.get("parent", "")
    parent = target
    if parent_ref:
        key = (
            parent_ref if parent_ref in existing or parent_ref in planned else text.fold(parent_ref)
        )
        parent = existing.get(key) or planned.get(key)
        if parent is None:
            return (
                _('Parent unit "%(parent)s" is neither in %(target)s nor earlier in the file.')
                % {"parent": parent_ref, "target": target.full_name},
                None,
            )
    parent_level = parent.level if isinstance(parent, Unit) else KIND_LEVEL[parent["kind"]]
    if KIND_LEVEL[kind] <= parent_level:
        return _("A unit of kind “%(kind)s” cannot be placed under that unit.") % {
            "kind": row.get("kind", "")
        }, None
    parent_key = parent.pk if isinstance(parent, Unit) else id(parent)
    if (parent_key, text.fold(name)) in taken:
        return _('"%(name)s" already exists in that unit.') % {"name": name}, None
    taken.add((parent_key, text.fold(name)))
    return None, {"name": name, "kind": kind, "code": row.get("code", ""), "parent": parent}


def _csv_table(data: bytes) -> list[list[str]]:
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("This is not a CSV or XLSX file."))
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The CSV file is not in UTF-8: save it again as “CSV UTF-8”.")
        ) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(decoded[:4096], delimiters=",;\t")
    return list(csv.reader(io.StringIO(decoded), dialect))


def _xlsx_table(data: bytes) -> list[list]:

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError(_("This is not a CSV or XLSX file.")) from None
    sheet = workbook.worksheets[0]
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return table
