"""The site's URLs plus pages that fail, to see the page a server error shows (500) and the
one a database out of reach shows (503)."""

from django.db import OperationalError
from django.urls import path

from thidua.config.urls import handler400, handler500  # noqa: F401 (the site's error pages)
from thidua.config.urls import urlpatterns as site


def fails(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("terminating connection due to administrator command")


urlpatterns = [*site, path("fails/", fails), path("database-gone/", database_gone)]
