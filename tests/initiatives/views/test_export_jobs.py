"""A list too long for the request is made by a worker (initiatives/jobs.py): whoever asks
and whatever they ask, the file the job makes is the file the request would have made, the
job's page is theirs alone, and a job whose asker lost the right to see makes nothing."""

import io
import random
from html import unescape

import docx
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.generators import advance
from tests.helpers import login, vietnamese
from thidua.initiatives.enums import RegistrationState
from thidua.jobs.enums import JobState
from thidua.jobs.models import Job
from thidua.jobs.running import job_run
from thidua.org.models import Membership

STATES = [
    RegistrationState.DRAFT,
    RegistrationState.SUBMITTED,
    RegistrationState.RETURNED,
    RegistrationState.RECEIVED,
    RegistrationState.ACCEPTED,
]


@pytest.fixture
def generated(open_plan, make_registration, tree):
    """Registrations in every state in both communes and their branches, drawn at random."""
    rng = random.Random(13)  # noqa: S311 (test data, repeatable by its seed)
    units = [tree.commune_a, tree.commune_b, tree.branch_a, tree.branch_b]
    for number in range(14):
        registration = make_registration(rng.choice(units), name=f"Mô hình số {number + 1}")
        advance(registration, rng.choice(STATES), reason="Thiếu số hộ.")
    return open_plan


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data))


def read_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def document_text(document) -> list[str]:
    """What a DOCX says, paragraphs and cells in order."""
    cells = [cell.text for table in document.tables for cell in table._cells]
    return [p.text for p in document.paragraphs] + cells


def sheet_values(book) -> list[tuple]:
    return [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]


ASKED = [
    ("initiatives:export_docx", {}),
    ("initiatives:export_docx", {"signer": "Y Thuê Niê", "title": "PHÓ CHỦ TỊCH"}),
    ("initiatives:export_xlsx", {}),
    ("initiatives:export_xlsx", {"columns": "print"}),
]


@pytest.mark.parametrize("who", ["officer_a", "officer_b", "district", "province"])
@pytest.mark.parametrize(("name", "query"), ASKED)
def test_the_job_makes_the_file_the_request_makes(
    client, cast, generated, tree, settings, who, name, query
):
    login(client, cast[who])
    url = reverse(name, args=[generated.pk])
    read, text = (read_docx, document_text) if name.endswith("docx") else (read_xlsx, sheet_values)
    in_request = client.get(url, query)
    assert in_request.status_code == 200
    settings.EXPORT_ROWS_IN_REQUEST = 0
    asked = client.get(url, query)
    assert asked.status_code == 302
    job = Job.objects.get()
    assert asked["Location"] == reverse("jobs:job_detail", args=[job.pk])
    assert job.state == JobState.DONE  # the immediate backend: done before the redirect
    page = unescape(client.get(asked["Location"]).content.decode())
    assert 'http-equiv="refresh"' not in page
    assert job.file_name in page
    made = client.get(reverse("jobs:job_file", args=[job.pk]))
    assert made["Content-Type"] == in_request["Content-Type"]
    assert made["Content-Disposition"] == in_request["Content-Disposition"]
    assert text(read(b"".join(made.streaming_content))) == text(read(in_request.content))
    # Its rows: the sent registrations of the unit that issues the list, and of those below.
    issuer = {"officer_a": tree.commune_a, "officer_b": tree.commune_b}.get(who, tree.district)
    sent = generated.registrations.exclude(state=RegistrationState.DRAFT)
    assert job.total == sent.filter(unit__path__startswith=issuer.path).count() > 0


def test_only_the_asker_sees_the_job_and_its_file(client, cast, generated, settings):
    settings.EXPORT_ROWS_IN_REQUEST = 0
    login(client, cast["officer_a"])
    client.get(reverse("initiatives:export_docx", args=[generated.pk]))
    job = Job.objects.get()
    urls = [reverse("jobs:job_detail", args=[job.pk]), reverse("jobs:job_file", args=[job.pk])]
    for other in ("district", "province", "officer_b"):  # above it, or beside it
        login(client, cast[other])
        assert [client.get(url).status_code for url in urls] == [404, 404]
        assert job.title not in client.get(reverse("jobs:job_list")).content.decode()
    client.logout()
    assert [client.get(url).status_code for url in urls] == [302, 302]


def test_a_job_asked_by_someone_who_then_lost_the_right_makes_nothing(
    client, cast, generated, settings
):
    settings.EXPORT_ROWS_IN_REQUEST = 0
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    login(client, cast["district"])
    asked = client.get(reverse("initiatives:export_xlsx", args=[generated.pk]))
    job = Job.objects.get()
    waiting = unescape(client.get(asked["Location"]).content.decode())
    assert 'http-equiv="refresh"' in waiting
    assert vietnamese("waiting") in waiting
    Membership.objects.filter(person=cast["district"]).delete()  # before a worker takes it
    assert job_run(job_id=job.pk) == JobState.FAILED
    job.refresh_from_db()
    assert job.error == vietnamese("You may no longer see what this job was asked for.")
    assert not job.file
    page = unescape(client.get(asked["Location"]).content.decode())
    assert job.error in page
    assert client.get(reverse("jobs:job_file", args=[job.pk])).status_code == 404


def test_a_small_list_still_answers_at_once(client, cast, generated):
    login(client, cast["district"])
    response = client.get(reverse("initiatives:export_docx", args=[generated.pk]))
    assert response.status_code == 200
    assert not Job.objects.exists()
