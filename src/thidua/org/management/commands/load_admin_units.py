from django.core.management.base import BaseCommand

from thidua.core.planner import refresh_planner_statistics
from thidua.org.domain.admin_units import load_admin_units


class Command(BaseCommand):
    help = "Load Vietnam's administrative units, before and after 1/7/2025, and their succession."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            help="only this old province code (repeatable), e.g. --province 54 for Phú Yên",
        )

    def handle(self, *args, provinces=None, **options):
        counts = load_admin_units(old_provinces=set(provinces) if provinces else None)
        if counts["units"]:
            refresh_planner_statistics()
            self.stdout.write(
                f"Created {counts['units']} units and {counts['successions']} successions."
            )
        else:
            self.stdout.write("Administrative units are already loaded.")
