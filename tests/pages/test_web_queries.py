"""The start page costs the same number of queries with 3 units and seats as with 12."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from tests.pages.world import grower, last, together
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role, UnitKind
from thidua.plans.domain.plans import plan_issue, plan_update
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
        14,
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
        16,
        by="district",
        grow=sent,
        shows=lambda size: [f'<span class="todo__count">{size}</span> {TO_RECEIVE}'],
    )
    drafts = grower(lambda i: world._make_registration(world.tree.commune_a, name=f"Bản nháp {i}"))
    same_queries(
        reverse("home"),
        15,
        by="officer_a",
        grow=drafts,
        shows=lambda size: [
            world.plan.number_symbol,
            plural("Registration not sent yet (draft)", "Registrations not sent yet (drafts)"),
        ],
    )


def test_home_under_many_open_plans(world, make_plan, same_queries):
    """Plans of the province and the district open one after another above Ea Bá, each
    asking its communes for a registration, a results report and, of the district, its own
    plan: the start page of Ea Bá's officer and of the district costs the same with two
    open deadlines as with the most it follows (``MAX_DEADLINES``)."""
    soon = timezone.now() + datetime.timedelta(days=10)

    def open_plan(i):
        unit = world.tree.province if i % 2 == 0 else world.tree.district
        plan = make_plan(unit=unit, title=f"Kế hoạch thi đua chuyên đề số {i}")
        plan_update(actor=None, plan=plan, quota_kinds=[UnitKind.COMMUNE], quota_minimum=1)
        plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 2, 20))
        for deadline in plan.deadlines.all():
            deadline.due_at = soon + datetime.timedelta(hours=i)
            deadline.save()
        return plan

    plans = grower(open_plan)
    with translation.override("vi"):
        to_report = translation.gettext("Results report to send")
    for who, queries, shows in (
        ("officer_a", 16, lambda size: [plans(size)[-1].number_symbol]),
        ("district", 17, lambda size: [plans(size)[-1].number_symbol, to_report]),
    ):
        same_queries(reverse("home"), queries, by=who, grow=plans, shows=shows, sizes=(1, 4))
