"""The job's task: it takes the job's id and loads the rest. Without a worker (the
immediate backend: development, tests, the demo) it runs at once, in the request."""

from django_tasks import task

from thidua.jobs.models import Job
from thidua.jobs.running import job_request, job_run, job_waiting


@task()
def run_job_task(job_id: int) -> str:
    return job_run(job_id=job_id)


def job_start(*, actor, kind, title: str, params: dict, back_url: str = "", upload=None) -> Job:
    """Record the job and queue it; with the immediate backend it is finished on return. An
    export already waiting or running for the same is that job (``job_waiting``)."""
    job = None if upload else job_waiting(actor=actor, kind=kind, params=params)
    if job is None:
        job = job_request(
            actor=actor, kind=kind, title=title, params=params, back_url=back_url, upload=upload
        )
        run_job_task.enqueue(job.pk)
        job.refresh_from_db()
    return job
