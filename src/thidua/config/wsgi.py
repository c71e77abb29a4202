"""WSGI entry point for production servers (``thidua serve`` runs gunicorn on it)."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from thidua.config.checks import production_problems

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.config.settings")
application = get_wsgi_application()


def _refuse_unsafe_production() -> None:
    problems = production_problems()
    if problems:
        raise ImproperlyConfigured(problems[0])


_refuse_unsafe_production()
