"""One background job: what was asked, how far it is, what it made."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.jobs.enums import JobState

ACTIVE = (JobState.QUEUED, JobState.RUNNING)


class Job(models.Model):
    """A job of one kind (``kinds.py``) asked by one person, who alone sees it. Its ``params``
    are what the kind needs to do it again (ids and choices, never objects): the kind reads
    them as that person, so the job shows no more than the page it was asked from."""

    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(_("title"), max_length=300)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    # the page it was asked from, always a path of ours (reverse()), never what was typed
    back_url = models.CharField(max_length=500, blank=True)
    upload = models.FileField(upload_to="jobs/in/%Y/%m/", blank=True)  # an import's file
    state = models.CharField(
        _("status"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # What it made: a file to download, or a result to read (an import's count and problems).
    file = models.FileField(upload_to="jobs/out/%Y/%m/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    summary = models.CharField(max_length=500, blank=True)
    problems = models.JSONField(default=list, blank=True)  # [[row, message], …]
    result_url = models.CharField(max_length=500, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return f"{self.kind} {self.state} {self.done}/{self.total}"

    @property
    def active(self) -> bool:
        return self.state in ACTIVE
