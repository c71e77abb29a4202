"""The field that has the keyboard focus is never hidden behind the save bar or the autosave
status (WCAG 2.4.11), on the registration form and the scoresheet, on a 360 px phone: Tab
through every field and measure it against what sticks to the bottom of the screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.helpers import browser_login, completed
from thidua.demo import load as demo
from thidua.initiatives.domain.registrations import (
    registration_create,
    registration_receive,
    registration_submit,
)
from thidua.org.domain.people import membership_grant
from thidua.org.models import Person, Role, Unit
from thidua.plans.models import Plan
from thidua.review.domain.councils import assign, council_create, council_set_state, member_add
from thidua.review.models import Assignment, CouncilState, MemberRole

pytestmark = pytest.mark.browser

# Where the focused control is, and every box that sticks to the bottom and is visible.
MEASURE = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const covers = [...document.querySelectorAll('.form-actions, .autosave-status')]
        .filter((c) => getComputedStyle(c).visibility !== 'hidden')
        .filter((c) => el.closest('.form-actions') !== c)
        .map((c) => { const r = c.getBoundingClientRect();
                      return {what: c.className, top: r.top, bottom: r.bottom}; });
    return {tag: el.tagName.toLowerCase(), name: el.name || '', type: el.type || '',
            inBar: !!el.closest('.form-actions'), inForm: !!el.closest('form.form'),
            top: box.top, bottom: box.bottom, height: window.innerHeight, covers};
}"""


def tab_through(page, form_selector: str, *, stops: int = 120) -> list[dict]:
    """Tab from the form's first field to its save bar, checking each field on the way."""
    page.locator(f"{form_selector} :is(input, select, textarea):visible").first.focus()
    seen = []
    for _ in range(stops):
        now = page.evaluate(MEASURE)
        if now["inBar"]:
            break
        if now["inForm"] and now["tag"] in {"input", "select", "textarea"}:
            seen.append(now)
            assert now["bottom"] > 0, f"the focused field is above the screen: {now}"
            assert now["top"] < now["height"], f"the focused field is below the screen: {now}"
            for cover in now["covers"]:
                overlap = min(now["bottom"], cover["bottom"]) - max(now["top"], cover["top"])
                on_screen = cover["top"] < now["height"]
                assert not (on_screen and overlap > 0), f"{cover['what']} covers {now}"
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the save bar")
    return seen


def draft_of_xa() -> int:
    """A draft of the new Ea Bá under the open 2026 plan, as `xa` starts one."""
    plan = Plan.objects.get(number=12, unit__code=demo.DAK_LAK)
    unit = Unit.objects.get(code=demo.EA_BA_NEW, parent=plan.unit)
    xa = Person.objects.get(username="xa")
    return registration_create(
        actor=xa, plan=plan, unit=unit, kind="idea", name="Ý tưởng nhật ký số vườn cà phê"
    ).pk


def open_sheet() -> tuple[int, int]:
    """A council of the 2026 plan scoring one entry, `hoidong` its chair: (council, sheet)."""
    plan = Plan.objects.get(number=12, unit__code=demo.DAK_LAK)
    tinh, hoidong = Person.objects.get(username="tinh"), Person.objects.get(username="hoidong")
    registration = completed(
        registration_create(
            actor=None,
            plan=plan,
            unit=Unit.objects.get(code="22237", parent=plan.unit),
            kind="model",
            name="Mô hình sấy cà phê bằng năng lượng mặt trời",
        )
    )
    registration_receive(
        actor=tinh, registration=registration_submit(actor=None, registration=registration)
    )
    membership_grant(actor=None, person=hoidong, unit=plan.unit, role=Role.COUNCIL)
    council = council_create(actor=tinh, plan=plan, name="Hội đồng năm 2026")
    member_add(actor=tinh, council=council, person=hoidong, role=MemberRole.CHAIR)
    assign(actor=tinh, council=council)
    council_set_state(actor=tinh, council=council, state=CouncilState.SCORING)
    return council.pk, Assignment.objects.get(member__council=council, registration=registration).pk


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tabbing_through_the_registration_form_never_hides_the_field(new_page, viewport):
    pk = draft_of_xa()
    page = new_page(viewport)
    browser_login(page, "xa")
    page.goto(f"/registrations/{pk}/edit/")
    expect(page).to_have_title(re.compile("Ý tưởng nhật ký số vườn cà phê"))
    seen = tab_through(page, "form.registration-form")
    names = {field["name"] for field in seen}
    assert {"name", "lead_name", "summary", "expected_results", "cost_vnd"} <= names, names


def test_tabbing_through_the_scoresheet_on_a_phone_never_hides_the_field(phone_page):
    council, sheet = open_sheet()
    page = phone_page
    browser_login(page, "hoidong")
    page.goto(f"/councils/{council}/score/{sheet}/")
    expect(page.locator(".form-actions")).to_be_visible()
    seen = tab_through(page, "form.score-form")
    points = [field for field in seen if field["name"].startswith("points_")]
    assert len(points) == 5, seen  # the five criteria
