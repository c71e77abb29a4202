"""Big exports and imports wait for a worker (thidua.jobs), here run at once as the demo
runs them: `huyen` asks for the district's list as a big one and downloads it from the
job's page (phone and desktop), then imports units, is shown the wrong row, goes back to
the form, sends the mended file and follows the result to the unit."""

import re

import docx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.helpers import browser_login
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org.models import Unit, UnitKind
from thidua.plans.models import Plan

pytestmark = pytest.mark.browser


def test_a_big_list_is_downloaded_from_its_jobs_page(new_page, screenshot, settings):
    settings.EXPORT_ROWS_IN_REQUEST = 0  # every list is "big"
    plan = Plan.objects.get(number=115)
    sent = Registration.objects.filter(plan=plan).exclude(state=RegistrationState.DRAFT)
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        browser_login(page, "huyen")
        page.goto(f"/plans/{plan.pk}/registrations/")
        page.get_by_role("link", name="Danh sách (DOCX)").click()
        expect(page.locator("h1")).to_contain_text("Danh sách đăng ký")
        expect(page.get_by_role("status")).to_contain_text("Tệp đã sẵn sàng")
        screenshot(page, f"job-list-docx-{viewport['width']}")
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile("^Tải về")).click()
        assert download.value.suggested_filename.endswith(".docx")
        document = docx.Document(download.value.path())
        cells = {cell.text for table in document.tables for cell in table._cells}
        assert sent.first().name in cells
        page.get_by_role("link", name="Tác vụ nền của bạn").first.click()
        expect(page.locator("main table")).to_contain_text("Danh sách đăng ký")


def test_an_import_shows_the_wrong_rows_then_what_it_imported(new_page, screenshot):
    commune = Unit.objects.filter(kind=UnitKind.COMMUNE, parent__name__contains="Sông Hinh")[0]
    page = new_page(PHONE)
    browser_login(page, "huyen")
    page.goto(f"/units/{commune.pk}/import/")
    wrong = "Tên,Loại\nBuôn Đăk,Chi hội\nXóm Lạ,Làng\n".encode()
    page.locator("input[type=file]").set_input_files(
        {"name": "chi-hoi.csv", "mimeType": "text/csv", "buffer": wrong}
    )
    page.get_by_role("button", name="Nhập", exact=True).click()
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("1 dòng có lỗi; chưa có dữ liệu nào được nhập.")
    expect(page.locator("main table")).to_contain_text("Làng")
    screenshot(page, "job-import-problems")
    page.get_by_role("link", name="Quay lại trang đã yêu cầu").click()
    mended = "Tên,Loại\nBuôn Đăk,Chi hội\nXóm Lạ,Chi hội\n".encode()
    page.locator("input[type=file]").set_input_files(
        {"name": "chi-hoi.csv", "mimeType": "text/csv", "buffer": mended}
    )
    page.get_by_role("button", name="Nhập", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"Đã nhập 2 đơn vị vào {commune.full_name}")
    page.get_by_role("link", name="Xem kết quả").click()
    expect(page.locator("main")).to_contain_text("Xóm Lạ")
    assert set(commune.children.values_list("name", flat=True)) >= {"Buôn Đăk", "Xóm Lạ"}
