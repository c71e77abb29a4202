"""Helpers shared by the tests: plain functions (fixtures live in the conftest.py files).

Import them as ``from tests.helpers import login``; a helper used by one test module only
stays in that module.
"""

import datetime
import io
import os
import shutil
import subprocess
import sys
from decimal import Decimal

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from docx import Document
from hypothesis import HealthCheck, settings
from openpyxl import load_workbook
from PIL import Image

from thidua.demo.load import PASSWORD as DEMO_PASSWORD
from thidua.initiatives.domain.registrations import registration_save
from thidua.org.domain.units import succession_record, unit_create
from thidua.org.models import Role, SuccessionKind, UnitKind
from thidua.plans.domain.plans import plan_create, plan_issue, plan_set_body
from thidua.plans.models import PlanBasis
from thidua.results.domain.reports import report_open, report_save, report_submit
from thidua.review.domain.decisions import decision_record
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment

PASSWORD = "a-long-test-passphrase"

# A registration form with every field the submission needs.
COMPLETE = {
    "lead_name": "Y Thuê Niê",
    "lead_position": "Chi hội trưởng Thôn 1",
    "summary": "Trồng sắn cao sản, liên kết tiêu thụ với nhà máy.",
    "applied_when": "Tháng 4 - 12/2022",
    "applied_where": "Thôn 1, xã Ea Bá",
    "applied_work": "Trồng trọt",
    "expected_results": "Tăng thu nhập 20%.",
}


# A registration's implementer, as the form lists one.
IMPLEMENTER = {"name": "Nguyễn Văn A", "position_unit": "Hội viên", "role": "Làm"}

# The day the 2025 reorganisation formed today's communes (1/7/2025).
REORGANISED = datetime.date(2025, 7, 1)


# --- people and sessions --------------------------------------------------------------


# The people of the view tests around commune A (Ea Bá): who → (username, role, the unit's
# name in the `tree` fixture).
PEOPLE = {
    "officer_a": ("xa_a", Role.OFFICER, "commune_a"),
    "viewer_a": ("xem_a", Role.VIEWER, "commune_a"),
    "officer_b": ("xa_b", Role.OFFICER, "commune_b"),
    "district_admin": ("h_admin", Role.ADMIN, "district"),
    "district": ("huyen", Role.OFFICER, "district"),
    "province": ("tinh", Role.VIEWER, "province"),
    "province_officer": ("tinh_cb", Role.OFFICER, "province"),
    "outsider": ("khac", Role.ADMIN, "other_district"),  # of Tuy Hòa, outside the story
}


def cast_of(make_person, tree, *who) -> dict:
    """{who: person}: each of `who` (names in PEOPLE) made in that order, with their role."""
    return {
        name: make_person(PEOPLE[name][0], PEOPLE[name][1], getattr(tree, PEOPLE[name][2]))
        for name in who
    }


def login(client, person):
    """Log `person` (a Person or a username) in with the test password; fails loudly if the
    login is refused, so no test goes on as an anonymous visitor by mistake."""
    username = getattr(person, "username", person)
    assert client.login(username=username, password=PASSWORD), f"{username} could not log in"
    return client


