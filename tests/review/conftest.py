import pytest

from thidua.initiatives.domain.registrations import registration_receive, registration_submit
from thidua.org.models import Role
from thidua.review.domain.councils import council_create, member_add
from thidua.review.models import MemberRole


@pytest.fixture
def entry(make_registration):
    """make(unit) → a received registration: an entry the council evaluates."""

    def make(unit=None, name="Mô hình trồng sắn cao sản", **kwargs):
        registration = registration_submit(
            actor=None, registration=make_registration(unit, name=name, **kwargs)
        )
        return registration_receive(actor=None, registration=registration)

    return make


@pytest.fixture
def council(open_plan, tree, make_person):
    """A council of three: chair (district), secretary (district), member from commune A."""
    chair = make_person("chutich", Role.COUNCIL, tree.district, full_name="Chủ Tịch")
    secretary = make_person("thuky", Role.COUNCIL, tree.district, full_name="Thư Ký")
    member = make_person("thanhvien", Role.COUNCIL, tree.district, full_name="Thành Viên A")
    from thidua.org.domain.people import membership_grant

    membership_grant(actor=None, person=member, unit=tree.commune_a, role=Role.OFFICER)
    created = council_create(actor=None, plan=open_plan, name="Hội đồng đánh giá")
    member_add(actor=None, council=created, person=chair, role=MemberRole.CHAIR)
    member_add(actor=None, council=created, person=secretary, role=MemberRole.SECRETARY)
    member_add(actor=None, council=created, person=member, role=MemberRole.MEMBER)
    return created
