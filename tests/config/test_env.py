"""Configuration from the environment (config/env.py): secrets from files, clear errors."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from thidua.config import env


def test_secrets_can_come_from_files(tmp_path, monkeypatch):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret_file))
    assert env.string("SOME_SECRET") == "from-a-file"


def test_bad_boolean_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe'"):
        env.boolean("DEBUG", default=False)
