"""The registration form keeps what is typed (issue #10): every field, implementer rows added
on the page, Vietnamese text and numbers, through the autosave, a reload and the final save,
on a phone and on a desktop."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import expect

from tests import strategies
from tests.browser.conftest import VIEWPORTS
from tests.browser.round_trip import PAGE_EXAMPLES, autosaved, stored_as, type_into
from tests.helpers import browser_login
from thidua.initiatives.models import Registration

PLAN_TITLE = "Nông dân Đắk Lắk"
ROWS = "form [data-formset-rows] input[name$='-name']"


def start_registration(page) -> Registration:
    """xa opens a new registration under the demo's open plan, through the pages."""
    browser_login(page, "xa")
    page.goto("/plans/")
    page.get_by_role("link", name=re.compile(PLAN_TITLE)).first.click()
    page.get_by_role("link", name="Đăng ký", exact=True).first.click()
    page.get_by_role("link", name="Đăng ký", exact=True).first.click()
    page.get_by_role("radio", name="mô hình").check()
    page.get_by_label("Tên mô hình, sáng kiến hoặc ý tưởng mới").fill("Mô hình thử")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mô hình thử")
    return Registration.objects.get(pk=int(re.search(r"/registrations/(\d+)/", page.url)[1]))


def type_rows(page, rows: list[dict]) -> None:
    """Types the implementers from the top row down, adding rows with the page's button,
    and clears the rows below them (a cleared name removes the person)."""
    while page.locator(ROWS).count() < len(rows):
        page.locator("[data-formset-add]").click()
    for index in range(page.locator(ROWS).count()):
        row = rows[index] if index < len(rows) else {}
        names = strategies.IMPLEMENTER_FIELDS
        type_into(page, {f"implementers-{index}-{name}": row.get(name, "") for name in names})


def choices(page, name: str) -> list[int]:
    values = page.locator(f"form [name='{name}']").evaluate_all(
        "els => els.flatMap(el => el.options ? Array.from(el.options, o => o.value) : [el.value])"
    )
    return [int(value) for value in values if value]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@PAGE_EXAMPLES  # the many generated registrations: tests/initiatives/views/test_registrations.py
@given(data=st.data())
def test_every_field_typed_is_stored_through_autosave_reload_and_save(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    registration = start_registration(page)
    key = f"registration-{registration.pk}"
    edit = page.url
    for _example in range(2):
        page.goto(edit)
        typed, rows, expected = data.draw(
            strategies.registration(
                criteria=[a.criterion_id for a in registration.arguments.all()],
                campaigns=choices(page, "campaigns"),
                people=choices(page, "lead"),
            )
        )
        type_into(page, typed)
        type_rows(page, rows)

        stored_as(lambda: strategies.registration_stored(registration), expected, "autosaved")
        autosaved(page, key)
        page.reload()
        page.get_by_role("button", name="Lưu nháp").click()
        expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
        assert strategies.registration_stored(registration) == expected


@pytest.mark.parametrize("button", ["Lưu nháp", "Lưu và gửi lên cấp trên"])
def test_implementers_added_on_a_phone_survive_the_autosave_and_the_save(
    phone_page, button, screenshot
):
    """The defect as seen: rows added at 360 px, "Đã lưu lúc…", then a save button: the
    saved registration showed "Người thực hiện —"."""
    page = phone_page
    registration = start_registration(page)
    page.get_by_label("Người chủ trì", exact=True).fill("Y Khoa Niê")
    page.get_by_label("Mô tả tóm tắt").fill("Nuôi ong dưới tán cà phê.")
    for argument in page.locator("textarea[name^='arg_']").all():
        argument.fill("Được chi hội thống nhất.")
    page.get_by_label("Dự kiến kết quả đạt được").fill("30 hộ tham gia.")
    rows = [
        {"name": "Nguyễn Văn Á", "position_unit": "Chi hội trưởng", "role": "Làm đất"},
        {"name": "H'Hen Niê", "position_unit": "Hội viên", "role": "Chăm sóc"},
        {"name": "Trần Thị Bé", "position_unit": "Thôn 1", "role": "Thu hoạch"},
    ]
    type_rows(page, rows)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Đã lưu lúc")
    screenshot(page, "rows-autosaved")

    # The save's own page first: a visit sent while its POST is under way aborts one of them.
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    expect(page.locator(".messages")).to_be_visible()

    page.goto(f"/registrations/{registration.pk}/")
    implementers = page.locator("dt", has_text="Người thực hiện").locator(
        "xpath=following-sibling::dd[1]"
    )
    for row in rows:
        expect(implementers).to_contain_text(row["name"])
    assert strategies.registration_stored(registration)["implementers"] == rows


def test_rows_added_while_saving_fails_come_back_after_a_reload(phone_page):
    """The rows a draft holds are rebuilt on the page before the draft is restored: the
    page has two blank rows, the draft four people."""
    page = phone_page
    registration = start_registration(page)
    # Answered by a page, not the autosave's JSON (a lost session does that): not saved.
    page.route("**/autosave/", lambda route: route.fulfill(body="<html></html>"))
    rows = [{"name": f"Hội viên thứ {n}", "position_unit": "Thôn 1", "role": ""} for n in "1234"]
    type_rows(page, rows)
    expect(page.locator("[data-autosave-status]")).to_contain_text("Chưa lưu được")

    page.unroute("**/autosave/")
    page.reload()

    for index, row in enumerate(rows):
        expect(page.locator(f"[name='implementers-{index}-name']")).to_have_value(row["name"])
    expect(page.locator("[name='implementers-TOTAL_FORMS']")).to_have_value("4")
    stored_as(
        lambda: strategies.registration_stored(registration)["implementers"], rows, "restored"
    )
