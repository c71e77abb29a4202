"""A background job's life (jobs/running.py): carried out once, its failure said in words,
a job whose worker died said to have stopped, and every job forgotten with its files a
week later; its page says where it is at each step."""

import datetime
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.helpers import login, vietnamese
from thidua.core import storage
from thidua.jobs.enums import JobState
from thidua.jobs.kinds import KINDS, Made, Outcome, job_kind
from thidua.jobs.models import Job
from thidua.jobs.running import job_request, job_run, jobs_expired_delete, jobs_stale_fail
from thidua.jobs.tasks import job_start

calls = []


def counted(job, progress):
    """A kind that reports its progress and makes a small file."""
    calls.append(job.pk)
    for done in range(4):
        progress(done, 3)
    return Made(b"a;b\n", "Bảng đếm.csv", "text/csv", 3)


@pytest.fixture
def kinds(monkeypatch):
    """Kinds of these tests only, registered for the test's length."""
    calls.clear()
    made = {}

    def register(name, run):
        monkeypatch.delitem(KINDS, name, raising=False)
        made[name] = job_kind(name)(run)
        return made[name]

    return register


@pytest.fixture
def asker(make_person, tree):
    return make_person("nguoihoi", "officer", tree.commune_a)


def test_a_job_runs_once_and_keeps_what_it_made(kinds, asker):
    kind = kinds("tests.counted", counted)
    job = job_start(actor=asker, kind=kind, title="Bảng đếm", params={})
    assert (job.state, job.done, job.total, job.file_name) == (JobState.DONE, 3, 3, "Bảng đếm.csv")
    assert job.file.read() == b"a;b\n"
    assert job_run(job_id=job.pk) == ""  # a finished job is left alone
    assert calls == [job.pk]


def test_an_import_keeps_its_result_and_its_problems(kinds, asker):
    def checked(job, progress):
        return Outcome("Không nhập gì.", [(2, "Tên trống."), (5, "Loại lạ.")], "/units/1/")

    job = job_start(actor=asker, kind=kinds("tests.checked", checked), title="Nhập", params={})
    assert (job.summary, job.problems, job.result_url) == (
        "Không nhập gì.",
        [[2, "Tên trống."], [5, "Loại lạ."]],
        "/units/1/",
    )


def test_a_refusal_is_said_and_a_breakage_is_said_then_raised(kinds, asker):
    def refused(job, progress):
        raise ValidationError("Kế hoạch đã đóng.")

    def broken(job, progress):
        raise RuntimeError("disk full")

    job = job_start(actor=asker, kind=kinds("tests.refused", refused), title="A", params={})
    assert (job.state, job.error) == (JobState.FAILED, "Kế hoạch đã đóng.")
    job = job_request(actor=asker, kind=kinds("tests.broken", broken), title="B", params={})
    with pytest.raises(RuntimeError):
        job_run(job_id=job.pk)  # the worker logs it with its traceback
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error == vietnamese(
        "The job failed: nothing changed. Try again, or tell the administrator."
    )
    assert not job.file


def test_a_kind_is_registered_once(kinds):
    kinds("tests.counted", counted)
    with pytest.raises(ValueError, match="registered twice"):
        job_kind("tests.counted")(counted)


