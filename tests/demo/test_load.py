"""The demo data (demo/load.py) tells the story the README tells: the 2022 cycle of plan 115
completed (council decided, documents issued, results reported and rolled up to the district
and to the province, beside a second district), and the 2026 cycle open for registration.

Each account is followed from the page it would start on, through the links the pages offer,
to the downloads, which are opened and read."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.documents.reading import all_paragraphs
from tests.helpers import docx, workbook
from thidua.demo import load as demo
from thidua.initiatives.models import Registration
from thidua.org.models import Person
from thidua.plans.models import Plan, PlanState
from thidua.results.domain.rollup import rollup
from thidua.results.enums import ReportState
from thidua.results.models import ResultsReport
from thidua.review.models import Council, CouncilState, Outcome

# The module in one process: the demo is loaded once for it (conftest.py), not once per
# process.
pytestmark = pytest.mark.xdist_group(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What the council of Sông Hinh decided in 2022, best first: every kind of outcome.
NOMINATED = ["Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"]  # Ea Bá
COMMENDED = [
    "Mô hình tổ hội nghề nghiệp chăn nuôi dê",  # Ea Trol
    "Sáng kiến cải tiến máy tách hạt điều quy mô hộ",  # Ea Ly
]
RECOGNISED = [
    "Mô hình trồng hồ tiêu hữu cơ",  # Ea Bia
    "Ý tưởng điểm thu gom, sơ chế sắn lát của chi hội",  # Ea Bá
    "Sáng kiến ủ phân vi sinh từ phụ phẩm mì",  # Ea Lâm
    "Ý tưởng du lịch trải nghiệm buôn làng",  # Sơn Giang, entered from paper
]
NOT_HONOURED = [
    "Mô hình cánh đồng mẫu lớn lúa nước",  # Đức Bình Tây
    "Ý tưởng phiên chợ nông sản sạch cuối tuần tại thị trấn",  # Hai Riêng
]


def as_user(client, username):
    assert client.login(username=username, password=demo.PASSWORD), username
    return client


def links(response) -> set[str]:
    assert response.status_code == 200, response.status_code
    return {unescape(href) for href in re.findall(r'href="([^"]+)"', response.content.decode())}


def follow(client, page: str, target: str) -> str:
    """Open ``page`` and check that it links to ``target``, the next step."""
    assert target in links(client.get(page)), f"{page} does not link to {target}"
    return target


def download(client, url: str, content_type: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == content_type
    return response


def rows_of(document) -> list[str]:
    """Each row of each table of a DOCX as one line of text."""
    return [
        " | ".join(cell.text for cell in row.cells)
        for table in document.tables
        for row in table.rows
    ]


def sheet_rows(book) -> list[list]:
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def plan_115():
    return Plan.objects.get(number=115, unit__name="Sông Hinh")


def test_every_account_logs_in_with_the_documented_password(story, client):
    """The seven accounts the demo prints share its password (hashed once for them all)."""
    people = list(Person.objects.order_by("username"))
    assert [p.username for p in people] == [
        "admin",
        "hoidong",
        "hoidong2",
        "hoidong3",
        "huyen",
        "tinh",
        "xa",
    ]
    for person in people:
        assert person.has_usable_password()
        assert client.login(username=person.username, password=demo.PASSWORD), person.username
        assert not client.login(username=person.username, password=demo.PASSWORD + "x")


def test_the_2022_council_voted_and_decided_every_kind_of_outcome(story):
    council = Council.objects.get(plan=plan_115())
    assert council.state == CouncilState.DECIDED
    assert council.decision.approved
    assert (council.decision.votes_for, council.decision.members) == (3, 3)
    outcomes = {p.registration.name: p.outcome for p in council.proposals.all()}
    assert outcomes == {
        **dict.fromkeys(NOMINATED, Outcome.NOMINATED),
        **dict.fromkeys(COMMENDED, Outcome.COMMENDED),
        **dict.fromkeys(RECOGNISED, Outcome.RECOGNISED),
        **dict.fromkeys(NOT_HONOURED, Outcome.NONE),
    }


def test_huyen_is_offered_the_decision_minutes_and_certificates_of_2022(story, client):
    as_user(client, "huyen")
    plan = plan_115()
    council = Council.objects.get(plan=plan)
    page = follow(client, "/plans/", reverse("plans:plan_detail", args=[plan.pk]))
    page = follow(client, page, reverse("review:council_list", args=[plan.pk]))
    page = follow(client, page, reverse("review:council_detail", args=[council.pk]))
    page = follow(client, page, reverse("review:decision", args=[council.pk]))
    offered = links(client.get(page))
    documents = {
        name: reverse(f"review:{name}_docx", args=[council.pk]) for name in ("decision", "minutes")
    }
    assert set(documents.values()) <= offered
    certificates_url = reverse("review:certificates_docx", args=[council.pk])
    certificates = sorted(link for link in offered if link.startswith(certificates_url))
    assert certificates, "no certificates offered"

    decision = docx(download(client, documents["decision"], DOCX))
    text = "\n".join(p.text for p in all_paragraphs(decision))
    assert "QUYẾT ĐỊNH" in text
    annex = [row.lower() for row in rows_of(decision)]
    # The outcome in words: "Đề nghị giải thưởng", "Khen thưởng" or "Giấy khen", "Công
    # nhận" or "Giấy chứng nhận".
    for names, word in [(NOMINATED, "giải thưởng"), (COMMENDED, "khen"), (RECOGNISED, "nhận")]:
        for name in names:
            assert any(name.lower() in row and word in row for row in annex), (name, word)
    for name in NOT_HONOURED:
        assert name not in text

    minutes = docx(download(client, documents["minutes"], DOCX))
    scored = rows_of(minutes)
    for name in NOMINATED + COMMENDED + RECOGNISED + NOT_HONOURED:
        assert any(name in row for row in scored), name
    minutes_text = "\n".join(p.text for p in all_paragraphs(minutes))
    assert "Lê Văn Minh" in minutes_text  # the chair
    assert "Số thành viên có mặt: 3/3; đồng ý: 3; không đồng ý: 0" in minutes_text
    assert "thông qua" in minutes_text
    assert "Vào lúc 14 giờ 00, ngày 20 tháng 5 năm 2022" in minutes_text  # no blanks to fill
    assert "kết thúc lúc 16 giờ 30" in minutes_text

    printed = "\n".join(
        p.text for link in certificates for p in all_paragraphs(docx(download(client, link, DOCX)))
    )
    for name in COMMENDED + RECOGNISED:  # the nominated one goes on to the province
        assert name in printed
    for name in NOT_HONOURED:
        assert name not in printed


def test_huyen_is_offered_the_districts_rollup_of_2022(story, client):
    as_user(client, "huyen")
    plan = plan_115()
    page = follow(
        client,
        reverse("plans:plan_detail", args=[plan.pk]),
        reverse("results:overview", args=[plan.pk]),
    )
    page = follow(client, page, reverse("results:rollup", args=[plan.pk]))
    rollup_page = client.get(page).content.decode()
    for commune in ("Hội Nông dân xã Ea Bá", "Hội Nông dân xã Ea Trol", "Hội Nông dân xã Ea Bar"):
        assert commune in rollup_page
    tables = follow(client, page, reverse("results:rollup_xlsx", args=[plan.pk]))
    rows = sheet_rows(workbook(download(client, tables, XLSX)))
    header = next(row for row in rows if "Hội nghị tuyên truyền" in row)
    meetings = header.index("Hội nghị tuyên truyền")
    awards = header.index("Gửi dự giải thưởng")
    by_unit = {row[0]: row for row in rows if isinstance(row[0], str)}
    assert by_unit["Hội Nông dân xã Ea Bá"][meetings] == 4
    assert by_unit["Hội Nông dân xã Ea Bá"][awards] == 1  # its nominated model
    assert by_unit["Hội Nông dân xã Ea Bar"][meetings] is None  # not reported: empty
    communes = [
        row[meetings]
        for name, row in by_unit.items()
        if name.startswith(("Hội Nông dân xã", "Hội Nông dân thị trấn"))
    ]
    assert sum(n or 0 for n in communes) == 16  # four reports sent, four meetings each


def test_the_district_reported_upwards_and_the_province_received_it(story, client):
    plan = plan_115()
    report = plan.reports.get(unit=plan.unit)
    assert report.state == ReportState.RECEIVED
    as_user(client, "huyen")
    document = docx(client.get(reverse("results:report_docx", args=[report.pk])))
    text = "\n".join(p.text for p in all_paragraphs(document))
    assert "BÁO CÁO" in text
    # Its communes' roll-up is in it: who reported on time, late, and not at all.
    for words in ("đúng hạn", "trễ hạn", "chưa báo cáo"):
        assert words in text, words


def test_the_district_and_province_rollups_match_the_story(story):
    district = rollup(plan_115())
    assert (district.count("on_time"), district.count("late"), district.count("missing")) == (
        3,
        1,
        7,
    )
    province = rollup(Plan.objects.get(number=283)).group_totals()
    assert {
        g["unit"].name: (g["units"], g["on_time"], g["late"], g["missing"]) for g in province
    } == {"Sông Hinh": (11, 3, 1, 7), "Sơn Hòa": (14, 4, 1, 9)}


def test_xa_is_offered_the_communes_own_list_of_its_registrations(story, client):
    as_user(client, "xa")
    plan = plan_115()
    page = follow(client, "/plans/", reverse("plans:plan_detail", args=[plan.pk]))
    page = follow(client, page, reverse("initiatives:registration_list", args=[plan.pk]))
    listing = follow(client, page, reverse("initiatives:export_docx", args=[plan.pk]))
    rows = rows_of(docx(download(client, listing, DOCX)))
    ours = ["Mô hình trồng sắn cao sản", "Ý tưởng điểm thu gom, sơ chế sắn lát"]
    for name in ours:
        assert any(name in row for row in rows), name
    others = Registration.objects.filter(plan=plan).exclude(unit__name="Ea Bá")
    for registration in others:
        assert not any(registration.name in row for row in rows), registration.name


def test_xas_list_is_issued_by_xa_ea_ba(story, client):
    as_user(client, "xa")
    plan = plan_115()
    document = docx(client.get(reverse("initiatives:export_docx", args=[plan.pk])))
    # The heading block: the issuer's lines top left, above the "*" and the number.
    issuer = " ".join(document.tables[0].rows[0].cells[0].text.split()).split("*")[0]
    assert "XÃ EA BÁ" in issuer, issuer


def test_tinh_is_offered_the_province_rollup_by_district(story, client):
    as_user(client, "tinh")
    province_plan = Plan.objects.get(number=283)
    page = follow(
        client,
        reverse("plans:plan_detail", args=[province_plan.pk]),
        reverse("results:overview", args=[province_plan.pk]),
    )
    page = follow(client, page, reverse("results:rollup", args=[province_plan.pk]))
    html = client.get(page).content.decode()
    first_cells = {
        re.sub(r"<[^>]+>", "", cells[0]).strip()
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)
        for cells in [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)]
        if cells
    }
    assert {"Hội Nông dân huyện Sông Hinh", "Hội Nông dân huyện Sơn Hòa"} <= first_cells
    # Their communes are in the roll-up too: one that reported in each district.
    assert {"Hội Nông dân xã Ea Bá", "Hội Nông dân thị trấn Củng Sơn"} <= first_cells
    tables = follow(client, page, reverse("results:rollup_xlsx", args=[province_plan.pk]))
    download(client, tables, XLSX)


def test_the_province_rollup_tables_subtotal_each_district(story, client):
    as_user(client, "tinh")
    province_plan = Plan.objects.get(number=283)
    response = download(client, reverse("results:rollup_xlsx", args=[province_plan.pk]), XLSX)
    sheet = workbook(response).active
    header = next(row for row in sheet.iter_rows() if "Hội nghị tuyên truyền" in cells(row))
    meetings = cells(header).index("Hội nghị tuyên truyền")

    def subtotals(district: str) -> list:
        return [
            evaluated(sheet, row[meetings])
            for row in sheet.iter_rows()
            if any(isinstance(v, str) and district in v and "xã" not in v for v in cells(row))
        ]

    # A district's subtotal: its own report (2 meetings) and its communes' (4 × 4, 5 × 3).
    assert 18 in subtotals("Sông Hinh")
    assert 17 in subtotals("Sơn Hòa")


def cells(row) -> list:
    return [cell.value for cell in row]


def evaluated(sheet, cell):
    """A cell's value as a spreadsheet shows it: a "=SUM(…)" or "=A1+A2" formula added up."""
    value = cell.value
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    total = 0
    for first, last in re.findall(r"\$?([A-Z]+\$?\d+)(?::\$?([A-Z]+\$?\d+))?", value[1:]):
        for row in sheet[f"{first}:{last or first}".replace("$", "")]:
            for part in row if isinstance(row, tuple) else (row,):
                total += evaluated(sheet, part) or 0
    return total


