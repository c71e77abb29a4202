"""Creating and changing units. Every change is validated, saved and audited here."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.org.models import KIND_LEVEL, Succession, SuccessionKind, Unit, path_for


def validate_placement(*, parent: Unit | None, kind: str, level: int | None = None) -> None:
    """A unit sits strictly below its parent's level."""
    level = KIND_LEVEL[kind] if level is None else level
    if parent is not None and level <= parent.level:
        raise ValidationError(
            _("A unit of kind “%(kind)s” cannot be placed under %(parent)s.")
            % {"kind": Unit(kind=kind).get_kind_display(), "parent": parent.full_name}
        )


@transaction.atomic
def unit_create(
    *,
    actor,
    parent: Unit | None,
    name: str,
    kind: str,
    code: str = "",
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
    level: int | None = None,
) -> Unit:
    """Create a unit under ``parent``; audited. ``level`` defaults to the kind's usual
    one (a city is province-level unless said otherwise)."""
    level = KIND_LEVEL[kind] if level is None else level
    validate_placement(parent=parent, kind=kind, level=level)
    unit = Unit(
        parent=parent,
        name=name,
        kind=kind,
        level=level,
        code=code.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
        path=f"pending-{uuid.uuid4().hex}",  # unique until the id is known
    )
    unit.refresh_derived_fields()
    unit.full_clean(exclude=["path", "sort_key", "search_name"])
    unit.save()
    unit.path = path_for(parent, unit.pk)
    unit.save(update_fields=["path"])
    record(actor=actor, action=Action.CREATE, instance=unit, unit=unit)
    return unit


@transaction.atomic
def unit_update(*, actor, unit: Unit, **changes) -> Unit:
    """Change a unit's name, code or validity; audited with before and after."""
    allowed = {"name", "code", "valid_from", "valid_to"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"unit_update cannot change {sorted(unknown)}")
    before = snapshot(unit)
    for field, value in changes.items():
        setattr(unit, field, value)
    unit.refresh_derived_fields()
    unit.full_clean(exclude=["path", "sort_key", "search_name"])
    unit.save()
    record(actor=actor, action=Action.UPDATE, instance=unit, unit=unit, before=before)
    return unit


@transaction.atomic
def succession_record(
    *,
    actor,
    predecessor: Unit,
    successor: Unit,
    kind: SuccessionKind,
    date: datetime.date,
    is_main: bool = True,
) -> Succession:
    """Record that ``predecessor`` became (part of) ``successor``; closes its validity."""
    link = Succession.objects.create(
        predecessor=predecessor, successor=successor, kind=kind, date=date, is_main=is_main
    )
    if predecessor.valid_to is None or predecessor.valid_to >= date:
        unit_update(actor=actor, unit=predecessor, valid_to=date - datetime.timedelta(days=1))
    record(actor=actor, action=Action.CREATE, instance=link, unit=successor)
    return link


def lineage(unit: Unit) -> tuple[list[Succession], list[Succession]]:
    """The links to the units this one came from and went to (its history panel)."""
    came_from = Succession.objects.filter(successor=unit).select_related("predecessor")
    went_to = Succession.objects.filter(predecessor=unit).select_related("successor")
    return list(came_from), list(went_to)
