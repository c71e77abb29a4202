"""The demo's registrations: the communes' answers to plan 115 in 2022 (on time, returned,
late, entered from paper, a draft, one commune with nothing), Sơn Hòa's communes' answers to
their district's plan, and a few for the current Đắk Lắk plan. Past dates are set after the
fact: the domain functions record "now"."""

import datetime

from django.utils import timezone

from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_create,
    registration_receive,
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.initiatives.models import Registration, RegistrationState, Transition
from thidua.org.models import Person, Unit

# (commune code, kind, name, lead, sent on, then)  — then: receive / accept / return / paper
# (entered by the district from a paper form, then received) / None (a draft).
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
        "22216",
        "idea",
        "Ý tưởng điểm thu gom, sơ chế sắn lát của chi hội",
        "H'Luyến Niê",
        datetime.date(2022, 4, 8),
        "receive",
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
        "receive",
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
    (
        "22219",
        "idea",
        "Ý tưởng du lịch trải nghiệm buôn làng",
        "Y Ngọc",
        datetime.date(2022, 4, 10),
        "paper",
    ),
    ("22225", "initiative", "Sáng kiến hệ thống tưới nhỏ giọt tự chế", "Hoàng Văn Nam", None, None),
]
# Đức Bình Đông (22222) sends nothing: the compliance table shows it missing.
SONG_HINH_DUE = datetime.date(2022, 4, 10)

# Sơn Hòa's communes, to their district (no demo account acts for Sơn Hòa: the entries are
# the data the district would have). Six of fourteen register, one late; all are received.
SON_HOA_2022 = [
    (
        "22165",
        "model",
        "Mô hình trồng bắp lai theo hướng hữu cơ",
        "Nguyễn Văn Lộc",
        datetime.date(2022, 4, 11),
        "receive",
    ),
    (
        "22171",
        "model",
        "Mô hình nuôi heo đen bản địa theo tổ hợp tác",
        "Ma Văn Điểu",
        datetime.date(2022, 4, 12),
        "receive",
    ),
    (
        "22177",
        "initiative",
        "Sáng kiến máy băm cỏ nuôi bò từ động cơ cũ",
        "Lê Văn Sơn",
        datetime.date(2022, 4, 8),
        "receive",
    ),
    (
        "22204",
        "model",
        "Mô hình trồng mía liên kết với nhà máy đường",
        "Trần Văn Hùng",
        datetime.date(2022, 4, 14),
        "accept",
    ),
    (
        "22201",
        "model",
        "Mô hình trồng lúa chất lượng cao",
        "Phạm Văn Tâm",
        datetime.date(2022, 4, 13),
        "receive",
    ),
    (
        "22192",
        "idea",
        "Ý tưởng phiên chợ nông sản vùng cao",
        "Ksor Y Đoan",
        datetime.date(2022, 4, 20),
        "receive",
    ),  # late
]
SON_HOA_DUE = datetime.date(2022, 4, 15)

CURRENT = [
    ("22225", "model", "Mô hình cà phê tái canh liên kết hợp tác xã", "submit"),
    ("22237", "idea", "Ý tưởng sàn giao dịch nông sản trực tuyến của xã", None),
]


def load(*, district_plan, son_hoa_plan, current_plan) -> None:
    huyen, xa = Person.objects.get(username="huyen"), Person.objects.get(username="xa")
    answer(district_plan, SEED_2022, commune=xa, office=huyen, due=SONG_HINH_DUE)
    answer(son_hoa_plan, SON_HOA_2022, commune=None, office=None, due=SON_HOA_DUE)
    for code, kind, name, then in CURRENT:
        unit = Unit.objects.get(code=code, parent=current_plan.unit)
        registration = _filled(
            registration_create(actor=xa, plan=current_plan, unit=unit, kind=kind, name=name),
            "Nguyễn Thị Hoa",
            unit,
        )
        if then == "submit":
            registration_submit(actor=xa, registration=registration)


def answer(plan, answers, *, commune, office, due: datetime.date) -> None:
    """The communes' registrations under ``plan``: ``commune`` types them, ``office`` (the
    district's) enters the paper ones and receives, accepts or returns them."""
    for code, kind, name, lead, sent_on, then in answers:
        unit = plan.unit.children.get(code=code)
        paper = then == "paper"
        registration = _filled(
            registration_create(
                actor=office if paper else commune,
                plan=plan,
                unit=unit,
                kind=kind,
                name=name,
                entered_by_office=paper,
            ),
            lead,
            unit,
        )
        if sent_on is None:
            continue
        if paper:
            registration = registration_submit(
                actor=office, registration=registration, sent_on=sent_on
            )
        else:
            registration = registration_submit(actor=commune, registration=registration)
        _backdate(registration, sent_on, due=due)
        if then in ("receive", "accept", "paper"):
            registration = registration_receive(actor=office, registration=registration)
        if then == "accept":
            registration_accept(actor=office, registration=registration)
        elif then == "return":
            registration_return(
                actor=office,
                registration=registration,
                reason="Bổ sung số hộ tham gia và dự kiến thu nhập tăng thêm.",
            )
        _backdate_review(registration, sent_on + datetime.timedelta(days=2))


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


def _backdate_review(registration: Registration, day: datetime.date) -> None:
    """The district received, accepted or returned it two days after it was sent."""
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14)))
    Transition.objects.filter(
        registration=registration,
        to_state__in=(
            RegistrationState.RECEIVED,
            RegistrationState.ACCEPTED,
            RegistrationState.RETURNED,
        ),
    ).update(at=at)
