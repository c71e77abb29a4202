"""Two people edit one form (issue #10): the second is refused, sees both texts, and nothing is
saved over the first person's text until they choose: not by the server's page with both
versions, not by a reload of the form, not by the autosave. Both forms that autosave; the
district's office first, the province's second, on a phone and on a desktop.

The choices after a reload are tried in pairs, not every combination: each form with each
choice, each form at each width and each choice at each width (the script that offers the
choice is the same on both forms and at both widths; a combination costs about ten seconds
of browser)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AUTOSAVE_DELAY_MS, DESKTOP, VIEWPORTS
from tests.browser.round_trip import autosaved, draft, stored_as
from tests.helpers import browser_login
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.org.models import Person
from thidua.results.models import ReportState, ResultsReport

THEIRS = "Bản của văn phòng huyện: 30 hộ, thu nhập tăng 15%."
MINE = "Bản của người thứ hai: 32 hộ, thu nhập tăng 1.500.000 đồng/tháng."
REFUSED = "Người khác vừa lưu"  # the start of both forms' conflict message
OFFICES = ("huyen", "tinh")  # the first person on a desktop, the second on ``viewport``


def registration_form(page):
    return page.get_by_label("Mô tả tóm tắt")


def report_form(page):
    return page.get_by_label("Kết quả đạt được")


def editable_by_both(rows, action: str):
    """The first draft of ``rows`` the district's and the province's offices may both edit."""
    offices = [Person.objects.get(username=name) for name in OFFICES]
    return next(
        row
        for row in rows.select_related("unit").order_by("pk")
        if all(access.can(person, action, row.unit) for person in offices)
    )


def open_both(first, second, edit: str) -> None:
    for page, username in zip((first, second), OFFICES, strict=True):
        browser_login(page, username)
        page.goto(edit)


def open_registration(first, second):
    drafts = Registration.objects.filter(state=RegistrationState.DRAFT)
    registration = editable_by_both(drafts, "registration.edit")
    open_both(first, second, f"/registrations/{registration.pk}/edit/")
    return (
        f"registration-{registration.pk}",
        f"/registrations/{registration.pk}/edit/",
        lambda: Registration.objects.get(pk=registration.pk).summary,
    )


def open_report(first, second):
    report = editable_by_both(ResultsReport.objects.filter(state=ReportState.DRAFT), "report.edit")
    open_both(first, second, f"/reports/{report.pk}/edit/")
    return (
        f"report-{report.pk}",
        f"/reports/{report.pk}/edit/",
        lambda: ResultsReport.objects.get(pk=report.pk).achievements,
    )


FORMS = {
    "registration": (open_registration, registration_form),
    "report": (open_report, report_form),
}


def refused(new_page, form, viewport):
    """The first person (on a desktop) saves; the second's autosave is refused; they press
    "Lưu nháp" and get the server's page with both texts. → (second page, autosave key, the
    form's address, its text box, the stored text)"""
    opening, text_box = FORMS[form]
    first, second = new_page(DESKTOP), new_page(VIEWPORTS[viewport])
    key, edit, stored = opening(first, second)
    text_box(first).fill(THEIRS)
    stored_as(stored, THEIRS, "the first person's autosave")

    text_box(second).fill(MINE)
    expect(second.locator("[data-autosave-status]")).to_contain_text(REFUSED)
    second.get_by_role("button", name="Lưu nháp").click()
    expect(second.locator(".conflict")).to_contain_text(THEIRS)
    return second, key, edit, text_box, stored


def past_the_autosave_pause(page, stored) -> None:
    """Waits past the autosave's pause: nothing may have been sent over their text."""
    page.wait_for_timeout(3 * AUTOSAVE_DELAY_MS)
    assert stored() == THEIRS


def refused_then_reloaded(new_page, form, viewport, *, watched: bool):
    """Refused, then only a reload of the form. ``watched``: wait past the autosave's pause
    and check that nothing was sent (the test that keeps my version does; the one that takes
    theirs needs not wait the same seconds again)."""
    second, key, edit, text_box, stored = refused(new_page, form, viewport)
    expect(text_box(second)).to_have_value(MINE)
    assert stored() == THEIRS

    second.goto(edit)  # a reload of the form, not of the POST
    expect(text_box(second)).to_have_value(MINE)
    if watched:
        past_the_autosave_pause(second, stored)
    expect(second.locator("[data-autosave-choice]")).to_contain_text(THEIRS)
    assert draft(second, key)["conflict"] is True
    return second, key, text_box, stored


@pytest.mark.parametrize(("form", "viewport"), [("registration", "phone"), ("report", "desktop")])
def test_keeping_my_version_after_a_conflict_is_a_choice(new_page, form, viewport, screenshot):
    second, key, _text_box, stored = refused_then_reloaded(new_page, form, viewport, watched=True)
    screenshot(second, "choice")

    second.locator("[data-autosave-keep]").click()

    stored_as(stored, MINE, "my version, kept")
    autosaved(second, key)
    expect(second.locator("[data-autosave-choice]")).to_have_count(0)


@pytest.mark.parametrize(("form", "viewport"), [("registration", "desktop"), ("report", "phone")])
def test_taking_their_version_after_a_conflict_drops_mine(new_page, form, viewport):
    second, key, text_box, stored = refused_then_reloaded(new_page, form, viewport, watched=False)

    second.locator("[data-autosave-take]").click()

    expect(text_box(second)).to_have_value(THEIRS)
    assert draft(second, key) is None
    second.reload()
    expect(text_box(second)).to_have_value(THEIRS)
    expect(second.locator("[data-autosave-choice]")).to_have_count(0)
    assert stored() == THEIRS


@pytest.mark.parametrize("keep", [True, False], ids=["keep-mine", "take-theirs"])
@pytest.mark.parametrize("form", list(FORMS))
def test_the_page_with_both_versions_saves_only_what_the_person_chooses(new_page, form, keep):
    """On the server's page itself: no autosave while it shows both (watched before keeping
    mine); then the choice."""
    second, key, _edit, text_box, stored = refused(new_page, form, "phone")

    text_box(second).fill(MINE + " Đã gộp.")
    if keep:
        past_the_autosave_pause(second, stored)
        second.locator(".form-actions button[name=save]").click()
        expect(second.locator(".messages")).to_contain_text("Đã lưu bản nháp")
        assert stored() == MINE + " Đã gộp."
    else:
        second.locator(f"[data-autosave-discard='{key}']").click()
        expect(text_box(second)).to_have_value(THEIRS)
        assert draft(second, key) is None
        assert stored() == THEIRS
    expect(second.locator(".conflict")).to_have_count(0)
