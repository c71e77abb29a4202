"""Configuration from the environment, and what production mode refuses."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from thidua.config import env

PRODUCTION_ENV = {
    "PATH": os.environ["PATH"],
    "DJANGO_SETTINGS_MODULE": "thidua.config.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "thidua.example.vn",
    "SITE_URL": "https://thidua.example.vn",
    "THIDUA_DATA_DIR": "",
}


def run(code: str, tmp_path, **extra) -> subprocess.CompletedProcess:
    environment = {**PRODUCTION_ENV, "THIDUA_DATA_DIR": str(tmp_path), **extra}
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_a_missing_secret_in_one_clear_line(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_a_short_secret(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY="short")
    assert "SECRET_KEY is too weak" in result.stderr


def test_production_refuses_a_missing_site_url(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY="x" * 60, SITE_URL="")
    assert "SITE_URL is not set" in result.stderr


def test_production_refuses_empty_allowed_hosts(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY="x" * 60, ALLOWED_HOSTS="")
    assert "ALLOWED_HOSTS is empty" in result.stderr


def test_thidua_serve_says_which_variable_is_wrong(tmp_path):
    code = "import sys; from thidua.config.cli import main; sys.argv=['thidua','serve']; main()"
    result = run(code, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "thidua serve: SECRET_KEY is not set: production needs a long random secret "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    code = (
        "import sys; from thidua.config.cli import main; "
        "sys.argv=['thidua','check','--deploy','--fail-level','WARNING']; main()"
    )
    secret = "k" * 20 + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5"
    result = run(code, tmp_path, SECRET_KEY=secret)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql(tmp_path):
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"
    )
    result = run(code, tmp_path, DATABASE_URL="postgres://u:p@db.example:5432/thidua", DEBUG="1")
    assert result.stdout.split() == ["django.db.backends.postgresql", "thidua", "db.example"]


def test_secrets_can_come_from_files(tmp_path, monkeypatch):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret_file))
    assert env.string("SOME_SECRET") == "from-a-file"


def test_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe'"):
        env.boolean("DEBUG", default=False)
