"""Events: the organising unit's pages, and the public calendar (month, list, iCalendar)."""

import calendar as month_calendar
import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.actions import act, add_upload, form_page
from thidua.core.downloads import stored
from thidua.core.forms import PhotoForm
from thidua.core.once import single_use
from thidua.events import forms, ical
from thidua.events.domain.events import (
    EDITABLE,
    FIELDS,
    event_cancel,
    event_create,
    event_photo_add,
    event_publish,
    event_save,
    showable_models,
)
from thidua.events.domain.selectors import in_days, public_events
from thidua.events.enums import EventState
from thidua.events.models import Event, EventPhoto
from thidua.org import access

PER_PAGE = 30
ICAL_PAST_DAYS = 366  # a subscription carries the last year and everything ahead


# --- the organising unit ---------------------------------------------------------------


@login_required
def event_list(request, unit_pk):
    unit = access.get_unit(request.user, "event.edit", unit_pk)
    events = Event.objects.filter(unit=unit).order_by("-starts_at")
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "events/list.html", {"unit": unit, "page": page, "EventState": EventState}
    )


@login_required
@single_use
def event_new(request, unit_pk):
    unit = access.get_unit(request.user, "event.edit", unit_pk)
    form = forms.EventForm(request.POST or None, models=showable_models(unit))
    return form_page(
        request,
        form,
        lambda: event_create(
            actor=request.user,
            unit=unit,
            fields=form.event_fields(),
            model_ids=form.cleaned_data["models_shown"],
        ),
        done=_("The event was saved as a draft."),
        onward=lambda event: reverse("events:event_edit", args=[event.pk]),
        template="events/form.html",
        context={"unit": unit},
    )


def _staff_event(request, pk) -> Event:
    event = get_object_or_404(Event.objects.select_related("unit"), pk=pk)
    access.require(request.user, "event.edit", event.unit)
    return event


def _edit_form(event, data=None):
    initial = {name: getattr(event, name) for name in (*FIELDS, "version")}
    initial["starts_at"] = timezone.localtime(event.starts_at)
    initial["ends_at"] = timezone.localtime(event.ends_at)
    initial["models_shown"] = list(event.models_shown.values_list("pk", flat=True))
    return forms.EventEditForm(data, initial=initial, models=showable_models(event.unit))


@login_required
def event_edit(request, pk):
    event = _staff_event(request, pk)
    if event.state not in EDITABLE:  # cancelled: shown, not changed
        context = {"event": event, "form": None, "photo_form": None, "EventState": EventState}
        return render(request, "events/edit.html", context)
    form = _edit_form(event, request.POST or None)
    return form_page(
        request,
        form,
        lambda: event_save(
            actor=request.user,
            event=event,
            version=form.cleaned_data["version"],
            fields=form.event_fields(),
            model_ids=form.cleaned_data["models_shown"],
        ),
        done=_("The event was saved."),
        onward=reverse("events:event_edit", args=[event.pk]),
        template="events/edit.html",
        context={"event": event, "photo_form": PhotoForm(), "EventState": EventState},
        stale=_("Someone else saved this event meanwhile: reload it and write again."),
    )


@login_required
@require_POST
def event_action(request, pk, action):
    event = _staff_event(request, pk)
    if action == "publish":
        act(
            request,
            lambda: event_publish(actor=request.user, event=event),
            done=_("The event is on the public calendar."),
        )
    else:
        act(
            request,
            lambda: event_cancel(actor=request.user, event=event),
            done=_("The event was cancelled."),
        )
    return redirect("events:event_edit", pk=event.pk)


@login_required
@require_POST
@single_use
def event_photo(request, pk):
    event = _staff_event(request, pk)
    add_upload(
        request,
        PhotoForm(request.POST, request.FILES),
        lambda data: event_photo_add(
            actor=request.user, event=event, upload=data["photo"], title=data["title"]
        ),
        done=_("The photo was added."),
    )
    return redirect(reverse("events:event_edit", args=[event.pk]))


# --- the public calendar ------------------------------------------------------------------


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def calendar(request):
    """A month: weeks of days, each with the events that take place on it."""
    first = forms.MonthForm(request.GET).first_day()
    last = _add_months(first, 1) - datetime.timedelta(days=1)
    events = list(in_days(public_events(), first, last))
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        day = max(timezone.localdate(event.starts_at), first)
        end = min(timezone.localdate(event.ends_at), last)
        while day <= end:
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    weeks = [
        [(day, day.month == first.month, by_day.get(day, [])) for day in week]
        for week in month_calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    return render(
        request,
        "events/calendar.html",
        {
            "first": first,
            "weeks": weeks,
            "events": events,
            "previous": _add_months(first, -1),
            "next": _add_months(first, 1),
            "today": timezone.localdate(),
        },
    )


def calendar_list(request):
    """Coming events first (soonest first), then the past ones (latest first)."""
    now = timezone.now()
    coming = public_events().filter(ends_at__gte=now).order_by("starts_at", "id")
    past = public_events().filter(ends_at__lt=now).order_by("-starts_at", "-id")
    page = Paginator(past, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/calendar_list.html", {"coming": coming, "page": page})


def event(request, pk):
    found = public_events().prefetch_related("photos").filter(pk=pk).first()
    if found is None:
        raise Http404
    return render(request, "events/event.html", {"event": found})


def event_photo_file(request, pk, thumbnail=False):
    """A photo of a published event, or of any event for its unit's officers."""
    photo = get_object_or_404(EventPhoto.objects.select_related("event__unit"), pk=pk)
    if photo.event.state != EventState.PUBLISHED and not access.can(
        request.user, "event.edit", photo.event.unit
    ):
        raise Http404
    return stored(
        photo.thumbnail if thumbnail else photo.file,
        name=photo.download_name,
        content_type="image/jpeg",
        inline=True,
    )


def ical_feed(request):
    since = timezone.now() - datetime.timedelta(days=ICAL_PAST_DAYS)
    site = settings.SITE_URL.rstrip("/")
    host = site.split("//", 1)[-1]
    rows = public_events().filter(ends_at__gte=since).order_by("starts_at", "id")
    text = ical.calendar(
        _("Exhibitions, seminars and fairs"),
        (
            {
                "uid": f"event-{row.pk}@{host}",
                "start": row.starts_at,
                "end": row.ends_at,
                "summary": f"{row.get_kind_display()}: {row.title}",
                "location": row.place,
                "description": f"{row.organiser_display}\n{row.description}".strip(),
                "url": site + reverse("events:event", args=[row.pk]),
                "updated": row.updated_at,
            }
            for row in rows
        ),
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="thidua.ics"'
    return response
