"""The start page costs the same number of queries with 3 units and seats as with 12."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from tests.pages.world import grower, last, together
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role
from thidua.plans.models import DeadlineKind
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
        15,
        by=person,
        grow=together(roles, seats),
        shows=last("Hội Nông dân xã Ea Tam", "Hội đồng số"),
    )


def plural(singular: str, many: str) -> str:
    """What the Vietnamese page says for more than one (Vietnamese has one form)."""
    with translation.override("vi"):
        return translation.ngettext(singular, many, 3)


TO_RECEIVE = plural("Registration to receive", "Registrations to receive")


def test_home_with_an_open_deadline(world, communes, same_queries):
    """The district follows its open plan while more communes register; Ea Bá's officer
    sees the plan open for registration and more and more drafts of her own."""
    deadline = world.plan.deadlines.get(kind=DeadlineKind.REGISTRATION)
    deadline.due_at = timezone.now() + datetime.timedelta(days=10)
    deadline.save()
    sent = grower(
        lambda i: registration_submit(
            actor=None,
            registration=world._make_registration(communes(i + 1)[i], name=f"Mô hình số {i}"),
        )
    )
    same_queries(
        reverse("home"),
        19,
        by="district",
        grow=sent,
        shows=lambda size: [f'<span class="todo__count">{size}</span> {TO_RECEIVE}'],
    )
    drafts = grower(lambda i: world._make_registration(world.tree.commune_a, name=f"Bản nháp {i}"))
    same_queries(
        reverse("home"),
        18,
        by="officer_a",
        grow=drafts,
        shows=lambda size: [
            world.plan.number_symbol,
            plural("Registration not sent yet (draft)", "Registrations not sent yet (drafts)"),
        ],
    )
