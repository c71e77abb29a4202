import datetime

import pytest

from thidua.plans.domain.plans import end_of_day, plan_create, plan_set_body, plan_set_list
from thidua.plans.models import DeadlineKind

BODY = """# MỤC ĐÍCH, YÊU CẦU
## Mục đích
- Tăng cường công tác tuyên truyền.
## Yêu cầu
- Đi vào thực chất.
# NỘI DUNG
Phát động phong trào thi đua.
##
Thi đua nâng cao chất lượng.
# TỔ CHỨC THỰC HIỆN
Các xã, thị trấn xây dựng kế hoạch.
"""


@pytest.fixture
def make_plan(tree):
    """make_plan(unit=…) → a draft plan with a body and the seed's deadlines."""

    def make(unit=None, title="Kế hoạch thực hiện phong trào thi đua năm 2022", actor=None):
        plan = plan_create(
            actor=actor,
            unit=unit or tree.district,
            title=title,
            movement_name="Sông Hinh đoàn kết sáng tạo",
            period_start=datetime.date(2022, 1, 1),
            period_end=datetime.date(2022, 12, 31),
        )
        plan_set_body(actor=actor, plan=plan, source=BODY)
        plan_set_list(
            actor=actor,
            plan=plan,
            kind="deadlines",
            rows=[
                {
                    "kind": DeadlineKind.REGISTRATION,
                    "label": "Đăng ký mô hình",
                    "due_at": end_of_day(datetime.date(2022, 4, 10)),
                },
                {
                    "kind": DeadlineKind.REPORT,
                    "label": "Báo cáo kết quả",
                    "due_at": end_of_day(datetime.date(2022, 10, 25)),
                },
            ],
        )
        return plan

    return make
