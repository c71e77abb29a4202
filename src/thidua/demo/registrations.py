"""The demo's registrations: the communes' answers to plan 115 in 2022 (on time, returned,
late, entered from paper, a draft, one commune with nothing) and a few for the current
Đắk Lắk plan. Past dates are set after the fact: the domain functions record "now"."""

import datetime
from decimal import Decimal

from django.utils import timezone

from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_create,
    registration_receive,
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.initiatives.models import Registration, Transition
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Person, Role, Unit
from thidua.results.domain.reports import report_open, report_review, report_save, report_submit
from thidua.results.models import Progress, ResultsReport
from thidua.review.domain.councils import assign, council_create, council_set_state, member_add
from thidua.review.domain.scoring import scores_save
from thidua.review.models import CouncilState, MemberRole

# (commune code, kind, name, lead, sent on, then)  — then: receive / accept / return / None
SEED_2022 = [
    (
        "22216",
        "model",
        "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ",
        "Y Thuê Niê",
        datetime.date(2022, 4, 5),
        "accept",
    ),
    (
        "22237",
        "initiative",
        "Sáng kiến cải tiến máy tách hạt điều quy mô hộ",
        "Nguyễn Văn Tư",
        datetime.date(2022, 4, 8),
        "receive",
    ),
    (
        "22207",
        "idea",
        "Ý tưởng phiên chợ nông sản sạch cuối tuần tại thị trấn",
        "Trần Thị Mai",
        datetime.date(2022, 4, 9),
        None,
    ),
    (
        "22234",
        "model",
        "Mô hình nuôi bò vỗ béo theo tổ hợp tác",
        "Ksor Y Blúp",
        datetime.date(2022, 4, 2),
        "return",
    ),
    (
        "22228",
        "model",
        "Mô hình trồng hồ tiêu hữu cơ",
        "Lê Văn Bảy",
        datetime.date(2022, 4, 7),
        "receive",
    ),
    (
        "22210",
        "initiative",
        "Sáng kiến ủ phân vi sinh từ phụ phẩm mì",
        "Phạm Thị Hạnh",
        datetime.date(2022, 4, 10),
        "receive",
    ),
    (
        "22231",
        "model",
        "Mô hình tổ hội nghề nghiệp chăn nuôi dê",
        "Ma Văn Hùng",
        datetime.date(2022, 4, 6),
        "accept",
    ),
    (
        "22213",
        "model",
        "Mô hình cánh đồng mẫu lớn lúa nước",
        "Đinh Văn Sáu",
        datetime.date(2022, 4, 20),
        "receive",
    ),  # late
    ("22219", "idea", "Ý tưởng du lịch trải nghiệm buôn làng", "Y Ngọc", None, "paper"),
    ("22225", "initiative", "Sáng kiến hệ thống tưới nhỏ giọt tự chế", "Hoàng Văn Nam", None, None),
]
# Đức Bình Đông (22222) sends nothing: the compliance table shows it missing.

CURRENT = [
    ("22225", "model", "Mô hình cà phê tái canh liên kết hợp tác xã", "submit"),
    ("22237", "idea", "Ý tưởng sàn giao dịch nông sản trực tuyến của xã", None),
]


def load(*, district_plan, current_plan) -> None:
    huyen, xa = Person.objects.get(username="huyen"), Person.objects.get(username="xa")
    for code, kind, name, lead, sent_on, then in SEED_2022:
        unit = district_plan.unit.children.get(code=code)
        paper = then == "paper"
        registration = _filled(
            registration_create(
                actor=huyen if paper else xa,
                plan=district_plan,
                unit=unit,
                kind=kind,
                name=name,
                entered_by_office=paper,
            ),
            lead,
            unit,
        )
        if paper:
            registration_submit(
                actor=huyen, registration=registration, sent_on=datetime.date(2022, 4, 10)
            )
            continue
        if sent_on is None:
            continue
        registration = registration_submit(actor=xa, registration=registration)
        _backdate(registration, sent_on, due=datetime.date(2022, 4, 10))
        if then == "receive":
            registration_receive(actor=huyen, registration=registration)
        elif then == "accept":
            registration_accept(
                actor=huyen,
                registration=registration_receive(actor=huyen, registration=registration),
            )
        elif then == "return":
            registration_return(
                actor=huyen,
                registration=registration,
                reason="Bổ sung số hộ tham gia và dự kiến thu nhập tăng thêm.",
            )
    for code, kind, name, then in CURRENT:
        unit = Unit.objects.get(code=code, parent=current_plan.unit)
        registration = _filled(
            registration_create(actor=xa, plan=current_plan, unit=unit, kind=kind, name=name),
            "Nguyễn Thị Hoa",
            unit,
        )
        if then == "submit":
            registration_submit(actor=xa, registration=registration)


