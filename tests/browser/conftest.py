"""Browser tests: Debian's Chromium, driven by Playwright, against a live server with the demo.

Chromium is the Debian package (`apt-get install chromium`), never Playwright's own
download. Without it the browser tests skip, except under CI (CI=true), where a
missing browser is an error: a green run must mean the pages were really driven.

Every test here is marked `browser` (`pytest -m "not browser"` leaves them out).
Screenshots go to test-artifacts/screenshots/ at the repository root; the run's
summary says where.
"""

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser.server import wait_until_idle
from thidua.demo import load as demo

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
BROWSER_DIR = Path(__file__).resolve().parent
AXE_JS = BROWSER_DIR / "vendor" / "axe-core" / "axe.min.js"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def every(locator) -> list:
    """The elements ``locator`` finds once the first has appeared: ``Locator.all()`` does not
    wait, so right after a click that navigates it may still read the page being left."""
    expect(locator.first).to_be_attached()
    return locator.all()


VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
# The demo's passwords are hashed with the same fast hasher that logging in checks
# against (tests/conftest.py uses it for every test; set here too so the two agree).
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The forms' autosave pause on the live server (ms): shorter than the product's 1.5 s, so the
# tests that wait for a save, or wait past the pause to see that nothing was sent, wait less.
# Playwright's fill() types a whole value at once: no pause between keys is ever this long.
AUTOSAVE_DELAY_MS = 400
# Playwright waits this long at most for a page or an element (ms).
TIMEOUT_MS = 10_000
# test_smoke.py's check of every page the other browser tests visited: collected last.
LAST_CHECK = "test_every_page_visited_passes_axe_and_the_html_checker"
# The browser tests' groups under pytest-xdist, each run by one process (see below).
BROWSER_PROCESSES = 2

_saved_screenshots: list[Path] = []


