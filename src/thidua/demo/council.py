"""Sông Hinh's evaluation council for plan 115 in 2022, from its members to its decision:
hoidong chairs it, hoidong2 is its secretary, hoidong3 a member; all three score every
entry, the chair closes scoring, proposes an outcome for each entry (the national award,
commendation, recognition, or none) and the council votes the list through (3 of 3) on
20/5/2022. The decision, the minutes and the certificates follow from the data."""

import datetime
from decimal import Decimal

from django.utils import timezone

from thidua.initiatives.models import Transition
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Person, Role, Unit
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
    registrations,
)
from thidua.review.domain.decisions import decision_record, proposal_set
from thidua.review.domain.ranking import ranking
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment, Council, CouncilState, MemberRole, Outcome

NAME = "Hội đồng đánh giá mô hình, sáng kiến năm 2022"
SEATS = [
    ("hoidong", MemberRole.CHAIR),
    ("hoidong2", MemberRole.SECRETARY),
    ("hoidong3", MemberRole.MEMBER),
]
SCORED_ON = datetime.date(2022, 5, 16)
DECIDED_ON = datetime.date(2022, 5, 20)

# Each entry's points per criterion (out of 20), by its name: the order the council ranked
# them in. The members differ by a point here and there; the means stay these.
MERIT = {
    "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ": 19,
    "Mô hình tổ hội nghề nghiệp chăn nuôi dê": 18,
    "Sáng kiến cải tiến máy tách hạt điều quy mô hộ": 17,
    "Mô hình trồng hồ tiêu hữu cơ": 16,
    "Ý tưởng điểm thu gom, sơ chế sắn lát của chi hội": 15,
    "Sáng kiến ủ phân vi sinh từ phụ phẩm mì": 14,
    "Ý tưởng du lịch trải nghiệm buôn làng": 13,
    "Mô hình cánh đồng mẫu lớn lúa nước": 11,
    "Ý tưởng phiên chợ nông sản sạch cuối tuần tại thị trấn": 10,
}
# Outcomes by rank: the best goes to the national award, the next two are commended, then
# recognition down to 65 points (Khá); below that, none.
OUTCOMES = [Outcome.NOMINATED, Outcome.COMMENDED, Outcome.COMMENDED]
RECOGNITION_FROM = Decimal(65)
REASONS = {
    Outcome.NOMINATED: "Mô hình tiêu biểu, hiệu quả kinh tế cao, có khả năng nhân rộng.",
    Outcome.NONE: "Chưa đạt mức điểm công nhận (65 điểm); đề nghị tiếp tục hoàn thiện.",
}
COMMENTS = {
    "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ": "Liên kết tiêu thụ ổn định, "
    "thu nhập hộ tham gia tăng rõ.",
    "Ý tưởng phiên chợ nông sản sạch cuối tuần tại thị trấn": "Ý tưởng hay nhưng chưa có "
    "phương án tổ chức cụ thể.",
}


def members(district: Unit) -> None:
    """The council's two other members: people with the district's council role."""
    huyen = Person.objects.get(username="huyen")
    for username, name in [("hoidong2", "Phạm Thị Lan"), ("hoidong3", "Hồ Văn Quang")]:
        person = person_create(
            actor=huyen,
            username=username,
            full_name=name,
            password=None,  # the demo's password, set with the others' (load.py)
            email=f"{username}@example.vn",
        )
        membership_grant(actor=huyen, person=person, unit=district, role=Role.COUNCIL)


def council_open(plan, *, name: str = NAME) -> Council:
    """A council of the plan with the three demo members, every entry assigned, scoring open."""
    huyen = Person.objects.get(username="huyen")
    council = council_create(actor=huyen, plan=plan, name=name)
    for username, role in SEATS:
        member_add(
            actor=huyen, council=council, person=Person.objects.get(username=username), role=role
        )
    assign(actor=huyen, council=council)
    return council_set_state(actor=huyen, council=council, state=CouncilState.SCORING)


def decide(plan) -> Council:
    """The 2022 council, from its set-up to its decision."""
    huyen = Person.objects.get(username="huyen")
    council = council_open(plan)
    criteria = list(plan.criteria.order_by("position"))
    for offset, seat in enumerate(council.members.select_related("person").order_by("pk")):
        for assignment in seat.assignments.select_related("registration"):
            name = assignment.registration.name
            points = {c.pk: Decimal(MERIT[name]) for c in criteria}
            # One member a point above on one criterion, one a point below on another.
            if offset:
                points[criteria[offset].pk] += 1 if offset == 1 else -1
            comment = COMMENTS.get(name, "") if seat.role == MemberRole.CHAIR else ""
            scores_save(
                actor=seat.person,
                assignment=assignment,
                scores={pk: (value, comment) for pk, value in points.items()},
                submit=True,
            )
    at = timezone.make_aware(datetime.datetime.combine(SCORED_ON, datetime.time(16)))
    Assignment.objects.filter(member__council=council).update(submitted_at=at)
    chair = council.members.get(role=MemberRole.CHAIR).person
    council_set_state(actor=chair, council=council, state=CouncilState.CLOSED)
    rows = ranking(council, list(registrations(council)))
    for rank, row in enumerate(rows):
        if rank < len(OUTCOMES):
            outcome = OUTCOMES[rank]
        else:
            outcome = Outcome.RECOGNISED if row.score >= RECOGNITION_FROM else Outcome.NONE
        proposal_set(
            actor=chair,
            council=council,
            registration=row.registration,
            outcome=outcome,
            reason=REASONS.get(outcome, ""),
        )
    decision_record(
        actor=huyen,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=DECIDED_ON,
        started_at=datetime.time(14, 0),  # the minutes say when the meeting opened and closed
        ended_at=datetime.time(16, 30),
    )
    # The outcomes reached the communes the day of the vote, not today.
    decided_at = timezone.make_aware(datetime.datetime.combine(DECIDED_ON, datetime.time(17)))
    Transition.objects.filter(
        registration__in=[row.registration for row in rows], at__gt=decided_at
    ).update(at=decided_at)
    return council
