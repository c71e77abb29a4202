"""Conflicts of interest (review/domain/conflicts.py): who never scores which entry."""

import random

import pytest

from tests.helpers import seat
from thidua.core import text
from thidua.initiatives.models import Registration
from thidua.org.domain.people import membership_grant
from thidua.org.models import Membership, Role
from thidua.org.models.units import ids_in_path
from thidua.review.domain.conflicts import OWN_UNIT, OWN_WORK, conflicts, exclusions
from thidua.review.domain.councils import (
    assign,
    council_set_state,
    entries,
    exclusion_add,
    member_add,
)
from thidua.review.models import Assignment, CouncilState, Exclusion, MemberRole


def test_member_from_the_entrys_commune_is_never_assigned(council, entry, tree):
    own = entry(tree.commune_a, name="Của xã A")
    other = entry(tree.commune_b, name="Của xã B")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    member = seat(council, "thanhvien")
    assert not Assignment.objects.filter(member=member, registration=own).exists()
    assert Assignment.objects.filter(member=member, registration=other).exists()
    assert Assignment.objects.filter(registration=own).count() == 2


def test_author_never_judges_own_work(council, entry, tree):
    work = entry(tree.commune_b, name="Máy tách hạt")
    work.implementers.create(name="Chủ Tịch", position_unit="", role="Chế tạo")
    assign(actor=None, council=council)
    assert not Assignment.objects.filter(
        member=seat(council, "chutich"), registration=work
    ).exists()


def test_a_name_written_without_its_marks_or_in_capitals_is_still_the_members(council, entry, tree):
    """The lead typed as "THU KY" and an implementer as "chu tich": the secretary and the
    chair are the authors; a longer name that merely contains theirs is someone else's."""
    led = entry(tree.commune_b, name="Sân phơi chung")
    led.lead_name = "THU KY"
    led.save()
    carried = entry(tree.commune_b, name="Máy tách hạt")
    carried.implementers.create(name="chu tich", position_unit="", role="Chế tạo")
    other = entry(tree.commune_b, name="Nuôi dê")
    other.implementers.create(name="Chủ Tịch Xã", position_unit="", role="Làm")
    found = conflicts(list(council.members.select_related("person")), [led, carried, other])
    assert found == {
        (seat(council, "thuky").pk, led.pk): OWN_WORK,
        (seat(council, "chutich").pk, carried.pk): OWN_WORK,
    }


@pytest.mark.parametrize("seed", [5, 17])
def test_every_spelling_of_a_members_name_finds_them_and_no_other_name_does(
    council, entry, tree, seed
):
    """Generated spellings of the members' names, each letter in capitals or not, with or
    without its marks ("Thư Ký", "THU KÝ", "thư ky"): each makes its member an author (the
    database finds it by its folded name); the same names with another last letter make
    nobody one."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    members = list(council.members.select_related("person"))

    def spelling(name: str) -> str:
        letters = [rng.choice([ch, text.fold(ch) or ch]) for ch in name]
        return "".join(rng.choice([ch.upper(), ch.lower()]) for ch in letters)

    authored, others = {}, []
    for number, member in enumerate(members):
        name = member.person.get_full_name()
        work = entry(tree.commune_b, name=f"Mô hình {number}")
        work.implementers.create(name=spelling(name), position_unit="", role="Làm")
        authored[(member.pk, work.pk)] = OWN_WORK
        other = entry(tree.commune_b, name=f"Mô hình khác {number}")
        other.implementers.create(name=spelling(name)[:-1] + "q", position_unit="", role="Làm")
        others.append(other)
    works = [Registration.objects.get(pk=pk) for _member, pk in authored]
    assert conflicts(members, works + others) == authored


def _rule(members, registrations) -> dict[tuple[int, int], str]:
    """The rule of ``conflicts`` written member by entry, without the database's help: the
    entry's unit on the path of a unit the member works in (any role but the seat), then the
    member's account or folded name as the lead's or an implementer's, then the chair's own
    exclusion with its reason."""
    found = {}
    for member in members:
        homes = Membership.objects.filter(person=member.person).exclude(role=Role.COUNCIL)
        above = {unit_id for m in homes for unit_id in ids_in_path(m.unit.path)}
        name = text.fold(member.person.get_full_name())
        for registration in registrations:
            pair = (member.pk, registration.pk)
            authors = [registration.lead_name, *(i.name for i in registration.implementers.all())]
            excluded = Exclusion.objects.filter(member=member, registration=registration).first()
            if registration.unit_id in above:
                found[pair] = OWN_UNIT
            elif registration.lead_id == member.person_id or (
                name and name in {text.fold(author) for author in authors}
            ):
                found[pair] = OWN_WORK
            elif excluded is not None:
                found[pair] = excluded.reason
    return found


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_conflicts_are_the_rule_over_generated_councils(
    council, entry, make_registration, make_person, tree, seed
):
    """Generated entries (of units above, below and beside the members', led or carried
    out by a member under some spelling of their name, or by their account, some excluded
    by the chair) and registrations that are not the council's (drafts) bearing the same
    names: ``conflicts`` of the council's entries, asked as a queryset, a list or their ids,
    is the rule written member by entry, and says nothing of the drafts."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    for username, home in [("thon", tree.branch_b), ("huyen", tree.district)]:
        person = make_person(username, Role.COUNCIL, tree.district, full_name=f"Ủy Viên {username}")
        membership_grant(actor=None, person=person, unit=home, role=Role.OFFICER)
        member_add(actor=None, council=council, person=person, role=MemberRole.MEMBER)
    members = list(council.members.select_related("person"))
    units = [tree.commune_a, tree.commune_b]
    names = [m.person.get_full_name() for m in members] + ["Nguyễn Văn Bình", "Chủ Tịch Xã"]
    for number in range(14):
        unit = rng.choice(units)
        work = (
            entry(unit, name=f"Mô hình {number}")
            if rng.random() < 0.8
            else make_registration(unit, name=f"Bản nháp {number}")
        )
        if rng.random() < 0.4:
            work.lead_name = rng.choice([n.upper() for n in names] + [text.fold(n) for n in names])
        if rng.random() < 0.2:
            work.lead = rng.choice(members).person
        work.save()
        for _ in range(rng.randrange(3)):
            work.implementers.create(name=rng.choice(names), position_unit="", role="Làm")
        if rng.random() < 0.3:
            exclusion_add(
                actor=None, member=rng.choice(members), registration=work, reason=f"Lý do {number}"
            )
    among = entries(council)
    expected = _rule(members, list(among))
    assert conflicts(members, among) == expected
    assert conflicts(members, list(among)) == expected
    assert conflicts(members, set(among.values_list("pk", flat=True))) == expected
    assert {pk for _m, pk in expected} <= set(among.values_list("pk", flat=True))
    reasons = set(expected.values())
    assert {OWN_UNIT, OWN_WORK} <= reasons  # every rule met: own unit, own work
    assert reasons - {OWN_UNIT, OWN_WORK}  # and the chair's own exclusions
    # The council page's list: the same pairs, by member then the entry's unit and number,
    # page after page, whichever way the entries are given.
    order = {m.pk: i for i, m in enumerate(members)}
    keys = dict(Registration.objects.values_list("pk", "unit__sort_key"))
    ordered = sorted(expected, key=lambda pair: (order[pair[0]], keys[pair[1]], pair[1]))
    for given in (among, list(among)):
        listed = [
            (shown.member.pk, shown.registration.pk)
            for number in range(1, (len(ordered) + 4) // 5 + 1)
            for shown in exclusions(members, given, number, per_page=5).object_list
        ]
        assert listed == ordered
