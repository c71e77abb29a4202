"""Pages work under the site's Content-Security-Policy (web/middleware.py): the print button
through its script file, the dashboard's charts without style attributes, the admin site.
Anything the policy refuses fails the test (tests/browser/conftest.py: new_page)."""

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP
from tests.helpers import browser_login
from thidua.plans.models import Plan


def test_the_print_button_prints_under_the_policy(new_page):
    page = new_page(DESKTOP)
    browser_login(page, "huyen")
    page.goto(f"/plans/{Plan.objects.get(number=115).pk}/")
    assert "script-src 'self'" in page.evaluate(
        "async () => (await fetch(location.href)).headers.get('content-security-policy')"
    )
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="In").click()
    assert page.evaluate("() => window.printed") == 1


def test_the_dashboard_charts_and_the_admin_site_show_under_the_policy(new_page):
    page = new_page(DESKTOP)
    browser_login(page, "huyen")
    page.goto(f"/plans/{Plan.objects.get(number=115).pk}/dashboard/")
    chart = page.locator(".chart__svg svg").first
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 640
    browser_login(page, "admin")
    page.goto("/admin/org/person/")
    expect(page.locator("#result_list")).to_be_visible()
