"""Run the background worker (the database queue of django-tasks).

Run as many as needed, on any machine, against the one database: each task is claimed by one
worker (a row lock, ``SKIP LOCKED``), so it runs once. Give each worker a name of its own
that stays the same across its restarts (``--id``; the systemd unit ``thidua-worker@N`` on
host ``app1`` is ``app1-N``): a worker killed in the middle of a task (SIGKILL, a power cut)
leaves the task marked as running under its name, and takes it back when it starts again.
Tasks are written to be run again (the reminders' claims are unique), so nothing is lost
and nothing is done twice. A database out of reach (a restart) does not end the worker: it
waits and goes on.
"""

import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


def take_back(worker_id: str) -> int:
    """Put back in the queue the tasks a previous life of this worker was running when it
    died (claimed last by ``worker_id``, still running); how many."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    abandoned = [
        pk
        for pk, claimed_by in running.values_list("pk", "worker_ids")
        if claimed_by[-1:] == [worker_id]
    ]
    return running.filter(pk__in=abandoned).update(status=TaskResultStatus.READY)


class Command(BaseCommand):
    help = "Run queued background tasks (THIDUA_TASKS=database)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="run what is queued, then exit")
        parser.add_argument(
            "--id",
            dest="worker_id",
            default="",
            help=(
                "this worker's name: unique among the workers, the same across its restarts, "
                "so that it takes back a task it was running when it was killed"
            ),
        )

    def handle(self, *args, batch, worker_id, **options):
        named = {"worker_id": worker_id} if worker_id else {}
        while True:
            try:
                if worker_id:
                    taken = take_back(worker_id)
                    if taken:
                        logger.warning(
                            "worker %s: took back %d unfinished task(s)", worker_id, taken
                        )
                call_command("db_worker", batch=batch, reload=False, **named)
                return
            except (OperationalError, InterfaceError) as error:
                if batch:
                    raise
                logger.warning(
                    "worker: the database is out of reach (%s); trying again in %d s",
                    str(error).strip().splitlines()[0]
                    if str(error).strip()
                    else type(error).__name__,
                    RETRY_SECONDS,
                )
                connections.close_all()
                time.sleep(RETRY_SECONDS)
