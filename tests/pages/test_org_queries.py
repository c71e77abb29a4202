"""Unit and people pages cost the same number of queries with 3 rows as with 12."""

import datetime

from django.urls import reverse

from tests.pages.world import grower, last
from thidua.org.domain.people import membership_grant
from thidua.org.domain.units import succession_record, unit_create
from thidua.org.models import Role, SuccessionKind, UnitKind

REORGANISED = datetime.date(2025, 7, 1)


def test_unit_list(client, world, communes, same_queries):
    client.force_login(world.who.district_admin)
    same_queries(reverse("org:unit_list"), 7, grow=communes, shows=last("Hội Nông dân xã Ea Tam"))


def test_unit_detail(client, world, communes, same_queries):
    """The district's communes, and its people with their roles."""
    make_person = world._fixture("make_person")
    officers = grower(
        lambda i: make_person(
            f"canbo{i}", Role.OFFICER, world.tree.district, full_name=f"Cán bộ huyện số {i}"
        )
    )

    def grow(size):
        communes(size)
        officers(size)

    client.force_login(world.who.district_admin)
    same_queries(
        reverse("org:unit_detail", args=[world.tree.district.pk]),
        13,
        grow=grow,
        shows=lambda size: [f"Hội Nông dân xã Ea Tam {size - 1}", f"Cán bộ huyện số {size - 1}"],
    )


def test_person_list(client, world, communes, same_queries):
    """Everyone with a role in the district, each with their units."""
    make_person = world._fixture("make_person")
    people = grower(
        lambda i: make_person(
            f"hoivien{i}", Role.OFFICER, communes(i + 1)[i], full_name=f"Hội viên số {i}"
        )
    )
    client.force_login(world.who.district_admin)
    same_queries(
        reverse("org:person_list"),
        8,
        grow=people,
        shows=lambda size: [f"Hội viên số {size - 1}", f"Hội Nông dân xã Ea Tam {size - 1}"],
    )


def test_person_detail(client, world, communes, same_queries):
    """A person with a role in every commune."""
    person = world.who.officer_a
    roles = grower(
        lambda i: membership_grant(
            actor=None, person=person, unit=communes(i + 1)[i], role=Role.VIEWER
        )
    )
    client.force_login(world.who.district_admin)
    same_queries(
        reverse("org:person_detail", args=[person.pk]),
        8,
        grow=roles,
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_unit_detail_of_a_merged_commune(client, world, communes, same_queries):
    """A commune of 1/7/2025 formed from many: its history, seen by its own officer, whose
    role covers every commune it succeeded."""
    merged = unit_create(
        actor=None,
        parent=world.tree.district,
        name="Ea Bá Mới",
        kind=UnitKind.COMMUNE,
        valid_from=REORGANISED,
    )
    officer = world._fixture("make_person")("xa_moi", Role.OFFICER, merged, full_name="Xã Mới")
    merge = grower(
        lambda i: succession_record(
            actor=None,
            predecessor=communes(i + 1)[i],
            successor=merged,
            kind=SuccessionKind.MERGE,
            date=REORGANISED,
        )
    )
    client.force_login(officer)
    same_queries(
        reverse("org:unit_detail", args=[merged.pk]),
        13,
        grow=merge,
        shows=last("Hội Nông dân xã Ea Tam"),
    )
