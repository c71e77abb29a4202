"""Two-step login for administrators (org/two_factor.py, org/domain/two_factor.py; issue #11,
"What to build" 1): an administrator turns on a code from an authenticator app; the login
page, and the admin site's, then ask for it; wrong codes count like wrong passwords and are
audited; each recovery code works once; a setting makes it compulsory for administrators."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import PASSWORD, login, vietnamese
from thidua.audit.models import Action, AuditEntry
from thidua.org.domain.two_factor import enrolment_confirm, enrolment_start
from thidua.org.models import Role

ENROL = reverse("two_factor")
CODE = reverse("login_code")


def code_now(device) -> str:
    """The code the person's app shows now, or the next one when now's has been used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    now = totp.t()
    totp.drift += max(now, device.last_t + 1) - now
    return f"{totp.token():06d}"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def session_user(client) -> int | None:
    user_id = client.session.get("_auth_user_id")
    return None if user_id is None else int(user_id)


@pytest.fixture
def admin(tree, make_person):
    return make_person("quantri", Role.ADMIN, tree.district, full_name="Quản Trị")


@pytest.fixture
def protected(admin):
    """The administrator with two-step login on; their recovery codes."""
    enrolment_start(person=admin)
    device = TOTPDevice.objects.get(user=admin)
    return enrolment_confirm(actor=admin, person=admin, code=code_now(device))


def password_step(client, path=None, **query):
    return client.post(
        (path or reverse("login")) + ("?next=" + query["next"] if query else ""),
        {"username": "quantri", "password": PASSWORD},
    )


def test_an_administrator_turns_it_on_with_a_code_and_sees_recovery_codes_once(client, admin):
    login(client, admin)
    page = client.get(ENROL).content.decode()
    assert "<svg" in page  # the QR code to scan
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    secret = re.search(r'data-secret="([A-Z2-7 ]+)"', page).group(1)  # to type instead
    assert len(secret.replace(" ", "")) == 32
    refused = client.post(ENROL, {"code": wrong(code_now(device))})
    assert vietnamese("The code is wrong or too old.") in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    shown = client.post(ENROL, {"code": code_now(device)}).content.decode()
    codes = re.findall(r'<li class="recovery-code"><code>([a-z2-7]{8})</code>', shown)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=admin).confirmed
    again = client.get(ENROL).content.decode()
    assert not any(c in again for c in codes)  # shown once, never again
    assert vietnamese("Two-step login is on.") in again
    assert AuditEntry.objects.filter(object_id=str(admin.pk), note__contains="2FA").exists()


def test_the_login_asks_for_the_code_and_only_the_right_one_logs_in(client, admin, protected):
    asked = password_step(client, next="/plans/")
    assert asked["Location"] == CODE
    assert session_user(client) is None  # the password alone opened nothing
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))
    device = TOTPDevice.objects.get(user=admin)
    refused = client.post(CODE, {"code": wrong(code_now(device))})
    assert refused.status_code == 200
    assert vietnamese("The code is wrong or too old.") in refused.content.decode()
    assert session_user(client) is None
    failed = AuditEntry.objects.filter(action=Action.LOGIN_FAILED, object_id=str(admin.pk))
    assert failed.count() == 1
    entered = client.post(CODE, {"code": code_now(device)})
    assert entered["Location"] == "/plans/"
    assert session_user(client) == admin.pk
    assert AuditEntry.objects.filter(action=Action.LOGIN, object_id=str(admin.pk)).exists()


def test_wrong_codes_count_like_wrong_passwords_and_lock_the_account(
    client, admin, protected, settings
):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    password_step(client)
    device = TOTPDevice.objects.get(user=admin)
    for _ in range(3):
        client.post(CODE, {"code": wrong(code_now(device))})
    locked = client.post(CODE, {"code": code_now(device)})  # right, but too late
    assert locked.status_code == 200
    assert session_user(client) is None
    paused = vietnamese(
        "Too many failed attempts: for your safety, logging in is paused until %(time)s. "
        "If you have forgotten your password, use “Forgot your password?”."
    )
    assert paused.split("%(time)s")[0] in locked.content.decode()
    assert AuditEntry.objects.filter(action=Action.LOGIN_LOCKED, object_id=str(admin.pk)).exists()
    other = Client()  # the password step is locked too
    assert password_step(other).status_code == 200
    assert session_user(other) is None


def test_a_recovery_code_works_once(client, admin, protected):
    password_step(client)
    spaced = f"{protected[0][:5]} {protected[0][5:].upper()}"  # as typed from paper
    assert client.post(CODE, {"code": spaced})["Location"] == reverse("home")
    assert session_user(client) == admin.pk
    client.logout()
    password_step(client)
    refused = client.post(CODE, {"code": protected[0]})
    assert refused.status_code == 200
    assert session_user(client) is None
    assert client.post(CODE, {"code": protected[1]}).status_code == 302


def test_the_admin_site_asks_for_the_code_too(client, superuser):
    enrolment_start(person=superuser)
    device = TOTPDevice.objects.get(user=superuser)
    enrolment_confirm(actor=superuser, person=superuser, code=code_now(device))
    admin_login = reverse("admin:login")
    asked = client.post(
        admin_login + "?next=/admin/",
        {"username": superuser.username, "password": PASSWORD},
    )
    assert asked["Location"] == CODE
    assert client.get("/admin/").status_code == 302  # still the login
    entered = client.post(CODE, {"code": code_now(device)})
    assert entered["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_setting_makes_it_compulsory_for_administrators_only(client, admin, officer, settings):
    settings.THIDUA_REQUIRE_2FA_FOR_ADMINS = True
    asked = password_step(client)
    assert asked["Location"] == ENROL
    assert session_user(client) is None
    assert client.get(reverse("home")).status_code == 302
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    shown = client.post(ENROL, {"code": code_now(device)})
    assert "recovery-code" in shown.content.decode()
    assert session_user(client) == admin.pk  # set up: now logged in
    other = Client()
    other.post(reverse("login"), {"username": officer.username, "password": PASSWORD})
    assert session_user(other) == officer.pk  # not an administrator: the password suffices
    assert other.get(ENROL).status_code == 403


def test_only_administrators_are_offered_two_step_login(client, admin, officer):
    """The password page links two-step login for an administrator; an officer, whom the
    page would refuse, is not shown the link."""
    link = f'href="{reverse("two_factor")}"'
    login(client, officer)
    assert link not in client.get(reverse("password_change")).content.decode()
    assert client.get(reverse("two_factor")).status_code == 403
    client.logout()
    login(client, admin)
    assert link in client.get(reverse("password_change")).content.decode()
