import sys

from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.template import loader
from django.views import defaults

from thidua.core.forms import TooManyRows
from thidua.org import access
from thidua.web.todo import todo


@login_required
def home(request):
    """The start page: what waits for the user, unit by unit (web/todo.py)."""
    return render(
        request,
        "web/home.html",
        {
            "todo": todo(request.user),
            "can_view_people": access.can_anywhere(request.user, "person.view"),
            "can_view_audit": access.can_anywhere(request.user, "audit.view"),
        },
    )


def csrf_failure(request, reason=""):
    """A form sent with a missing or stale CSRF token: the site's own page, not Django's
    English one, saying what to do (go back, reload, send again; or allow cookies)."""
    return render(
        request,
        "403_csrf.html",
        {"no_cookie": reason == REASON_NO_CSRF_COOKIE},
        status=403,
    )


TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, TooManyRows)


def bad_request(request, exception):
    """400. A form over a limit of the settings (its text, its fields, its files) or with
    more rows than its page adds says so and what to do; any other bad request gets the
    site's general page. Rendered without the request's context, as Django does: the request
    is the thing that went wrong."""
    if isinstance(exception, TOO_LARGE):
        return HttpResponseBadRequest(loader.get_template("400_too_large.html").render())
    return defaults.bad_request(request, exception)


# The database could not be reached or dropped the connection (a restart, a failover, a
# connection cut): the request is refused cleanly and the next one reconnects by itself
# (CONN_HEALTH_CHECKS in the settings).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """500, or 503 with a page saying to try again in a minute when the database was out of
    reach. Rendered without the request's context, as Django does (the context processors
    would ask the database again)."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)
