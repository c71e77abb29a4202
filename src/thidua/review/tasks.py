"""Background tasks of the review app. They take ids, never objects, and load what they need;
without a worker (the immediate backend: development, tests, the demo) they run at once."""

from django_tasks import task

from thidua.review.domain.assigning import assignment_request, assignment_run
from thidua.review.models import AssignmentRun, Council


@task()
def assign_task(run_id: int) -> int:
    """Assign a council's entries as the run ``run_id`` asked."""
    return assignment_run(run_id=run_id)


def assignment_start(*, actor, council: Council, per_registration: int | None) -> AssignmentRun:
    """The chair's "Assign": the run recorded (``assignment_request``), then queued. Queued
    outside any transaction of ours: with the database queue the task's row reaches the
    workers once committed, after the run's. With the immediate backend the run is done
    when this returns."""
    run = assignment_request(actor=actor, council=council, per_registration=per_registration)
    assign_task.enqueue(run.pk)
    run.refresh_from_db()
    return run
