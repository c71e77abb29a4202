"""The plans below a plan (plans/domain/tree.py): its three forms, walked in Python, by the
database's recursive query and as a condition on a plan's id, name the same plans in every
generated world, from every plan of it; drafts are never walked through. Walked down a few
units' plans only, the tree holds exactly the plans of the whole tree issued by those units
or units above them; several plans walked at once hold each plan's own tree."""

import random

import pytest
from django.db import connection

from tests.plans import generated
from thidua.org.models import Unit
from thidua.org.models.units import ids_with_ancestors
from thidua.plans.domain.tree import in_plan_tree, plan_forest_sql, plan_tree, plan_tree_ids
from thidua.plans.models import Plan, PlanBasis, PlanState


def _expected(plan: Plan) -> set[int]:
    """The tree by the rule written out: the plan's versions, then, level by level, the
    plans not drafts written on the basis of one already in it."""
    found = set(Plan.objects.filter(pk__in=_versions(plan)).values_list("pk", flat=True))
    while True:
        below = set(
            PlanBasis.objects.filter(parent_id__in=found)
            .exclude(plan__state=PlanState.DRAFT)
            .values_list("plan_id", flat=True)
        )
        if below <= found:
            return found
        found |= below


def _versions(plan: Plan) -> set[int]:
    versions, current = {plan.pk}, plan
    while current.replaces_id:
        versions.add(current.replaces_id)
        current = current.replaces
    return versions


@pytest.mark.parametrize("seed", range(3))
def test_the_three_forms_of_the_walk_name_the_same_plans(db, seed):
    world = generated.build(seed)
    plans = [world.province_plan, world.today_plan, *world.plans.values()]
    plans += list(world.own_plans.values())
    for plan in plans:
        walked = {p.pk for p in plan_tree(plan)}
        assert walked == _expected(plan), plan
        assert (
            set(Plan.objects.filter(pk__in=plan_tree_ids(plan)).values_list("pk", flat=True))
            == walked
        )
        assert (
            set(Plan.objects.filter(in_plan_tree(plan, "pk")).values_list("pk", flat=True))
            == walked
        )


@pytest.mark.parametrize("seed", range(3))
def test_the_walk_down_a_few_units_plans_keeps_exactly_theirs(db, seed):
    world = generated.build(seed)
    chance = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    plans = [world.province_plan, world.today_plan, *world.plans.values()]
    units = list(Unit.objects.values_list("pk", flat=True))
    for plan in plans:
        whole = Plan.objects.filter(pk__in=plan_tree_ids(plan))
        for _ in range(4):
            among = set(chance.sample(units, chance.randint(1, 3)))
            issuers = ids_with_ancestors(Unit.objects.filter(pk__in=among))
            walked = Plan.objects.filter(pk__in=plan_tree_ids(plan, issuers=issuers))
            # the plan's own versions always; below them, the plans these units' lines issued
            expected = {p.pk for p in whole if p.unit_id in issuers or p.pk in _versions(plan)}
            assert set(walked.values_list("pk", flat=True)) == expected, (plan, among)


def _forest(plans, *, wide, issuers) -> dict[int, set[int]]:
    sql, params = plan_forest_sql(plans, wide=wide, issuers=issuers)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH RECURSIVE {sql} SELECT root, id FROM forest", params)  # noqa: S608 (the walk's own SQL)
        found: dict[int, set[int]] = {plan.pk: set() for plan in plans}
        for root, pk in cursor:
            found[root].add(pk)
    return found


@pytest.mark.parametrize("seed", range(3))
def test_the_forest_of_several_plans_holds_each_plans_own_tree(db, seed):
    """All the plans walked at once, some whole and the others down a few units' plans
    (a person's start page): each tree is the one walked for its plan alone."""
    world = generated.build(seed)
    chance = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    plans = [world.province_plan, world.today_plan, *world.plans.values()]
    units = list(Unit.objects.values_list("pk", flat=True))
    for _ in range(4):
        among = set(chance.sample(units, chance.randint(1, 3)))
        issuers = ids_with_ancestors(Unit.objects.filter(pk__in=among))
        wide = {plan.pk for plan in plans if chance.random() < 0.5}
        forest = _forest(plans, wide=wide, issuers=issuers)
        for plan in plans:
            alone = plan_tree_ids(plan, issuers=None if plan.pk in wide else issuers)
            expected = set(Plan.objects.filter(pk__in=alone).values_list("pk", flat=True))
            assert forest[plan.pk] == expected, (plan, plan.pk in wide, among)
