"""``thidua worker`` (web/management/commands/worker.py): a worker started again under its
name takes back the task its previous life was running when it was killed, and only that
one. tests/ops/test_scale_out.py kills a real worker in the middle of a real run."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from thidua.web.management.commands.worker import take_back

pytestmark = pytest.mark.django_db


def task(status, workers):
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="thidua.deadlines.tasks.send_due_reminders_task",
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(minutes=1),
        worker_ids=workers,
    )


def test_a_restarted_worker_takes_back_only_what_it_was_running():
    mine = task(TaskResultStatus.RUNNING, ["app1-1"])
    retried_by_me = task(TaskResultStatus.RUNNING, ["app2-1", "app1-1"])
    once_mine_now_theirs = task(TaskResultStatus.RUNNING, ["app1-1", "app2-1"])
    finished = task(TaskResultStatus.SUCCESSFUL, ["app1-1"])
    queued = task(TaskResultStatus.READY, [])

    assert take_back("app1-1") == 2

    statuses = {t.pk: t.status for t in DBTaskResult.objects.all()}
    assert statuses[mine.pk] == TaskResultStatus.READY
    assert statuses[retried_by_me.pk] == TaskResultStatus.READY
    assert statuses[once_mine_now_theirs.pk] == TaskResultStatus.RUNNING
    assert statuses[finished.pk] == TaskResultStatus.SUCCESSFUL
    assert statuses[queued.pk] == TaskResultStatus.READY
    assert take_back("app1-1") == 0  # nothing twice
