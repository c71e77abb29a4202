"""The registration list of a plan, as the unit that acts issues it (initiatives/exports.py):
DOCX (the official list), XLSX (every column, or `?columns=print` for a printed page).

`?unit=<id>` picks the issuing unit among those the person acts for (the first by default);
`?signer=<name>` (and `?title=`) names who signs a list whose unit has no signed plan of its
own to take it from: a list that names no signer is a draft (DỰ THẢO).

A list of more than ``EXPORT_ROWS_IN_REQUEST`` rows is made by a worker: the person is sent
to the job's page, which shows its progress and then the file (initiatives/jobs.py)."""

import unicodedata

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core import downloads
from thidua.core.text import CONTROL
from thidua.initiatives.jobs import (
    ListRequest,
    list_docx,
    list_docx_job,
    list_scope,
    list_xlsx,
    list_xlsx_job,
)
from thidua.jobs.tasks import job_start

SIGNER_LENGTH = 100  # as the plan's own signer fields


def _typed(request, name: str) -> str:
    text = CONTROL.sub("", unicodedata.normalize("NFC", request.GET.get(name, "")))
    return " ".join(text.split())[:SIGNER_LENGTH]


def _export(request, asked: ListRequest, *, docx: bool):
    scope = list_scope(request.user, asked, docx=docx)
    rows = scope.registrations.count()
    if rows > settings.EXPORT_ROWS_IN_REQUEST:
        extension = "DOCX" if docx else "XLSX"
        job = job_start(
            actor=request.user,
            kind=list_docx_job if docx else list_xlsx_job,
            title=f"{_('Registration list')}: {scope.unit.full_name} ({extension})",
            params=asked.params(),
            back_url=reverse("initiatives:registration_list", args=[asked.plan]),
        )
        return redirect("jobs:job_detail", pk=job.pk)
    made = list_docx(scope, asked) if docx else list_xlsx(scope, asked)
    return downloads.download(made.content, name=made.name, content_type=made.content_type)


@login_required
def export_xlsx(request, plan_pk):
    asked = ListRequest(
        plan=plan_pk,
        unit=request.GET.get("unit", ""),
        printable=request.GET.get("columns") == "print",
    )
    return _export(request, asked, docx=False)


@login_required
def export_docx(request, plan_pk):
    asked = ListRequest(
        plan=plan_pk,
        unit=request.GET.get("unit", ""),
        signer=_typed(request, "signer"),
        signer_title=_typed(request, "title"),
    )
    return _export(request, asked, docx=True)
