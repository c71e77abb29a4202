"""What a page's button or form does around its domain call: the call, the message that says
how it went, and, for work sent to the unit above, where the person goes next.

Every domain function that changes something returns what it changed and raises
ValidationError when it refuses, with the reasons in the person's words. `act` turns those
into the page's messages, so every button answers the same way; `form_page` answers a page
whose form changes something (the reasons on the form), so every such page does too.
"""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from thidua.core.versions import StaleEdit

T = TypeVar("T")


def act(
    request,
    change: Callable[[], T],
    *,
    done: str | Callable[[T], str] | None = None,
    refused: str = "",
) -> T | None:
    """Run ``change()``. Refused: its reasons as an error message, after ``refused``, and
    None. Done: ``done`` as a success message (a text, or a function of what ``change``
    returned; None says nothing) and what ``change`` returned."""
    try:
        result = change()
    except ValidationError as error:
        messages.error(request, refused + " ".join(error.messages))
        return None
    if done is not None:
        messages.success(request, done(result) if callable(done) else done)
    return result


def act_on_form(form, change: Callable[[], T]) -> T | None:
    """Run ``change()`` for a valid ``form``. Refused: its reasons go on the form, beside
    the fields they name when the form has them and above it otherwise, and None."""
    try:
        return change()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None


def form_page(
    request,
    form,
    change: Callable[[], T],
    *,
    done: str | Callable[[T], str],
    onward,
    template: str,
    context: dict,
    refused_status: int = 200,
    stale: str = "",
) -> HttpResponse:
    """A page whose form changes something. A POST with a valid form runs ``change()``
    through `act_on_form`; done, ``done`` as a success message (a text, or a function of what
    ``change`` returned) and on to ``onward`` (what `redirect` takes, or a function of what
    ``change`` returned that gives it). Otherwise the page: ``template`` with ``context`` and
    ``form``, which carries its errors and the refusal's reasons; after a POST, with
    ``refused_status``. With ``stale``, a change saved over a version someone else has since
    saved (StaleEdit) is that warning and the page again, with the typed text, as 409."""
    status = refused_status if request.method == "POST" else 200
    if request.method == "POST" and form.is_valid():
        try:
            result = act_on_form(form, change)
        except StaleEdit:
            if not stale:
                raise
            messages.warning(request, stale)
            result, status = None, 409
        if result is not None:
            messages.success(request, done(result) if callable(done) else done)
            return redirect(onward(result) if callable(onward) else onward)
    return render(request, template, {**context, "form": form}, status=status)


def add_upload(request, form, add: Callable[[dict], object], *, done: str) -> None:
    """An upload form's POST: a valid form runs ``add(cleaned_data)`` through `act`; an
    invalid one says what its fields say (each upload form words its own "choose a file")."""
    if form.is_valid():
        act(request, lambda: add(form.cleaned_data), done=done)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))


def send_up(request, send: Callable, *, late: str, on_time: str, back: str, onward: str):
    """Send a unit's work to the unit above: ``send()`` returns it, marked ``is_late`` when
    it came after the deadline. Refused: the reasons after "Not sent yet:", and back to the
    address ``back``. Sent: ``late`` as a warning or ``on_time`` as a success, and on to the
    address ``onward``."""
    sent = act(request, send, refused=_("Not sent yet: "))
    if sent is None:
        return redirect(back)
    if sent.is_late:
        messages.warning(request, late)
    else:
        messages.success(request, on_time)
    return redirect(onward)
