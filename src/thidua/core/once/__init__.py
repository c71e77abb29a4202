"""Creating forms carried out once (issue #11, "idempotent creation").

A creating form carries a hidden one-time token (``SingleUseForm``, a field named ``once``),
new each time the page is shown. The view, decorated with ``single_use``, records the token
in the same transaction as what it creates, with the address the POST led to; a second POST
of the same form (a double click, "back" and "send again", a retry on a bad connection)
is sent there with a message instead of creating a second unit, account or plan. Two
POSTs at the same moment queue on the token's unique row: the second finds the first's.

A POST that did not succeed (the form shown again with its errors, a redirect with an error
message) frees its token, so the corrected form may be sent with it. A POST without a token
(an older page, a script) is carried out as before.

Like the idea box's token (``initiatives/views/ideas.py``), which also carries the time the
form was shown and serves visitors without an account.
"""

import datetime
import functools
import hashlib
import re
import secrets

from django import forms
from django.apps import apps as django_apps  # not .apps, this package's AppConfig module
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

FIELD = "once"
TOKEN = re.compile(r"[0-9a-f]{32}")
KEPT_DAYS = 2  # a form is sent again within minutes; a used token is kept two days


def new_token() -> str:
    return secrets.token_hex(16)


class TokenInput(forms.HiddenInput):
    """The token's hidden input, without an id: no label points at it, and a page showing
    two such forms would otherwise carry the id "id_once" twice (invalid HTML)."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("id", None)
        return context


class SingleUseForm(forms.Form):
    """A form whose page hands out a one-time token (see the module). The token is not
    part of ``cleaned_data``: the view passes the form's data on as before."""

    once = forms.CharField(widget=TokenInput, required=False, max_length=32, initial=new_token)

    def clean(self):
        data = super().clean()
        data.pop(FIELD, None)
        return data


def single_use(view):
    """Carry out the view's POST once per token; see the module."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not TOKEN.fullmatch(token) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        used_tokens = django_apps.get_model("once", "UsedFormToken")
        # A page may show one form several times (an idea box's "register it" per idea):
        # the same token then goes to different addresses, each carried out once.
        key = hashlib.sha256(f"{request.user.pk}:{request.path}:{token}".encode()).hexdigest()
        with transaction.atomic():
            try:
                with transaction.atomic():
                    used = used_tokens.objects.create(key=key)
            except IntegrityError:  # sent before: the first POST has committed its result
                first = used_tokens.objects.filter(key=key).values_list("result", flat=True)
                if first and first[0]:
                    messages.info(
                        request, _("This form had already been sent: here is what it made.")
                    )
                    return redirect(first[0])
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            if _succeeded(request, response):
                used.result = response["Location"]
                used.save(update_fields=["result"])
            else:
                used.delete()  # the form may be corrected and sent again with its token
            _forget_old(used_tokens)
        return response

    return wrapper


def _succeeded(request, response) -> bool:
    """A redirect to this site without an error message: what a creating view answers when
    it has made something."""
    if response.status_code not in (301, 302, 303):
        return False
    if not url_has_allowed_host_and_scheme(response.get("Location", ""), allowed_hosts=None):
        return False
    # Messages queued by this request (Django keeps them on the storage until the response).
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    return not any(message.level >= messages.ERROR for message in queued)


def _forget_old(used_tokens) -> None:
    cutoff = timezone.now() - datetime.timedelta(days=KEPT_DAYS)
    used_tokens.objects.filter(created_at__lt=cutoff).delete()
