"""The search page costs the same number of queries with 3 records of each kind found as
with 12: grouped (the best five of each kind and its total) and one kind by pages."""

from django.urls import reverse

from tests.pages.world import grower, together
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.models import Role

URL = reverse("search:results")


def _found(world):
    """grow(n): n registrations sent from Ea Bá and n people of Ea Ly, all "Bò vàng"."""
    sent = grower(
        lambda i: registration_submit(
            actor=None,
            registration=world._make_registration(world.tree.commune_a, name=f"Bò vàng số {i}"),
        )
    )
    people = grower(
        lambda i: world._fixture("make_person")(
            f"bo_vang_{i}", Role.OFFICER, world.tree.commune_b, full_name=f"Bò Vàng {i}"
        )
    )
    return together(sent, people)


def test_search_grouped(world, same_queries):
    """The district finds the sent registrations and the people of its communes."""
    same_queries(
        URL,
        7,
        by="district",
        grow=_found(world),
        query={"q": "bo vang"},
        shows=lambda size: [f"<mark>vàng</mark> số {size - 1}", f"({size})"],
    )


def test_search_one_kind_by_pages(world, same_queries):
    """One kind's page; a page past the end shows the last one (its statement is run again
    for it: one query more than the page asked for)."""
    same_queries(
        URL,
        7,
        by="district",
        grow=_found(world),
        query={"q": "bo vang", "kind": "registration", "page": "3"},
        shows=lambda size: [f"<mark>vàng</mark> số {size - 1}", f"({size})"],
    )
