"""The pages of two-step login (the rules are in org/domain/two_factor.py).

The password step (the site's login page and the admin site's, both ``LoginView`` below)
opens no session for an account with two-step login on: it remembers, for a few minutes,
who passed it and where they were going, and asks for the code; only the right code logs
in (Django's ``login``, so the login is audited and the failures forgiven there). Under
THIDUA_REQUIRE_2FA_FOR_ADMINS an administrator without it is taken to set it up first, and
is logged in once it is on.
"""

import time
from base64 import b32encode

import segno
from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from thidua.core.actions import act
from thidua.core.clients import client_address
from thidua.core.forms import PlainTextField
from thidua.org.domain import two_factor
from thidua.org.forms import AdminLoginForm, _locked_message
from thidua.org.models import Person

PENDING = "thidua_two_factor"  # the session key of a login waiting for its second step
PENDING_SECONDS = 5 * 60


class CodeForm(forms.Form):
    code = PlainTextField(
        label=gettext_lazy("Code"),
        max_length=40,
        help_text=gettext_lazy(
            "The 6 digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
        ),
    )


class LoginView(auth_views.LoginView):
    """Django's login page; an account with two-step login on is asked for its code next."""

    def form_valid(self, form):
        person = form.get_user()
        on = two_factor.is_on(person)
        if not (on or two_factor.is_required(person)):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "person": person.pk,
            "backend": person.backend,
            "next": self.get_success_url(),
            "since": time.time(),
            "enrol": not on,
        }
        return redirect("login_code" if on else "two_factor")


@never_cache
def admin_login(request):
    """The admin site's login page (as ``AdminSite.login`` shows it), with the second step."""
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect("admin:index")
    context = {
        **admin.site.each_context(request),
        "title": _("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index")
    request.current_app = admin.site.name
    return LoginView.as_view(
        extra_context=context,
        authentication_form=AdminLoginForm,
        template_name="admin/login.html",
    )(request)


def _pending(request) -> tuple[Person | None, dict]:
    """Who passed the password step in this browser in the last minutes, and what for."""
    data = request.session.get(PENDING)
    if not data or time.time() - data.get("since", 0) > PENDING_SECONDS:
        return None, {}
    return Person.objects.filter(pk=data["person"], is_active=True).first(), data


def _finish(request, person, data):
    """The second step passed: log in (audited by the login signal) and go on."""
    request.session.pop(PENDING, None)
    auth_login(request, person, backend=data["backend"])
    return data["next"]


@never_cache
@sensitive_post_parameters("code")
def login_code(request):
    """The login's second step."""
    person, data = _pending(request)
    if person is None or data.get("enrol"):
        return redirect("login")
    form, check = _code_checked(request, person)
    if check is not None and check.accepted:
        return redirect(_finish(request, person, data))
    return render(request, "registration/login_code.html", {"form": form})


def _code_checked(request, person):
    """The code form and, once a code was posted, its check (through the login throttle);
    a refused code is the form's error, saying whether the account is locked."""
    form = CodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return form, None
    check = two_factor.code_check(
        person=person,
        code=form.cleaned_data["code"],
        address=client_address(request),
        now=timezone.now(),
    )
    if not check.accepted:
        form.add_error(
            "code",
            _locked_message(check.locked_until)
            if check.locked_until is not None
            else _("The code is wrong or too old."),
        )
    return form, check


@never_cache
@sensitive_post_parameters("code")
def two_factor_page(request):
    """Turn two-step login on (a QR code, or the secret to type, and a first code), or, when
    it is on, renew the recovery codes or turn it off (each with a current code)."""
    at_login = not request.user.is_authenticated
    if at_login:
        person, data = _pending(request)
        if person is None or not data.get("enrol"):
            return redirect("login")
    else:
        person, data = request.user, {}
    if not two_factor.is_administrator(person):
        raise PermissionDenied
    if two_factor.is_on(person) and not at_login:
        return _manage(request, person)
    device = two_factor.enrolment_start(person=person)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.enrolment_confirm(
                actor=person, person=person, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            onward = _finish(request, person, data) if at_login else reverse("two_factor")
            return _recovery_codes(request, codes, onward)
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=4, light="#fff", title=_("QR code for your authenticator app")
    )
    return render(
        request,
        "registration/two_factor.html",
        {
            "form": form,
            "qr": mark_safe(qr),  # noqa: S308 (segno's SVG of our own otpauth address)
            "secret": two_factor.spaced(b32encode(device.bin_key).decode()),
            "required": two_factor.is_required(person),
            "at_login": at_login,
        },
    )


def _manage(request, person):
    form, check = _code_checked(request, person)
    if check is not None and check.accepted:
        if request.POST.get("action") == "off":
            act(
                request,
                lambda: two_factor.two_factor_off(actor=person, person=person),
                done=_("Two-step login is off: the password alone logs in."),
            )
            return redirect("two_factor")
        codes = two_factor.recovery_codes_renew(actor=person, person=person)
        return _recovery_codes(request, codes, reverse("two_factor"))
    return render(
        request,
        "registration/two_factor_on.html",
        {
            "form": form,
            "left": two_factor.recovery_codes_left(person),
            "required": two_factor.is_required(person),
        },
    )


def _recovery_codes(request, codes: list[str], onward: str):
    """The recovery codes, shown this once: no page shows them again."""
    return render(request, "registration/two_factor_codes.html", {"codes": codes, "onward": onward})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's page, offering two-step login only to those who may turn it on (anyone else
    following the link would be refused)."""

    def get_context_data(self, **kwargs):
        offered = two_factor.is_administrator(self.request.user)
        return super().get_context_data(**kwargs) | {"two_factor_offered": offered}
