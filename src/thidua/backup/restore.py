"""``thidua restore``: an archive of ``thidua backup`` into an empty instance, checked.

An instance is empty when its database holds no rows (beyond the content types and
permissions `migrate` writes) and its uploads' storage no file (a folder or an object store's
bucket: written through Django's storage API, ``core/storage.py``); otherwise nothing is
changed, unless ``force``, which replaces the data and the uploads.

The database's own copy is restored when the vendor is the same (SQLite's file, or
``pg_restore``); otherwise the portable dump is loaded (``database.portable_load``): this is
how an instance moves from SQLite to PostgreSQL. Then every table's row count and content
hash and every file's size and SHA-256 are compared with the manifest, and the schema is
migrated to this version of the code.
"""

import json
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files.storage import Storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from thidua.backup import archive as layout
from thidua.backup import database
from thidua.core import storage


class RestoreRefusedError(Exception):
    """Nothing was changed: the message says why."""


class RestoreFailedError(Exception):
    """The restore went wrong after it began: the message says what differs."""


@dataclass(frozen=True)
class Restored:
    vendor: str  # the backup's database
    native: bool  # its own copy (False: the portable dump)
    tables: int
    rows: int
    files: int


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(layout.MANIFEST))
    except (KeyError, ValueError, AttributeError) as error:
        raise RestoreRefusedError(
            _("This file is not a Thi Đua backup: it has no readable %(name)s.")
            % {"name": layout.MANIFEST}
        ) from error
    if manifest.get("format") != layout.FORMAT:
        raise RestoreRefusedError(
            _("This backup's format (%(format)s) is not one this version reads.")
            % {"format": manifest.get("format")}
        )
    names = set(tar.getnames())
    for copy in (manifest["database"]["native"], manifest["database"]["portable"]):
        if copy not in names:
            raise RestoreRefusedError(
                _("This file is not a Thi Đua backup: it has no readable %(name)s.")
                % {"name": copy}
            )
    return manifest


def refusals(using: str, uploads: Storage) -> list[str]:
    """Why the instance is not empty (nothing when it is)."""
    reasons = []
    occupied = database.tables_with_rows(using)
    if occupied:
        shown = ", ".join(occupied[:5]) + (", …" if len(occupied) > 5 else "")
        reasons.append(
            ngettext(
                "The database already holds data: %(count)s table has rows (%(tables)s).",
                "The database already holds data: %(count)s tables have rows (%(tables)s).",
                len(occupied),
            )
            % {"count": len(occupied), "tables": shown}
        )
    if not storage.is_empty(uploads):
        reasons.append(
            _("The uploads folder %(folder)s already holds files.")
            % {"folder": storage.describe(uploads)}
        )
    return reasons


def _media_member(member: tarfile.TarInfo) -> PurePosixPath | None:
    """The member's name in the uploads' storage, or None when it is not a safe upload."""
    if not member.isfile() or not member.name.startswith(layout.MEDIA):
        return None
    path = PurePosixPath(member.name[len(layout.MEDIA) :])
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def _restore_media(tar: tarfile.TarFile, uploads: Storage) -> None:
    for member in tar:
        name = _media_member(member)
        if name is None:
            continue
        with tar.extractfile(member) as source:
            storage.put(str(name), source, uploads)


def differences(manifest: dict, using: str, uploads: Storage) -> list[str]:
    """What the restored instance holds that the manifest does not say (empty: all equal)."""
    found = []
    now = database.table_states(using)
    for table, expected in manifest["tables"].items():
        actual = now.get(table)
        if actual is None:
            found.append(_("table %(table)s is missing") % {"table": table})
        elif actual["rows"] != expected["rows"]:
            found.append(
                _("table %(table)s has %(actual)s rows instead of %(expected)s")
                % {"table": table, "actual": actual["rows"], "expected": expected["rows"]}
            )
        elif actual["sha256"] != expected["sha256"]:
            found.append(_("the rows of table %(table)s differ") % {"table": table})
    for file in manifest["files"]:
        if not uploads.exists(file["path"]):
            found.append(_("file %(path)s is missing") % {"path": file["path"]})
        elif storage.describe_file(file["path"], uploads) != file:
            found.append(_("file %(path)s differs") % {"path": file["path"]})
    return found


def restore(path: Path, *, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> Restored:
    connection = connections[using]
    uploads = storage.uploads()
    try:
        tar = tarfile.open(path, "r:*")  # noqa: SIM115 (closed by the with below)
    except tarfile.TarError as error:
        raise RestoreRefusedError(
            _("This file is not a Thi Đua backup: it has no readable %(name)s.")
            % {"name": layout.MANIFEST}
        ) from error
    with tar:
        manifest = read_manifest(tar)
        reasons = refusals(using, uploads)
        if reasons and not force:
            reasons.append(
                _(
                    "A backup is restored into an empty instance only: nothing was changed. "
                    "Add --force to replace this instance's data and uploads with the backup."
                )
            )
            raise RestoreRefusedError("\n".join(reasons))
        unknown = database.unknown_migrations(manifest["migrations"], using)
        if unknown:
            raise RestoreRefusedError(
                _(
                    "This backup was made by a newer version (migrations %(migrations)s): "
                    "restore it with that version or a later one. Nothing was changed."
                )
                % {"migrations": ", ".join(unknown)}
            )
        vendor = manifest["database"]["vendor"]
        native = vendor == connection.vendor
        with tempfile.TemporaryDirectory(prefix="thidua-restore-") as work:
            name = manifest["database"]["native" if native else "portable"]
            copy = Path(work, PurePosixPath(name).name)
            with tar.extractfile(name) as source, copy.open("wb") as destination:
                shutil.copyfileobj(source, destination, 1 << 20)
            try:
                if native and vendor == "sqlite":
                    database.sqlite_load(copy, using)
                elif native:
                    database.pg_restore(copy, using)
                else:
                    database.portable_load(copy, manifest["migrations"], using)
            except database.DatabaseError as error:
                raise RestoreFailedError(str(error)) from error
        if force:
            storage.delete_all(uploads)
        _restore_media(tar, uploads)
    found = differences(manifest, using, uploads)
    if found:
        raise RestoreFailedError(
            _("The restored instance does not match the backup: %(differences)s.")
            % {"differences": "; ".join(found)}
        )
    if database.unapplied(using):
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return Restored(
        vendor=vendor,
        native=native,
        tables=len(manifest["tables"]),
        rows=sum(table["rows"] for table in manifest["tables"].values()),
        files=len(manifest["files"]),
    )