def browser_login(page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Log in to the live demo site through its login page, as a person would (Playwright)."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


# --- units -----------------------------------------------------------------------------


def successor(parent, *predecessors, name="Ea Bá"):
    """A commune formed on 1/7/2025 under `parent`, into which `predecessors` merged."""
    unit = unit_create(
        actor=None, parent=parent, name=name, kind=UnitKind.COMMUNE, valid_from=REORGANISED
    )
    for predecessor in predecessors:
        merge(predecessor, into=unit)
    return unit


def merge(predecessor, *, into):
    """Record that `predecessor` merged into the commune `into` on 1/7/2025."""
    return succession_record(
        actor=None,
        predecessor=predecessor,
        successor=into,
        kind=SuccessionKind.MERGE,
        date=REORGANISED,
    )


# --- files -----------------------------------------------------------------------------


def jpeg(size=(800, 600)) -> bytes:
    """A small real JPEG photo, as a phone would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def docx(response):
    """The DOCX a download response holds, opened with python-docx."""
    return Document(io.BytesIO(response.content))


def workbook(response):
    """The XLSX workbook a download response holds, opened with openpyxl."""
    return load_workbook(io.BytesIO(response.content))


def recalculated(data: bytes, tmp_path):
    """The workbook ``data`` as LibreOffice computes and saves it again (formulas read as
    their values); the test is skipped where LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: formulas are not computed")
    source = tmp_path / "computed.xlsx"
    source.write_bytes(data)
    out = tmp_path / "libreoffice"
    subprocess.run(  # noqa: S603 (LibreOffice on our own file)
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return load_workbook(out / source.name, data_only=True)


# --- plans -----------------------------------------------------------------------------


def issued_plan(unit, *, title, movement_name, issued_on, year=2022, **fields):
    """A plan of `unit` for `year`, with a one-section body, issued on `issued_on`."""
    plan = plan_create(
        actor=None,
        unit=unit,
        title=title,
        movement_name=movement_name,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        **fields,
    )
    plan_set_body(actor=None, plan=plan, source="# NỘI DUNG\nThi đua.")
    return plan_issue(actor=None, plan=plan, issued_on=issued_on)


def province_plan_above(plan, tree):
    """An issued plan of the province, set as the basis of `plan` (the district's): the
    district's communes then roll up under the district in the province's reports."""
    province_plan = issued_plan(
        tree.province,
        title="Kế hoạch của tỉnh",
        movement_name="Phú Yên",
        signer_name="Nguyễn Văn An",
        issued_on=datetime.date(2022, 3, 3),
    )
    PlanBasis.objects.create(plan=plan, parent=province_plan, text="Căn cứ kế hoạch của tỉnh")
    return province_plan


# Generated examples through Django's test client: each takes a few requests, so more of
# them than a browser test could afford.
CLIENT_EXAMPLES = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- registrations ---------------------------------------------------------------------


def completed(registration, *, argument="Lập luận.", implementers=None, actor=None):
    """`registration` saved with what a submission needs: the fields of COMPLETE and
    `argument` for every criterion (and `implementers`, when given)."""
    return registration_save(
        actor=actor,
        registration=registration,
        version=registration.version,
        fields=COMPLETE,
        arguments={a.criterion_id: argument for a in registration.arguments.all()},
        implementers=implementers,
    )


def page_form(response, xpath="//form[@data-autosave-key]") -> dict[str, list[str]]:
    """What the page's form (the one ``xpath`` finds) would send untouched: every field as
    the page renders it."""
    document = lxml.html.fromstring(response.content.decode())
    (form,) = document.xpath(xpath)
    data: dict[str, list[str]] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    return data


def edit_page_costs(client, url, *, kept: tuple[str, ...], typed: dict) -> dict[str, int]:
    """The queries of an edit page that saves over a version: showing it, saving it (the
    fields ``kept`` as the page shows them, with ``typed``), and posting the same form again
    over the version it just saved (refused, 409)."""
    with CaptureQueriesContext(connection) as page:
        shown = client.get(url)
    assert shown.status_code == 200
    form = shown.context["form"]
    data = {name: form[name].value() for name in (*kept, "version")} | typed
    with CaptureQueriesContext(connection) as save:
        saved = client.post(url, data)
    assert saved.status_code == 302
    with CaptureQueriesContext(connection) as stale:
        refused = client.post(url, data)
    assert refused.status_code == 409
    return {"page": len(page), "save": len(save), "stale": len(stale)}


def registration_form(registration, **changes):
    """The registration edit form as the page would post it, with `changes` typed in."""
    data = {
        "version": registration.version,
        "kind": registration.kind,
        "name": registration.name,
        "lead_name": registration.lead_name,
        "lead_position": registration.lead_position,
        "summary": registration.summary,
        "applied_when": registration.applied_when,
        "applied_where": registration.applied_where,
        "applied_work": registration.applied_work,
        "expected_results": registration.expected_results,
        "households": "",
        "area_ha": "",
        "income_change": "",
        "cost_vnd": "",
        "implementers-TOTAL_FORMS": "0",
        "implementers-INITIAL_FORMS": "0",
    }
    for argument in registration.arguments.all():
        data[f"arg_{argument.criterion_id}"] = argument.text
    data.update(changes)
    return data


# --- councils --------------------------------------------------------------------------


def unanimous(council, decided_on=datetime.date(2022, 6, 1), **more):
    """The vote on ``council``'s proposals: its three members present, all three for."""
    return decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=decided_on,
        **more,
    )


def seat(council, username):
    """The council member who is the person `username`."""
    return council.members.get(person__username=username)


def score_all(council, username, registration, points, submit=True):
    """`username` scores `registration` with `points`, one per criterion in order."""
    assignment = Assignment.objects.get(member=seat(council, username), registration=registration)
    criteria = list(council.plan.criteria.all())
    return scores_save(
        actor=None,
        assignment=assignment,
        scores={c.pk: (Decimal(p), "") for c, p in zip(criteria, points, strict=True)},
        submit=submit,
    )


# --- results reports -------------------------------------------------------------------


def filled(report, **figures):
    """The report saved with every initiative done (10 households each) and `figures`."""
    results = {
        r.registration_id: {"progress": "done", "households": 10, "text": "Tốt"}
        for r in report.results.all()
    }
    return report_save(
        actor=None,
        report=report,
        version=report.version,
        fields={"achievements": "Hoàn thành kế hoạch.", **figures},
        results=results,
    )


def sent_report(plan, unit, fields, result=None):
    """`unit`'s report on `plan`, saved with `fields` (and `result` for each initiative it
    lists, when given) and sent."""
    report = report_open(actor=None, plan=plan, unit=unit)
    report = report_save(
        actor=None,
        report=report,
        version=report.version,
        fields=fields,
        results={r.registration_id: result for r in report.results.all()} if result else {},
    )
    return report_submit(actor=None, report=report)


def report_form(report, **changes):
    """The results report edit form as the page would post it: every figure 0."""
    data = {
        "version": report.version,
        "meetings": "0",
        "meeting_participants": "0",
        "media_items": "0",
        "events": "0",
        "event_participants": "0",
        "replicated": "0",
        "support_vnd": "0",
        "fund_vnd": "0",
        "award_entries": "0",
    }
    data.update(changes)
    return data


# --- processes -------------------------------------------------------------------------

# The environment of a production start: DEBUG off, and what production requires but a secret.
PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "thidua.config.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "thidua.example.vn",
    "SITE_URL": "https://thidua.example.vn",
    "THIDUA_DATA_DIR": "",
}


def run_in_production(code: str, tmp_path, **extra) -> subprocess.CompletedProcess:
    """Run Python `code` in a fresh interpreter with the production environment and `extra`."""
    environment = {**PRODUCTION_ENV, "THIDUA_DATA_DIR": str(tmp_path), **extra}
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


def vietnamese(msgid: str) -> str:
    """What a page in Vietnamese shows for the English ``msgid``, as the catalogue has it:
    a test of a new text passes before its translation lands and checks it after."""
    with translation.override("vi"):
        return translation.gettext(msgid)
