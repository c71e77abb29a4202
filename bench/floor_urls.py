"""The product's addresses and the benchmark's floor (see floor_settings.py)."""

from django.http import HttpResponse
from django.urls import include, path

handler400 = "thidua.web.views.bad_request"


def floor(request):
    """What every page pays before its own work: the middleware and the user read from the
    session; a few bytes back."""
    who = request.user.get_username() if request.user.is_authenticated else "-"
    return HttpResponse(f"floor {who}\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/floor/", floor), path("", include("thidua.config.urls"))]
