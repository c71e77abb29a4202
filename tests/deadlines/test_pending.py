"""Who has not acted, read for a few units (a commune's to-do under a national plan reads its
own rows, not the country's) against the whole: over random provinces, every kind of
deadline, the province's plan and its districts' plans, random choices of units."""

import random

import pytest

from tests.results.conftest import generate
from thidua.deadlines.reminders import pending_units
from thidua.initiatives.domain.compliance import compliance
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
