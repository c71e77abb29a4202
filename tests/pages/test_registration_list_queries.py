"""The registration list narrowed by a unit or by words of the name, and seen by a commune,
costs the same number of queries with 3 communes' registrations as with 12 (the cards and the
filters' choices are written from what the page reads, initiatives/views/page_parts.py)."""

from django.urls import reverse

from tests.pages.test_initiatives_queries import registrations
from tests.pages.world import grower, last


def test_the_list_narrowed_by_the_district_and_by_words(world, communes, same_queries):
    grow = registrations(world, communes)
    url = reverse("initiatives:registration_list", args=[world.plan.pk])
    same_queries(
        url,
        11,
        by="district",
        grow=grow,
        query={"unit": world.tree.district.pk, "q": "mo hinh da gui"},
        shows=last("Mô hình đã gửi số"),
    )


def test_the_list_a_commune_sees(world, same_queries):
    """Ea Bá's officer: its own drafts, without the bulk actions, as many queries as the
    district's list."""
    grow = grower(
        lambda i: world._make_registration(world.tree.commune_a, name=f"Bản nháp Ea Bá số {i}")
    )
    same_queries(
        reverse("initiatives:registration_list", args=[world.plan.pk]),
        11,
        by="officer_a",
        grow=grow,
        shows=last("Bản nháp Ea Bá số"),
    )
