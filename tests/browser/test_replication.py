"""A commune records on a phone (360 px) that it replicates Ea Bá's cassava model, which
the district's council honoured; the model's map then shows the commune (#17 Done when).
On the way, the demo's own: the model replicated in two communes, its nomination endorsed
by the province."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.helpers import DEMO_PASSWORD, browser_login, vietnamese
from thidua.award.enums import NominationState
from thidua.demo.replication import MODEL
from thidua.initiatives.models import Registration
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Role, Unit


@pytest.fixture
def ea_bia(demo_site):
    """The officer of Ea Bia (Sông Hinh, 2022), a commune that has not replicated it yet."""
    commune = Unit.objects.get(code="22228", parent__code="561")
    person = person_create(
        actor=None, username="eabia", full_name="Ksor H'Bia", password=DEMO_PASSWORD
    )
    membership_grant(actor=None, person=person, unit=commune, role=Role.OFFICER)
    return commune


def test_a_commune_records_a_replication_and_the_map_shows_it(new_page, ea_bia, screenshot):
    model = Registration.objects.get(name=MODEL, plan__number=115)
    page = new_page(PHONE)
    browser_login(page, "eabia")
    # The menu's "Replication": the district's honoured models, spread or not.
    menu = page.get_by_role("navigation", name="Menu chính")
    menu.get_by_role("link", name=vietnamese("Replication")).click()
    page.get_by_role("link", name=MODEL).first.click()
    expect(page).to_have_url(re.compile(f"/replication/models/{model.pk}/$"))
    marker = page.locator(f"svg.map g.marker--replicated[data-unit='{ea_bia.pk}']")
    expect(marker).to_have_count(0)
    # The demo's: Ea Ly and Ea Trol replicate it; its nomination is at the national level.
    expect(page.locator("svg.map g.marker--replicated")).to_have_count(2)
    expect(page.locator("table[data-list='replications']")).to_contain_text("xã Ea Trol")
    assert model.nomination.state == NominationState.AT_NATIONAL
    page.get_by_role("link", name=vietnamese("Record a replication of this model")).click()
    page.locator("input[name='started_on']").fill("2022-11-01")
    page.get_by_label("Chi hội Thôn 1").check()
    page.locator("input[name='households']").fill("20")
    page.locator("input[name='scale']").fill("10 ha")
    page.locator("textarea[name='adjustments']").fill("Trồng trên đất đồi, bón thêm phân chuồng.")
    screenshot(page, "form")
    page.get_by_role("button", name=vietnamese("Record"), exact=True).click()
    expect(page.locator(".messages")).to_contain_text(ea_bia.full_name)
    page.get_by_role("link", name=MODEL).click()
    expect(marker).to_have_count(1)
    expect(marker).to_contain_text("xã Ea Bia")
    row = page.locator(f"table[data-list='replications'] tr[data-unit='{ea_bia.pk}']")
    expect(row).to_contain_text("Thôn 1")
    # The map fits the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "map")
    # The model's public page shows it too, and how far the nomination has gone.
    visitor = new_page(PHONE)
    visitor.goto(reverse("showcase:model", args=[model.publication.pk]))
    public = visitor.locator("ul[data-list='public-replications']")
    expect(public).to_contain_text(ea_bia.full_name)
    expect(visitor.locator("[data-award]")).to_have_attribute("data-award", "national")
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 360
