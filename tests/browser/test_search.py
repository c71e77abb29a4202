"""Search everywhere (issue #12): the box in the header finds the demo's records typed without
diacritics, on a phone and on a desktop, and the results page passes axe-core."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_smoke import axe_blocking_violations, describe
from tests.helpers import browser_login

CASSAVA = "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"


def search_from_the_header(page, typed: str) -> None:
    box = page.get_by_role("searchbox")
    box.fill(typed)
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tìm kiếm")


def test_the_header_box_finds_records_typed_without_diacritics(new_page, screenshot):
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        browser_login(page, "xa")
        search_from_the_header(page, "mo hinh trong san")

        found = page.get_by_role("link", name=CASSAVA)
        expect(found).to_be_visible()
        expect(found.locator("mark").first).to_have_text("Mô")
        expect(page.get_by_role("searchbox")).to_have_value("mo hinh trong san")
        box = page.get_by_role("searchbox").bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= viewport["width"]
        violations = axe_blocking_violations(page)
        assert not violations, describe(violations)
        screenshot(page, f"cassava-{viewport['width']}")

        search_from_the_header(page, "nguyen")
        expect(page.get_by_role("link", name="Nguyễn Thị Hoa")).to_be_visible()
        expect(page).to_have_title(re.compile("nguyen"))
