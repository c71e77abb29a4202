"""Telling people something: in the app always, by e-mail where they have an address.

Other channels (SMS, Zalo) would be added here, behind the same call.
"""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from thidua.org.models import Person, Role, Unit

from .models import Notification

log = logging.getLogger(__name__)
OFFICE_ROLES = (Role.ADMIN, Role.OFFICER)


def office_of(unit: Unit) -> list[Person]:
    """The people who act for a unit: its administrators and officers."""
    return list(
        Person.objects.filter(
            memberships__unit=unit, memberships__role__in=OFFICE_ROLES, is_active=True
        ).distinct()
    )


def notify(*, people, message: str, url: str = "", subject: str = "") -> None:
    """Store an in-app notification for each person and e-mail those with an address,
    after the surrounding transaction commits (nothing is sent for a rolled-back change)."""
    people = [p for p in people if p is not None]
    Notification.objects.bulk_create(
        Notification(recipient=person, message=message[:500], url=url) for person in people
    )
    mails = [
        (_subject(subject or message), f"{message}\n\n{settings.SITE_URL}{url}", None, [p.email])
        for p in people
        if p.email
    ]
    if mails:
        transaction.on_commit(lambda: _send(mails))


def _subject(text: str) -> str:
    """One line: a line break in a subject is refused by the mail library."""
    return " ".join(text.split())[:100]


def _send(mails) -> None:
    try:
        send_mass_mail(mails, fail_silently=False)
    except Exception:  # the in-app notification is there; mail trouble must not fail the request
        log.exception("could not send %d notification e-mails", len(mails))
