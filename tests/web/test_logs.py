"""The server log (web/logs.py): a refusal is one line, not a traceback; a bug keeps its own."""

import io
import logging

import pytest
from django.urls import reverse

from tests.helpers import login
from thidua.org.models import Role


def written(log) -> list[str]:
    """The lines written, tracebacks included (the line a login writes aside)."""
    lines = log.getvalue().splitlines()
    return [line for line in lines if not line.startswith("Login of account")]


@pytest.fixture
def server_log():
    """What the site's log handler (settings.LOGGING, "console") writes, as text."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


def test_a_refused_action_is_logged_in_one_line(client, tree, make_person, server_log):
    login(client, make_person("xa", Role.OFFICER, tree.commune_a))
    url = reverse("org:unit_create_child", args=[tree.commune_a.pk])
    assert client.post(url, {}).status_code == 403
    assert written(server_log) == [f"Forbidden (Permission denied): {url}"]


def test_a_page_out_of_scope_is_logged_in_one_line(client, tree, make_person, server_log):
    login(client, make_person("xa", Role.OFFICER, tree.commune_a))
    url = reverse("org:unit_detail", args=[tree.commune_b.pk])
    assert client.get(url).status_code == 404
    assert written(server_log) == [f"Not Found: {url}"]


def test_a_request_for_an_unknown_host_is_logged_in_one_line(client, tree, server_log):
    assert client.get(reverse("login"), HTTP_HOST="thidua.evil.example").status_code == 400
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 1
    assert "Invalid HTTP_HOST header: 'thidua.evil.example'" in lines[0]


@pytest.mark.urls("tests.web.failing_urls")
def test_a_server_error_keeps_its_traceback(client, tree, server_log):
    client.raise_request_exception = False
    assert client.get("/fails/").status_code == 500
    assert "Traceback" in server_log.getvalue()
    assert "RuntimeError: a bug" in server_log.getvalue()
