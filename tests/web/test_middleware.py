"""The middleware (web/middleware.py): the language, Vietnamese whatever the browser says until
one switches; the security headers, a strict Content-Security-Policy and a Permissions-Policy."""

import re
from pathlib import Path

from django.urls import reverse

from tests.helpers import login
from thidua.core import charts

TEMPLATES = Path(charts.__file__).resolve().parents[1] / "templates"


def test_vietnamese_is_the_default_and_english_is_available(client, officer):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in page
    assert "Đăng nhập" in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, officer):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in page
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in page


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {words[0]: words[1:] for words in directives if words}


def test_pages_allow_only_the_sites_own_scripts_styles_and_connections(client, officer):
    login(client, officer)
    for url in (reverse("login"), reverse("home"), reverse("org:unit_list")):
        csp = policy(client.get(url))
        assert csp["default-src"] == ["'none'"]
        assert csp["script-src"] == ["'self'"]
        assert csp["style-src"] == ["'self'"]
        assert csp["connect-src"] == ["'self'"]
        assert csp["form-action"] == ["'self'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["base-uri"] == ["'none'"]
        assert csp["object-src"] == ["'none'"]


def test_pages_refuse_the_camera_microphone_and_location(client):
    features = client.get(reverse("login"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in features


def test_no_template_or_chart_carries_inline_script_or_style():
    """What the policy would block: inline scripts, event handlers, style attributes."""
    inline = re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:", re.I
    )
    found = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.rglob("*.html")
        for match in inline.finditer(path.read_text(encoding="utf-8"))
    ]
    chart = charts.bar_chart(
        title="Kinh phí",
        labels=["Ea Bá"],
        series=[charts.Series("Kinh phí", [1], charts.PALETTE[0])],
    )
    found += [f"chart: {match.group(0)}" for match in inline.finditer(chart)]
    assert found == []
