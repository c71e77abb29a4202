"""Logging in (org/auth.py, through org/forms.py's LoginForm) by username, e-mail or phone; a
wrong password or an inactive account leaves the visitor anonymous."""

import pytest
from django.urls import reverse

from tests.helpers import PASSWORD


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
