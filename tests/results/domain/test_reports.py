"""Results reports (results/domain/reports.py): what a report starts with, workflow, lateness."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.core.test_uploads import png_bytes
from tests.helpers import filled
from thidua.core.versions import StaleEdit
from thidua.plans.models import DeadlineKind
from thidua.results.domain.reports import (
    report_open,
    report_photo_add,
    report_review,
    report_save,
    report_submit,
)
from thidua.results.models import ReportState, ResultsReport

DAY = datetime.timedelta(days=1)


def test_a_report_opens_with_what_the_system_knows(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    assert report.results.count() == 2
    assert "Nuôi dê" in report.achievements
    assert "Trồng sắn" in report.achievements
    assert report_open(actor=None, plan=reporting, unit=tree.commune_a) == report


def test_workflow_stale_edits_and_lateness(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    version = report.version
    report = filled(report, meetings=3)
    with pytest.raises(StaleEdit):
        report_save(actor=None, report=report, version=version, fields={"meetings": 9}, results={})
    report = report_submit(actor=None, report=report)
    assert report.state == ReportState.SUBMITTED
    assert not report.is_late
    returned = report_review(actor=None, report=report, receive=False, reason="Thiếu số liệu")
    assert returned.state == ReportState.RETURNED
    with pytest.raises(ValidationError):
        report_review(actor=None, report=returned, receive=True)
    deadline = reporting.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() - DAY
    deadline.save()
    again = report_submit(actor=None, report=filled(returned, meetings=4))
    assert again.is_late


def test_photo_goes_on_a_report_until_it_is_sent(reporting, tree):
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    photo = report_photo_add(
        actor=None, report=report, upload=SimpleUploadedFile("a.png", png_bytes()), title="Ruộng"
    )
    assert photo.file.read()[:3] == b"\xff\xd8\xff"
    assert photo.download_name == "Ruộng.jpg"
    ResultsReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED)
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        report_photo_add(
            actor=None, report=report, upload=SimpleUploadedFile("b.png", png_bytes()), title=""
        )
    assert report.photos.count() == 1