def chromium_path() -> str | None:
    """Debian's Chromium: $CHROMIUM if set, else `chromium` on PATH, else /usr/bin/chromium."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        "/usr/bin/chromium",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    browser = [item for item in items if BROWSER_DIR in item.path.parents]
    files = sorted({item.path.name for item in browser})
    for item in browser:
        if item.originalname == LAST_CHECK:
            continue
        item.add_marker(pytest.mark.browser)
        # Under pytest-xdist (``--dist loadgroup``) the browser tests are dealt into
        # BROWSER_PROCESSES groups by file (a file's tests visit the same kinds of page, which
        # its group's check reads once), each a process with its Chromium and its loaded
        # demo, while the other processes run the rest: a browser test mostly waits (for the
        # page, the server, the autosave's pause), so two of them share a core well.
        group = files.index(item.path.name) % BROWSER_PROCESSES
        item.add_marker(pytest.mark.xdist_group(f"browser-{group}"))
    # The check of every page a process's browser tests were shown (pages.py) runs after
    # them, once for each group.
    last = [item for item in browser if item.originalname == LAST_CHECK]
    for item in last:
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.xdist_group(f"browser-{item.callspec.params['group']}"))
    items[:] = [item for item in items if item not in last] + last


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _saved_screenshots:
        terminalreporter.write_sep("-", "browser screenshots")
        terminalreporter.write_line(
            f"{len(_saved_screenshots)} screenshot(s) saved in {SCREENSHOTS_DIR}"
        )


@pytest.fixture(scope="session")
def browser() -> Iterator["Browser"]:
    """One headless Debian Chromium for the whole run."""
    executable = chromium_path()
    if executable is None:
        why = (
            "no Chromium binary: install Debian's package with "
            "`apt-get install -y chromium` (or set CHROMIUM=/path/to/chromium)"
        )
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI must run the browser tests, but there is {why}", pytrace=False)
        pytest.skip(f"browser tests skipped: {why}")

    # Between its calls Playwright's sync API leaves its event loop marked as running
    # in this thread, and Django then refuses ORM calls from here (loading the demo,
    # flushing the database) as "async unsafe". They are not async: allow them while
    # the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def live_server(django_db_setup) -> Iterator["LiveServer"]:
    """pytest-django's live server, on 127.0.0.1, over plain http.

    Overrides pytest-django's fixture of the same name for the tests here, so its
    helper still gives each test transactional_db and adds the host to
    ALLOWED_HOSTS. Its own server cannot be used: Django's SecurityMiddleware reads
    SECURE_SSL_REDIRECT and HSTS once, when the server builds its handler, and
    without DEBUG they send Chromium to https. This one is built with them off.
    Started after django_db_setup, so an in-memory SQLite test database is shared
    with the server thread.
    """
    # Every page the tests are shown is kept for the checks at the end (pages.py).
    middleware = [
        "tests.browser.server.CountRequests",
        *settings.MIDDLEWARE,
        "tests.browser.pages.RecordPages",
    ]
    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0, MIDDLEWARE=middleware):
        server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_copy(django_db_setup, django_db_blocker) -> Iterator[sqlite3.Connection | None]:
    """The demo loaded once per test process and kept as a copy of the database (SQLite's
    backup, in memory), so that each test starts from it in milliseconds instead of loading
    the demo again (about 20 s a test). The database is emptied again after the copy: the
    other tests of the process expect it empty. None on another database: each test loads."""
    if connection.vendor != "sqlite":
        yield None
        return
    with django_db_blocker.unblock():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            demo.load(whole_country=False)
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(copy)
        call_command("flush", interactive=False, verbosity=0)
    yield copy
    copy.close()


@pytest.fixture
def demo_site(live_server, transactional_db, settings, demo_copy) -> Iterator[str]:
    """The live server's base URL, with the demo (Phú Yên only) in its database.

    transactional_db, not db: the server thread must see the demo, so it is
    committed, and flushed again after each test, once the server has answered every
    request the closed tabs had sent.
    """
    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.AUTOSAVE_DELAY_MS = AUTOSAVE_DELAY_MS
    # Cookies over plain http, unhashed static file names: what `DEBUG=true` serves.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    if demo_copy is None:
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            demo.load(whole_country=False)
    else:
        connection.ensure_connection()
        demo_copy.backup(connection.connection)
        ContentType.objects.clear_cache()  # the flush between tests made them anew
    yield live_server.url
    wait_until_idle()


@pytest.fixture
def new_page(browser, demo_site):
    """new_page(viewport, locale="vi-VN") → a fresh tab with its own cookies.

    A viewport narrower than 768 px is a touch phone. After the test, any
    request of the page's own site that failed (HTTP 4xx/5xx, or no answer) is
    an error: a missing stylesheet or script must not pass unnoticed; so is
    anything the Content-Security-Policy refused.
    """
    contexts = []
    failures: list[str] = []

    def on_response(response):
        # 409 answers a stale save on purpose (both versions shown), it is no broken request.
        if response.status >= 400 and response.status != 409 and response.url.startswith(demo_site):
            failures.append(f"{response.status} {response.request.method} {response.url}")

    def on_console(message):
        # The site's Content-Security-Policy refused something a page carries: a broken page.
        if "Content Security Policy" in message.text:
            failures.append(f"CSP: {message.text}")

    def on_failed(request):
        # ERR_ABORTED: the page navigated away before the request ended (say, the icon).
        if request.url.startswith(demo_site) and request.failure != "net::ERR_ABORTED":
            failures.append(f"{request.failure} {request.method} {request.url}")

    def make(viewport: dict, *, locale: str = "vi-VN"):
        phone = viewport["width"] < 768
        context = browser.new_context(
            base_url=demo_site,
            viewport=viewport,
            locale=locale,
            device_scale_factor=1,
            is_mobile=phone,
            has_touch=phone,
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.on("response", on_response)
        context.on("requestfailed", on_failed)
        context.on("console", on_console)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    if failures:
        pytest.fail("requests failed:\n" + "\n".join(failures), pytrace=False)


@pytest.fixture
def phone_page(new_page):
    """A fresh tab the size of a small phone, 360×740, in Vietnamese."""
    return new_page(PHONE)


@pytest.fixture
def desktop_page(new_page):
    """A fresh tab at 1280×800, in Vietnamese."""
    return new_page(DESKTOP)


@pytest.fixture
def screenshot(request):
    """screenshot(page, label="") → the PNG written to test-artifacts/screenshots/."""

    def take(page, label: str = "") -> Path:
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", request.node.name + (f"-{label}" if label else ""))
        path = SCREENSHOTS_DIR / f"{name.strip('-')}.png"
        page.screenshot(path=str(path), full_page=True)
        _saved_screenshots.append(path)
        return path

    return take
