"""``thidua serve``: gunicorn serving the production configuration, static files included."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

SECRET = "s" * 10 + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5wQ"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def thidua(*args, environment, **kwargs):
    command = [sys.executable, "-c", "from thidua.config.cli import main; main()", *args]
    return subprocess.Popen(command, env=environment, **kwargs)  # noqa: S603 (our own code)


def fetch(url: str) -> tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.status, response.headers.get("Content-Type", ""), response.read().decode()


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
        assert thidua(*step, environment=environment).wait(timeout=120) == 0
    log = (tmp_path / "gunicorn.log").open("w")
    server = thidua("serve", environment=environment, stderr=log)
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
