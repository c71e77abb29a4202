"""The permission matrix: for each role held in commune A, what its holder can
see or change of commune A, commune B, the district and the province."""

import datetime
import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.helpers import REORGANISED, successor
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.domain.history import MAX_SUCCESSION_DEPTH, predecessor_paths
from thidua.org.domain.people import membership_grant
from thidua.org.domain.units import unit_create
from thidua.org.models import Membership, Person, Role, Succession, SuccessionKind, Unit, UnitKind

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


@pytest.mark.parametrize("seed", range(8))
def test_the_grants_read_at_once_are_the_roles_and_every_archive_walked(
    tree, make_person, django_assert_num_queries, seed
):
    """Generated reorganisations (merges, a unit succeeding several, chains longer than the
    walk's limit, even loops) and roles in those units and others: the grants read in one
    query are each role, and for each the archive of every unit its unit succeeded, as
    ``predecessor_paths`` walks them generation by generation."""
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    units = [
        unit_create(actor=None, parent=tree.district, name=f"Xã {n}", kind=UnitKind.COMMUNE)
        for n in range(MAX_SUCCESSION_DEPTH + 4)
    ]
    chain = chance.sample(units, len(units))  # a line longer than the walk goes
    links = list(zip(chain[1:], chain, strict=False))
    links += [tuple(chance.sample(units, 2)) for _ in range(chance.randint(0, 8))]
    for older, newer in set(links):
        Succession.objects.create(
            predecessor=older, successor=newer, kind=SuccessionKind.MERGE, date=REORGANISED
        )
    person = make_person(f"nguoi{seed}")
    for unit in chance.sample([*units, tree.commune_a, tree.district], chance.randint(0, 4)):
        membership_grant(actor=None, person=person, unit=unit, role=chance.choice(list(Role)))

    expected = set()
    for membership in Membership.objects.filter(person=person).select_related("unit"):
        expected.add(access.Grant(membership.role, membership.unit.path))
        archive = predecessor_paths([membership.unit_id])[membership.unit_id]
        expected |= {access.Grant(Role.VIEWER, path, archive=True) for path in archive}
    fresh = Person.objects.get(pk=person.pk)  # the grants are kept on the object read
    with django_assert_num_queries(1):
        found = access.grants(fresh)
    assert set(found) == expected
    assert list(found) == sorted(found, key=lambda g: (g.path, g.role, g.archive))
