"""``thidua backup``: one archive holding a consistent copy of the database and every upload.

The archive (``.tar.gz``) holds:

- ``manifest.json``: the format, the versions, the database's vendor, its applied
  migrations, every table's row count and content hash (``database.table_state``), and
  every uploaded file with its size and SHA-256;
- ``database/thidua.sqlite3`` (SQLite's online backup) or ``database/thidua.pgdump``
  (``pg_dump`` in custom format): the native copy, restored when the vendor is the same;
- ``database/portable.json``: the same rows as ``dumpdata`` JSON, loaded into the other
  vendor (SQLite to PostgreSQL and back);
- ``media/…``: the uploads, as the uploads' storage names them (``MEDIA_ROOT`` or the object
  store's bucket: read through Django's storage API, ``core/storage.py``).

The database is copied first (both copies and the manifest from one snapshot), the uploads
after: a file uploaded meanwhile may be in the archive without its row, never a row without
its file unless the file was deleted meanwhile.
"""

import datetime
import importlib.metadata
import io
import json
import tarfile
import tempfile
from pathlib import Path

import django
from django.core.files.storage import Storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.backup import database
from thidua.core import storage

FORMAT = 1
MANIFEST = "manifest.json"
PORTABLE = "database/portable.json"
NATIVE = {"sqlite": "database/thidua.sqlite3", "postgresql": "database/thidua.pgdump"}
MEDIA = "media/"


class BackupError(Exception):
    """The backup could not be made: the message says why, for the person."""


def default_name(now: datetime.datetime | None = None) -> str:
    now = timezone.localtime(now)
    return f"thidua-backup-{now:%Y%m%d-%H%M%S}.tar.gz"


def media_files(uploads: Storage | None = None) -> list[dict]:
    """Every uploaded file: {"path" (its name in the storage, with /), "size", "sha256"}, by
    path."""
    found = [storage.describe_file(name, uploads) for name in storage.names(uploads)]
    return sorted(found, key=lambda file: file["path"])


def _describe(using: str, portable: Path) -> dict:
    database.portable_dump(using, portable)
    return {
        "migrations": database.applied_migrations(using),
        "tables": database.table_states(using),
    }


def backup(output: Path, *, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the archive to ``output`` (through a temporary name: a failed backup leaves no
    archive that looks whole) and return its manifest."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in NATIVE:
        raise BackupError(
            _("Cannot back up a %(vendor)s database: only SQLite and PostgreSQL are supported.")
            % {"vendor": vendor}
        )
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="thidua-backup-") as work:
        native = Path(work) / Path(NATIVE[vendor]).name
        portable = Path(work) / "portable.json"
        try:
            if vendor == "sqlite":
                database.sqlite_copy(using, native)
                copy = {**connection.settings_dict, "NAME": str(native)}
                with database.database_at(copy) as alias:
                    described = _describe(alias, portable)
            else:
                with database.snapshot(using) as snapshot_id:
                    database.pg_dump(connection.settings_dict, native, snapshot_id=snapshot_id)
                    described = _describe(using, portable)
        except database.DatabaseError as error:
            raise BackupError(str(error)) from error
        uploads = storage.uploads()
        files = media_files(uploads)
        manifest = {
            "format": FORMAT,
            "made_at": timezone.now().isoformat(),
            "thidua": importlib.metadata.version("thidua"),
            "django": django.get_version(),
            "database": {"vendor": vendor, "native": NATIVE[vendor], "portable": PORTABLE},
            **described,
            "files": files,
        }
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            entry = tarfile.TarInfo(MANIFEST)
            entry.size, entry.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(entry, io.BytesIO(data))
            archive.add(native, NATIVE[vendor])
            archive.add(portable, PORTABLE)
            for file in files:
                entry = tarfile.TarInfo(MEDIA + file["path"])
                entry.size, entry.mtime = file["size"], int(timezone.now().timestamp())
                with uploads.open(file["path"], "rb") as stream:
                    archive.addfile(entry, stream)
        partial.replace(output)
    return manifest
