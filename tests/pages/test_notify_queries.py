"""The notifications page costs the same number of queries with 3 as with 12."""

from django.urls import reverse

from tests.pages.world import grower, last
from thidua.notify.send import notify


def test_inbox(world, same_queries):
    person = world.who.officer_a
    grow = grower(
        lambda i: notify(
            people=[person], message=f"Thông báo số {i}", url=reverse("plans:plan_list")
        )
    )
    same_queries(reverse("notify:inbox"), 6, by=person, grow=grow, shows=last("Thông báo số"))
