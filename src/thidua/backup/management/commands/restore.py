"""``thidua restore FILE [--force]``: an archive of ``thidua backup`` into an empty instance,
then checked against its manifest (``thidua/backup/restore.py``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from thidua.backup.restore import RestoreFailedError, RestoreRefusedError, restore

VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class Command(BaseCommand):
    help = (
        "Restore an archive of `thidua backup` into this instance (DATABASE_URL, "
        "THIDUA_DATA_DIR), which must be empty unless --force; a SQLite backup loads into "
        "PostgreSQL and back. Every table and file is checked against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the archive written by `thidua backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data and the uploads this instance already holds",
        )

    def handle(self, *args, file, force, **options):
        if not file.is_file():
            raise CommandError(_("There is no file %(path)s.") % {"path": file})
        try:
            restored = restore(file, force=force)
        except (RestoreRefusedError, RestoreFailedError) as error:
            raise CommandError(str(error)) from error
        how = (
            _("the database's own copy")
            if restored.native
            else _("the portable copy of a %(vendor)s database")
            % {"vendor": VENDORS.get(restored.vendor, restored.vendor)}
        )
        self.stdout.write(
            _(
                "Restored from %(how)s: %(rows)s rows in %(tables)s tables and %(files)s "
                "uploaded files, every count and checksum as in the backup."
            )
            % {
                "how": how,
                "rows": restored.rows,
                "tables": restored.tables,
                "files": restored.files,
            }
        )
