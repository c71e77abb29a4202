"""The site's URLs plus one page that fails, to see the 500 page a server error shows."""

from django.urls import path

from thidua.config.urls import urlpatterns as site


def fails(request):
    raise RuntimeError("a bug")


urlpatterns = [*site, path("fails/", fails)]
