"""Asking for a job, carrying it out in a worker with its progress, and forgetting it a week
later. ``tasks.py: job_start`` puts the two first together."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.jobs.enums import JobState
from thidua.jobs.kinds import KINDS, Made, Outcome
from thidua.jobs.models import ACTIVE, Job

# A job that has said nothing for this long stopped with its worker.
STALE = datetime.timedelta(minutes=15)


def job_request(*, actor, kind, title: str, params: dict, back_url: str = "", upload=None) -> Job:
    """Record a job of ``kind`` (a function registered by ``job_kind``) for ``actor``;
    ``upload`` is an import's file, kept with the job until it is forgotten."""
    job = Job(
        kind=kind.kind_name,
        title=title[:300],
        params=params,
        requested_by=actor,
        back_url=back_url[:500],
    )
    if upload is not None:
        job.upload.save(upload.name, upload, save=False)
    job.save()
    return job


def job_waiting(*, actor, kind, params: dict) -> Job | None:
    """``actor``'s job of ``kind`` asked with ``params`` that waits or runs, if any: the
    same export asked again (a second click) is that job, not a second one."""
    waiting = Job.objects.filter(requested_by=actor, kind=kind.kind_name, state__in=ACTIVE)
    return next((job for job in waiting if job.params == params), None)


def job_run(*, job_id: int) -> str:
    """Carry out the job ``job_id`` (the task's work) and record what it made or why it
    failed; returns its state. A job found running is run again (its worker died in the
    middle and the next one took the task back); a finished one is left alone."""
    claimed = Job.objects.filter(pk=job_id, state__in=ACTIVE).update(
        state=JobState.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        return ""
    job = Job.objects.select_related("requested_by").get(pk=job_id)

    def progress(done: int, total: int) -> None:
        Job.objects.filter(pk=job_id).update(done=done, total=total, updated_at=timezone.now())

    try:
        result = KINDS[job.kind](job, progress)
    except ValidationError as error:
        return _fail(job, " ".join(error.messages))
    except (PermissionDenied, Http404):
        return _fail(job, _("You may no longer see what this job was asked for."))
    except Exception:
        _fail(job, _("The job failed: nothing changed. Try again, or tell the administrator."))
        raise
    _keep(job, result)
    return JobState.DONE


def _keep(job: Job, result: Made | Outcome) -> None:
    job.refresh_from_db(fields=["done", "total"])
    if isinstance(result, Made):
        job.file.save(result.name, ContentFile(result.content), save=False)
        job.file_name, job.content_type = result.name, result.content_type
        job.done = job.total = result.rows
    else:
        job.summary = result.summary[:500]
        job.problems = [[row, message] for row, message in result.problems]
        job.result_url = result.url
    job.state, job.finished_at = JobState.DONE, timezone.now()
    job.save()


def _fail(job: Job, message: str) -> str:
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        state=JobState.FAILED, error=message[:500], finished_at=now, updated_at=now
    )
    return JobState.FAILED


def jobs_stale_fail() -> int:
    """Jobs whose worker stopped without a word are said to have failed."""
    now = timezone.now()
    return Job.objects.filter(state__in=ACTIVE, updated_at__lt=now - STALE).update(
        state=JobState.FAILED,
        error=_("The job stopped without finishing. Ask for it again."),
        finished_at=now,
        updated_at=now,
    )


def jobs_expired_delete() -> int:
    """Forget the jobs older than ``JOB_KEEP_DAYS`` and their files: an export is made to
    be downloaded, not kept (the documents it holds are in the database)."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.JOB_KEEP_DAYS)
    expired = list(Job.objects.filter(created_at__lt=cutoff).exclude(state__in=ACTIVE))
    for job in expired:
        for stored in (job.file, job.upload):
            if stored:
                stored.delete(save=False)
    Job.objects.filter(pk__in=[job.pk for job in expired]).delete()
    return len(expired)