def test_the_2026_cycle_is_open_for_registration(story, client):
    current = Plan.objects.get(unit__name="Đắk Lắk", number=12)
    assert current.state == PlanState.ISSUED
    as_user(client, "xa")
    assert reverse("initiatives:start", args=[current.pk]) in links(
        client.get(reverse("initiatives:registration_list", args=[current.pk]))
    )


def test_huyen_follows_the_fund_to_its_ledger_and_the_public_page_names_who_agreed(story, client):
    """Sông Hinh's fund (demo/fund.py): donors, a correction, the prize money paid by the
    council's decision, the contribution to the national fund; the public page names the
    donors who agreed, and only them."""
    as_user(client, "huyen")
    district = Plan.objects.get(number=115, unit__name="Sông Hinh").unit
    fund = district.funds.get()
    page = follow(client, "/", reverse("fund:index"))
    page = follow(client, page, reverse("fund:unit", args=[district.pk]))
    page = follow(client, page, reverse("fund:fund_detail", args=[fund.pk]))
    ledger = unescape(re.sub(r"<[^>]+>", " ", client.get(page).content.decode()))
    for words in [
        "Công ty TNHH Tinh bột sắn Sông Hinh",
        "Ghi thừa một chữ số 0",  # the correction's reason
        *COMMENDED,
        *NOMINATED,
        "Giấy nộp tiền số 45",
    ]:
        assert words in ledger, words
    balances = fund.entries.order_by("sequence")
    money = [e.balance_vnd for e in balances if not e.in_kind]
    assert money[-1] == 12_000_000  # 42.000.000 given, 20.000.000 paid, 10.000.000 sent
    book = workbook(download(client, reverse("fund:ledger_xlsx", args=[fund.pk]), XLSX))
    assert any("Ủng hộ Quỹ “Người Việt đoàn kết sáng tạo”" in row for row in sheet_rows(book))
    client.logout()
    public = client.get(reverse("fund:public_unit", args=[district.pk])).content.decode()
    assert "Hợp tác xã Nông nghiệp Ea Bá" in public  # a commune's donor, rolled up
    assert "Nguyễn Thị Lài" not in public
    assert "Hội viên Chi hội Thôn 1" not in public


