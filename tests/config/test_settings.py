"""The settings (config/settings.py) follow the environment: DATABASE_URL picks the database."""

from tests.helpers import run_in_production as run


def test_database_url_selects_postgresql(tmp_path):
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"
    )
    result = run(code, tmp_path, DATABASE_URL="postgres://u:p@db.example:5432/thidua", DEBUG="1")
    assert result.stdout.split() == ["django.db.backends.postgresql", "thidua", "db.example"]
