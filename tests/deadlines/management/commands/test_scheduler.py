"""The scheduler (deadlines/management/commands/scheduler.py) queues reminders; workers send."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from thidua.deadlines.models import Reminder

DAY = datetime.timedelta(days=1)


# The worker closes its database connection between tasks, as a long-running process
# should: the test runs outside a wrapping transaction for that.
@pytest.mark.django_db(transaction=True)
def test_scheduler_queues_and_the_worker_sends_through_the_database(open_plan, offices, settings):
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + 7 * DAY - datetime.timedelta(hours=1)
    deadline.save()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("scheduler", once=True)
    assert DBTaskResult.objects.count() == 1
    assert not Reminder.objects.exists()  # queued, not run yet
    call_command("worker", batch=True)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Reminder.objects.filter(offset_days=7).count() == 2
