"""Council pages cost the same number of queries with 3 rows as with 12."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from tests.pages.conftest import content_of
from tests.pages.world import (
    closed_council,
    commend,
    decided_council,
    entry,
    grower,
    last,
    plan_with_rows,
    scored_council,
    seat_members,
    together,
)
from tests.review import crowd
from thidua.org.models import Role
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
)
from thidua.review.domain.rubric import rubric_set
from thidua.review.models import CouncilState, MemberRole
from thidua.review.tasks import assignment_start


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


def test_council_list(world, same_queries):
    grow = grower(
        lambda i: council_create(actor=None, plan=world.plan, name=f"Hội đồng chuyên đề số {i}")
    )
    same_queries(
        reverse("review:council_list", args=[world.plan.pk]),
        6,
        by="district_admin",
        grow=grow,
        shows=last("Hội đồng chuyên đề số"),
    )


@pytest.mark.parametrize("who", ["district", "chair", "member"])
def test_council_list_for_officers_and_members(world, same_queries, who):
    """The district's officer sees every council; a member the councils they sit on."""

    def make(i):
        council = council_create(actor=None, plan=world.plan, name=f"Hội đồng chuyên đề số {i}")
        seat_members(council, world.who)
        return council

    same_queries(
        reverse("review:council_list", args=[world.plan.pk]),
        7,  # the administrator's 6, and at most one for the user's seats on these councils
        by=getattr(world.who, who),
        grow=grower(make),
        shows=last("Hội đồng chuyên đề số"),
    )


def test_council_detail_for_its_chair(world, entries, council_people, same_queries):
    """Members with their progress, who does not score what (set-based: the members' units,
    the registrations there, the leads, the implementers, the chair's exclusions), the number
    of entries, the latest assignment, the people who may join."""
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

    same_queries(
        reverse("review:council_detail", args=[council.pk]),
        14,
        by="chair",
        grow=grow,
        shows=lambda size: [
            f"Ủy viên số {2 * size - 2}",
            f"Ủy viên số {2 * size - 1}",
        ],
    )


def test_scoring_queue(world, entries, same_queries):
    council = world.new_council
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)

    same_queries(
        reverse("review:queue", args=[council.pk]),
        8,
        by="member",
        grow=together(entries, lambda size: assign(actor=None, council=council)),
        shows=last("Hồ sơ dự thi số"),
    )


def test_scoresheet_shows_the_other_members_totals(world, council_people, same_queries):
    """After submitting, a member sees every other member's total for the entry. The sheet's
    own queries: the novelty findings beside the "novelty" criterion (another app's include,
    whose queries depend on what it finds) are left out, the criterion going by another code."""
    world.plan.criteria.filter(code="novelty").update(code="new")

    def scored(size):
        world.goat  # noqa: B018 (the entry)
        council = scored_council(
            world.plan, world.who, f"Hội đồng {size} người", members=council_people(size)
        )
        mine = council.members.get(person=world.who.member).assignments.get()
        return reverse("review:score", args=[council.pk, mine.pk])

    same_queries(scored, 12, by="member", shows=last("Ủy viên số"))


# What a decided council shows and sends out, with the queries each costs.
DECIDED = {
    "review:ranking": 12,
    "review:scores_xlsx": 13,
    "review:minutes_docx": 16,
    "review:decision_docx": 13,
    "review:certificates_docx": 13,
}


def test_council_results_and_documents(world, entries, same_queries):
    """The ranking and the council's documents list every entry decided. One council is
    decided over 3 entries, one over 12 (decisions are final: a council cannot grow)."""
    councils = {}

    def council(size):
        if size not in councils:
            entries(size)
            councils[size] = decided_council(world.plan, world.who, name=f"Hội đồng {size}")
        return councils[size].pk

    for name, queries in DECIDED.items():
        same_queries(
            lambda size, name=name: reverse(name, args=[council(size)]),
            queries,
            by="chair",
            shows=last("Hồ sơ dự thi số"),
        )


def test_decision_page_with_a_proposal_per_entry(world, entries, same_queries):
    """Scoring closed: one proposed outcome per scored entry, then the vote."""

    def closed(size):
        entries(size)
        council = closed_council(world.plan, world.who, f"Hội đồng {size} hồ sơ")
        commend(council, entries(size), reason=lambda r: f"Lý do số {r.name[-2:].strip()}")
        return reverse("review:decision", args=[council.pk])

    same_queries(closed, 18, by="chair", shows=last("Hồ sơ dự thi số"))


def test_rubric(world, same_queries):
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

    same_queries(
        reverse("review:rubric", args=[plan.pk]),
        8,
        by="district_admin",
        grow=grow,
        shows=lambda size: [f"Tiêu chí số {size - 1}", "6-10: đạt"],
    )


# --- at scale: past a page of 50, rows bulk-inserted (tests/review/crowd.py) --------------

