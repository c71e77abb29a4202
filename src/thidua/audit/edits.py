"""Two changes every app makes the same way, each with its audit entry: saving what a person
typed over the version they saw, and adding an uploaded file to a row.

``transition`` (transitions.py) is the one way to change a workflow state; these are the one
way to save an edit (``save_over_version``: ``core.versions.update_if_current``, the row read
back, an UPDATE entry with what it was before) and to add a file (``add_file``:
``core.uploads.accept`` and ``attach``, the row saved, a CREATE entry). What may be edited
and by whom stays with each app's domain function, which calls these once it has decided.
"""

from collections.abc import Collection

from django.db import models

from thidua.audit.log import person_of, record, snapshot
from thidua.audit.models import Action
from thidua.core import uploads
from thidua.core.versions import update_if_current


def save_over_version(
    *,
    actor,
    instance: models.Model,
    version: int,
    fields: dict,
    editable: tuple,
    refused: str,
    unit,
    allowed: Collection[str] | None = None,
) -> models.Model:
    """Write ``fields`` on ``instance``'s row if it is still at ``version`` and in one of the
    ``editable`` states (``update_if_current``: ValidationError(``refused``) when its state
    no longer allows it, StaleEdit when someone saved in between, nothing written either
    way), read the row back into ``instance`` and write an UPDATE entry on ``unit``'s log
    with the values ``instance`` held before. Returns ``instance``."""
    before = snapshot(instance)
    update_if_current(
        type(instance),
        pk=instance.pk,
        version=version,
        editable=editable,
        fields=fields,
        allowed=allowed,
        refused=refused,
    )
    instance.refresh_from_db()
    record(actor=actor, action=Action.UPDATE, instance=instance, unit=unit, before=before)
    return instance


def add_file(*, actor, row: models.Model, upload, unit, photo: bool = False) -> models.Model:
    """Store ``upload`` as ``row``'s file (a new row of a ``core.models.StoredFile`` model,
    its parent and title set) and save ``row``, uploaded by ``actor``, with a CREATE entry on
    ``unit``'s log. The file is checked by its content; a photo is re-encoded from its
    pixels with a thumbnail, so no location survives (``core.uploads``). ValidationError,
    nothing stored or written, when the file is refused."""
    row.uploaded_by = person_of(actor)
    uploads.attach(row, uploads.accept(upload, photo=photo))
    row.save()
    record(actor=actor, action=Action.CREATE, instance=row, unit=unit)
    return row
