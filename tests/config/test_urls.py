"""The URLs of config/urls.py: the account pages (Django's views with our forms and
templates: logout, password change and reset), and uploads never served directly."""

import importlib
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse

import thidua.config.urls
from tests.helpers import PASSWORD, login
from tests.pages.world import PDF


def test_logout_ends_the_session(client, officer):
    client.post(reverse("login"), {"username": "xa", "password": PASSWORD})
    # Logged in first, or the test would prove nothing: an anonymous visitor is redirected too.
    assert int(client.session["_auth_user_id"]) == officer.pk
    assert "Nguyễn Thị Hoa" in client.get(reverse("home")).content.decode()
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session
    home = client.get(reverse("home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("login"))


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


def test_the_logout_page_says_so_and_forgets_the_drafts_kept_on_the_device(client, officer):
    login(client, officer)
    response = client.post(reverse("logout"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bạn đã đăng xuất" in page
    assert reverse("login") in page
    # The script that drops autosaved drafts from this browser (tests/browser/test_logout.py).
    assert re.search(r'<script src="[^"]*thidua/forget-drafts\.js" defer></script>', page)
    assert "Nguyễn Thị Hoa" not in page


@pytest.fixture
def debug_urls(settings):
    """The URLs as the demo (DEBUG) builds them."""
    settings.DEBUG = True
    importlib.reload(thidua.config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(thidua.config.urls)
    clear_url_caches()


def test_uploads_are_never_served_directly_not_even_in_the_demo(
    client, officer, make_registration, settings, tmp_path, debug_urls
):
    """An upload is read through its page, which checks who asks; /media/ is no way round
    it, and the name it is stored under (its folder, its random suffix) is not given out."""
    settings.MEDIA_ROOT = tmp_path / "media"
    draft = make_registration()
    login(client, officer)
    client.post(
        reverse("initiatives:file_add", args=[draft.pk]),
        {"kind": "document", "title": "Bản đăng ký", "file": SimpleUploadedFile("scan.pdf", PDF)},
    )
    stored = draft.files.get()
    assert (settings.MEDIA_ROOT / stored.file.name).exists()

    download = client.get(reverse("initiatives:file", args=[draft.pk, stored.pk]))
    assert download.status_code == 200
    headers = " ".join(f"{k}: {v}" for k, v in download.headers.items())
    assert 'filename="ban-dang-ky.pdf"' in headers
    assert stored.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] not in headers

    for who in (client, client.__class__()):  # the officer, and someone not logged in
        assert who.get(f"/{settings.MEDIA_URL}{stored.file.name}").status_code == 404
