"""The start page says what to do, and the office acts on several registrations at once:
`xa` sees the open 2026 plan with its deadline and her draft (phone and desktop); `huyen`
ticks three registrations its communes sent and receives them in one action (phone)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_focus import draft_of_xa
from tests.helpers import browser_login, completed
from thidua.demo import load as demo
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org.models import UnitLevel
from thidua.plans.models import Plan

pytestmark = pytest.mark.browser


def three_sent_to_huyen() -> list[int]:
    """Three communes of Sông Hinh send a registration on plan 115 (late, as the plan allows)."""
    plan = Plan.objects.get(number=115)
    communes = plan.unit.children.filter(level=UnitLevel.COMMUNE).order_by("sort_key")[:3]
    return [
        registration_submit(
            actor=None,
            registration=completed(
                registration_create(
                    actor=None, plan=plan, unit=unit, kind="idea", name=f"Ý tưởng gửi muộn {n}"
                )
            ),
        ).pk
        for n, unit in enumerate(communes, start=1)
    ]


def test_xa_sees_what_to_do_and_huyen_receives_three_at_once(new_page, screenshot):
    draft_of_xa()
    sent = three_sent_to_huyen()
    plan = Plan.objects.get(number=12, unit__code=demo.DAK_LAK)
    for viewport in (PHONE, DESKTOP):
        home = new_page(viewport)
        browser_login(home, "xa")
        todo = home.locator("main")
        expect(todo).to_contain_text(plan.number_symbol)
        expect(todo).to_contain_text("Đang nhận đăng ký")
        expect(todo).to_contain_text(f"hạn {plan.deadlines.order_by('due_at')[0].due_at:%d/%m/%Y}")
        expect(todo).to_contain_text(re.compile(r"còn \d+ ngày"))
        expect(todo).to_contain_text("Phiếu đăng ký chưa gửi (bản nháp)")
        screenshot(home, f"home-xa-{viewport['width']}")

    office = new_page(PHONE)
    browser_login(office, "huyen")
    office.goto(f"/plans/{Plan.objects.get(number=115).pk}/registrations/?state=submitted")
    for number in (1, 2, 3):
        office.get_by_label(f"Chọn: Ý tưởng gửi muộn {number}").check()
    office.get_by_role("button", name="Tiếp nhận các phiếu đã chọn").click()
    expect(office.locator(".messages")).to_contain_text("Đã tiếp nhận 3 phiếu đăng ký")
    assert set(Registration.objects.filter(pk__in=sent).values_list("state", flat=True)) == {
        RegistrationState.RECEIVED
    }
    screenshot(office, "bulk-received")
