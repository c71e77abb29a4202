"""Plan pages cost the same number of queries with 3 rows as with 12."""

import datetime

import pytest
from django.urls import reverse

from tests.pages.world import LAST_COMMUNE, grower, last, plan_with_rows
from thidua.plans.domain.plans import (
    citation,
    plan_create_child,
    plan_issue,
    plan_set_list,
    plan_update,
)

MARCH_8 = datetime.date(2022, 3, 8)


def test_plan_list(world, same_queries):
    """The commune's inbox: every plan the district issued."""
    grow = grower(
        lambda i: plan_issue(
            actor=None,
            plan=world._make_plan(title=f"Kế hoạch chuyên đề số {i}"),
            issued_on=MARCH_8,
        )
    )
    # the list's page and its total, the filters' years and issuers: the same at any size
    same_queries(
        reverse("plans:plan_list"),
        9,
        by="officer_a",
        grow=grow,
        shows=last("Kế hoạch chuyên đề số"),
    )


@pytest.mark.parametrize(
    ("query", "queries"),
    [
        ("year=2022&state=issued&whose=own", 9),
        # no page, no total: the rows, and the filters' years and issuers
        ("year=2022&state=issued&whose=own&download=csv", 6),
        ("year=2022&download=xlsx", 6),
    ],
)
def test_plan_list_filtered_and_downloaded(world, same_queries, query, queries):
    """The district's plans of a year and state, on the page and as its downloads."""
    grow = grower(
        lambda i: plan_issue(
            actor=None,
            plan=world._make_plan(title=f"Kế hoạch chuyên đề số {i}"),
            issued_on=MARCH_8,
        )
    )
    same_queries(
        f"{reverse('plans:plan_list')}?{query}",
        queries,
        by="district",
        grow=grow,
        shows=last("Kế hoạch chuyên đề số"),
    )


def test_plan_list_of_the_district(world, same_queries):
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
    same_queries(
        reverse("plans:plan_list"), 9, by="district", grow=grow, shows=last("Dự thảo chuyên đề số")
    )


def test_plan_detail_of_a_draft(client, world, same_queries):
    """Sections, criteria, deadlines, campaigns and attachments, for the draft's editor."""
    plan = world.draft_plan
    same_queries(
        reverse("plans:plan_detail", args=[plan.pk]),
        12,
        by="district",
        grow=lambda size: plan_with_rows(plan, size, client),
        shows=last("MỤC SỐ", "Tiêu chí số", "Báo cáo đợt", "Cuộc vận động số", "Phụ lục số"),
    )


def test_plan_detail_based_on_many_plans(world, same_queries):
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

    same_queries(
        reverse("plans:plan_detail", args=[plan.pk]),
        13,  # one more query than citing none (bases__parent), however many are cited
        by="district",
        grow=grow,
        shows=last("Kế hoạch của tỉnh số"),
    )


def test_plan_detail_offers_every_commune_its_own_plan(world, communes, same_queries):
    """The district administrator may start the own plan of any commune: one choice each."""
    same_queries(
        reverse("plans:plan_detail", args=[world.plan.pk]),
        14,  # with the plans it may continue, offered for the series link (#12)
        by="district_admin",
        grow=communes,
        shows=LAST_COMMUNE,
    )


def test_plan_cascade(world, communes, same_queries):
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
    same_queries(
        reverse("plans:plan_cascade", args=[world.plan.pk]),
        12,
        by="district",
        grow=grow,
        shows=LAST_COMMUNE,
    )


def test_public_plan(world, same_queries):
    """What an issued plan asks, for anyone: criteria, deadlines, campaigns."""

    def published(size):
        plan = plan_with_rows(world._make_plan(title=f"Kế hoạch công khai {size}"), size)
        return reverse("plans:public_plan", args=[plan_issue(actor=None, plan=plan).pk])

    same_queries(published, 4, shows=last("Tiêu chí số", "Báo cáo đợt"))


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        ("plans:plan_body", 8, ["# MỤC SỐ"]),  # the sections as one text to edit
        # criteria, deadlines, campaigns and references as forms, one row each
        ("plans:plan_lists", 11, ["Tiêu chí số", "Cuộc vận động số"]),
        ("plans:plan_docx", 7, ["MỤC SỐ"]),  # the official document, every section
    ],
)
def test_draft_forms_and_document(world, same_queries, name, queries, shows):
    """The draft's editing forms and its document, with many rows of each list."""
    plan = world.draft_plan
    same_queries(
        reverse(name, args=[plan.pk]),
        queries,
        by="district",
        grow=lambda size: plan_with_rows(plan, size),
        shows=last(*shows),
    )
