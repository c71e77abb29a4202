"""Councils (review/domain/councils.py): members, exclusions, balanced and CSV assignment."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import issued_plan, score_all, seat
from tests.review import crowd
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Role
from thidua.plans.domain.plans import plan_create
from thidua.plans.domain.tree import plan_tree
from thidua.plans.models import PlanBasis
from thidua.review.domain.councils import (
    REVIEWED_STATES,
    assign,
    assign_from_csv,
    council_create,
    council_set_state,
    entries,
    exclusion_add,
    member_add,
)
from thidua.review.domain.ranking import ranking
from thidua.review.models import Assignment, Council, CouncilState, MemberRole

D = Decimal


def test_only_people_with_the_council_role_sit_on_it(council, make_person, tree):
    outsider = make_person("ngoai", Role.OFFICER, tree.district)
    with pytest.raises(ValidationError):
        member_add(actor=None, council=council, person=outsider, role=MemberRole.MEMBER)


def test_adding_a_member_twice_is_refused_with_a_message(council):
    with pytest.raises(ValidationError):
        member_add(
            actor=None,
            council=council,
            person=seat(council, "thuky").person,
            role=MemberRole.MEMBER,
        )


def test_the_seat_is_read_once_and_a_member_added_is_seen_at_once(council, make_person, tree):
    """access reads a council's members once per council object (a request asks for the
    seat up to three times); adding a member through the domain forgets them, so the same
    object sees the new seat."""
    newcomer = make_person("moi", Role.COUNCIL, tree.district)
    council = Council.objects.get(pk=council.pk)  # as a request loads it
    with CaptureQueriesContext(connection) as queries:
        assert not access.can_view_council(newcomer, council)
        assert not access.can_manage_council(newcomer, council)
        assert access.council_seat(newcomer, council) is None
    read = [q["sql"] for q in queries.captured_queries if "review_councilmember" in q["sql"]]
    assert len(read) == 1, read
    member_add(actor=None, council=council, person=newcomer, role=MemberRole.MEMBER)
    assert access.council_seat(newcomer, council).person == newcomer
    assert access.can_view_council(newcomer, council)


def test_balanced_assignment_gives_each_registration_n_members_evenly(council, entry, tree):
    for number in range(4):
        entry(tree.commune_b, name=f"Mục {number}")
    assign(actor=None, council=council, per_registration=2)
    per_registration = {}
    per_member = {}
    for member_id, registration_id in Assignment.objects.values_list(
        "member_id", "registration_id"
    ):
        per_registration[registration_id] = per_registration.get(registration_id, 0) + 1
        per_member[member_id] = per_member.get(member_id, 0) + 1
    assert set(per_registration.values()) == {2}
    assert max(per_member.values()) - min(per_member.values()) <= 1


def test_csv_assignment_by_hand_refuses_conflicts_and_assigns_nothing_then(council, entry, tree):
    own = entry(tree.commune_a, name="Của xã A")
    other = entry(tree.commune_b, name="Của xã B")
    errors = assign_from_csv(
        actor=None, council=council, content=f"{other.pk},thanhvien\n{own.pk},thanhvien\n".encode()
    )
    assert errors == ["Dòng 2: thành viên này không được chấm hồ sơ này."]
    assert not Assignment.objects.exists()
    assert (
        assign_from_csv(actor=None, council=council, content=f"{other.pk},THANHVIEN\n".encode())
        == []
    )
    assert Assignment.objects.get().member == seat(council, "thanhvien")


def test_excluding_a_member_removes_the_scores_already_given(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [20] * 5)
    score_all(council, "thuky", item, [10] * 5)
    exclusion_add(actor=None, member=seat(council, "chutich"), registration=item, reason="Tác giả")
    assert ranking(council, [item])[0].totals == [D("50.00")]


def test_assigning_costs_the_same_queries_for_ten_or_two_hundred_entries(council, tree, open_plan):
    """Conflicts set-based, loads read at once, the sheets inserted in batches (as large as
    the database takes: 166 rows on SQLite, 2,000 elsewhere): a council of 200 entries costs
    what one of 10 does but for the batches; the progress is heard as it goes."""
    units = crowd.communes(tree.district, 4)
    heard, costs = [], []
    for size in (10, 200):
        crowd.entries(open_plan, units, size, start=len(costs) * 10)
        Assignment.objects.filter(member__council=council).delete()
        with CaptureQueriesContext(connection) as queries:
            made = assign(
                actor=None,
                council=council,
                per_registration=2,
                progress=lambda done, total: heard.append((done, total)),
            )
        total = Registration.objects.filter(plan=open_plan).count()
        assert made == 2 * total
        assert heard[-1] == (total, total)
        inserts = [q for q in queries if 'INTO "review_assignment"' in q["sql"]]
        assert len(inserts) <= made // 100 + 1
        costs.append(len(queries) - len(inserts))
    assert costs[0] == costs[1] == 12  # the plan tree walked by the database, not read


def test_a_council_of_a_plan_takes_the_entries_of_the_plans_below_it_as_plan_tree_does(tree):
    """The entries are those of ``compliance.plan_tree``'s plans, walked by the database:
    the province's plan, a district's plan written on its basis and a commune's on the
    district's; not a plan below a draft, nor a plan written on no basis."""

    def plan(unit, title, on=None, draft=False):
        if draft:
            return plan_create(
                actor=None,
                unit=unit,
                title=title,
                movement_name="Thi đua",
                period_start=datetime.date(2022, 1, 1),
                period_end=datetime.date(2022, 12, 31),
            )
        made = issued_plan(
            unit,
            title=title,
            movement_name="Thi đua",
            issued_on=datetime.date(2022, 3, 3),
            signer_name="Nguyễn Văn An",
            signer_title="Chủ tịch",
        )
        if on is not None:
            PlanBasis.objects.create(plan=made, parent=on, text="Căn cứ")
        return made

    top = plan(tree.province, "Kế hoạch của tỉnh")
    district = plan(tree.district, "Kế hoạch của huyện", on=top)
    commune = plan(tree.commune_a, "Kế hoạch của xã", on=district)
    draft = plan(tree.district, "Dự thảo", draft=True)
    PlanBasis.objects.create(plan=draft, parent=top, text="Căn cứ")
    below_draft = plan(tree.commune_b, "Dưới dự thảo", on=draft)
    alone = plan(tree.commune_b, "Không căn cứ")
    units = [tree.commune_a, tree.commune_b]
    made = {
        p.pk: set(crowd.entries(p, units, 2, start=10 * i))
        for i, p in enumerate([top, district, commune, draft, below_draft, alone])
    }
    council = council_create(actor=None, plan=top, name="Hội đồng tỉnh")
    expected = set(
        Registration.objects.filter(plan__in=plan_tree(top), state__in=REVIEWED_STATES).values_list(
            "pk", flat=True
        )
    )
    assert expected == made[top.pk] | made[district.pk] | made[commune.pk]
    assert set(entries(council).values_list("pk", flat=True)) == expected
