"""Deleting a draft, and merging two drafts of the same unit and plan (issue #11, item 4).

A double click on "register", or two officers of a commune registering the same model,
leaves two drafts. Deleting is soft: the draft moves to ``RegistrationState.DELETED`` through
the one state change (``audit/transitions.py``), leaves every list and count (the model's
default manager hides it) and stays in the audit log and its own history. Only drafts: what
was sent to the unit above is the unit above's record too.

Merging keeps one draft and brings over from the other what the kept one lacks: texts and
figures it left empty, the lead, arguments, implementers, files, campaigns and the idea it
came from; then deletes the other, noting where it went.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.core.text import nfc
from thidua.core.versions import update_if_current
from thidua.initiatives.domain.registrations import (
    NUMBER_FIELDS,
    TEXT_FIELDS,
    full_snapshot,
    history_add,
)
from thidua.initiatives.models import Implementer, Registration, RegistrationState
from thidua.initiatives.models.ideas import IdeaState

# What a merge may bring over: the kept draft's kind and name are the ones it chose.
MERGED_TEXTS = sorted(TEXT_FIELDS - {"kind", "name"})


@transaction.atomic
def registration_delete(*, actor, registration: Registration, note: str = "") -> Registration:
    """Delete a draft (softly; audited). Deleting it again changes nothing; a registration
    that was sent is refused with a ValidationError. A draft made from an idea gives the idea
    back to the idea box, to be registered again."""
    registration = Registration.all_objects.select_related("unit", "proposal").get(
        pk=registration.pk
    )
    if registration.state == RegistrationState.DELETED:
        return registration  # a double click
    if registration.state != RegistrationState.DRAFT:
        raise ValidationError(_("Only a draft can be deleted: this registration was sent."))
    idea = registration.proposal
    if not transition(
        actor=actor,
        instance=registration,
        source=RegistrationState.DRAFT,
        to=RegistrationState.DELETED,
        unit=registration.unit,
        changes={"proposal": None, "version": F("version") + 1},
        note=note,
    ):
        return Registration.all_objects.get(pk=registration.pk)  # deleted or sent meanwhile
    history_add(
        registration, RegistrationState.DRAFT, RegistrationState.DELETED, actor=actor, reason=note
    )
    if idea is not None and idea.state == IdeaState.CONVERTED:
        transition(actor=actor, instance=idea, to=IdeaState.NEW, unit=idea.unit, note=note)
    return registration


@transaction.atomic
def registration_merge(*, actor, kept: Registration, other: Registration) -> Registration:
    """Bring into ``kept`` what ``other`` has and ``kept`` lacks, then delete ``other``;
    both must be drafts of the same unit under the same plan. Audited on both. Returns the
    kept draft as saved (a new version: a page open on the old one is told to reload)."""
    kept = Registration.objects.select_for_update().get(pk=kept.pk)
    other = Registration.objects.select_for_update().select_related("unit").get(pk=other.pk)
    if kept.pk == other.pk:
        raise ValidationError(_("Choose another draft to merge into this one."))
    if (kept.plan_id, kept.unit_id) != (other.plan_id, other.unit_id):
        raise ValidationError(_("Only drafts of the same unit under the same plan are merged."))
    if kept.state != RegistrationState.DRAFT or other.state != RegistrationState.DRAFT:
        raise ValidationError(_("Only drafts are merged: one of the two was sent."))
    before = full_snapshot(kept)
    fields = {
        name: getattr(other, name)
        for name in MERGED_TEXTS
        if not getattr(kept, name).strip() and getattr(other, name).strip()
    }
    fields |= {
        name: getattr(other, name)
        for name in sorted(NUMBER_FIELDS)
        if getattr(kept, name) is None and getattr(other, name) is not None
    }
    if kept.lead_id is None and not kept.lead_name.strip() and other.lead_id is not None:
        fields["lead"] = other.lead_id
    if kept.proposal_id is None and other.proposal_id is not None:
        fields["proposal"] = other.proposal_id
        Registration.objects.filter(pk=other.pk).update(proposal=None)
    update_if_current(
        Registration,
        pk=kept.pk,
        version=kept.version,
        editable=(RegistrationState.DRAFT,),
        fields=fields,
        refused=_("Only drafts are merged: one of the two was sent."),
    )
    _merge_arguments(kept, other)
    _merge_implementers(kept, other)
    other.files.update(registration=kept)
    kept.campaigns.add(*other.campaigns.all())
    kept.refresh_from_db()
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=kept,
        unit=kept.unit,
        before=before,
        after=full_snapshot(kept),
        note=_("Merged with the draft #%(number)d “%(name)s”.")
        % {"number": other.pk, "name": other.name},
    )
    registration_delete(
        actor=actor,
        registration=other,
        note=_("Merged into the draft #%(number)d “%(name)s”.")
        % {"number": kept.pk, "name": kept.name},
    )
    return kept


def _merge_arguments(kept: Registration, other: Registration) -> None:
    """An argument the kept draft left empty takes the other's text on the same criterion."""
    theirs = {a.criterion_id: a.text for a in other.arguments.all() if a.text.strip()}
    for argument in kept.arguments.all():
        if not argument.text.strip() and argument.criterion_id in theirs:
            argument.text = theirs[argument.criterion_id]
            argument.save(update_fields=["text"])


def _merge_implementers(kept: Registration, other: Registration) -> None:
    """The other's implementers the kept draft does not name yet, after its own."""
    own = list(kept.implementers.all())
    named = {nfc(i.name).strip().casefold() for i in own}
    position = max((i.position for i in own), default=0)
    added = []
    for implementer in other.implementers.all():
        key = nfc(implementer.name).strip().casefold()
        if key in named:
            continue
        named.add(key)
        position += 1
        added.append(
            Implementer.of(
                registration=kept,
                position=position,
                name=implementer.name,
                position_unit=implementer.position_unit,
                role=implementer.role,
            )
        )
    Implementer.objects.bulk_create(added)
