"""The reminders' background task (deadlines/tasks.py)."""

from thidua.deadlines.tasks import send_due_reminders_task


def test_the_task_runs_in_process_without_a_worker(due_soon, offices):
    result = send_due_reminders_task.enqueue()
    assert result.status == "SUCCESSFUL"
