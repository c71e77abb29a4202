"""hoidong scores an entry on a phone; the chair sees progress, closes scoring and records
the vote; huyen downloads the decision; xa sees the outcome of its registration."""

import re

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, every
from tests.helpers import browser_login
from thidua.demo.council import NAME, council_open
from thidua.plans.models import Plan


@pytest.fixture
def scoring(demo_site):
    """The demo's 2022 council has decided: a second council of plan 115, with the same
    members, is scoring for this test."""
    return council_open(Plan.objects.get(number=115), name=f"{NAME} (phiên bổ sung)")


def test_council_scores_votes_and_the_commune_sees_the_outcome(new_page, scoring, screenshot):
    member = new_page(PHONE)
    browser_login(member, "hoidong")
    member.get_by_role("link", name="Hội đồng đánh giá mô hình, sáng kiến năm 2022").first.click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Hồ sơ tôi cần chấm")
    member.locator(".card__title").first.click()
    for field in every(member.locator("input[name^='points_']")):
        field.fill("18")
    screenshot(member, "scoresheet")
    member.get_by_role("button", name="Nộp", exact=True).click()
    expect(member.locator(".messages")).to_contain_text("Đã nộp phiếu chấm")

    chair = new_page(DESKTOP)
    browser_login(chair, "hoidong")
    chair.goto("/")
    # The chair's to-do line: the members who have finished, linking to the council page.
    chair.get_by_role("link", name=re.compile("Thành viên đã chấm xong")).first.click()
    expect(chair.locator("table")).to_contain_text("Phạm Thị Lan")
    chair.get_by_role("button", name="Kết thúc chấm điểm").click()
    chair.get_by_role("link", name="Đề xuất và biểu quyết").click()
    for select in every(chair.locator("select[name^='outcome_']")):
        select.select_option("commended")
    chair.get_by_role("button", name="Lưu đề xuất").click()
    chair.get_by_label("Số thành viên có mặt").fill("3")
    chair.get_by_label("Số phiếu đồng ý danh sách đề xuất").fill("3")
    chair.get_by_label("Số phiếu không đồng ý").fill("0")
    chair.get_by_label("Ngày họp").fill("2022-06-15")
    chair.get_by_role("button", name="Ghi kết quả biểu quyết").click()
    expect(chair.locator("main")).to_contain_text("Đã thông qua với 3/3")

    office = new_page(DESKTOP)
    browser_login(office, "huyen")
    office.goto(chair.url)
    with office.expect_download() as download:
        office.get_by_role("link", name="Quyết định (DOCX)").click()
    document = Document(str(download.value.path()))
    texts = [p.text for p in document.paragraphs]
    assert "QUYẾT ĐỊNH" in texts

    commune = new_page(PHONE)
    browser_login(commune, "xa")
    commune.goto("/notifications/")
    expect(commune.locator(".cards")).to_contain_text("khen thưởng")
    screenshot(commune, "outcome")
