"""The 2023 plan of Sông Hinh's movement, linked to plan 115 as the year after it, with the
communes' registrations: the dashboard and the roll-up compare the two years side by side
("Year over year"). Old communes: the 2025 reorganisation had not happened yet."""

import datetime

from thidua.demo.registrations import answer
from thidua.org.models import Person
from thidua.plans.domain.plans import plan_create, plan_issue, plan_set_body
from thidua.plans.domain.series import plan_link_previous
from thidua.plans.models import Plan

ISSUED_ON = datetime.date(2023, 3, 6)
DUE = datetime.date(2023, 4, 14)

# (commune code, kind, name, lead, sent on, then): eight communes in 2023, against 2022's six.
ANSWERS_2023 = [
    ("22216", "model", "Mô hình nuôi bò vỗ béo theo chuỗi liên kết", "Y Brơm", 4, "receive"),
    ("22237", "model", "Mô hình trồng đậu phộng xen cây điều", "Nguyễn Văn Bình", 5, "receive"),
    ("22207", "initiative", "Sáng kiến sổ tay điện tử cho chi hội", "Trần Thị Mai", 6, "receive"),
    ("22234", "model", "Mô hình tổ hợp tác thu gom nông sản", "Lê Văn Phúc", 7, "receive"),
    ("22228", "idea", "Ý tưởng quầy giới thiệu đặc sản của xã", "Hồ Thị Lan", 10, "receive"),
    ("22210", "model", "Mô hình nuôi ong lấy mật dưới tán rừng", "Ksor Y Nguôn", 11, "receive"),
    ("22213", "model", "Mô hình gà thả vườn an toàn sinh học", "Phạm Văn Hòa", 12, "receive"),
    ("22225", "initiative", "Sáng kiến máy sấy nông sản bằng trấu", "Hoàng Văn Nam", 17, "receive"),
]


def load(district_plan: Plan) -> Plan:
    huyen, xa = Person.objects.get(username="huyen"), Person.objects.get(username="xa")
    plan = plan_create(
        actor=huyen,
        unit=district_plan.unit,
        title=district_plan.title.replace("2022", "2023"),
        movement_name=district_plan.movement.name,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        signer_name=district_plan.signer_name,
        signer_title=district_plan.signer_title,
    )
    plan_set_body(
        actor=huyen,
        plan=plan,
        source="# I. MỤC ĐÍCH, YÊU CẦU\nTiếp tục phong trào thi đua của năm 2022.\n"
        "# II. NỘI DUNG\nMỗi cơ sở Hội đăng ký ít nhất một mô hình, sáng kiến, ý tưởng.",
    )
    plan = plan_issue(actor=huyen, plan=plan, issued_on=ISSUED_ON)
    plan = plan_link_previous(actor=huyen, plan=plan, previous=district_plan)
    answers = [
        (code, kind, name, lead, datetime.date(2023, 4, day), then)
        for code, kind, name, lead, day, then in ANSWERS_2023
    ]
    answer(plan, answers, commune=xa, office=huyen, due=DUE)
    return plan
