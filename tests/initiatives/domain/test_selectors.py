"""Where a person may register on a plan (initiatives/domain/selectors.py): the units the
plan's rule asks, or the units one level down, within the person's writing scope."""

import pytest

from thidua.initiatives.domain.selectors import units_that_may_register
from thidua.org.enums import Role


@pytest.mark.parametrize(
    ("role", "where", "expected"),
    [
        (Role.OFFICER, "district", {"commune_a", "commune_b"}),
        (Role.ADMIN, "province", {"commune_a", "commune_b"}),
        (Role.OFFICER, "commune_a", {"commune_a"}),
        (Role.VIEWER, "district", set()),
        (Role.COUNCIL, "district", set()),
        (Role.OFFICER, "other_district", set()),
    ],
)
def test_the_plans_rule_asks_the_communes_in_the_persons_writing_scope(
    tree, open_plan, make_person, role, where, expected
):
    """The open plan asks its communes (not the district itself, nor a branch below a
    commune); a person writes only where their role lets them."""
    person = make_person("nguoi", role, getattr(tree, where))
    names = {unit.pk: name for name, unit in vars(tree).items()}
    found = [names[unit.pk] for unit in units_that_may_register(person, open_plan)]
    assert set(found) == expected
    assert found == sorted(found, key=lambda name: getattr(tree, name).sort_key)


def test_without_a_rule_the_units_one_level_down_may_register(tree, make_plan, make_person):
    """A province's plan that names no kind of unit asks the districts and cities below it."""
    plan = make_plan(unit=tree.province)
    person = make_person("tinh", Role.OFFICER, tree.province)
    assert set(units_that_may_register(person, plan)) == {tree.district, tree.other_district}
