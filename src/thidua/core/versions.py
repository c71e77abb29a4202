"""Saving what a person typed only over the version they saw (optimistic locking).

Every editable row carries a ``version``. A save is one conditional UPDATE that also
requires the version the person's form was opened with; when another tab or person saved in
between, nothing is written and the page shows both texts side by side (HTTP 409), so no
one's words are lost silently.
"""

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils import timezone

from thidua.core.signals import rows_changed


class StaleEdit(Exception):  # noqa: N818 (a condition the user resolves, named for them)
    """Someone saved the row after this person opened it."""


def update_if_current(
    model: type[Model],
    *,
    pk,
    version: int,
    editable: tuple,
    fields: dict,
    refused: str,
    allowed: Collection[str] | None = None,
) -> None:
    """Write ``fields`` if the row is still at ``version`` and in one of the ``editable``
    states, and move it to the next version (with the columns the model derives from them:
    its ``derived_columns(fields)``, if it has one). Raises ValidationError(``refused``) when its
    state no longer allows changes, StaleEdit when only the version moved on, and ValueError
    (a mistake in the code, not the person's) for a field outside ``allowed``."""
    if allowed is not None and (unknown := set(fields) - set(allowed)):
        raise ValueError(f"{model.__name__} cannot be changed this way: {sorted(unknown)}")
    # Columns kept from others (a folded name for searching): save() is not called here.
    derived = getattr(model, "derived_columns", None)
    if derived is not None:
        fields = {**fields, **derived(fields)}
    rows = model.objects.filter(pk=pk, version=version, state__in=editable)
    if rows.update(**fields, version=F("version") + 1, updated_at=timezone.now()):
        rows_changed.send(sender=model, pks=[pk], fields=frozenset(fields))
        return
    if model.objects.get(pk=pk).state not in editable:
        raise ValidationError(refused)
    raise StaleEdit
