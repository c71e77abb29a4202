"""Queue the periodic jobs: every ``--interval`` seconds, the reminders that are due.

Run one scheduler beside any number of `thidua worker` processes (README, deployment).
"""

import time

from django.core.management.base import BaseCommand

from thidua.deadlines.tasks import send_due_reminders_task


class Command(BaseCommand):
    help = "Queue periodic jobs (deadline reminders) for the workers."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=900, help="seconds between runs")
        parser.add_argument("--once", action="store_true", help="queue once and exit")

    def handle(self, *args, interval, once, **options):
        while True:
            result = send_due_reminders_task.enqueue()
            self.stdout.write(f"queued reminders: {result.id}")
            if once:
                return
            time.sleep(interval)
