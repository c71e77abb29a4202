"""The novelty check on a phone (issue #15): as Ea Bá's officer types a 2026 registration
like the 2022 cassava model, the earlier initiative appears under the description, with the
shared words marked, without leaving the 360 px screen."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import browser_login
from thidua.initiatives.domain.registrations import registration_create
from thidua.org.models import Unit
from thidua.plans.models import Plan

CASSAVA = "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"


def test_typing_a_registration_like_the_2022_model_shows_it_on_a_phone(new_page, screenshot):
    plan = Plan.objects.get(unit__name="Đắk Lắk", number=12)
    draft = registration_create(
        actor=None,
        plan=plan,
        unit=Unit.objects.get(code="22225", parent=plan.unit),
        kind="model",
        name="Bản nháp",
    )
    page = new_page(PHONE)
    browser_login(page, "xa")
    page.goto(reverse("initiatives:registration_edit", args=[draft.pk]))

    page.locator("#id_name").fill("mo hinh trong san cao san lien ket tieu thu")
    page.locator("#id_summary").type(" nhà máy", delay=20)  # typing never waits on the check

    box = page.locator(".novelty-draft")
    expect(box).to_be_visible()
    expect(box.get_by_text(CASSAVA)).to_be_visible()
    expect(box.locator("mark").first).to_be_visible()
    expect(box.locator(".message--warning")).to_be_visible()
    bounds = box.bounding_box()
    assert bounds["x"] >= 0
    assert bounds["x"] + bounds["width"] <= PHONE["width"]
    screenshot(page, "novelty-draft-360")
