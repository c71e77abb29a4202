"""Background tasks. They take no objects, only what they need to load (ids, none here)."""

from django_tasks import task

from thidua.deadlines.reminders import send_due_reminders


@task()
def send_due_reminders_task() -> int:
    return send_due_reminders()
