"""The start page costs the same number of queries with 3 units and seats as with 12."""

from django.urls import reverse

from tests.pages.world import grower, last, together
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role
from thidua.review.domain.councils import council_create, member_add
from thidua.review.models import MemberRole


def test_home(world, communes, same_queries):
    """An officer of many communes who sits on many councils."""
    person = world.who.chair
    roles = grower(
        lambda i: membership_grant(
            actor=None, person=person, unit=communes(i + 1)[i], role=Role.OFFICER
        )
    )
    seats = grower(
        lambda i: member_add(
            actor=None,
            council=council_create(actor=None, plan=world.plan, name=f"Hội đồng số {i}"),
            person=person,
            role=MemberRole.CHAIR,
        )
    )

    same_queries(
        reverse("home"),
        7,
        by=person,
        grow=together(roles, seats),
        shows=last("Hội Nông dân xã Ea Tam", "Hội đồng số"),
    )