# A council of 5 entries, then of 120 (three pages of the ranking, the queue, the decision).
SCALE = (5, 120)


def counted(singular: str, plural: str, size: int) -> str:
    """The count line a page shows for ``size`` rows, as the Vietnamese catalogue says it."""
    with translation.override("vi"):
        return ngettext(singular, plural, size) % {"total": size}


@pytest.fixture
def crowded(world):
    """(council, grow): the new council scoring; grow(n) brings it to n entries from four
    communes, every one assigned to its three members and scored (closed again after, when
    it was closed)."""
    council = world.new_council
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    units = crowd.communes(world.tree.district, 4)
    made = []

    def grow(size):
        council.refresh_from_db()
        closed = council.state == CouncilState.CLOSED
        if closed:
            council_set_state(actor=None, council=council, state=CouncilState.SCORING)
        made.extend(crowd.entries(world.plan, units, size - len(made), start=len(made)))
        assign(actor=None, council=council)
        crowd.scored(council)
        if closed:
            council_set_state(actor=None, council=council, state=CouncilState.CLOSED)

    return council, grow


def test_ranking_at_scale(crowded, same_queries):
    """The chair's ranking: 50 rows of the complete order, the total said; the order
    computed and paged by the database."""
    council, grow = crowded
    same_queries(
        reverse("review:ranking", args=[council.pk]),
        13,  # the page ordered by the database, with the number of entries
        by="chair",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: [counted("%(total)s entry", "%(total)s entries", size)],
    )


def test_ranking_filtered_at_scale(crowded, same_queries):
    council, grow = crowded
    same_queries(
        reverse("review:ranking", args=[council.pk]),
        15,
        by="chair",
        grow=grow,
        sizes=SCALE,
        query={"show": "disputed", "grade": "Khá", "page": "2"},
        shows=lambda size: [],
    )


def test_council_page_at_scale(crowded, same_queries):
    """Members' progress and the number of entries, but no list of every entry (nor of the
    people who may join: the council is scoring)."""
    council, grow = crowded
    response = same_queries(
        reverse("review:council_detail", args=[council.pk]),
        13,
        by="chair",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: ["Lê Văn Minh", f"{size}"],
    )
    assert "Hồ sơ số 119" not in content_of(response)
    assert 'name="person"' not in content_of(response)  # no member to add past set-up


def test_council_page_finding_an_entry_at_scale(crowded, same_queries):
    council, grow = crowded
    same_queries(
        reverse("review:council_detail", args=[council.pk]),
        14,
        by="chair",
        grow=grow,
        sizes=SCALE,
        query={"entry": "Hồ sơ số 4"},
        shows=lambda size: ["Hồ sơ số 4"],
    )


def test_decision_page_while_scoring_computes_no_ranking(crowded, same_queries):
    council, grow = crowded
    same_queries(
        reverse("review:decision", args=[council.pk]),
        8,
        by="chair",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: [],
    )


def test_decision_page_closed_at_scale(crowded, same_queries):
    """One page of 50 proposals in rank order, the total scored said."""
    council, grow = crowded
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    same_queries(
        reverse("review:decision", args=[council.pk]),
        18,
        by="chair",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: [counted("%(total)s entry scored", "%(total)s entries scored", size)],
    )


def test_scoring_queue_at_scale(crowded, same_queries, world):
    council, grow = crowded
    council.blind = True  # the queue numbers the entries
    council.save()
    same_queries(
        reverse("review:queue", args=[council.pk]),
        9,
        by="member",
        grow=grow,
        sizes=SCALE,
        shows=lambda size: [counted("%(total)s entry", "%(total)s entries", size)],
    )


def test_scoresheet_at_scale(crowded, same_queries, world):
    """The sheet's own queries (a blind council numbers its entries). The novelty findings
    beside the "novelty" criterion are another app's, guarded there: with 120 entries of the
    same words they find more, so the criterion goes by another code here."""
    council, grow = crowded
    council.blind = True
    council.save()
    council.plan.criteria.filter(code="novelty").update(code="new")
    mine = []

    def url(size):
        grow(size)
        if not mine:
            mine.append(
                council.members.get(person=world.who.member).assignments.order_by("pk").first()
            )
        return reverse("review:score", args=[council.pk, mine[0].pk])

    same_queries(url, 13, by="member", sizes=SCALE, shows=lambda size: ["Hồ Văn Quang"])


def test_assignment_run_at_scale(crowded, same_queries, world):
    council, grow = crowded
    runs = []

    def url(size):
        grow(size)
        runs.append(assignment_start(actor=None, council=council, per_registration=None))
        return reverse("review:assignment_run", args=[council.pk, runs[-1].pk])

    same_queries(url, 7, by="chair", sizes=SCALE, shows=lambda size: [council.name])
