from django.core.management.base import BaseCommand
from django.db import transaction

from thidua.initiatives.models.quotas import rebuild_quotas


class Command(BaseCommand):
    help = "Write the stored quotas again from every plan's rule and every unit (issue 13)."

    def handle(self, *args, **options):
        with transaction.atomic():
            rows = rebuild_quotas()
        self.stdout.write(f"quotas: {rows}")
