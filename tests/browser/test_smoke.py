"""Smoke tests in a real browser: logging in, the start page, navigation, keyboard use,
the language switch, the demo's completed 2022 cycle, and axe-core's accessibility rules on
the main pages.

The demo's accounts (thidua.demo): `xa` is an officer of Hội Nông dân xã Ea Bá,
`huyen` administers Hội Nông dân huyện Sông Hinh, `tinh` Hội Nông dân tỉnh Phú Yên.
"""

import io
import json
import os
import re
from collections.abc import Callable

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import (
    AXE_JS,
    BROWSER_PROCESSES,
    DESKTOP,
    PHONE,
    TIMEOUT_MS,
    VIEWPORTS,
)
from tests.browser.pages import Visited, html_check, java, visited
from tests.helpers import browser_login
from thidua.demo import load as demo
from thidua.org.models import Unit
from thidua.plans.models import Plan
from thidua.review.models import Council

pytestmark = pytest.mark.browser

PASSWORD = demo.PASSWORD
START_PAGE = re.compile(r"^https?://[^/]+/$")
LOGIN_PAGE = re.compile(r"/accounts/login/")
BLOCKING_IMPACTS = {"serious", "critical"}


def page_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def focused(page) -> dict:
    """What has the keyboard focus, and how it is drawn."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute("href"),
                text: el.innerText, outlineStyle: style.outlineStyle,
                outlineWidth: style.outlineWidth, left: box.left, top: box.top,
                width: box.width, height: box.height,
            };
        }"""
    )


def test_login_page_is_styled_by_the_app_stylesheet(phone_page):
    # A stylesheet that fails to load also fails every test here (conftest.new_page);
    # this says so plainly, by a colour only app.css sets.
    page = phone_page
    page.goto("/accounts/login/")
    header = page.locator(".site-header")
    expect(header).to_have_css("background-color", "rgb(11, 92, 59)")


def test_start_page_shows_commune_officer_their_unit_on_phone(phone_page, screenshot):
    page = phone_page
    browser_login(page, "xa")

    expect(page).to_have_url(START_PAGE)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Thị Hoa")
    expect(
        page.locator(".card", has_text="Hội Nông dân xã Ea Bá").filter(has_text="huyện Sông Hinh")
    ).to_be_visible()
    assert page_width(page) <= PHONE["width"], "the start page scrolls sideways at 360 px"
    screenshot(page)


