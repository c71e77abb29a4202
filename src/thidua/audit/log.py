"""Recording to the audit log. Every domain function that changes data calls these."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict

from .models import Action, AuditEntry

SECRET_FIELDS = {"password"}


def person_of(actor):
    """The person who acted, as a foreign key holds them: None when the system acted (a command,
    the scheduler, a test's ``actor=None``)."""
    return actor if getattr(actor, "is_authenticated", False) else None


def snapshot(instance: models.Model) -> dict:
    """The record's own field values, as stored (secrets left out)."""
    values = model_to_dict(instance, fields=[f.name for f in instance._meta.concrete_fields])
    return {name: _plain(value) for name, value in values.items() if name not in SECRET_FIELDS}


def record(
    *,
    actor,
    action: Action,
    instance: models.Model,
    unit=None,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
) -> AuditEntry:
    """Write one entry. ``after`` defaults to the instance's current values."""
    if after is None and action != Action.DELETE:
        after = snapshot(instance)
    return AuditEntry.objects.create(
        actor=person_of(actor),
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        unit=unit,
        before=before,
        after=after,
        note=note[:500],
    )


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile):
        return value.name
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value
