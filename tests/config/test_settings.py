"""The settings (config/settings.py) follow the environment: DATABASE_URL picks the database,
SESSION_HOURS how long a login lasts."""

from django.conf import settings
from django.urls import reverse

from tests.helpers import PASSWORD
from tests.helpers import run_in_production as run


def test_database_url_selects_postgresql(tmp_path):
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"
    )
    result = run(code, tmp_path, DATABASE_URL="postgres://u:p@db.example:5432/thidua", DEBUG="1")
    assert result.stdout.split() == ["django.db.backends.postgresql", "thidua", "db.example"]


def test_a_session_lasts_a_working_day_unless_configured(tmp_path):
    code = (
        "from django.conf import settings; import django; django.setup(); "
        "print(settings.SESSION_COOKIE_AGE)"
    )
    assert run(code, tmp_path, DEBUG="1").stdout.split() == [str(10 * 3600)]
    assert run(code, tmp_path, DEBUG="1", SESSION_HOURS="4").stdout.split() == [str(4 * 3600)]


def test_logging_in_starts_a_session_of_a_working_day_not_two_weeks(client, officer):
    response = client.post(reverse("login"), {"username": "xa", "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 10 * 3600
    assert client.session.get_expiry_age() == 10 * 3600