def test_start_page_leads_district_admin_to_commune_list_on_desktop(desktop_page, screenshot):
    page = desktop_page
    browser_login(page, "huyen")

    expect(page).to_have_url(START_PAGE)
    expect(page.locator(".card", has_text="Hội Nông dân huyện Sông Hinh").first).to_be_visible()
    screenshot(page, "start")

    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Đơn vị").click()

    expect(page).to_have_url(re.compile(r"/units/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Đơn vị")
    expect(page.get_by_role("link", name="Đơn vị", exact=True).first).to_have_attribute(
        "aria-current", "page"
    )
    table = page.locator("main table")
    for commune in ("Hội Nông dân xã Ea Bá", "Hội Nông dân xã Ea Ly", "thị trấn Hai Riêng"):
        expect(table.get_by_role("link", name=commune)).to_be_visible()
    screenshot(page, "units")


def test_pages_fit_phone_width_without_sideways_scrolling(phone_page, demo_site):
    page = phone_page
    ea_ba = Unit.objects.get(level=3, code=demo.EA_BA_OLD)
    page.goto("/accounts/login/")
    widths = {page.url: page_width(page)}
    browser_login(page, "huyen")
    expect(page).to_have_url(START_PAGE)
    for path in ("/", "/units/", f"/units/{ea_ba.pk}/", "/people/", "/audit/"):
        page.goto(path)
        widths[page.url] = page_width(page)
    too_wide = {url: width for url, width in widths.items() if width > PHONE["width"]}
    assert not too_wide, f"pages wider than {PHONE['width']} px: {too_wide}"


PLAN_115 = "115-KH/HNDH"


def open_plan(page, number: str) -> None:
    page.get_by_role("navigation", name="Menu chính").get_by_role("link", name="Kế hoạch").click()
    page.locator(".card", has_text=number).first.locator(".card__title").click()


def open_rollup(page, number: str) -> None:
    """The roll-up of the plan ``number``, from the menu."""
    open_plan(page, number)
    page.get_by_role("link", name="Báo cáo kết quả").click()
    page.get_by_role("link", name="Tổng hợp kết quả của các đơn vị").click()


def test_district_downloads_the_2022_decision_and_its_rollup(desktop_page, screenshot):
    page = desktop_page
    browser_login(page, "huyen")
    open_plan(page, PLAN_115)
    page.get_by_role("link", name="Hội đồng đánh giá", exact=True).click()
    page.get_by_role("link", name="Hội đồng đánh giá mô hình, sáng kiến năm 2022").click()
    page.get_by_role("link", name="Đề xuất và biểu quyết").click()
    expect(page.locator("main")).to_contain_text("Đã thông qua với 3/3")
    screenshot(page, "decision")
    with page.expect_download() as download:
        page.get_by_role("link", name="Quyết định (DOCX)").click()
    decision = Document(str(download.value.path()))
    annex = "\n".join(cell.text for table in decision.tables for cell in table._cells)
    assert "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ" in annex

    open_rollup(page, PLAN_115)
    expect(page.locator("main table.table--rollup")).to_contain_text("Hội Nông dân xã Ea Trol")
    screenshot(page, "rollup")
    with page.expect_download() as download:
        page.get_by_role("link", name="Bảng tổng hợp (XLSX)").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    units = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Hội Nông dân xã Ea Bá" in units


def test_province_sees_its_two_districts_rolled_up_on_a_phone(phone_page, screenshot):
    page = phone_page
    browser_login(page, "tinh")
    open_rollup(page, "283-KH/HNDT")
    districts = page.locator("main table").first
    expect(districts).to_contain_text("Hội Nông dân huyện Sông Hinh")
    expect(districts).to_contain_text("Hội Nông dân huyện Sơn Hòa")
    assert page_width(page) <= PHONE["width"], "the roll-up scrolls sideways at 360 px"
    screenshot(page)


def test_on_a_desktop_each_unit_of_the_rollup_is_one_line_of_figures(desktop_page):
    """From 48rem the roll-up is a real table: a unit's figures side by side under their
    headings (a phone's rule, one figure a line, once won over it and stacked them)."""
    page = desktop_page
    browser_login(page, "tinh")
    open_rollup(page, "283-KH/HNDT")
    expect(page.locator("main table").first).to_contain_text("Hội Nông dân huyện Sông Hinh")
    row = page.locator("main tr[data-line='unit']").first
    boxes = [cell.bounding_box() for cell in row.locator("td[data-measure]").all()]
    assert len(boxes) > 5
    assert len({round(box["y"]) for box in boxes}) == 1, "the figures are stacked"
    lefts = [box["x"] for box in boxes]
    assert lefts == sorted(lefts)
    assert len(set(lefts)) == len(lefts)


def test_commune_downloads_its_own_list_on_a_phone(phone_page):
    page = phone_page
    browser_login(page, "xa")
    open_plan(page, PLAN_115)
    page.get_by_role("link", name="Đăng ký", exact=True).first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Danh sách (DOCX)").click()
    listing = Document(str(download.value.path()))
    rows = "\n".join(cell.text for table in listing.tables for cell in table._cells)
    assert "Ý tưởng điểm thu gom, sơ chế sắn lát của chi hội" in rows
    assert "Hội Nông dân xã Ea Trol" not in rows


def test_login_with_wrong_password_shows_error_and_stays(phone_page):
    page = phone_page
    browser_login(page, "xa", "not-the-password")

    expect(page).to_have_url(LOGIN_PAGE)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("mật khẩu")  # "password", in Vietnamese
    expect(alert).not_to_contain_text(re.compile("password", re.IGNORECASE))
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    expect(page.locator("#id_username")).to_have_value("xa")


def test_login_by_phone_number_reaches_start_page(phone_page):
    page = phone_page
    browser_login(page, "0905000003")

    expect(page).to_have_url(START_PAGE)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Thị Hoa")


def check_skip_link_then(page, first_field_id: str) -> None:
    """From the top of a freshly loaded page: Tab, Enter on the skip link, Tab."""
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main", f"the first Tab stop is not the skip link: {skip}"
    assert skip["text"].strip() == "Chuyển đến nội dung chính"
    assert skip["outlineStyle"] != "none", f"the focused skip link has no outline: {skip}"
    assert min(skip["left"], skip["top"]) >= 0, f"the focused skip link is off-screen: {skip}"

    page.keyboard.press("Enter")  # follow it: focus moves to <main>
    page.keyboard.press("Tab")
    field = focused(page)
    assert field["id"] == first_field_id, f"after the skip link, Tab went to {field}"
    assert field["outlineStyle"] != "none", f"the focused field has no outline: {field}"


def test_keyboard_reaches_skip_link_then_username_on_login_page(desktop_page):
    page = desktop_page
    page.goto("/accounts/login/")
    check_skip_link_then(page, "id_username")


def test_keyboard_skip_link_leads_to_first_filter_on_unit_list(desktop_page):
    page = desktop_page
    browser_login(page, "huyen")
    expect(page).to_have_url(START_PAGE)
    page.goto("/units/")
    check_skip_link_then(page, page.locator("main form input").first.get_attribute("id"))


def test_login_page_focus_is_visible_on_each_control(desktop_page):
    page = desktop_page
    page.goto("/accounts/login/")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["tag"] == "body":
            continue  # past the last control, focus leaves the page, then comes back
        seen.append(now)
        assert now["outlineStyle"] != "none", f"focus is not visible on {now}"
    reached = {item["id"] for item in seen} | {item["href"] for item in seen}
    assert {"id_username", "id_password", "#main", "language"} <= reached, seen


def test_language_switch_in_footer_shows_english(desktop_page):
    page = desktop_page
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.locator("#language").select_option("en")
    page.locator(".language-form").get_by_role("button").click()

    expect(page).to_have_url(LOGIN_PAGE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("#id_username").fill("huyen")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main menu")).to_contain_text("Units")


def test_language_defaults_to_vietnamese_for_other_browser_languages(new_page):
    page = new_page(DESKTOP, locale="fr-FR")
    page.goto("/accounts/login/")

    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng nhập")


# The pages axe-core checks, as `huyen` except the login page.
AXE_PAGES = {
    "login": None,
    "start": "/",
    "unit_list": "/units/",
    "unit_detail": "unit_detail",
    "people": "/people/",
    "plan_list": "/plans/",
    "plan_detail": "plan_detail",
    "plan_cascade": "plan_cascade",
    "council_decision": "council_decision",
    "plan_rollup": "plan_rollup",
    "plan_dashboard": "plan_dashboard",
    "registration_list": "registration_list",
    "council_detail": "council_detail",
}


def axe_blocking_violations(page) -> list[dict]:
    # Evaluated by the browser's debugging protocol: the site's Content-Security-Policy
    # (rightly) refuses the inline script tag add_script_tag would insert.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    assert results["passes"], "axe-core ran no rule at all"
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def axe_violations(page) -> list[dict]:
    """axe-core's violations on ``page`` (axe loaded by the context's init script)."""
    results = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    assert results["passes"], "axe-core ran no rule at all"
    return results["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {json.dumps(node['target'], ensure_ascii=False)}")
            lines.append(f"    {node['html'][:200]}")
            summary = " ".join(node.get("failureSummary", "").split())
            if summary:
                lines.append(f"    {summary[:300]}")
    return "\n".join(lines)


def axe_path(name: str) -> str:
    """Where the page ``name`` of AXE_PAGES is in the loaded demo."""
    path = AXE_PAGES[name]
    if path == "unit_detail":
        ea_ba = Unit.objects.get(level=3, code=demo.EA_BA_OLD)
        return f"/units/{ea_ba.pk}/"
    seed_plan = Plan.objects.get(number=115)
    council = Council.objects.first()
    return {
        "plan_detail": f"/plans/{seed_plan.pk}/",
        "plan_cascade": f"/plans/{seed_plan.pk}/cascade/",
        "council_decision": reverse("review:decision", args=[council.pk]),
        "plan_rollup": reverse("results:rollup", args=[seed_plan.pk]),
        "plan_dashboard": reverse("results:dashboard", args=[seed_plan.pk]),
        "registration_list": reverse("initiatives:registration_list", args=[seed_plan.pk]),
        "council_detail": reverse("review:council_detail", args=[council.pk]),
    }.get(path, path)


def serving(html: bytes):
    """A route's handler that answers with the kept page."""

    def fulfil(route):
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    return fulfil


_CHECKED: set[str] = set()  # the kinds of page this process's checks have read


@pytest.mark.parametrize("group", range(BROWSER_PROCESSES))
def test_every_page_visited_passes_axe_and_the_html_checker(
    new_page, browser, live_server, tmp_path, group
):
    """Run after every other browser test of its process (conftest.py, one for each group of
    browser tests): each kind of page they were shown, and the pages of AXE_PAGES, has no
    axe-core violation at 360 and 1280 px and no error of the Nu HTML checker
    (tests/browser/pages.py)."""
    page = new_page(DESKTOP)
    page.goto("/accounts/login/")
    browser_login(page, "huyen")
    for name in AXE_PAGES:
        if AXE_PAGES[name] is not None:
            page.goto(axe_path(name))
    everything = visited()
    assert len(everything) >= len(AXE_PAGES), [p.key for p in everything]
    # Both groups' checks in one process (no pytest-xdist): the second checks what is new.
    shown = [p for p in everything if p.key not in _CHECKED]
    _CHECKED.update(p.key for p in shown)

    checked = html_checking(shown, tmp_path) if java() else dict  # reads while axe runs
    try:
        found = axe_on(shown, browser, live_server)
    finally:
        errors = checked()
    report = [f"axe-core, {key}:\n{text}" for key, text in found] + [
        f"Nu HTML checker, {key}:\n  " + "\n  ".join(messages) for key, messages in errors.items()
    ]
    assert not report, f"{len(report)} problem(s) on the {len(shown)} pages shown:\n" + "\n".join(
        report
    )
    if java() is None:
        why = "no Java to run the Nu HTML checker (apt-get install default-jre-headless)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI must check the pages' HTML, but there is {why}", pytrace=False)
        pytest.skip(why)


def axe_on(shown: list[Visited], browser, live_server) -> list[tuple[str, str]]:
    """axe-core's violations on each kept page at both widths: the page served again at its
    address from the kept HTML, with the site's stylesheets and scripts."""
    found = []
    for viewport in VIEWPORTS.values():
        phone = viewport["width"] < 768
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, is_mobile=phone, has_touch=phone
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(path=AXE_JS)
        replay = context.new_page()
        for kept in shown:
            replay.route(live_server.url + kept.url, serving(kept.html))
            replay.goto(kept.url)
            violations = axe_violations(replay)
            if violations:
                found.append((f"{kept.key} at {viewport['width']} px", describe(violations)))
            replay.unroute(live_server.url + kept.url)
        context.close()
    return found


def html_checking(shown: list[Visited], folder) -> Callable[[], dict[str, list[str]]]:
    """Starts the Nu HTML checker; what it returns waits for the errors by page. A page with a
    known error goes through the same run, so that a checker that did not run cannot pass
    for one that found nothing."""
    planted = Visited(
        "planted", "/", b'<!DOCTYPE html><html lang="vi"><title>x</title><ul role="status"></ul>'
    )
    waiting = html_check([*shown, planted], folder)

    def errors() -> dict[str, list[str]]:
        found = waiting()
        assert found.pop("planted", None), "the Nu HTML checker did not run"
        return found

    return errors
