"""Logging out on a shared office computer leaves no draft behind in the browser."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import browser_login

DRAFTS = ["thidua:autosave:registration-12", "thidua:autosave:report-3"]


def test_logging_out_forgets_the_drafts_autosave_kept(new_page):
    page = new_page(PHONE)
    browser_login(page, "xa")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    page.evaluate(
        """(keys) => {
            keys.forEach((key) => localStorage.setItem(key, JSON.stringify({values: {}})));
            localStorage.setItem('another-site-setting', 'kept');
        }""",
        DRAFTS,
    )
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bạn đã đăng xuất")
    page.wait_for_function("() => localStorage.getItem('thidua:autosave:report-3') === null")
    stored = page.evaluate("() => Object.keys(localStorage)")
    assert stored == ["another-site-setting"]
