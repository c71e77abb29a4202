"""The plan page prints as the official document only, on A4."""

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.helpers import browser_login
from thidua.plans.models import Plan


def test_plan_prints_only_the_official_document(new_page):
    page = new_page(DESKTOP)
    browser_login(page, "huyen")
    page.goto(f"/plans/{Plan.objects.get(number=115).pk}/")
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".no-print").first).to_be_hidden()
    expect(page.locator("article.official")).to_contain_text("Số 115-KH/HNDH")
    expect(page.locator("article.official")).to_contain_text("Sông Hinh, ngày 08 tháng 3 năm 2022")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
