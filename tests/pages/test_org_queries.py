"""Unit and people pages cost the same number of queries with 3 rows as with 12."""

from django.urls import reverse

from tests.pages.world import LAST_COMMUNE, grower, last, together
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role


def test_unit_list(world, communes, same_queries):
    same_queries(
        reverse("org:unit_list"), 6, by="district_admin", grow=communes, shows=LAST_COMMUNE
    )


def test_unit_detail(world, communes, same_queries):
    """The district's communes, and its people with their roles."""
    make_person = world._fixture("make_person")
    officers = grower(
        lambda i: make_person(
            f"canbo{i}", Role.OFFICER, world.tree.district, full_name=f"Cán bộ huyện số {i}"
        )
    )

    same_queries(
        reverse("org:unit_detail", args=[world.tree.district.pk]),
        12,
        by="district_admin",
        grow=together(communes, officers),
        shows=last("Hội Nông dân xã Ea Tam", "Cán bộ huyện số"),
    )


def test_person_list(world, communes, same_queries):
    """Everyone with a role in the district, each with their units."""
    make_person = world._fixture("make_person")
    people = grower(
        lambda i: make_person(
            f"hoivien{i}", Role.OFFICER, communes(i + 1)[i], full_name=f"Hội viên số {i}"
        )
    )
    same_queries(
        reverse("org:person_list"),
        7,
        by="district_admin",
        grow=people,
        shows=last("Hội viên số", "Hội Nông dân xã Ea Tam"),
    )


def test_person_detail(world, communes, same_queries):
    """A person with a role in every commune."""
    person = world.who.officer_a
    roles = grower(
        lambda i: membership_grant(
            actor=None, person=person, unit=communes(i + 1)[i], role=Role.VIEWER
        )
    )
    same_queries(
        reverse("org:person_detail", args=[person.pk]),
        7,
        by="district_admin",
        grow=roles,
        shows=LAST_COMMUNE,
    )


def test_unit_detail_of_a_merged_commune(world, merged_commune, same_queries):
    """A commune of 1/7/2025 formed from many: its history, seen by its own officer, whose
    role covers every commune it succeeded."""
    merged, officer, merge = merged_commune
    same_queries(
        reverse("org:unit_detail", args=[merged.pk]), 11, by=officer, grow=merge, shows=LAST_COMMUNE
    )
