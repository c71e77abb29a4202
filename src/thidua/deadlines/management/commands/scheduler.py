"""Queue the periodic jobs: every ``--interval`` seconds, the reminders that are due; once a
day, the database planner's statistics (core/planner.py) and the forgetting of background
jobs older than ``JOB_KEEP_DAYS`` with their files (jobs/running.py).

Run one scheduler beside any number of `thidua worker` processes (README, deployment).
"""

import time

from django.core.management.base import BaseCommand

from thidua.core.planner import refresh_planner_statistics
from thidua.deadlines.tasks import send_due_reminders_task
from thidua.jobs.running import jobs_expired_delete, jobs_stale_fail

DAY = 24 * 60 * 60


class Command(BaseCommand):
    help = "Queue periodic jobs (deadline reminders) for the workers; refresh statistics daily."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=900, help="seconds between runs")
        parser.add_argument("--once", action="store_true", help="queue once and exit")

    def handle(self, *args, interval, once, **options):
        analysed_at = None
        while True:
            result = send_due_reminders_task.enqueue()
            self.stdout.write(f"queued reminders: {result.id}")
            stopped = jobs_stale_fail()
            if stopped:
                self.stdout.write(f"background jobs stopped without finishing: {stopped}")
            if analysed_at is None or time.monotonic() - analysed_at >= DAY:
                refresh_planner_statistics()
                analysed_at = time.monotonic()
                self.stdout.write("planner statistics refreshed")
                self.stdout.write(f"background jobs forgotten: {jobs_expired_delete()}")
            if once:
                return
            time.sleep(interval)
