"""Plan pages cost the same number of queries with 3 rows as with 12."""

import datetime

from django.urls import reverse

from tests.pages.world import grower, last, plan_with_rows
from thidua.plans.domain.plans import (
    citation,
    plan_create_child,
    plan_issue,
    plan_set_list,
    plan_update,
)

MARCH_8 = datetime.date(2022, 3, 8)


def test_plan_list(client, world, same_queries):
    """The commune's inbox: every plan the district issued."""
    grow = grower(
        lambda i: plan_issue(
            actor=None,
            plan=world._make_plan(title=f"Kế hoạch chuyên đề số {i}"),
            issued_on=MARCH_8,
        )
    )
    client.force_login(world.who.officer_a)
    same_queries(reverse("plans:plan_list"), 8, grow=grow, shows=last("Kế hoạch chuyên đề số"))


def test_plan_list_of_the_district(client, world, same_queries):
    """The district's own plans: drafts and issued ones."""
    grow = grower(
        lambda i: (
            world._make_plan(title=f"Dự thảo chuyên đề số {i}")
            if i % 2
            else plan_issue(
                actor=None,
                plan=world._make_plan(title=f"Dự thảo chuyên đề số {i}"),
                issued_on=MARCH_8,
            )
        )
    )
    client.force_login(world.who.district)
    same_queries(reverse("plans:plan_list"), 8, grow=grow, shows=last("Dự thảo chuyên đề số"))


def test_plan_detail_of_a_draft(client, world, same_queries):
    """Sections, criteria, deadlines, campaigns and attachments, for the draft's editor."""
    plan = world.draft_plan
    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_detail", args=[plan.pk]),
        13,
        grow=lambda size: plan_with_rows(plan, size, client),
        shows=lambda size: [
            f"MỤC SỐ {size - 1}",
            f"Tiêu chí số {size - 1}",
            f"Báo cáo đợt {size - 1}",
            f"Cuộc vận động số {size - 1}",
            f"Phụ lục số {size - 1}",
        ],
    )


def test_plan_detail_based_on_many_plans(client, world, same_queries):
    """A draft citing many issued plans of the province ("Căn cứ Kế hoạch số …")."""
    plan = world.draft_plan
    parents = grower(
        lambda i: plan_issue(
            actor=None,
            plan=world._make_plan(unit=world.tree.province, title=f"Kế hoạch của tỉnh số {i}"),
            issued_on=datetime.date(2022, 1, 5),
        )
    )

    def grow(size):
        rows = [{"parent": parent, "text": citation(parent)} for parent in parents(size)]
        plan_set_list(actor=None, plan=plan, kind="bases", rows=rows)

    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_detail", args=[plan.pk]),
        14,  # one more query than citing none (bases__parent), however many are cited
        grow=grow,
        shows=last("Kế hoạch của tỉnh số"),
    )


def test_plan_detail_offers_every_commune_its_own_plan(client, world, communes, same_queries):
    """The district administrator may start the own plan of any commune: one choice each."""
    client.force_login(world.who.district_admin)
    same_queries(
        reverse("plans:plan_detail", args=[world.plan.pk]),
        14,
        grow=communes,
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_plan_cascade(client, world, communes, same_queries):
    """One row per commune with its own plan."""
    grow = grower(
        lambda i: plan_issue(
            actor=None,
            plan=plan_update(  # an issued plan names its signer
                actor=None,
                plan=plan_create_child(actor=None, parent=world.plan, unit=communes(i + 1)[i]),
                signer_name="Y Thuê Niê",
            ),
            issued_on=MARCH_8,
        )
    )
    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_cascade", args=[world.plan.pk]),
        13,
        grow=grow,
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_public_plan(client, world, same_queries):
    """What an issued plan asks, for anyone: criteria, deadlines, campaigns."""

    def published(size):
        plan = plan_with_rows(world._make_plan(title=f"Kế hoạch công khai {size}"), size)
        return reverse("plans:public_plan", args=[plan_issue(actor=None, plan=plan).pk])

    same_queries(
        published,
        4,
        shows=lambda size: [f"Tiêu chí số {size - 1}", f"Báo cáo đợt {size - 1}"],
    )


def test_plan_body_form(client, world, same_queries):
    """The sections as one text to edit."""
    plan = world.draft_plan
    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_body", args=[plan.pk]),
        9,
        grow=lambda size: plan_with_rows(plan, size),
        shows=last("# MỤC SỐ"),
    )


def test_plan_lists_form(client, world, same_queries):
    """Criteria, deadlines, campaigns and references as forms, one row each."""
    plan = world.draft_plan
    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_lists", args=[plan.pk]),
        12,
        grow=lambda size: plan_with_rows(plan, size),
        shows=lambda size: [f"Tiêu chí số {size - 1}", f"Cuộc vận động số {size - 1}"],
    )


def test_plan_docx(client, world, same_queries):
    """The official document with every section and deadline."""
    plan = world.draft_plan
    client.force_login(world.who.district)
    same_queries(
        reverse("plans:plan_docx", args=[plan.pk]),
        8,
        grow=lambda size: plan_with_rows(plan, size),
        shows=last("MỤC SỐ"),
    )
