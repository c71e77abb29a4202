import datetime

import pytest

from thidua.initiatives.domain.registrations import registration_create, registration_save
from thidua.org.models import UnitKind
from thidua.plans.domain.plans import plan_issue
from thidua.plans.models import LatePolicy

COMPLETE = {
    "lead_name": "Y Thuê Niê",
    "lead_position": "Chi hội trưởng Thôn 1",
    "summary": "Trồng sắn cao sản, liên kết tiêu thụ với nhà máy.",
    "applied_when": "Tháng 4 - 12/2022",
    "applied_where": "Thôn 1, xã Ea Bá",
    "applied_work": "Trồng trọt",
    "expected_results": "Tăng thu nhập 20%.",
}


@pytest.fixture
def open_plan(make_plan, tree):
    """An issued district plan asking every commune for one registration, due 10/4/2022."""
    plan = make_plan()
    plan.quota_kinds = [UnitKind.COMMUNE, UnitKind.TOWNSHIP]
    plan.quota_minimum = 1
    plan.late_registrations = LatePolicy.MARK_LATE
    plan.save()
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 8))


@pytest.fixture
def make_registration(open_plan, tree):
    def make(unit=None, *, complete=True, name="Mô hình trồng sắn cao sản", actor=None):
        registration = registration_create(
            actor=actor, plan=open_plan, unit=unit or tree.commune_a, kind="model", name=name
        )
        if complete:
            registration = registration_save(
                actor=actor,
                registration=registration,
                version=registration.version,
                fields=COMPLETE,
                arguments={a.criterion_id: "Lập luận." for a in registration.arguments.all()},
                implementers=[{"name": "Nguyễn Văn A", "position_unit": "Hội viên", "role": "Làm"}],
            )
        return registration

    return make
