"""Logging in by username, e-mail or phone; logout; password change and reset; language."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD
from thidua.org.models import Role


@pytest.fixture
def officer(tree, make_person):
    return make_person(
        "xa",
        Role.OFFICER,
        tree.commune_a,
        full_name="Nguyễn Thị Hoa",
        email="hoa@example.vn",
        phone="0905 000 003",
    )


@pytest.mark.parametrize(
    "login", ["xa", "XA", "hoa@example.vn", "HOA@EXAMPLE.VN", "0905000003", "+84 905 000 003"]
)
def test_login_by_username_email_or_phone(client, officer, login):
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "Nguyễn Thị Hoa" in page
    assert "Hội Nông dân xã Ea Bá" in page


def test_wrong_password_gets_a_vietnamese_message_and_no_session(client, officer):
    response = client.post(reverse("login"), {"username": "xa", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tài khoản hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_person_cannot_log_in(client, officer):
    officer.is_active = False
    officer.save()
    response = client.post(reverse("login"), {"username": "xa", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client, officer):
    client.post(reverse("login"), {"username": "xa", "password": PASSWORD})
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_change(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "mot-mat-khau-moi-dai",
            "new_password2": "mot-mat-khau-moi-dai",
        },
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("mot-mat-khau-moi-dai")


def test_password_reset_by_email_sets_a_new_password(client, officer, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(reverse("password_reset"), {"email": "hoa@example.vn"})
    assert len(mail.outbox) == 1
    link = re.search(r"/accounts/password/reset/\S+/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url,
        {"new_password1": "mat-khau-sau-khi-quen", "new_password2": "mat-khau-sau-khi-quen"},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("mat-khau-sau-khi-quen")


def test_vietnamese_is_the_default_and_english_is_available(client, officer):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in page
    assert "Đăng nhập" in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page


def test_navigation_follows_the_role(client, tree, make_person):
    make_person("v", Role.VIEWER, tree.district)
    client.login(username="v", password=PASSWORD)
    page = client.get(reverse("home")).content.decode()
    assert reverse("org:unit_list") in page
    assert reverse("org:person_list") not in page
    assert reverse("audit:entry_list") not in page
    assert reverse("admin:index") not in page


def test_admin_site_is_for_superusers_only(client, tree, make_person, superuser):
    make_person("h", Role.ADMIN, tree.district)
    client.login(username="h", password=PASSWORD)
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_start_page_lists_each_unit_once_with_all_roles(client, tree, make_person):
    from thidua.org.domain.people import membership_grant

    person = make_person("h", Role.ADMIN, tree.district)
    membership_grant(actor=None, person=person, unit=tree.district, role=Role.OFFICER)
    client.force_login(person)
    page = client.get(reverse("home")).content.decode()
    assert page.count(">Hội Nông dân huyện Sông Hinh</a>") == 1
    assert "Quản trị đơn vị, cán bộ" in page


def test_refusals_use_the_sites_own_pages(client, tree, make_person):
    make_person("xa", Role.OFFICER, tree.commune_a)
    client.login(username="xa", password=PASSWORD)
    refused = client.post(reverse("org:unit_create_child", args=[tree.commune_a.pk]), {})
    assert refused.status_code == 403
    assert "Không được phép" in refused.content.decode()
    missing = client.get(reverse("org:unit_detail", args=[tree.commune_b.pk]))
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, officer):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in page
