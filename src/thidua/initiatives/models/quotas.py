"""The stored quotas (issue 13): one row per plan that sets a rule ("at least 1 per xã")
and unit that owes under it, with the plan's minimum.

A unit owes a plan's minimum when an ancestor of it (never the unit itself) issued the plan,
the unit's kind is one the rule names and the unit existed during the plan's period. That
depends on the plan's issuer, kinds, minimum and period and on the unit's path, kind and
validity only: not on which plans form a tree (the statement that reads the rows walks the
tree), nor on a plan's state. So the rows follow every write of those fields:

- a plan saved (created, its rule or period edited, issued, corrected): its own rows
  (`refresh_plans`);
- a unit saved (created, its validity closed by a succession, renamed): its own rows
  (`refresh_units`); the bulk load of units says which it wrote (`core.signals.rows_changed`);
- a plan or unit deleted: its rows go with it (the foreign keys cascade).

`rebuild_quotas` rewrites the whole table (`thidua rebuild_quotas`, the migration, the bench
data). The rule in Python is `initiatives.domain.compliance.quotas`; generated tests compare
the table with it after each kind of change.
"""

from collections.abc import Iterable

from django.db import connection, models
from django.db.models.signals import post_save

from thidua.core.signals import rows_changed
from thidua.org.models import Unit
from thidua.org.models.units import PATH_STEP, ids_in_path
from thidua.plans.models import Plan

MAX_UNIT_DEPTH = 6  # ids a unit's path may hold: the country down to a group (tổ hội)
CHUNK = 500  # ids per statement (SQLite's placeholders are bounded)

# The fields the rows depend on: a save that writes none of them leaves the rows as they are.
PLAN_FIELDS = frozenset({"unit", "quota_kinds", "quota_minimum", "period_start", "period_end"})
UNIT_FIELDS = frozenset({"parent", "path", "kind", "valid_from", "valid_to"})


class Quota(models.Model):
    """A unit owes ``minimum`` registrations under ``plan``'s rule (not yet the largest of
    a tree's rules: the compliance statement takes the largest of the tree's plans)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    minimum = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "unit"], name="quota_plan_unit")]
        # the tree's rows read by plan, with the unit and minimum from the index alone
        indexes = [models.Index(fields=["plan", "unit", "minimum"], name="quota_plan_covering")]

    def __str__(self) -> str:
        return f"{self.unit_id} owes {self.minimum} under plan {self.plan_id}"


def _tables() -> tuple[str, str, str]:
    quote = connection.ops.quote_name
    return (
        quote(Quota._meta.db_table),
        quote(Unit._meta.db_table),
        quote(Plan._meta.db_table),
    )


def _for_kind() -> str:
    """The rule names the unit's kind (``p``: the plan, ``u``: the unit)."""
    if connection.vendor == "postgresql":
        return "p.quota_kinds @> jsonb_build_array(u.kind)"
    # a list of kinds as JSON text: '["commune", "ward"]' (kinds are plain words)
    return "INSTR(p.quota_kinds, '\"' || u.kind || '\"') > 0"


VALID = (
    "(u.valid_from IS NULL OR u.valid_from <= p.period_end) "
    "AND (u.valid_to IS NULL OR u.valid_to >= p.period_start)"
)


