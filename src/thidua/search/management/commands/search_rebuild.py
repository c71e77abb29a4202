from django.core.management.base import BaseCommand, CommandError

from thidua.search.domain.index import rebuild
from thidua.search.enums import Kind


class Command(BaseCommand):
    help = "Write the search index again from the records (all kinds, or those named)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", metavar="KIND", help=", ".join(Kind.values))

    def handle(self, *args, kinds, **options):
        unknown = set(kinds) - set(Kind.values)
        if unknown:
            raise CommandError(f"Unknown kinds: {', '.join(sorted(unknown))}")
        counts = rebuild(kinds or None)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
