"""The idea box: public proposals, and their turning into draft registrations."""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.transitions import transition
from thidua.core import text
from thidua.initiatives.domain.registrations import registration_create
from thidua.initiatives.models import Idea, IdeaState, Kind, Registration, SuppressedSpam
from thidua.notify.send import notify, office_of
from thidua.org.models import Unit, normalise_phone
from thidua.plans.models import Plan

MAX_IDEAS_PER_HOUR = 5  # from one address, to all communes together
MAX_NOTICES_PER_HOUR = 3  # per commune: more ideas wait in the inbox without a notification


def sender_key(address: str) -> str:
    """A keyed hash of the sender's network address: enough to limit floods, not to track."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


@transaction.atomic
def idea_send(
    *, unit: Unit, name: str, phone: str, idea: str, address: str, token: str | None = None
) -> Idea:
    """Store an idea sent through the public form ``token`` (once: the same form sent again
    returns the first idea). Limits: ``MAX_IDEAS_PER_HOUR`` from one address across all
    communes; the office is notified of at most ``MAX_NOTICES_PER_HOUR`` ideas an hour."""
    earlier = Idea.objects.filter(form_token=token).first() if token else None
    if earlier is not None:
        return earlier
    key = sender_key(address)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    if Idea.objects.filter(sender_key=key, created_at__gte=hour_ago).count() >= MAX_IDEAS_PER_HOUR:
        raise ValidationError(_("Too many ideas were sent from this connection: try again later."))
    recent = Idea.objects.filter(unit=unit, created_at__gte=hour_ago).count()
    created = Idea.objects.create(
        unit=unit,
        name=text.nfc(name),
        phone=normalise_phone(phone),
        text=idea.strip(),
        sender_key=key,
        form_token=token,
    )
    if recent < MAX_NOTICES_PER_HOUR:
        notify(
            people=office_of(unit),
            message=_("A new idea in the idea box of %(unit)s.") % {"unit": unit.full_name},
            url=reverse("initiatives:idea_inbox", args=[unit.pk]),
        )
    return created


def idea_spam_count(*, unit: Unit) -> None:
    """Count one automated send refused by the idea box of ``unit`` today."""
    day = timezone.localdate()
    if not SuppressedSpam.objects.filter(unit=unit, day=day).update(count=F("count") + 1):
        try:
            with transaction.atomic():
                SuppressedSpam.objects.create(unit=unit, day=day, count=1)
        except IntegrityError:  # another request created today's row first
            SuppressedSpam.objects.filter(unit=unit, day=day).update(count=F("count") + 1)


def spam_refused_recently(*, unit: Unit, days: int = 30) -> int:
    since = timezone.localdate() - datetime.timedelta(days=days)
    rows = SuppressedSpam.objects.filter(unit=unit, day__gte=since)
    return rows.aggregate(total=Sum("count"))["total"] or 0


@transaction.atomic
def idea_convert(*, actor, idea: Idea, plan: Plan) -> Registration:
    """A draft registration made from an idea, keeping who proposed it."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.state == IdeaState.CONVERTED:
        raise ValidationError(_("This idea was already turned into a registration."))
    registration = registration_create(
        actor=actor,
        plan=plan,
        unit=idea.unit,
        kind=Kind.IDEA,
        name=idea.text.split("\n", 1)[0][:120],
        proposal=idea,
        lead_name=idea.name,
        summary=idea.text,
    )
    transition(actor=actor, instance=idea, to=IdeaState.CONVERTED, unit=idea.unit)
    return registration


@transaction.atomic
def idea_dismiss(*, actor, idea: Idea) -> None:
    transition(actor=actor, instance=idea, to=IdeaState.DISMISSED, unit=idea.unit)
