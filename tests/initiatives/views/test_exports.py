"""The list downloads (initiatives/views/exports.py): whoever asks, the list is issued by the
unit they act for; the page offers it signed, and to print."""

import datetime
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.documents.reading import bordered, lines
from tests.helpers import docx, issued_plan, login, province_plan_above, workbook
from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_return,
    registration_submit,
)
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.plans.domain.plans import (
    plan_close,
    plan_create_child,
    plan_issue,
    plan_update,
)
from thidua.plans.models import DeadlineKind, LatePolicy

BLANK_DATE = "ngày      tháng      năm"


def heading(document) -> list[str]:
    """The issuer block, its lines as printed (a broken line's parts joined by spaces)."""
    return [line.replace("\n", " ") for line in lines(document.tables[0].cell(0, 0))]


def date_line(document) -> str:
    return lines(document.tables[0].cell(0, 1))[-1]


def signature(document) -> list[str]:
    return [line for line in lines(document.tables[-1].cell(0, 1)) if line]


def names(table) -> list[str]:
    width = len(table.columns)
    column = [cell.text for cell in table.rows[0].cells].index(
        "Tên mô hình, sáng kiến, ý tưởng mới"
    )
    return [row.cells[column].text for row in table.rows[1:] if len(row._tr.tc_lst) == width]


def stamp(document) -> str:
    return " ".join(p.text for p in document.sections[0].first_page_header.paragraphs).strip()


def the_list(client, plan):
    """The list (DOCX) of ``plan`` the logged-in person downloads."""
    return docx(client.get(reverse("initiatives:export_docx", args=[plan.pk])))


@pytest.fixture
def story(open_plan, entry, make_registration, tree):
    """Ea Bá: one entry received and accepted, one sent, one returned, one draft; Ea Ly: one
    received, one sent."""
    registration_accept(actor=None, registration=entry(name="Trồng sắn cao sản"))
    registration_submit(actor=None, registration=make_registration(name="Nuôi dê"))
    returned = registration_submit(actor=None, registration=make_registration(name="Nuôi ong"))
    registration_return(actor=None, registration=returned, reason="Thiếu số hộ tham gia.")
    make_registration(name="Bản nháp của Ea Bá")
    entry(tree.commune_b, name="Máy tách hạt")
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="Ủ phân vi sinh")
    )
    return open_plan


def test_the_communes_officer_gets_the_communes_own_list(client, cast, story, tree):
    login(client, cast["officer_a"])
    document = the_list(client, story)
    assert heading(document) == [
        "HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "BCH HỘI NÔNG DÂN XÃ EA BÁ",
        "*",
        "Số      -DS/HNDX",
    ]
    assert date_line(document) == f"Ea Bá, {BLANK_DATE} {timezone.localdate().year}"
    assert signature(document) == ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    assert "DỰ THẢO" in stamp(document)  # nobody is named to sign it yet
    counted, others = bordered(document)
    # Its own registrations: those it sent, counted; the returned one apart, with its state.
    assert names(counted) == ["Trồng sắn cao sản", "Nuôi dê"]
    returned = [c.text for c in others.rows[1].cells]
    assert returned[:4] == ["1", "Hội Nông dân xã Ea Bá", "Nuôi ong", "Mô hình"]
    assert returned[4].startswith("Trả lại để bổ sung: Thiếu số hộ tham gia. (gửi ngày ")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Ea Ly" not in text
    assert "Máy tách hạt" not in [c.text for t in document.tables for c in t._cells]
    assert (
        "(Thực hiện Kế hoạch số 01-KH/HNDH ngày 08/3/2022 của Ban Thường vụ Hội Nông dân " in text
    )
    assert "Danh sách gồm 2 mô hình, sáng kiến, ý tưởng mới./." in text
    recipients = lines(document.tables[-1].cell(0, 0))
    assert "- Hội Nông dân huyện Sông Hinh (b/c);" in recipients


def test_the_list_is_signed_by_the_name_typed_on_the_page(client, cast, story, tree):
    login(client, cast["officer_a"])
    url = reverse("initiatives:export_docx", args=[story.pk])
    document = docx(client.get(url, {"signer": "  Y\x01 Thuê   Niê ", "title": "PHÓ CHỦ TỊCH"}))
    assert signature(document) == ["T/M BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Y Thuê Niê"]
    assert "DỰ THẢO" not in stamp(document)
    today = timezone.localdate()
    assert date_line(document).startswith(f"Ea Bá, ngày {today.day:02d} tháng ")


def test_from_the_communes_own_plan_the_list_holds_the_communes_registrations(
    client, cast, story, tree
):
    own = plan_create_child(actor=None, parent=story, unit=tree.commune_a)
    plan_update(actor=None, plan=own, signer_name="Nguyễn Thị Hoa", place="Buôn Ea Bá")
    own = plan_issue(actor=None, plan=own, issued_on=datetime.date(2022, 3, 25))
    login(client, cast["officer_a"])
    from_own = the_list(client, own)
    from_district = the_list(client, story)
    for document in (from_own, from_district):
        # The commune's list whichever plan it is asked from: signed as its own plan is.
        assert heading(document)[1] == "BCH HỘI NÔNG DÂN XÃ EA BÁ"
        assert names(bordered(document)[0]) == ["Trồng sắn cao sản", "Nuôi dê"]
        assert signature(document) == ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thị Hoa"]
        assert date_line(document).startswith("Buôn Ea Bá, ngày ")
        assert "DỰ THẢO" not in stamp(document)
        text = "\n".join(p.text for p in document.paragraphs)
        assert "(Kèm theo Kế hoạch số 01-KH/HNDX ngày 25/3/2022 của Ban Thường vụ Hội " in text
    # The district reads the commune's list from the commune's plan as the commune issued it.
    login(client, cast["district"])
    read = the_list(client, own)
    assert heading(read)[1] == "BCH HỘI NÔNG DÂN XÃ EA BÁ"


