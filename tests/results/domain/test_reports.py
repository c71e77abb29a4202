"""Results reports (results/domain/reports.py): what a report starts with, workflow, lateness."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.core.test_uploads import png_bytes
from tests.helpers import filled, vietnamese
from thidua.audit.models import Action, AuditEntry
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


@pytest.mark.parametrize("seed", range(4))
def test_a_save_is_audited_with_the_reports_figures_and_text_before_and_after(
    reporting, tree, seed
):
    """Each save writes one UPDATE entry holding the report's own figures and narrative as
    they were and as saved, and each initiative's result as typed; once the report is sent a
    save is refused with its reason and writes neither."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    report = report_open(actor=None, plan=reporting, unit=tree.commune_a)
    for _ in range(3):
        old = {name: getattr(report, name) for name in ("meetings", "media_items", "lessons")}
        typed = {
            "meetings": rng.randrange(100),
            "media_items": rng.randrange(100),
            "lessons": rng.choice(["", "Cần làm sớm hơn.", "Phối hợp với hội nông dân."]),
        }
        results = {
            r.registration_id: {"households": rng.randrange(1, 500), "text": "Tốt"}
            for r in report.results.all()
        }
        entries = AuditEntry.objects.filter(object_id=str(report.pk), action=Action.UPDATE)
        seen = entries.count()
        report = report_save(
            actor=None, report=report, version=report.version, fields=typed, results=results
        )
        assert entries.count() == seen + 1
        entry = entries.order_by("-pk").first()
        assert {name: entry.before[name] for name in typed} == old
        assert {name: entry.after[name] for name in typed} == typed
        assert entry.after["version"] == report.version == entry.before["version"] + 1
        assert {
            r.registration_id: {"households": r.households, "text": r.text}
            for r in report.results.all()
        } == results
    ResultsReport.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED)
    report.refresh_from_db()
    seen = AuditEntry.objects.filter(object_id=str(report.pk)).count()
    households = sorted(report.results.values_list("households", flat=True))
    with pytest.raises(ValidationError) as refused:
        report_save(
            actor=None,
            report=report,
            version=report.version,
            fields={"meetings": 1000},
            results={r.registration_id: {"households": 1} for r in report.results.all()},
        )
    assert refused.value.messages == [vietnamese("This report was already sent.")]
    report.refresh_from_db()
    assert report.meetings != 1000
    assert sorted(report.results.values_list("households", flat=True)) == households
    assert AuditEntry.objects.filter(object_id=str(report.pk)).count() == seen
