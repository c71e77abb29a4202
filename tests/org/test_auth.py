"""Logging in (org/auth.py, through org/forms.py's LoginForm) by username, e-mail or phone; a
wrong password or an inactive account leaves the visitor anonymous; the throttle pauses an
account or an address after repeated failures, on the login page and the admin site's alike;
logins, failed and successful, are in the audit log."""

import datetime
import logging
import re

import pytest
from django.core import mail
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from tests.helpers import PASSWORD, login
from thidua.audit.models import Action, AuditEntry
from thidua.org.models import Attempt, Role


def logged_in_user_id(client) -> int | None:
    """The id of the person the client's session is logged in as, or None."""
    user_id = client.session.get("_auth_user_id")
    return None if user_id is None else int(user_id)


@pytest.mark.parametrize(
    "login", ["xa", "XA", "hoa@example.vn", "HOA@EXAMPLE.VN", "0905000003", "+84 905 000 003"]
)
def test_login_by_username_email_or_phone(client, officer, login):
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert logged_in_user_id(client) == officer.pk
    page = client.get(reverse("home")).content.decode()
    assert "Nguyễn Thị Hoa" in page
    assert "Hội Nông dân xã Ea Bá" in page


def test_wrong_password_gets_a_vietnamese_message_and_no_session(client, officer):
    response = client.post(reverse("login"), {"username": "xa", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tài khoản hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert logged_in_user_id(client) is None
    # Still anonymous: the start page sends the visitor back to the login page.
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("login"))


def test_inactive_person_cannot_log_in(client, officer):
    officer.is_active = False
    officer.save()
    response = client.post(reverse("login"), {"username": "xa", "password": PASSWORD})
    assert response.status_code == 200
    assert "Tài khoản hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


# --- the throttle ------------------------------------------------------------------------

LOCKED = "Đăng nhập sai quá nhiều lần"


def attempt(client, name, password="sai-mat-khau", url=None, address="203.0.113.7"):  # noqa: S107
    return client.post(
        url or reverse("login"), {"username": name, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.parametrize("url", [reverse_lazy("login"), reverse_lazy("admin:login")])
def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(client, officer, url):
    if url == reverse("admin:login"):
        officer.is_staff = officer.is_superuser = True
        officer.save()
    for _ in range(50):
        attempt(client, "xa", url=url)
    response = attempt(client, "xa", PASSWORD, url=url)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert logged_in_user_id(client) is None


def test_the_account_is_counted_as_one_whatever_names_it(client, officer):
    for name in ("xa", "hoa@example.vn", "0905000003", "+84 905 000 003", "XA"):
        attempt(client, name, address=f"198.51.100.{len(name)}")  # five places, one account
    response = attempt(client, "hoa@example.vn", PASSWORD, address="192.0.2.1")
    assert LOCKED in response.content.decode()
    assert logged_in_user_id(client) is None


def test_the_lock_ends_when_the_window_has_passed(client, officer):
    for _ in range(5):
        attempt(client, "xa")
    assert LOCKED in attempt(client, "xa", PASSWORD).content.decode()
    # The clock is data: the failures happened a quarter of an hour ago.
    Attempt.objects.update(at=timezone.now() - datetime.timedelta(minutes=15, seconds=1))
    assert attempt(client, "xa", PASSWORD).status_code == 302
    assert logged_in_user_id(client) == officer.pk


def test_four_failures_then_the_right_password_logs_in_and_forgets_them(client, officer):
    for _ in range(4):
        attempt(client, "xa")
    assert attempt(client, "xa", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "xa")
    assert attempt(client, "xa", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_paused(client, tree, make_person):
    make_person("ke-toan", Role.OFFICER, tree.commune_b)
    for number in range(30):
        attempt(client, f"nguoi-{number}")  # thirty different logins from one address
    assert LOCKED in attempt(client, "ke-toan", PASSWORD).content.decode()
    assert logged_in_user_id(client) is None
    # From another address the account logs in: only the address was paused.
    assert attempt(client, "ke-toan", PASSWORD, address="192.0.2.9").status_code == 302


def test_unknown_and_existing_logins_are_paused_alike(client, officer):
    """The lock tells nothing of whether an account exists."""
    for _ in range(5):
        attempt(client, "xa", address="192.0.2.1")
        attempt(client, "khong-ai-ca", address="192.0.2.2")
    existing = attempt(client, "xa", address="192.0.2.1").content.decode()
    unknown = attempt(client, "khong-ai-ca", address="192.0.2.2").content.decode()
    assert LOCKED in existing
    assert LOCKED in unknown


def test_behind_the_proxy_the_address_is_the_one_nginx_saw(client, officer, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for number in range(30):
        client.post(
            reverse("login"),
            {"username": f"nguoi-{number}", "password": "sai"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.7",  # the first part is forged
        )
    # Another client behind the same nginx is not paused.
    response = client.post(
        reverse("login"),
        {"username": "xa", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302


def test_a_new_password_through_the_reset_link_ends_the_lock(client, officer, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for _ in range(5):
        attempt(client, "xa")
    client.post(reverse("password_reset"), {"email": "hoa@example.vn"})
    link = re.search(r"/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    client.post(
        form_url, {"new_password1": "mot-mat-khau-moi", "new_password2": "mot-mat-khau-moi"}
    )
    assert attempt(client, "xa", "mot-mat-khau-moi").status_code == 302


# --- the audit log -----------------------------------------------------------------------


def test_failed_and_successful_logins_are_in_the_log_of_the_accounts_unit(
    client, tree, officer, make_person
):
    attempt(client, "0905000003")
    attempt(client, "xa", PASSWORD)
    entries = AuditEntry.objects.filter(object_id=str(officer.pk)).order_by("id")
    assert [(e.action, e.unit) for e in entries.filter(action__startswith="login")] == [
        (Action.LOGIN_FAILED, tree.commune_a),
        (Action.LOGIN, tree.commune_a),
    ]
    client.logout()
    login(client, make_person("h", Role.ADMIN, tree.district))
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert "Đăng nhập không thành công: Nguyễn Thị Hoa" in page
    assert "Đã đăng nhập: Nguyễn Thị Hoa" in page


def test_a_lock_is_in_the_log_and_failed_logins_in_the_server_log(client, officer, caplog):
    with caplog.at_level(logging.INFO, logger="thidua.security"):
        for _ in range(5):
            attempt(client, "xa")
        attempt(client, "khong-ai-ca")
    assert AuditEntry.objects.filter(action=Action.LOGIN_LOCKED, object_id=str(officer.pk)).exists()
    failures = [r.getMessage() for r in caplog.records if "Failed login" in r.getMessage()]
    assert failures[0] == f"Failed login for account {officer.pk} from 203.0.113.7"
    assert failures[-1] == "Failed login for an unknown account from 203.0.113.7"
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)


def test_the_login_page_links_the_public_idea_box(client):
    """A member without an account who lands on the login page finds the idea box."""
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("initiatives:idea_choose")}"' in page
    assert "Gửi ý tưởng" in page