def test_the_districts_list_counts_what_it_received_and_lists_the_rest_with_their_state(
    client, cast, story, tree
):
    login(client, cast["district"])
    document = the_list(client, story)
    assert heading(document) == [
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "*",
        "Số      -DS/HNDH",
    ]
    counted, others = bordered(document)
    assert names(counted) == ["Trồng sắn cao sản", "Máy tách hạt"]
    texts = [[c.text for c in row.cells] for row in counted.rows]
    assert ["Hội Nông dân xã Ea Bá"] * 6 in texts  # each commune's heading across the table
    assert [row[0] for row in texts if row[0].isdigit()] == ["1", "2"]
    assert names(others) == ["Nuôi dê", "Nuôi ong", "Ủ phân vi sinh"]
    states = [row.cells[4].text for row in others.rows[1:]]
    assert states[0].startswith("Đã gửi, chưa tiếp nhận")
    assert states[1].startswith("Trả lại để bổ sung: Thiếu số hộ tham gia.")
    assert [row.cells[0].text for row in others.rows[1:]] == ["1", "2", "3"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Danh sách gồm 2 mô hình, sáng kiến, ý tưởng mới của 2 đơn vị./." in text
    assert "Bản nháp của Ea Bá" not in [c.text for t in document.tables for c in t._cells]
    # The plan's signer signs; the deadline (10/4/2022) has passed: the list is final.
    assert signature(document) == ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Bá Minh Hiếu"]
    assert "DỰ THẢO" not in stamp(document)


def test_the_districts_list_is_a_draft_while_registration_is_open(client, cast, story):
    deadline = story.deadlines.get(kind=DeadlineKind.REGISTRATION)
    deadline.due_at = timezone.now() + datetime.timedelta(days=3)
    deadline.save()
    login(client, cast["district"])
    url = reverse("initiatives:export_docx", args=[story.pk])
    assert "DỰ THẢO" in stamp(docx(client.get(url)))
    plan_close(actor=None, plan=story)
    assert "DỰ THẢO" not in stamp(docx(client.get(url)))


def test_a_province_plan_to_its_communes_is_answered_by_each_communes_own_list(
    client, make_person, tree
):
    """Today's two levels: the province asks its communes directly."""
    commune = unit_create(
        actor=None, parent=tree.province, name="Ea Bá mới", kind=UnitKind.COMMUNE, level=3
    )
    plan = issued_plan(
        tree.province,
        year=2026,
        title="Kế hoạch thi đua năm 2026",
        movement_name="Đắk Lắk đoàn kết sáng tạo",
        quota_kinds=[UnitKind.COMMUNE],
        late_registrations=LatePolicy.MARK_LATE,
        signer_name="Nguyễn Văn An",
        issued_on=datetime.date(2026, 2, 10),
    )
    officer = make_person("xa_moi", Role.OFFICER, commune)
    login(client, officer)
    document = the_list(client, plan)
    assert heading(document)[:2] == ["HỘI NÔNG DÂN TỈNH PHÚ YÊN", "BCH HỘI NÔNG DÂN XÃ EA BÁ MỚI"]
    assert heading(document)[3] == "Số      -DS/HNDX"
    assert date_line(document).startswith("Ea Bá mới, ")


def test_a_unit_the_person_does_not_act_for_is_refused(client, cast, story, tree, make_person):
    login(client, cast["officer_a"])
    url = reverse("initiatives:export_docx", args=[story.pk])
    assert client.get(url, {"unit": tree.commune_b.pk}).status_code == 404
    assert client.get(url, {"unit": tree.commune_a.pk}).status_code == 200
    # A council member reads the plan, not its registrations.
    member = make_person("hoidong", Role.COUNCIL, tree.district)
    login(client, member)
    assert client.get(url).status_code == 403
    assert client.get(reverse("initiatives:export_xlsx", args=[story.pk])).status_code == 403


def test_the_xlsx_is_the_acting_units_too(client, cast, story, tree):
    login(client, cast["officer_a"])
    sheet = workbook(client.get(reverse("initiatives:export_xlsx", args=[story.pk]))).active
    assert sheet.cell(2, 1).value == "Hội Nông dân xã Ea Bá"
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "TT")
    column = [c.value for c in sheet[header_row]].index("Tên mô hình, sáng kiến, ý tưởng mới") + 1
    listed = [sheet.cell(r, column).value for r in range(header_row + 1, sheet.max_row)]
    assert listed == ["Trồng sắn cao sản", "Nuôi dê", "Nuôi ong"]


def test_the_page_offers_the_signed_list_and_the_list_to_print(client, cast, story):
    login(client, cast["officer_a"])
    page = unescape(
        client.get(reverse("initiatives:registration_list", args=[story.pk])).content.decode()
    )
    docx_url = reverse("initiatives:export_docx", args=[story.pk])
    xlsx_url = reverse("initiatives:export_xlsx", args=[story.pk])
    assert f'href="{xlsx_url}?columns=print"' in page
    assert f'action="{docx_url}"' in page
    assert 'name="signer"' in page
    assert 'name="title"' in page


def test_the_province_reads_the_districts_list_as_the_district_issued_it(client, cast, story, tree):
    province_plan_above(story, tree)
    login(client, cast["province"])
    document = the_list(client, story)
    assert heading(document)[1] == "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    assert names(bordered(document)[0]) == ["Trồng sắn cao sản", "Máy tách hạt"]
