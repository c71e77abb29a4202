"""``thidua novelty import FILE`` and ``thidua novelty check FILE [--top 5] [--format json|xlsx]``.

The district loads past initiatives into the archive, or checks a whole list at once (every
registration of a plan at its deadline, a list from another district). Files: CSV, XLSX or
JSONL with the columns or keys title, description, unit, year, recognised, source.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.novelty import exports
from thidua.novelty.domain import files
from thidua.novelty.domain.archive import ArchiveImportError, archive_import
from thidua.novelty.domain.checks import THRESHOLD, TOP, find


class Command(BaseCommand):
    help = "Import past initiatives into the novelty archive, or check a list against it."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="add past initiatives (all rows or none)")
        load.add_argument("file", help="a .csv, .xlsx or .jsonl file")
        load.add_argument("--source", default="", help="where the list comes from")
        check = actions.add_parser("check", help="check each entry of a list against the archive")
        check.add_argument("file", help="a .csv, .xlsx or .jsonl file (title, description)")
        check.add_argument("--top", type=int, default=TOP, help="matches per entry (default 5)")
        check.add_argument("--format", choices=["json", "xlsx"], default="json")
        check.add_argument(
            "--output", help="the file to write (default: standard output; an XLSX needs one)"
        )

    def handle(self, *args, action, file, **options):
        try:
            rows = files.read(file)
        except (OSError, files.UnreadableFileError) as error:
            raise CommandError(f"{file}: {error}") from error
        if action == "import":
            self._import(rows, options["source"] or Path(file).name)
        else:
            self._check(rows, options["top"], options["format"], options.get("output"))

    def _import(self, rows, source):
        try:
            created = archive_import(actor=None, rows=rows, source=source)
        except ArchiveImportError as refused:
            for number, message in refused.errors:
                self.stderr.write(f"row {number}: {message}")
            raise CommandError(f"{len(refused.errors)} problems: nothing was imported") from refused
        self.stdout.write(f"imported {len(created)} past initiatives")

    def _check(self, rows, top, output_format, output):
        if not 1 <= top <= 50:
            raise CommandError("--top must be between 1 and 50")
        results = []
        for row in rows:
            title = row.values.get("title", "")
            found = find(title, row.values.get("description", ""), top=top) if title else []
            results.append((row.number, title, found))
        flagged = sum(any(f.flagged for f in found) for _, _, found in results)
        if output_format == "xlsx":
            if not output:
                raise CommandError("an XLSX answer needs --output FILE")
            Path(output).write_bytes(exports.as_xlsx(results))
        else:
            text = json.dumps(exports.as_json(results), ensure_ascii=False, indent=1)
            if output:
                Path(output).write_text(text + "\n", encoding="utf-8")
            else:
                self.stdout.write(text)
        summary = f"checked {len(results)}, flagged {flagged} (threshold {THRESHOLD:.2f})"
        (self.stderr if not output else self.stdout).write(summary)
