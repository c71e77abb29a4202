"""What production mode refuses (config/checks.py), in one clear line, and a clean deploy check."""

from tests.helpers import run_in_production as run


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


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    code = (
        "import sys; from thidua.config.cli import main; "
        "sys.argv=['thidua','check','--deploy','--fail-level','WARNING']; main()"
    )
    secret = "k" * 20 + "Zq8-v_3LmT0pXw9RbN2cYd7Hs4Gf1JeUaI6oK5"
    result = run(code, tmp_path, SECRET_KEY=secret)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
