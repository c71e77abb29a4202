"""The audit log in words an office reads: field labels and choice labels, not column names.

Entries store raw values (``state: submitted``) so they stay exact whatever the language;
this turns them into "Trạng thái: đã gửi → đã tiếp nhận" when they are shown.
"""

from dataclasses import dataclass
from decimal import InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from thidua.audit.models import AuditEntry
from thidua.core.numbers import format_number

# Values that carry no information for a reader (bookkeeping of the row itself).
HIDDEN = {"id", "version", "updated_at", "created_at", "path", "sort_key"}
NUMERIC = {
    "DecimalField", "IntegerField", "PositiveIntegerField", "PositiveBigIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "BigIntegerField", "FloatField",
}  # fmt: skip


@dataclass(frozen=True)
class Change:
    label: str
    before: str | None  # None: the field had no value before (a creation)
    after: str


def readable_changes(entry: AuditEntry) -> list[Change]:
    """The fields that changed, labelled and valued as the forms show them."""
    model = entry.content_type.model_class()
    changes = []
    for name, old, new in entry.changed_fields():
        if name in HIDDEN:
            continue
        field = _field(model, name)
        label = str(field.verbose_name) if field is not None else _extra_label(name)
        before = None if old is None else _value(field, old)
        changes.append(Change(label[:1].upper() + label[1:], before, _value(field, new)))
    return changes


def state_label(entry: AuditEntry) -> str:
    """The state an entry moved to, in words ("đã tiếp nhận"), or "" if it moved none."""
    state = (entry.after or {}).get("state")
    if state is None:
        return ""
    field = _field(entry.content_type.model_class(), "state")
    return _value(field, state)


def _field(model, name):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A reverse relation (a plan's "deadlines") has no label of its own: read as an extra.
    return field if hasattr(field, "verbose_name") else None


def _extra_label(name: str) -> str:
    """Labels of what transitions record beside the state."""
    extras = {"late": _("late"), "reason": _("reason"), "number": _("number")}
    return str(extras.get(name, name.replace("_", " ")))


def _value(field, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | dict):  # rows a domain function recorded (a plan's deadlines)
        items = value.values() if isinstance(value, dict) else value
        return ", ".join(_value(None, v) for v in items)
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    if value in choices:
        return str(choices[value])
    kind = field.get_internal_type() if field is not None else ""
    if kind in NUMERIC or (isinstance(value, int | float) and not field):
        return _number(value)
    if kind == "DateField":
        return _date(value)
    return str(value)


def _date(value) -> str:
    """ "2022-03-08" as stored → "08/03/2022"."""
    text = str(value)
    parts = text[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else text


def _number(value) -> str:
    """An entry written before a field's type changed may hold anything: show it as it is."""
    try:
        return format_number(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
