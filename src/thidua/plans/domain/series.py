"""A movement that repeats: the plans of successive years of one unit, linked as a series.

The unit's officer links a plan to the same movement's plan of the year (or term) before
(``plan_link_previous``); the series is read along those links (``series``). A link set by a
person is trusted over a guess from the titles: "Kế hoạch thi đua năm 2023" and "… năm 2024"
may be the same movement or two different ones, and a renamed movement is still the same.

A corrected plan (a new version) keeps its place in the series: the link of the version it
replaces counts for it, and a link to a replaced version leads to the version in force.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.plans.models import Plan, PlanState

MAX_YEARS = 8  # plans a comparison shows at most: the latest years of the series
PUBLISHED = (PlanState.ISSUED, PlanState.CLOSED)


def may_precede(plan: Plan, previous: Plan) -> str | None:
    """Why ``previous`` cannot be linked as the plan before ``plan`` (None: it can)."""
    if previous.unit_id != plan.unit_id:
        return _("The plan before must be a plan of the same unit.")
    if previous.state not in PUBLISHED:
        return _("The plan before must be issued.")
    if previous.period_start >= plan.period_start:
        return _("The plan before must start before this one.")
    if _in_force(previous).pk == _in_force(plan).pk:
        return _("A plan cannot continue another version of itself.")
    return None


def candidates(plan: Plan) -> list[Plan]:
    """The plans that may be linked as the one before ``plan``: the unit's issued plans that
    start earlier and are not replaced by a correction, the latest first."""
    plans = (
        Plan.objects.filter(
            unit_id=plan.unit_id,
            state__in=PUBLISHED,
            period_start__lt=plan.period_start,
        )
        .exclude(replaced_by__state__in=PUBLISHED)
        .exclude(pk=plan.replaces_id or 0)
        .order_by("-period_start", "-id")
    )
    return list(plans)


@transaction.atomic
def plan_link_previous(*, actor, plan: Plan, previous: Plan | None) -> Plan:
    """Link ``plan`` to ``previous`` as the plan of the year before (None: unlink); audited.
    Raises ValidationError with the reason when ``previous`` cannot precede it."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if previous is not None:
        reason = may_precede(plan, previous)
        if reason:
            raise ValidationError(reason)
    before = {"previous_in_series": plan.previous_in_series_id}
    plan.previous_in_series = previous
    plan.save(update_fields=["previous_in_series", "updated_at"])
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=plan,
        unit=plan.unit,
        before=before,
        after={"previous_in_series": plan.previous_in_series_id},
    )
    return plan


def series(plan: Plan, *, limit: int = MAX_YEARS) -> list[Plan]:
    """``plan``'s series, oldest first: the plans before it along the links, ``plan``, and
    those that continue it, each in the version in force; at most ``limit``, the latest
    kept. A plan linked to nothing and continued by nothing is a series of one. One or two
    queries per plan of the series (bounded by ``limit``)."""
    current = _in_force(plan)
    chain = [current]
    seen = {current.pk}
    step = _previous(current)
    while step is not None and step.pk not in seen and len(chain) < limit * 2:
        chain.insert(0, step)
        seen.add(step.pk)
        step = _previous(step)
    step = _next(current)
    while step is not None and step.pk not in seen and len(chain) < limit * 2:
        chain.append(step)
        seen.add(step.pk)
        step = _next(step)
    return chain[-limit:]


def _in_force(plan: Plan) -> Plan:
    """The version of ``plan`` that counts: its latest issued correction, else itself."""
    while True:
        replacement = (
            Plan.objects.filter(replaces=plan, state__in=PUBLISHED).select_related("unit").first()
        )
        if replacement is None:
            return plan
        plan = replacement


def _previous(plan: Plan) -> Plan | None:
    """The plan linked as the one before ``plan`` or, if none, before a version it replaces."""
    version = plan
    while version is not None:
        if version.previous_in_series_id:
            return _in_force(
                Plan.objects.select_related("unit").get(pk=version.previous_in_series_id)
            )
        version = (
            Plan.objects.filter(pk=version.replaces_id).first() if version.replaces_id else None
        )
    return None


def _next(plan: Plan) -> Plan | None:
    """The plan that continues ``plan`` (or a version of it), in the version in force."""
    versions = [plan.pk]
    version = plan
    while version.replaces_id:
        versions.append(version.replaces_id)
        version = Plan.objects.get(pk=version.replaces_id)
    following = (
        Plan.objects.filter(previous_in_series_id__in=versions, state__in=PUBLISHED)
        .select_related("unit")
        .order_by("period_start", "id")
        .first()
    )
    return None if following is None else _in_force(following)
