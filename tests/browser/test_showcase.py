"""The public showcase (#16) on a 360 px phone, without logging in: from the login page to
the showcase, a search typed without diacritics finding the demo's model written with them,
its page with its photo, honour and leaflet, the calendar; axe-core finds no serious
violation on any of them, and nothing is wider than the screen."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_smoke import axe_blocking_violations, describe, page_width

CASSAVA = "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"


def accessible_and_narrow(page, screenshot, label: str) -> None:
    violations = axe_blocking_violations(page)
    if violations:
        screenshot(page, label)
    assert not violations, describe(violations)
    assert page_width(page) <= PHONE["width"], f"{label} is wider than the phone"


def test_a_visitor_finds_a_model_without_diacritics_and_reads_it_on_a_phone(phone_page, screenshot):
    page = phone_page
    page.goto("/accounts/login/")
    page.locator("main a[href='/showcase/']").click()
    expect(page).to_have_url(re.compile(r"/showcase/$"))
    expect(page.locator(".showcase-card img").first).to_be_visible()
    accessible_and_narrow(page, screenshot, "showcase")
    screenshot(page, "showcase")

    page.locator("#id_q").fill("mo hinh trong san")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"q=mo\+hinh\+trong\+san"))
    found = page.get_by_role("link", name=CASSAVA)
    expect(found).to_be_visible()
    accessible_and_narrow(page, screenshot, "search")
    found.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(CASSAVA)
    photo = page.locator(".model-hero img")
    expect(photo).to_be_visible()
    # visible before it has loaded: decode() waits for the picture (and fails if broken)
    assert photo.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    assert page.locator("meta[property='og:title']").get_attribute("content") == CASSAVA
    assert "/showcase/models/" in page.locator("meta[property='og:url']").get_attribute("content")
    expect(page.locator("img.qr")).to_be_visible()
    expect(page.locator("a[href$='leaflet.docx']")).to_be_visible()
    accessible_and_narrow(page, screenshot, "model")
    screenshot(page, "model")

    page.goto("/calendar/list/")
    expect(
        page.get_by_role("link", name="Triển lãm sản phẩm sáng tạo của nhà nông")
    ).to_be_visible()
    accessible_and_narrow(page, screenshot, "calendar")
