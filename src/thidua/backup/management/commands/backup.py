"""``thidua backup [--output FILE]``: the database and the uploads in one archive
(``thidua/backup/archive.py``)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from thidua.backup.archive import BackupError, backup, default_name


class Command(BaseCommand):
    help = (
        "Write one archive holding a consistent copy of the database and every uploaded file, "
        "with a manifest (counts and checksums) that `thidua restore` checks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="the archive to write (default: thidua-backup-<date>.tar.gz)",
        )

    def handle(self, *args, output, **options):
        output = output or Path(default_name())
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            _(
                "Backup written to %(path)s (%(size)s): %(rows)s rows in %(tables)s tables "
                "and %(files)s uploaded files."
            )
            % {
                "path": output,
                "size": filesizeformat(output.stat().st_size),
                "rows": rows,
                "tables": len(manifest["tables"]),
                "files": len(manifest["files"]),
            }
        )