def _filled(registration: Registration, lead: str, unit: Unit) -> Registration:
    agreed = "được tập thể chi hội thảo luận, thống nhất."
    arguments = {
        a.criterion_id: f"{a.criterion.name} của mô hình {agreed}"
        for a in registration.arguments.select_related("criterion")
    }
    return registration_save(
        actor=None,
        registration=registration,
        version=registration.version,
        fields={
            "lead_name": lead,
            "lead_position": f"Hội viên, {unit.full_name}",
            "summary": f"{registration.name}: áp dụng cho các hộ hội viên trên địa bàn.",
            "applied_when": "Từ tháng 4 đến tháng 12",
            "applied_where": unit.area_name,
            "applied_work": "Sản xuất, chăn nuôi của hộ hội viên",
            "expected_results": "Tăng thu nhập cho hộ tham gia, nhân rộng ra các chi hội.",
            "households": 25,
        },
        arguments=arguments,
        implementers=[{"name": lead, "position_unit": "Hội viên", "role": "Chủ trì"}],
    )


def _backdate(registration: Registration, day: datetime.date, *, due: datetime.date) -> None:
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    Registration.objects.filter(pk=registration.pk).update(
        first_submitted_at=at, submitted_at=at, is_late=day > due
    )
    Transition.objects.filter(registration=registration).update(at=at, is_late=day > due)


def council(plan) -> None:
    """The district's council for plan 115: hoidong chairs it; scoring is open, two members
    have already scored some entries."""

    huyen = Person.objects.get(username="huyen")
    seats = [("hoidong", MemberRole.CHAIR)]
    for username, name, role in [
        ("hoidong2", "Phạm Thị Lan", MemberRole.SECRETARY),
        ("hoidong3", "Hồ Văn Quang", MemberRole.MEMBER),
    ]:
        person = person_create(
            actor=huyen,
            username=username,
            full_name=name,
            password="thidua-demo",  # noqa: S106
            email=f"{username}@example.vn",
        )
        membership_grant(actor=huyen, person=person, unit=plan.unit, role=Role.COUNCIL)
        seats.append((username, role))
    review = council_create(
        actor=huyen, plan=plan, name="Hội đồng đánh giá mô hình, sáng kiến năm 2022"
    )
    for username, role in seats:
        member_add(
            actor=huyen, council=review, person=Person.objects.get(username=username), role=role
        )
    assign(actor=huyen, council=review)
    council_set_state(actor=huyen, council=review, state=CouncilState.SCORING)
    for seat in review.members.exclude(person__username="hoidong"):
        for offset, assignment in enumerate(seat.assignments.order_by("registration_id")[:3]):
            scores_save(
                actor=seat.person,
                assignment=assignment,
                scores={
                    c.pk: (Decimal(12 + (offset * 3 + c.position * seat.pk) % 8), "")
                    for c in plan.criteria.all()
                },
                submit=True,
            )


# (commune code, sent on) — the communes' results reports on plan 115 in October 2022.
REPORTS_2022 = [
    ("22216", datetime.date(2022, 10, 20)),  # Ea Bá
    ("22237", datetime.date(2022, 10, 24)),  # Ea Ly
    ("22231", datetime.date(2022, 10, 18)),  # Ea Trol
    ("22213", datetime.date(2022, 10, 31)),  # Đức Bình Tây: late
    ("22207", None),  # Hai Riêng: still a draft
]


def reports(plan) -> None:
    """Some communes reported on time, one late, one has a draft, the rest nothing."""
    huyen = Person.objects.get(username="huyen")
    for code, sent_on in REPORTS_2022:
        unit = plan.unit.children.get(code=code)
        report = report_open(actor=None, plan=plan, unit=unit)
        report = report_save(
            actor=None,
            report=report,
            version=report.version,
            fields={
                "meetings": 4,
                "meeting_participants": 180,
                "media_items": 3,
                "events": 1,
                "event_participants": 60,
                "replicated": 1,
                "support_vnd": 5_000_000,
                "fund_vnd": 1_500_000,
                "shortcomings": "Một số chi hội triển khai còn chậm.",
                "proposals": "Đề nghị Huyện hội hỗ trợ kinh phí nhân rộng mô hình.",
            },
            results={
                r.registration_id: {
                    "progress": Progress.DONE,
                    "households": 25,
                    "text": "Đạt dự kiến.",
                }
                for r in report.results.all()
            },
        )
        if sent_on is None:
            continue
        report = report_submit(actor=None, report=report)
        at = timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(9)))
        ResultsReport.objects.filter(pk=report.pk).update(
            first_submitted_at=at, submitted_at=at, is_late=sent_on > datetime.date(2022, 10, 25)
        )
        report_review(actor=huyen, report=report, receive=True)
