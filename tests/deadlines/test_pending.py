"""Who has not acted, read for a few units (a commune's to-do under a national plan reads its
own rows, not the country's) against the whole, and every plan read at once against each
alone: over random provinces, every kind of deadline, the province's plan and its districts'
plans, random choices of units."""

import random

import pytest

from tests.results.conftest import generate
from thidua.deadlines.owing import owing
from thidua.deadlines.reminders import pending_units
from thidua.initiatives.domain.compliance import compliance
from thidua.plans.domain.cascade import cascade
from thidua.plans.domain.plans import plan_create_child
from thidua.plans.enums import ChildPlanState
from thidua.plans.models import Deadline, DeadlineKind
from thidua.results.domain.rollup import rollup
from thidua.results.enums import Reporting

SEEDS = range(4)


def _choices(world, rng: random.Random) -> list[list]:
    """Random sets of units under the province (one, a few, none), the province itself."""
    units = world.units
    return [
        [],
        [world.province],
        *([rng.choice(units)] for _ in range(4)),
        *(rng.sample(units, min(len(units), rng.randint(2, 5))) for _ in range(4)),
    ]


def _row(row) -> tuple:
    return (row.unit.pk, row.quota, row.by_state, row.first_sent, row.any_late, row.state)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_units_read_alone_are_the_wholes(tree, seed):
    world = generate(seed, tree.central, size=1 + seed // 3)
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    plans = world.tree_plans()
    deadlines = list(Deadline.objects.filter(plan__in=plans).select_related("plan__unit"))
    assert {d.kind for d in deadlines} >= {DeadlineKind.REGISTRATION, DeadlineKind.REPORT}
    for deadline in deadlines:
        whole = [unit.pk for unit in pending_units(deadline)]
        if deadline.kind == DeadlineKind.REPORT:  # the roll-up's units that have not reported
            missing = rollup(deadline.plan).rows
            assert whole == [r.unit.pk for r in missing if r.state == Reporting.MISSING]
        for among in _choices(world, rng):
            ids = {unit.pk for unit in among}
            # (a few units in any order: the whole is in the roll-up's order, by level)
            narrowed = sorted(unit.pk for unit in pending_units(deadline, among=among))
            assert narrowed == sorted(pk for pk in whole if pk in ids), (deadline.kind, ids)
    for plan in plans:
        whole = [_row(row) for row in compliance(plan).rows]
        for among in _choices(world, rng):
            ids = {unit.pk for unit in among}
            narrowed = [_row(row) for row in compliance(plan, units=among).rows]
            assert narrowed == [row for row in whole if row[0] in ids], (plan, ids)


def _concerned(plan, among) -> list:
    return [u for u in among if u.path.startswith(plan.unit.path) and u.pk != plan.unit_id]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_plan_read_at_once_is_each_read_alone(tree, seed):
    """`owing` reads every plan of the tree at once, some whole and some for a few units (a
    person's start page): each deadline's units that have not acted and each plan's
    registration rows are those the selectors give for that plan alone."""
    world = generate(seed, tree.central, size=1 + seed // 3)
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    plans = world.tree_plans()
    for plan in plans:  # the generator sets none: each plan asks for its units' own plans
        due = plan.deadlines.order_by("due_at").first().due_at
        plan.deadlines.create(kind=DeadlineKind.CHILD_PLAN, label="Ban hành kế hoạch", due_at=due)
        missing = [row.unit for row in cascade(plan) if row.state == ChildPlanState.MISSING]
        if missing:  # and one unit has only begun its own
            plan_create_child(actor=None, parent=plan, unit=rng.choice(missing))
    deadlines = list(Deadline.objects.filter(plan__in=plans).select_related("plan__unit"))
    states = {row.state for plan in plans for row in cascade(plan)}
    assert states >= {ChildPlanState.DRAFT, ChildPlanState.MISSING}, states
    for among in rng.sample(_choices(world, rng), 5):
        wide = {plan.pk for plan in plans if rng.random() < 0.4}
        owed = owing(plans, wide=wide, units=among)
        for deadline in deadlines:
            plan = deadline.plan
            alone = None if plan.pk in wide else _concerned(plan, among)
            expected = {unit.pk for unit in pending_units(deadline, among=alone)}
            assert owed.pending(deadline) == expected, (deadline.kind, plan, alone)
        for plan in plans:
            alone = None if plan.pk in wide else _concerned(plan, among)
            expected = [_row(row) for row in compliance(plan, units=alone).rows]
            assert [_row(row) for row in owed.plans[plan.pk].registrations.values()] == expected
        # Only the registrations asked for: the same answer for them, nothing else read.
        asked = owing(plans, wide=wide, units=among, kinds={DeadlineKind.REGISTRATION})
        for deadline in deadlines:
            registering = deadline.kind == DeadlineKind.REGISTRATION
            assert asked.pending(deadline) == (owed.pending(deadline) if registering else set())
