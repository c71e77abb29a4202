"""``thidua backup``: one archive holding a consistent copy of the database and every upload.

The archive (``.tar.gz``) holds:

- ``manifest.json``: the format, the versions, the database's vendor, its applied
  migrations, every table's row count and content hash (``database.table_state``), and
  every uploaded file with its size and SHA-256;
- ``database/thidua.sqlite3`` (SQLite's online backup) or ``database/thidua.pgdump``
  (``pg_dump`` in custom format): the native copy, restored when the vendor is the same;
- ``database/portable.json``: the same rows as ``dumpdata`` JSON, loaded into the other
  vendor (SQLite to PostgreSQL and back);
- ``media/…``: the uploads, as they are under ``MEDIA_ROOT``.

The database is copied first (both copies and the manifest from one snapshot), the uploads
after: a file uploaded meanwhile may be in the archive without its row, never a row without
its file unless the file was deleted meanwhile.
"""

import datetime
import hashlib
import importlib.metadata
import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

import django
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.backup import database

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


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root: Path) -> list[dict]:
    """Every file under ``root``: {"path" (relative, with /), "size", "sha256"}, by path."""
    if not root.is_dir():
        return []
    found = []
    for folder, _folders, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(
                    {
                        "path": path.relative_to(root).as_posix(),
                        "size": path.stat().st_size,
                        "sha256": sha256(path),
                    }
                )
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
        media_root = Path(settings.MEDIA_ROOT)
        files = media_files(media_root)
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
                archive.add(media_root / file["path"], MEDIA + file["path"])
        partial.replace(output)
    return manifest