def test_the_public_sees_the_2022_cycle_published_with_a_story_an_event_and_an_example(
    story, client
):
    """Publicity (demo/publicity.py): from the login page, the showcase lists the seven
    entries the 2022 council honoured, with their photos and the example of the month; the
    cassava model's page shows its photo and the fair where it was shown; the story is
    published, the draft is not; the communes' reports read their seminars."""
    page = follow(client, reverse("login"), reverse("showcase:showcase"))
    showcase = client.get(page)
    shown = showcase.context["page"].object_list
    honoured = Registration.objects.filter(proposals__council__state=CouncilState.DECIDED).exclude(
        proposals__outcome=Outcome.NONE
    )
    assert {p.registration_id for p in shown} == set(honoured.values_list("pk", flat=True))
    assert len(shown) == 7
    assert all(p.registration.photos for p in shown)
    (example,) = showcase.context["examples"]
    assert example.publication.outcome == Outcome.NOMINATED
    cassava = next(p for p in shown if p.registration.name.startswith("Mô hình trồng sắn"))
    model = client.get(reverse("showcase:model", args=[cassava.pk])).content.decode()
    assert "Hội chợ nông sản và mô hình sáng tạo huyện Sông Hinh năm 2022" in model
    assert "Y Thuê Niê" in model  # she agreed to be named
    stories = client.get(reverse("showcase:stories")).content.decode()
    assert "những mô hình làm giàu ở Sông Hinh" in stories
    assert "Bản nháp" not in stories
    ea_ba = ResultsReport.objects.get(unit__name="Ea Bá", plan__number=115)
    assert (ea_ba.events, ea_ba.event_participants) == (1, 60)


def test_huyen_compares_2022_with_2023_on_the_movements_rollup(story, client):
    """The 2023 plan continues plan 115 (demo/series.py): its roll-up sets the registrations
    of the two years side by side, 2022's a link to its own roll-up."""
    as_user(client, "huyen")
    later = Plan.objects.get(previous_in_series=plan_115())
    assert later.period_start.year == 2023
    page = client.get(reverse("results:rollup", args=[later.pk])).content.decode()
    table = page[page.index('id="year-over-year"') :]
    assert f'href="{reverse("results:rollup", args=[plan_115().pk])}?measure=' in table
    sent = {
        year: Registration.objects.filter(plan=plan, submitted_at__isnull=False).count()
        for year, plan in ((2022, plan_115()), (2023, later))
    }
    assert sent[2023] == 8
    total_row = table[
        table.index("table__subtotal") : table.index("</tr>", table.index("table__subtotal"))
    ]
    cells = re.findall(r'<td data-label="(\d{4})">([^<]*)</td>', total_row)
    assert dict(cells) == {"2022": str(sent[2022]), "2023": "8"}
