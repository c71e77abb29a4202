"""The permission matrix: for each role held in commune A, what its holder can
see or change of commune A, commune B, the district and the province."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.helpers import successor
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Role, Unit

# (role, action, target) → allowed?  Targets are named attributes of the `tree` fixture.
COMMUNE_MATRIX = {
    Role.ADMIN: {
        "unit.view": {
            "commune_a": True,
            "branch_a": True,
            "commune_b": False,
            "district": False,
            "province": False,
        },
        "unit.manage": {
            "commune_a": True,
            "branch_a": True,
            "commune_b": False,
            "district": False,
            "province": False,
        },
        "person.view": {"commune_a": True, "commune_b": False, "district": False},
        "person.manage": {"commune_a": True, "commune_b": False, "district": False},
        "audit.view": {"commune_a": True, "commune_b": False, "district": False},
    },
    Role.OFFICER: {
        "unit.view": {"commune_a": True, "branch_a": True, "commune_b": False, "district": False},
        "unit.manage": {"commune_a": False, "branch_a": False, "commune_b": False},
        "person.view": {"commune_a": True, "commune_b": False},
        "person.manage": {"commune_a": False},
        "audit.view": {"commune_a": False},
    },
    Role.COUNCIL: {
        "unit.view": {"commune_a": True, "commune_b": False, "district": False},
        "unit.manage": {"commune_a": False},
        "person.view": {"commune_a": False},
        "audit.view": {"commune_a": False},
    },
    Role.VIEWER: {
        "unit.view": {"commune_a": True, "branch_a": True, "commune_b": False, "province": False},
        "unit.manage": {"commune_a": False},
        "person.view": {"commune_a": False},
        "person.manage": {"commune_a": False},
        "audit.view": {"commune_a": False},
    },
}


@pytest.mark.parametrize("role", list(Role))
def test_commune_role_matrix(tree, make_person, role):
    person = make_person("p", role, tree.commune_a)
    for action, targets in COMMUNE_MATRIX[role].items():
        for target, allowed in targets.items():
            assert access.can(person, action, getattr(tree, target)) is allowed, (
                role,
                action,
                target,
            )


@pytest.mark.parametrize("role", list(Role))
def test_district_role_covers_all_its_communes_but_not_the_province(tree, make_person, role):
    person = make_person("d", role, tree.district)
    for target in ("district", "commune_a", "commune_b", "branch_a", "branch_b"):
        assert access.can(person, "unit.view", getattr(tree, target))
    for target in ("province", "other_district", "other_commune"):
        assert not access.can(person, "unit.view", getattr(tree, target))
    assert access.can(person, "unit.manage", tree.commune_b) is (role == Role.ADMIN)


def test_province_admin_sees_every_district(tree, make_person):
    person = make_person("t", Role.ADMIN, tree.province)
    visible = set(access.units(person, "unit.view").values_list("name", flat=True))
    assert visible == {
        "Phú Yên",
        "Sông Hinh",
        "Ea Bá",
        "Ea Ly",
        "Thôn 1",
        "Thôn 2",
        "Tuy Hòa",
        "Phường 1",
    }
    assert not access.can(person, "unit.view", tree.central)


def test_scope_query_lists_exactly_the_subtree(tree, make_person):
    person = make_person("x", Role.OFFICER, tree.commune_a)
    assert set(access.units(person).values_list("name", flat=True)) == {"Ea Bá", "Thôn 1"}


def test_person_without_role_sees_nothing(tree, make_person):
    person = make_person("nobody")
    assert not access.units(person).exists()
    assert not access.can(person, "unit.view", tree.commune_a)
    assert not access.can_anywhere(person, "unit.view")


def test_anonymous_and_inactive_users_are_refused(tree, make_person):
    assert not access.can(AnonymousUser(), "unit.view", tree.commune_a)
    person = make_person("gone", Role.ADMIN, tree.province)
    person.is_active = False
    assert not access.can(person, "unit.view", tree.commune_a)


def test_superuser_may_do_everything(tree, superuser):
    assert access.can(superuser, "unit.manage", tree.central)
    assert access.units(superuser).count() == Unit.objects.count()


def test_require_hides_what_cannot_be_seen_and_refuses_what_cannot_be_changed(tree, make_person):
    person = make_person("o", Role.OFFICER, tree.commune_a)
    with pytest.raises(Http404):
        access.require(person, "unit.view", tree.commune_b)
    with pytest.raises(PermissionDenied):
        access.require(person, "unit.manage", tree.commune_a)
    access.require(person, "unit.view", tree.branch_a)


def test_unknown_action_is_a_programming_error(tree, make_person):
    person = make_person("o", Role.OFFICER, tree.commune_a)
    with pytest.raises(KeyError):
        access.can(person, "unit.destroy", tree.commune_a)


def test_role_in_a_successor_covers_the_predecessors_archive(tree, make_person):
    """A commune formed on 1/7/2025 keeps the records of the communes merged into it."""

    new_commune = successor(tree.province, tree.commune_a)
    person = make_person("n", Role.OFFICER, new_commune)
    assert access.can(person, "unit.view", tree.branch_a)
    assert not access.can(person, "unit.view", tree.commune_b)
    tree.commune_a.refresh_from_db()
    assert tree.commune_a.valid_to == datetime.date(2025, 6, 30)


@pytest.mark.parametrize(
    ("action", "allowed"),
    [
        ("unit.view", True),
        ("plan.view", True),
        ("registration.view", True),
        ("report.view", True),
        ("registration.edit", False),
        ("report.edit", False),
        ("plan.edit", False),
        ("unit.manage", False),
    ],
)
def test_the_predecessors_archive_is_read_not_written(tree, make_person, action, allowed):
    """Decided (README): a successor reads the records of the units it succeeded and never
    writes them; a 2022 draft of a dissolved commune stays as that commune left it."""
    new_commune = successor(tree.province, tree.commune_a)
    person = make_person("n", Role.ADMIN, new_commune)
    assert access.can(person, action, tree.commune_a) is allowed
    assert access.can(person, action, new_commune)


def test_the_archive_includes_drafts_to_read(tree, make_person, make_registration):
    new_commune = successor(tree.province, tree.commune_a)
    draft = make_registration(tree.commune_a, complete=False)
    heir = make_person("n", Role.OFFICER, new_commune)
    neighbour = make_person("b", Role.OFFICER, tree.commune_b)
    assert access.can_view_registration(heir, draft)
    assert not access.can(heir, "registration.edit", draft.unit)
    assert not access.can_view_registration(neighbour, draft)
    visible = Registration.objects.filter(access.registration_filter(heir))
    assert list(visible) == [draft]
