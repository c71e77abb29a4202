"""The demo's replication and national award: Ea Bá's cassava model, nominated by the 2022
council, is replicated in Ea Ly and Ea Trol (with their results, before the communes report
in October, so their reports count it), and its nomination dossier goes up from the district
and is endorsed by the province to the national level. Past dates are set after the fact:
the domain functions record "now"."""

import datetime

from django.utils import timezone

from thidua.award.domain.nominations import (
    nomination_endorse,
    nomination_prepare,
    nomination_send,
    nomination_update,
)
from thidua.award.models import Step
from thidua.initiatives.models import Registration
from thidua.org.models import Person
from thidua.replication.domain.replications import replication_adopt, replication_report

MODEL = "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"
# (commune code, from, branches, households, scale, what it adjusted, (results as of,
# households now, results))
REPLICATIONS = [
    (
        "22237",  # Ea Ly
        datetime.date(2022, 7, 1),
        ["Thôn 1", "Buôn Mới"],
        24,
        "30 ha",
        "Dùng giống sắn KM140 chịu hạn thay KM94; ký hợp đồng tiêu thụ với nhà máy tinh bột "
        "sắn Đồng Xuân.",
        (
            datetime.date(2022, 10, 15),
            31,
            "Năng suất bình quân 30 tấn/ha, cao hơn ruộng ngoài mô hình 7 tấn/ha; toàn bộ sản "
            "lượng được nhà máy bao tiêu.",
        ),
    ),
    (
        "22231",  # Ea Trol
        datetime.date(2022, 8, 15),
        ["Thôn 2"],
        12,
        "15 ha",
        "Trồng xen đậu xanh giữa hai hàng sắn để giữ ẩm và có thêm thu nhập.",
        (
            datetime.date(2022, 10, 10),
            15,
            "Sắn sinh trưởng tốt; thu thêm 0,8 tấn đậu xanh/ha; lợi nhuận tăng khoảng 12 triệu "
            "đồng/ha.",
        ),
    ),
]
ENDORSEMENT = (
    "Hội Nông dân xã Ea Bá xác nhận: mô hình do Chi hội Thôn 1 chủ trì, áp dụng từ vụ "
    "2021 với 42 hộ hội viên tham gia; các số liệu trong hồ sơ là đúng sự thật."
)
ENDORSER = "Chủ tịch Hội Nông dân xã Ea Bá, Nguyễn Thị Hoa"
SENT_ON = datetime.date(2022, 6, 6)
ENDORSED_ON = datetime.date(2022, 6, 20)


def load(district_plan) -> None:
    huyen = Person.objects.get(username="huyen")
    tinh = Person.objects.get(username="tinh")
    model = Registration.objects.get(plan=district_plan, name=MODEL)
    for code, started_on, branches, households, scale, adjusted, outcome in REPLICATIONS:
        commune = district_plan.unit.children.get(code=code)
        # The district's office enters what the communes reported on paper.
        replication = replication_adopt(
            actor=huyen,
            registration=model,
            unit=commune,
            started_on=started_on,
            households=households,
            branches=list(commune.children.filter(name__in=branches)),
            scale=scale,
            adjustments=adjusted,
        )
        results_on, households_now, results = outcome
        replication_report(
            actor=huyen,
            replication=replication,
            results=results,
            results_on=results_on,
            households=households_now,
        )
    nomination = nomination_prepare(actor=huyen, registration=model)
    nomination_update(
        actor=huyen, nomination=nomination, endorsement=ENDORSEMENT, endorser=ENDORSER
    )
    nomination.refresh_from_db()
    nomination_send(actor=huyen, nomination=nomination, on=SENT_ON)
    nomination_endorse(
        actor=tinh, nomination=nomination, note="Mô hình tiêu biểu của tỉnh, đề nghị xét tặng."
    )
    for day, step in zip((SENT_ON, ENDORSED_ON), nomination.steps.order_by("pk"), strict=True):
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
        Step.objects.filter(pk=step.pk).update(at=at)
