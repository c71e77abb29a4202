"""A commune officer registers on a phone, loses the connection, submits; the province
returns it; the officer revises and resubmits; the province receives it."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import browser_login

PLAN_TITLE = "Nông dân Đắk Lắk"


def open_current_plan_registrations(page) -> None:
    page.goto("/plans/")
    page.get_by_role("link", name=re.compile(PLAN_TITLE)).first.click()
    page.get_by_role("link", name="Đăng ký", exact=True).first.click()


def test_officer_registers_offline_then_province_returns_and_receives(new_page, screenshot):
    officer = new_page(PHONE)
    browser_login(officer, "xa")
    open_current_plan_registrations(officer)
    officer.get_by_role("link", name="Đăng ký", exact=True).first.click()
    officer.get_by_role("radio", name="mô hình").check()
    officer.get_by_label("Tên mô hình, sáng kiến hoặc ý tưởng mới").fill("Mô hình nuôi ong lấy mật")
    officer.get_by_role("button", name="Tiếp tục").click()

    expect(officer.get_by_role("heading", level=1)).to_contain_text("Mô hình nuôi ong lấy mật")
    officer.get_by_label("Người chủ trì", exact=True).fill("Y Khoa Niê")
    officer.get_by_label("Mô tả tóm tắt").fill("Nuôi ong dưới tán cà phê, bán mật theo tổ hợp tác.")
    officer.get_by_role("button", name="Lưu nháp").click()
    expect(officer.locator(".messages")).to_contain_text("Đã lưu bản nháp")

    # The connection drops while she writes: the text stays on the phone.
    officer.context.set_offline(True)
    officer.get_by_label("Địa điểm áp dụng").fill("Buôn Ken, xã Ea Bá")
    expect(officer.locator("[data-autosave-status]")).to_contain_text("Mất kết nối")
    officer.context.set_offline(False)
    expect(officer.locator("[data-autosave-status]")).to_contain_text("Đã lưu", timeout=15_000)
    officer.reload()
    expect(officer.get_by_label("Địa điểm áp dụng")).to_have_value("Buôn Ken, xã Ea Bá")

    officer.get_by_label("Dự kiến kết quả đạt được").fill("30 hộ, thu nhập tăng 15%.")
    for field in officer.locator("textarea[name^='arg_']").all():
        field.fill("Được chi hội thống nhất.")
    screenshot(officer, "registration-form")
    officer.get_by_role("button", name="Lưu và gửi lên cấp trên").click()
    expect(officer.locator(".badge--submitted")).to_be_visible()
    registration_url = officer.url

    province = new_page(PHONE)
    browser_login(province, "tinh")
    province.goto(registration_url)
    province.locator("summary", has_text="Trả lại để bổ sung").click()
    province.get_by_label("Lý do trả lại? Cần bổ sung, chỉnh sửa gì?").fill(
        "Bổ sung số hộ tham gia."
    )
    province.get_by_role("button", name="Trả lại", exact=True).click()
    expect(province.locator(".badge--returned")).to_be_visible()

    officer.reload()
    expect(officer.locator(".message--warning")).to_contain_text("Bổ sung số hộ tham gia.")
    officer.get_by_role("link", name="Bổ sung, chỉnh sửa").click()
    officer.get_by_label("Số hộ tham gia").fill("30")
    officer.get_by_role("button", name="Lưu và gửi lên cấp trên").click()
    expect(officer.locator(".badge--submitted")).to_be_visible()

    province.reload()
    province.get_by_role("button", name="Tiếp nhận").click()
    expect(province.locator(".badge--received")).to_be_visible()
    screenshot(province, "registration-received")
