"""Conflicts of interest (review/domain/conflicts.py): who never scores which entry."""

import random

import pytest

from tests.helpers import seat
from thidua.core import text
from thidua.initiatives.models import Registration
from thidua.review.domain.conflicts import OWN_WORK, conflicts
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.models import Assignment, CouncilState


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
