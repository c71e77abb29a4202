"""The index follows every write, through signals rather than calls from the domain functions.

Why signals: the indexed apps sit below ``search`` (docs/architecture.md), so their domain
functions cannot call it; and the writes are many (creating, saving as the person types,
transitions, bulk loads of units). ``post_save``/``post_delete`` cover ``Model.save()`` and
``delete()``; ``core.signals.rows_changed`` covers the conditional UPDATEs of
``core/versions.py`` and ``audit/transitions.py`` and the bulk load of the country's units.
Entries are written in the same transaction as the row, so they commit or roll back with it.
"""

from django.db.models.signals import post_delete, post_save

from thidua.core.signals import rows_changed
from thidua.plans.models import Movement, Plan
from thidua.search.domain.index import index_ids, index_objects, remove
from thidua.search.domain.kinds import BY_MODEL, SPECS
from thidua.search.enums import Kind


def _saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:  # loading a fixture: the rebuild command indexes afterwards
        return
    spec = BY_MODEL[sender]
    if update_fields is not None and not (set(update_fields) & spec.fields):
        return  # last_login, a version number, a date: nothing searched changed
    index_objects(spec, [instance])


def _deleted(sender, instance, **kwargs):
    remove(BY_MODEL[sender], [instance.pk])


def _rows_changed(sender, pks, **kwargs):
    spec = BY_MODEL.get(sender)
    if spec is not None:
        index_ids(spec, pks)


def _movement_saved(sender, instance, raw=False, **kwargs):
    """A plan is found by its movement's name too."""
    if not raw:
        plans = Plan.objects.filter(movement=instance).select_related("unit", "movement")
        index_objects(SPECS[Kind.PLAN], plans)


def follow(model) -> None:
    """Keep the entries of ``model`` (a kind in ``kinds.BY_MODEL``) as its rows are written;
    an app above ``search`` calls it for the kind it registers."""
    post_save.connect(_saved, sender=model, dispatch_uid=f"search-saved-{model.__name__}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")


for model in list(BY_MODEL):
    follow(model)
rows_changed.connect(_rows_changed, dispatch_uid="search-rows-changed")
post_save.connect(_movement_saved, sender=Movement, dispatch_uid="search-movement-saved")
