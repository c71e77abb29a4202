"""The ``thidua`` command (config/cli.py): demo on the embedded default, management commands,
``thidua serve`` (gunicorn with the production configuration, static files included)."""

import email
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.helpers import run_in_production as run
from thidua.config.cli import demo_server

# Tests that run `thidua` in a process of its own, on SQLite whatever DATABASE_URL names: CI
# runs them once (pyproject's marker ops).
OWN_INSTANCE = pytest.mark.ops

SECRET = "s" * 10 + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5wQ"  # a production secret for serve


def thidua(*args, data_dir, timeout=300, **variables):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DEBUG", "SITE_URL", "EMAIL_BACKEND"}
    }
    environment["THIDUA_DATA_DIR"] = str(data_dir)
    environment.update(variables)
    return subprocess.run(  # noqa: S603 (our own interpreter and entry point)
        [sys.executable, "-c", "from thidua.config.cli import main; main()", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def count(database, sql):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchone()[0]


def kept_links(data_dir) -> set[str]:
    """The addresses the mail kept in the data directory links to."""
    links = set()
    for path in (data_dir / "mail").iterdir():
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                body = email.message_from_bytes(chunk.strip()).get_payload(decode=True).decode()
                links.update(re.findall(r"https?://[^/\s]+", body))
    return links


@OWN_INSTANCE
def test_demo_creates_data_once_then_reuses_it_and_reset_starts_over(tmp_path):
    first = thidua("demo", "--no-serve", "--port", "8001", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    # The console backend of DEBUG would print every notification of the load: none shows.
    assert "Subject:" not in first.stdout
    assert "Content-Transfer-Encoding" not in first.stdout
    assert str(tmp_path / "mail") in first.stdout
    # The mail it kept links to the port the demo serves on.
    assert kept_links(tmp_path) == {"http://127.0.0.1:8001"}
    assert "huyen" in first.stdout
    assert "thidua-demo" in first.stdout
    database = tmp_path / "thidua.sqlite3"
    people = count(database, "select count(*) from org_person")
    units = count(database, "select count(*) from org_unit")
    assert people == 7  # admin, tinh, huyen, xa and the three council members
    assert units > 14_000  # the whole country, both structures, and the demo branches

    with sqlite3.connect(database) as connection:
        connection.execute("update org_person set full_name = 'Đã sửa' where username = 'xa'")
    second = thidua("demo", "--no-serve", data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "đã có sẵn" in second.stdout
    assert count(database, "select full_name from org_person where username = 'xa'") == "Đã sửa"

    third = thidua(
        "demo", "--no-serve", "--reset", data_dir=tmp_path, SITE_URL="https://thidua.example.vn"
    )
    assert third.returncode == 0, third.stderr
    assert count(database, "select full_name from org_person where username = 'xa'") == (
        "Nguyễn Thị Hoa"
    )
    # A SITE_URL that is set wins; the reset started the kept mail over too.
    assert kept_links(tmp_path) == {"https://thidua.example.vn"}


@OWN_INSTANCE
def test_any_management_command_runs_through_thidua(tmp_path):
    result = thidua("shell", "-c", "print(40 + 2)", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("42")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def thidua_process(*args, environment, **kwargs):
    command = [sys.executable, "-c", "from thidua.config.cli import main; main()", *args]
    return subprocess.Popen(command, env=environment, **kwargs)  # noqa: S603 (our own code)


def fetch(url: str) -> tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.status, response.headers.get("Content-Type", ""), response.read().decode()


@OWN_INSTANCE
def test_serve_runs_gunicorn_with_the_production_settings(tmp_path):
    port = free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}},
        "THIDUA_DATA_DIR": str(tmp_path),
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://thidua.example.vn",
        "SECURE_SSL_REDIRECT": "0",
        "THIDUA_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    for step in (["migrate", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        assert thidua_process(*step, environment=environment).wait(timeout=120) == 0
    log = (tmp_path / "gunicorn.log").open("w")
    server = thidua_process("serve", environment=environment, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, page = fetch(f"http://127.0.0.1:{port}/accounts/login/")
                break
            except urllib.error.HTTPError:
                raise
            except OSError:  # not listening yet
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not answer in 30 s"
                time.sleep(0.3)
        assert status == 200
        assert "Đăng nhập" in page
        stylesheet = page.split('rel="stylesheet" href="')[1].split('"')[0]
        assert ".css" in stylesheet
        assert stylesheet != "/static/thidua/app.css"
        css_status, css_type, css = fetch(f"http://127.0.0.1:{port}{stylesheet}")
        assert css_status == 200
        assert css_type.startswith("text/css")
        assert "--green" in css
    finally:
        server.terminate()
        server.wait(timeout=30)


@OWN_INSTANCE
def test_thidua_serve_says_which_variable_is_wrong(tmp_path):
    code = "import sys; from thidua.config.cli import main; sys.argv=['thidua','serve']; main()"
    result = run(code, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "thidua serve: SECRET_KEY is not set: production needs a long random secret "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )


def test_the_demo_server_answers_a_burst_without_refusing_anyone(transactional_db, settings):
    """100 people at once (a deadline's last hour): runserver's queue of 10 connections
    refused 86 of 200 simultaneous submissions; the demo's server takes them all."""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    server = demo_server(port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.effective_port}/accounts/login/"
    barrier = threading.Barrier(100)

    def at_once(_):
        barrier.wait()
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.status
        except OSError as refused:  # connection refused or reset: what runserver did
            return repr(refused)

    try:
        with ThreadPoolExecutor(max_workers=100) as pool:
            answers = list(pool.map(at_once, range(100)))
    finally:
        # Closed by the server's own loop, which then ends: its sockets closed from here
        # would be pulled from under its select (EBADF in the server's thread).
        server.trigger.pull_trigger(lambda: [each.close() for each in list(server._map.values())])
        thread.join(timeout=10)
        server.task_dispatcher.shutdown()
    assert not thread.is_alive()
    assert answers == [200] * 100, [a for a in answers if a != 200][:3]