def test_a_job_whose_worker_died_is_said_to_have_stopped(kinds, asker):
    kind = kinds("tests.counted", counted)
    silent, fresh = (job_request(actor=asker, kind=kind, title=t, params={}) for t in "AB")
    Job.objects.filter(pk=silent.pk).update(
        state=JobState.RUNNING, updated_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    assert jobs_stale_fail() == 1
    silent.refresh_from_db()
    fresh.refresh_from_db()
    assert silent.state == JobState.FAILED
    assert silent.error == vietnamese("The job stopped without finishing. Ask for it again.")
    assert fresh.state == JobState.QUEUED


def test_jobs_are_forgotten_with_their_files_after_a_week(kinds, asker, settings):
    kind = kinds("tests.counted", counted)
    old, recent = (job_start(actor=asker, kind=kind, title=t, params={}) for t in "AB")
    upload = job_request(
        actor=asker, kind=kind, title="C", params={}, upload=ContentFile(b"x", name="don-vi.csv")
    )
    job_run(job_id=upload.pk)
    names = [old.file.name, Job.objects.get(pk=upload.pk).upload.name]
    long_ago = timezone.now() - datetime.timedelta(days=settings.JOB_KEEP_DAYS, hours=1)
    Job.objects.filter(pk__in=[old.pk, upload.pk]).update(created_at=long_ago)
    call_command("scheduler", once=True)  # once a day, as the statistics
    assert list(Job.objects.values_list("title", flat=True)) == ["B"]
    assert not any(storage.uploads().exists(name) for name in names)
    assert storage.uploads().exists(recent.file.name)
    assert jobs_expired_delete() == 0


@pytest.mark.parametrize(
    ("state", "fields", "says", "refreshes"),
    [
        (JobState.QUEUED, {}, ["Đang chờ máy chủ bắt đầu."], True),
        (JobState.RUNNING, {"total": 5000}, ["Đang thực hiện: 5.000 dòng."], True),
        (JobState.RUNNING, {"done": 1200, "total": 5000}, ["Đã xử lý 1.200/5.000 dòng."], True),
        (JobState.FAILED, {"error": "Kế hoạch đã đóng."}, [], False),
        (
            JobState.DONE,
            {"summary": "Đã nhập 3 đơn vị.", "problems": [[4, "Tên trống."]]},
            [],
            False,
        ),
    ],
)
def test_the_page_says_where_the_job_is(client, kinds, asker, state, fields, says, refreshes):
    job = job_request(actor=asker, kind=kinds("tests.counted", counted), title="Bảng", params={})
    Job.objects.filter(pk=job.pk).update(state=state, **fields)
    login(client, asker)
    page = unescape(client.get(reverse("jobs:job_detail", args=[job.pk])).content.decode())
    assert ('http-equiv="refresh"' in page) == refreshes
    for text in says:
        assert text in page
    for value in (fields.get("error"), fields.get("summary")):
        if value:
            assert value in page
    if fields.get("problems"):
        assert "Tên trống." in page


def test_the_list_holds_the_askers_jobs_newest_first(client, kinds, asker, make_person, tree):
    kind = kinds("tests.counted", counted)
    other = make_person("nguoikhac", "officer", tree.commune_a)
    for title in ("Thứ nhất", "Thứ hai"):
        job_request(actor=asker, kind=kind, title=title, params={})
    job_request(actor=other, kind=kind, title="Của người khác", params={})
    login(client, asker)
    page = unescape(client.get(reverse("jobs:job_list")).content.decode())
    assert page.index("Thứ hai") < page.index("Thứ nhất")
    assert "Của người khác" not in page


def test_a_second_click_while_the_export_waits_is_the_same_job(kinds, asker, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    kind = kinds("tests.counted", counted)
    first = job_start(actor=asker, kind=kind, title="A", params={"plan": 1})
    assert job_start(actor=asker, kind=kind, title="A", params={"plan": 1}) == first
    other = job_start(actor=asker, kind=kind, title="A", params={"plan": 2})
    assert other != first
    assert DBTaskResult.objects.count() == 2  # queued once each
    job_run(job_id=first.pk)
    again = job_start(actor=asker, kind=kind, title="A", params={"plan": 1})
    assert again not in (first, other)  # done: a new click is a new file


def test_the_admin_site_lists_failed_jobs_without_their_files(client, kinds, asker, superuser):
    def refused(job, progress):
        raise ValidationError("Kế hoạch đã đóng.")

    job_start(actor=asker, kind=kinds("tests.refused", refused), title="Danh sách", params={})
    made = job_start(actor=asker, kind=kinds("tests.counted", counted), title="Bảng", params={})
    client.force_login(superuser)
    listed = client.get(reverse("admin:jobs_job_changelist"), {"state": JobState.FAILED})
    assert "Kế hoạch đã đóng." in listed.content.decode()
    page = client.get(reverse("admin:jobs_job_change", args=[made.pk]))
    assert page.status_code == 200
    assert made.file.name not in page.content.decode()  # its requester's to download
