"""Council pages cost the same number of queries with 3 rows as with 12."""

import pytest
from django.urls import reverse

from tests.pages.world import (
    decided_council,
    entry,
    grower,
    last,
    plan_with_rows,
    score_everything,
    seat_members,
)
from thidua.org.models import Role
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
)
from thidua.review.domain.decisions import proposal_set
from thidua.review.domain.rubric import rubric_set
from thidua.review.models import CouncilState, MemberRole, Outcome


@pytest.fixture
def entries(world, communes):
    """entries(n): n more communes, each with a received registration "Hồ sơ dự thi số i"."""
    return grower(
        lambda i: entry(world._make_registration, communes(i + 1)[i], f"Hồ sơ dự thi số {i}")
    )


@pytest.fixture
def council_people(world):
    """council_people(n): n more people with the council role of the district."""
    make_person = world._fixture("make_person")
    return grower(
        lambda i: make_person(
            f"uyvien{i}", Role.COUNCIL, world.tree.district, full_name=f"Ủy viên số {i}"
        )
    )


def test_council_list(client, world, same_queries):
    grow = grower(
        lambda i: council_create(actor=None, plan=world.plan, name=f"Hội đồng chuyên đề số {i}")
    )
    client.force_login(world.who.district_admin)
    same_queries(
        reverse("review:council_list", args=[world.plan.pk]),
        7,
        grow=grow,
        shows=last("Hội đồng chuyên đề số"),
    )


@pytest.mark.parametrize("who", ["district", "chair", "member"])
def test_council_list_for_officers_and_members(client, world, same_queries, who):
    """The district's officer sees every council; a member the councils they sit on."""

    def make(i):
        council = council_create(actor=None, plan=world.plan, name=f"Hội đồng chuyên đề số {i}")
        seat_members(council, world.who)
        return council

    client.force_login(getattr(world.who, who))
    same_queries(
        reverse("review:council_list", args=[world.plan.pk]),
        8,  # the administrator's 7, and at most one for the user's seats on these councils
        grow=grower(make),
        shows=last("Hội đồng chuyên đề số"),
    )


def test_council_detail_for_its_chair(client, world, entries, council_people, same_queries):
    """Members with their progress, the entries to exclude from, the people who may join."""
    council = world.new_council
    seated = grower(
        lambda i: member_add(
            actor=None,
            council=council,
            person=council_people(2 * i + 1)[2 * i],
            role=MemberRole.MEMBER,
        )
    )

    def grow(size):
        entries(size)
        seated(size)
        council_people(2 * size)  # every other one stays free to be seated
        assign(actor=None, council=council)

    client.force_login(world.who.chair)
    same_queries(
        reverse("review:council_detail", args=[council.pk]),
        15,
        grow=grow,
        shows=lambda size: [
            f"Hồ sơ dự thi số {size - 1}",
            f"Ủy viên số {2 * size - 2}",
            f"Ủy viên số {2 * size - 1}",
        ],
    )


def test_scoring_queue(client, world, entries, same_queries):
    council = world.new_council
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)

    def grow(size):
        entries(size)
        assign(actor=None, council=council)

    client.force_login(world.who.member)
    same_queries(
        reverse("review:queue", args=[council.pk]),
        10,
        grow=grow,
        shows=last("Hồ sơ dự thi số"),
    )


def test_scoresheet_shows_the_other_members_totals(client, world, council_people, same_queries):
    """After submitting, a member sees every other member's total for the entry."""

    def scored(size):
        world.goat  # noqa: B018 (the entry)
        council = council_create(actor=None, plan=world.plan, name=f"Hội đồng {size} người")
        seat_members(council, world.who)
        for person in council_people(size):
            member_add(actor=None, council=council, person=person, role=MemberRole.MEMBER)
        council_set_state(actor=None, council=council, state=CouncilState.SCORING)
        assign(actor=None, council=council)
        score_everything(council)
        mine = council.members.get(person=world.who.member).assignments.get()
        return reverse("review:score", args=[council.pk, mine.pk])

    client.force_login(world.who.member)
    same_queries(scored, 15, shows=last("Ủy viên số"))


# What a decided council shows and sends out, with the queries each costs.
DECIDED = {
    "review:ranking": 18,
    "review:scores_xlsx": 17,
    "review:minutes_docx": 20,
    "review:decision_docx": 16,
    "review:certificates_docx": 16,
}


def test_council_results_and_documents(client, world, entries, same_queries):
    """The ranking and the council's documents list every entry decided. One council is
    decided over 3 entries, one over 12 (decisions are final: a council cannot grow)."""
    councils = {}

    def council(size):
        if size not in councils:
            entries(size)
            councils[size] = decided_council(world.plan, world.who, name=f"Hội đồng {size}")
        return councils[size].pk

    client.force_login(world.who.chair)
    for name, queries in DECIDED.items():
        same_queries(
            lambda size, name=name: reverse(name, args=[council(size)]),
            queries,
            shows=last("Hồ sơ dự thi số"),
        )


def test_decision_page_with_a_proposal_per_entry(client, world, entries, same_queries):
    """Scoring closed: one proposed outcome per scored entry, then the vote."""

    def closed(size):
        entries(size)
        council = council_create(actor=None, plan=world.plan, name=f"Hội đồng {size} hồ sơ")
        seat_members(council, world.who)
        council_set_state(actor=None, council=council, state=CouncilState.SCORING)
        assign(actor=None, council=council)
        score_everything(council)
        council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
        for registration in entries(size):
            proposal_set(
                actor=None,
                council=council,
                registration=registration,
                outcome=Outcome.COMMENDED,
                reason=f"Lý do số {registration.name[-2:].strip()}",
            )
        return reverse("review:decision", args=[council.pk])

    client.force_login(world.who.chair)
    same_queries(closed, 18, shows=lambda size: [f"Hồ sơ dự thi số {size - 1}"])


def test_rubric(client, world, same_queries):
    """A weight and bands per criterion of the plan."""
    plan = world.draft_plan

    def grow(size):
        plan_with_rows(plan, size)
        rubric_set(
            actor=None,
            plan=plan,
            weights={},
            bands={c.pk: "0-5: chưa đạt\n6-10: đạt" for c in plan.criteria.all()},
            grades="Đạt: 50\nKhông đạt: 0",
        )

    client.force_login(world.who.district_admin)
    same_queries(
        reverse("review:rubric", args=[plan.pk]),
        9,
        grow=grow,
        shows=lambda size: [f"Tiêu chí số {size - 1}", "6-10: đạt"],
    )
