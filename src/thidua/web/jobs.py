"""A background job's pages: its progress while it runs, then its file or its result, and
the person's recent jobs. In the web shell for the reason of audit.py: the jobs sit below
every app so that each can start one, and showing one needs ``access``."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import path

from thidua.core import downloads
from thidua.jobs.enums import JobState
from thidua.org import access

RECENT = 20


@login_required
def job_detail(request, pk):
    """The page refreshes itself while the job waits or runs."""
    job = access.job_get(request.user, pk)
    return render(request, "jobs/job_detail.html", {"job": job})


@login_required
def job_file(request, pk):
    job = access.job_get(request.user, pk)
    if job.state != JobState.DONE or not job.file:
        raise Http404
    return downloads.stored(job.file, name=job.file_name, content_type=job.content_type)


@login_required
def job_list(request):
    jobs = access.jobs(request.user)[:RECENT]
    return render(
        request, "jobs/job_list.html", {"jobs": jobs, "keep_days": settings.JOB_KEEP_DAYS}
    )


app_name = "jobs"
urlpatterns = [
    path("", job_list, name="job_list"),
    path("<int:pk>/", job_detail, name="job_detail"),
    path("<int:pk>/file/", job_file, name="job_file"),
]
