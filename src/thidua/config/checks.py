"""What production mode (DEBUG off) refuses to start without."""

from django.conf import settings
from django.core import checks

MIN_SECRET_LENGTH = 50
MIN_SECRET_CHARACTERS = 10  # distinct characters: a generated key has forty or more


def production_problems() -> list[str]:
    """One clear line per wrong setting; empty when serving is safe or DEBUG is on."""
    if settings.DEBUG:
        return []
    problems = []
    if settings.SECRET_KEY == settings.INSECURE_SECRET_KEY:
        problems.append(
            "SECRET_KEY is not set: production needs a long random secret "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    elif (
        len(settings.SECRET_KEY) < MIN_SECRET_LENGTH
        or len(set(settings.SECRET_KEY)) < MIN_SECRET_CHARACTERS
        or settings.SECRET_KEY.startswith("django-insecure-")
    ):
        problems.append(
            f"SECRET_KEY is too weak: use at least {MIN_SECRET_LENGTH} random characters "
            "(not a repeated pattern, not a key Django generated for development)."
        )
    if not settings.SITE_URL or any(h in settings.SITE_URL for h in ("127.0.0.1", "localhost")):
        problems.append(
            "SITE_URL is not set: e-mails link to it (for example https://thidua.example.vn)."
        )
    if not settings.ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS is empty: set it to the site's host names, comma-separated.")
    return problems


@checks.register(checks.Tags.security, deploy=True)
def check_production_settings(app_configs, **kwargs):
    return [checks.Error(problem, id="thidua.E001") for problem in production_problems()]
