"""What production mode refuses (config/checks.py), in one clear line, and a clean deploy check."""

import pytest

from tests.helpers import run_in_production as run

# A key as `secrets.token_urlsafe(50)` makes one.
GOOD_SECRET = "k" * 20 + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5"


def test_production_refuses_a_missing_secret_in_one_clear_line(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_a_short_secret(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY="short")
    assert "SECRET_KEY is too weak" in result.stderr


def test_production_refuses_a_missing_site_url(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY=GOOD_SECRET, SITE_URL="")
    assert "SITE_URL is not set" in result.stderr


def test_production_refuses_empty_allowed_hosts(tmp_path):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="")
    assert "ALLOWED_HOSTS is empty" in result.stderr


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    code = (
        "import sys; from thidua.config.cli import main; "
        "sys.argv=['thidua','check','--deploy','--fail-level','WARNING']; main()"
    )
    result = run(code, tmp_path, SECRET_KEY=GOOD_SECRET)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


CHECK_DEPLOY = (
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['django-admin', 'check', '--deploy'])"
)


def test_check_deploy_runs_the_apps_own_checks_whatever_starts_it(tmp_path):
    # Django's own command line, not `thidua`: the checks must not depend on who imports them.
    result = run(CHECK_DEPLOY, tmp_path, SECRET_KEY=GOOD_SECRET, SITE_URL="")
    assert result.returncode != 0
    assert "thidua.E001" in result.stderr
    assert "SITE_URL is not set" in result.stderr


@pytest.mark.parametrize(
    "secret",
    [
        "django-insecure-" + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5w1" * 2,
        "x" * 60,
        "abcd" * 20,
    ],
    ids=["django-insecure", "one-character", "four-characters"],
)
def test_production_refuses_a_generated_or_repetitive_secret(tmp_path, secret):
    result = run("import thidua.config.wsgi", tmp_path, SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr.strip().splitlines()[-1]
    deploy = run(CHECK_DEPLOY, tmp_path, SECRET_KEY=secret)
    assert "thidua.E001" in deploy.stderr