def refresh_plans(plan_ids: Iterable[int]) -> None:
    """These plans' rows written again from their current rule (a unit under the issuer,
    of a kind named, that existed during the period)."""
    quotas, units, plans = _tables()
    ids = list(plan_ids)
    rules = Plan.objects.filter(pk__in=ids, quota_minimum__gt=0).values_list(
        "pk", "unit__path", "quota_kinds"
    )
    with connection.cursor() as cursor:
        for chunk in _chunks(ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {quotas} WHERE plan_id IN ({marks})", chunk)  # noqa: S608 (quoted names, placeholders)
        for pk, path, kinds in rules:
            if not kinds:
                continue
            # the issuer's subtree by its path's prefix (the index), the issuer left out
            cursor.execute(
                f"INSERT INTO {quotas} (plan_id, unit_id, minimum) "  # noqa: S608 (as above)
                f"SELECT p.id, u.id, p.quota_minimum FROM {plans} p, {units} u "
                f"WHERE p.id = %s AND u.path LIKE %s AND u.path <> %s "
                f"AND {_for_kind()} AND {VALID}",
                [pk, f"{path}%", path],
            )


def refresh_units(unit_ids: Iterable[int]) -> None:
    """These units' rows written again: the rules of the plans their ancestors issued."""
    quotas, units, plans = _tables()
    ids = list(unit_ids)
    with connection.cursor() as cursor:
        for chunk in _chunks(ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {quotas} WHERE unit_id IN ({marks})", chunk)  # noqa: S608 (as above)
    paths = Unit.objects.filter(pk__in=ids).values_list("pk", "path")
    ancestors = {pk: ids_in_path(path)[:-1] for pk, path in paths if path.isdigit()}
    with connection.cursor() as cursor:
        for pk, above in ancestors.items():
            if not above:
                continue
            marks = ", ".join(["%s"] * len(above))
            cursor.execute(
                f"INSERT INTO {quotas} (plan_id, unit_id, minimum) "  # noqa: S608 (as above)
                f"SELECT p.id, u.id, p.quota_minimum FROM {units} u, {plans} p "
                f"WHERE u.id = %s AND p.unit_id IN ({marks}) AND p.quota_minimum > 0 "
                f"AND {_for_kind()} AND {VALID}",
                [pk, *above],
            )


def rebuild_quotas() -> int:
    """The whole table written again from every plan and unit; returns its rows. Each
    unit's ancestors are read from its path, each joined to the plans it issued by
    equality (the plans' index), level by level."""
    quotas, units, plans = _tables()
    levels = " UNION ALL ".join(f"SELECT {level} AS k" for level in range(MAX_UNIT_DEPTH - 1))
    # a path being written (``pending-…``, inside unit_create) has no ancestors to read
    ancestor = (
        f"CAST(CASE WHEN u.path LIKE 'pending%%' THEN NULL "
        f"ELSE NULLIF(SUBSTR(u.path, l.k * {PATH_STEP} + 1, {PATH_STEP}), '') END AS INTEGER)"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quotas}")  # noqa: S608 (as above)
        cursor.execute(
            f"INSERT INTO {quotas} (plan_id, unit_id, minimum) "  # noqa: S608 (as above)
            f"SELECT p.id, u.id, p.quota_minimum FROM {units} u "
            f"JOIN ({levels}) l ON LENGTH(u.path) > (l.k + 1) * {PATH_STEP} "
            f"JOIN {plans} p ON p.unit_id = {ancestor} "
            f"WHERE p.quota_minimum > 0 AND {_for_kind()} AND {VALID}",
        )
    return Quota.objects.count()


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def _touches(update_fields, fields: frozenset) -> bool:
    return update_fields is None or bool(fields & set(update_fields))


def _plan_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and _touches(update_fields, PLAN_FIELDS):
        refresh_plans([instance.pk])


def _unit_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and _touches(update_fields, UNIT_FIELDS):
        refresh_units([instance.pk])


def _rows_changed(sender, pks, fields=None, **kwargs):
    """Writes that bypass save(): the bulk load of units (``org/domain/admin_units.py``), a
    conditional UPDATE; one that names none of the fields the rows depend on (a plan's title
    saved, a state moved) rewrites nothing: a national plan's rows are tens of thousands."""
    if sender is Unit and _touches(fields, UNIT_FIELDS):
        refresh_units(pks)
    elif sender is Plan and _touches(fields, PLAN_FIELDS):
        refresh_plans(pks)


post_save.connect(_plan_saved, sender=Plan, dispatch_uid="initiatives-quota-plan-saved")
post_save.connect(_unit_saved, sender=Unit, dispatch_uid="initiatives-quota-unit-saved")
rows_changed.connect(_rows_changed, dispatch_uid="initiatives-quota-rows-changed")
