"""The web shell (web/views.py): the start page, and the site's own refusal and error pages
(400, 403, 404, 500 and a refused CSRF token), in Vietnamese."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

import thidua.config
from tests.helpers import login, vietnamese
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role


def test_start_page_lists_each_unit_once_with_all_roles(client, tree, make_person):
    person = make_person("h", Role.ADMIN, tree.district)
    membership_grant(actor=None, person=person, unit=tree.district, role=Role.OFFICER)
    client.force_login(person)
    page = client.get(reverse("home")).content.decode()
    assert page.count(">Hội Nông dân huyện Sông Hinh</a>") == 1
    assert "Quản trị đơn vị, cán bộ" in page


def test_refusals_use_the_sites_own_pages(client, tree, make_person):
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "xa")
    refused = client.post(reverse("org:unit_create_child", args=[tree.commune_a.pk]), {})
    assert refused.status_code == 403
    assert "Không được phép" in refused.content.decode()
    missing = client.get(reverse("org:unit_detail", args=[tree.commune_b.pk]))
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()


def test_a_request_for_an_unknown_host_gets_a_vietnamese_page(client, tree):
    response = client.get(reverse("login"), HTTP_HOST="thidua.evil.example")
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "Yêu cầu không hợp lệ" in page


@pytest.mark.urls("tests.web.failing_urls")
def test_a_server_error_gets_a_vietnamese_page(client, tree):
    client.raise_request_exception = False
    response = client.get("/fails/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "Hệ thống gặp lỗi" in page
    assert "a bug" not in page


@pytest.mark.urls("tests.web.failing_urls")
def test_the_database_out_of_reach_gets_a_503_saying_to_try_again(client, tree):
    """A PostgreSQL restart or a cut connection: no traceback, a page that says what to do
    (tests/ops/test_scale_out.py cuts real connections under real servers)."""
    client.raise_request_exception = False
    response = client.get("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert vietnamese("Briefly unavailable") in page
    assert "administrator command" not in page


def test_a_form_sent_without_its_csrf_token_gets_a_vietnamese_page(officer):
    browser = Client(enforce_csrf_checks=True)
    login(browser, officer)
    response = browser.post(reverse("logout"))
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "Trang này đã cũ" in page
    assert "Nguyễn Thị Hoa" in page  # the site's own page: still logged in, with the menu
    assert "CSRF" not in page


def test_a_form_over_the_size_limit_gets_a_vietnamese_page_saying_so(client, officer, settings):
    """More than DATA_UPLOAD_MAX_MEMORY_SIZE of text: refused before any form is built, with
    the site's page saying what to do, not Django's bare English 400."""
    login(client, officer)
    too_long = "Mô hình " * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 8 + 1)
    response = client.post(reverse("password_change"), {"old_password": too_long})
    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert vietnamese("The form is too large") in page
    assert (
        vietnamese(
            "The form sent holds more text, rows or files than any page of the site takes. "
            "Nothing was saved."
        )
        in page
    )


def test_a_form_with_too_many_fields_gets_the_same_page(client, officer, settings):
    login(client, officer)
    fields = {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("password_change"), fields)
    assert response.status_code == 400
    assert vietnamese("The form is too large") in response.content.decode()


def test_the_limits_are_set_in_the_settings():
    """The limits nginx's client_max_body_size goes with (README): stated, not Django's
    defaults by chance."""
    settings_source = (Path(thidua.config.__file__).parent / "settings.py").read_text()
    for name in ("DATA_UPLOAD_MAX_MEMORY_SIZE", "DATA_UPLOAD_MAX_NUMBER_FIELDS"):
        assert f"\n{name} = " in settings_source
