"""Conflicts of interest (review/domain/conflicts.py): who never scores which entry."""

from tests.helpers import seat
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
