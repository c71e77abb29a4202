"""Plan pages: who sees and does what, bad input, the cascade view, the public page."""

import datetime
from html import unescape

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import (
    CLIENT_EXAMPLES,
    cast_of,
    login,
    page_form,
    successor,
    vietnamese,
    workbook,
)
from tests.typed import body_stored, plan_source
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.plans.domain.plans import (
    plan_create,
    plan_create_child,
    plan_issue,
    plan_set_body,
    plan_update,
)
from thidua.plans.models import Plan, PlanAttachment, PlanState

MARCH_8 = datetime.date(2022, 3, 8)


@pytest.fixture
def cast(tree, make_person):
    who = ["district_admin", "district", "officer_a", "officer_b", "province", "outsider"]
    return cast_of(make_person, tree, *who)


def test_draft_is_seen_only_by_those_who_may_edit_it(client, cast, make_plan, tree):
    plan = make_plan()
    url = reverse("plans:plan_detail", args=[plan.pk])
    expected = {
        "district_admin": 200,
        "district": 200,
        "officer_a": 404,
        "province": 404,
        "outsider": 404,
    }
    for name, status in expected.items():
        login(client, cast[name])
        response = client.get(url)
        assert response.status_code == status, name
        assert (plan.title in response.content.decode()) is (status == 200), name


def test_issued_plan_reaches_the_communes_and_the_province_but_not_outsiders(
    client, cast, make_plan
):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    url = reverse("plans:plan_detail", args=[plan.pk])
    for name in ("officer_a", "officer_b", "province", "district"):
        login(client, cast[name])
        assert client.get(url).status_code == 200, name
    login(client, cast["outsider"])
    assert client.get(url).status_code == 404
    login(client, cast["officer_a"])
    inbox = client.get(reverse("plans:plan_list"), {"whose": "received"}).content.decode()
    assert plan.title in inbox


def test_commune_never_sees_another_communes_draft(client, cast, make_plan, tree):
    draft_a = make_plan(tree.commune_a, title="Dự thảo của Ea Bá")
    login(client, cast["officer_b"])
    assert client.get(reverse("plans:plan_detail", args=[draft_a.pk])).status_code == 404
    assert "Dự thảo của Ea Bá" not in client.get(reverse("plans:plan_list")).content.decode()


def test_only_administrators_issue(client, cast, make_plan):
    plan = make_plan()
    url = reverse("plans:plan_issue", args=[plan.pk])
    login(client, cast["district"])
    assert client.post(url).status_code == 403
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    login(client, cast["district_admin"])
    response = client.post(url, follow=True)
    plan.refresh_from_db()
    assert plan.state == PlanState.ISSUED
    assert f"số {plan.number_symbol}" in response.content.decode()


def test_issuing_twice_by_double_click_issues_once(client, cast, make_plan):
    plan = make_plan()
    login(client, cast["district_admin"])
    client.post(reverse("plans:plan_issue", args=[plan.pk]))
    response = client.post(reverse("plans:plan_issue", args=[plan.pk]), follow=True)
    assert "Kế hoạch đã ban hành không thể sửa" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).number == 1


def test_officer_edits_the_body_and_bad_markup_gets_a_line_number(client, cast, make_plan):
    plan = make_plan()
    login(client, cast["district"])
    url = reverse("plans:plan_body", args=[plan.pk])
    response = client.post(url, {"source": "Một đoạn trước mục\n# MỤC"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dòng 1" in page
    assert "Một đoạn trước mục" in page  # what was typed is still there
    assert next(s.heading for s in plan.sections.all()) == "MỤC ĐÍCH, YÊU CẦU"
    client.post(url, {"source": "# MỤC MỚI\n## Điểm\nNội dung"})
    assert [s.heading for s in plan.sections.all()] == ["MỤC MỚI"]


def test_issued_plan_edit_pages_send_back_to_the_plan(client, cast, make_plan):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    login(client, cast["district_admin"])
    for name in ("plans:plan_edit", "plans:plan_body", "plans:plan_lists"):
        response = client.post(reverse(name, args=[plan.pk]), {"source": "# X"})
        assert response.status_code == 302
    assert plan.sections.count() == 3


def test_commune_creates_its_own_plan_from_the_districts_in_one_action(
    client, cast, make_plan, tree
):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    login(client, cast["officer_a"])
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "Xây dựng kế hoạch của đơn vị" in page
    response = client.post(reverse("plans:plan_child", args=[plan.pk]), {"unit": tree.commune_a.pk})
    child = Plan.objects.get(unit=tree.commune_a)
    assert response["Location"] == reverse("plans:plan_detail", args=[child.pk])
    assert child.bases.get().parent == plan
    forged = client.post(reverse("plans:plan_child", args=[plan.pk]), {"unit": tree.commune_b.pk})
    assert forged.status_code == 403
    assert not Plan.objects.filter(unit=tree.commune_b).exists()


def test_cascade_view_shows_every_commune_and_counts(client, cast, make_plan, tree):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    child = plan_create_child(actor=None, parent=plan, unit=tree.commune_a)
    child = plan_update(actor=None, plan=child, signer_name="Nguyễn Thị Hoa")
    plan_issue(actor=None, plan=child, issued_on=datetime.date(2022, 4, 20))
    login(client, cast["district"])
    response = client.get(reverse("plans:plan_cascade", args=[plan.pk]))
    page = response.content.decode()
    assert "Hội Nông dân xã Ea Bá" in page
    assert "Hội Nông dân xã Ea Ly" in page
    assert response.context["counts"] == {"on_time": 0, "late": 1, "draft": 0, "missing": 1}
    assert "quá hạn" in page


@pytest.mark.parametrize("communes", [2, 12])
def test_cascade_view_query_count_does_not_grow_with_units(
    client, cast, make_plan, tree, communes, django_assert_max_num_queries
):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    for number in range(communes):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        child = plan_create_child(actor=None, parent=plan, unit=unit)
        plan_update(actor=None, plan=child, signer_name="Y Thuê Niê")
        plan_issue(actor=None, plan=child, issued_on=MARCH_8)
    login(client, cast["district"])
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("plans:plan_cascade", args=[plan.pk]))
    assert len(queries) <= 14, [q["sql"] for q in queries]


@pytest.mark.parametrize("plans", [2, 10])
def test_plan_list_query_count_does_not_grow_with_plans(client, cast, make_plan, plans):
    for _ in range(plans):
        plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    login(client, cast["officer_a"])
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("plans:plan_list"))
    assert len(queries) <= 10, [q["sql"] for q in queries]


def test_public_page_shows_an_issued_plan_without_login(client, make_plan):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    page = client.get(reverse("plans:public_plan", args=[plan.pk])).content.decode()
    assert plan.title in page
    assert "Tính mới" in page
    assert "10/04/2022" in page
    draft = make_plan()
    assert client.get(reverse("plans:public_plan", args=[draft.pk])).status_code == 404


def test_attachment_is_checked_by_content(client, cast, make_plan):
    plan = make_plan()
    login(client, cast["district"])
    url = reverse("plans:plan_attachment_add", args=[plan.pk])
    fake = SimpleUploadedFile(
        "ban-ky.pdf", b"MZ\x90\x00 an exe renamed", content_type="application/pdf"
    )
    page = client.post(url, {"title": "Bản ký", "file": fake}, follow=True).content.decode()
    assert "không phải tệp" in page
    assert not PlanAttachment.objects.exists()
    real = SimpleUploadedFile("Bản ký số 115.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n")
    client.post(url, {"title": "Bản ký", "file": real})
    attachment = PlanAttachment.objects.get()
    assert attachment.file.name.startswith(f"plans/{plan.pk}/ban-ky-so-115-")
    download = client.get(reverse("plans:plan_attachment", args=[plan.pk, attachment.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    login(client, cast["outsider"])
    assert (
        client.get(reverse("plans:plan_attachment", args=[plan.pk, attachment.pk])).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("sent", "message"),
    [({"title": "Bản ký"}, "Choose a file to upload."), ({}, "Give the file a title.")],
)
def test_an_attachment_without_its_file_or_title_says_which(client, cast, make_plan, sent, message):
    plan = make_plan()
    login(client, cast["district"])
    url = reverse("plans:plan_attachment_add", args=[plan.pk])
    page = client.post(url, sent, follow=True).content.decode()
    assert vietnamese(message) in page
    assert not PlanAttachment.objects.exists()


def test_lists_page_saves_criteria_and_deadlines(client, cast, make_plan):
    plan = make_plan()
    login(client, cast["district"])
    data = {
        "criteria-TOTAL_FORMS": "2",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-name": "Tính mới",
        "criteria-0-description": "Chưa có trước đây.",
        "criteria-0-max_points": "30",
        "criteria-1-name": "Tính hiệu quả",
        "criteria-1-description": "",
        "criteria-1-max_points": "70",
        "deadlines-TOTAL_FORMS": "1",
        "deadlines-INITIAL_FORMS": "0",
        "deadlines-0-kind": "registration",
        "deadlines-0-label": "Đăng ký",
        "deadlines-0-due_on": "2022-04-10",
        "campaigns": "Nông thôn mới\n\nGiảm nghèo bền vững\n",
        "citations": "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
    }
    assert client.post(reverse("plans:plan_lists", args=[plan.pk]), data).status_code == 302
    assert list(plan.criteria.values_list("name", "max_points")) == [
        ("Tính mới", 30),
        ("Tính hiệu quả", 70),
    ]
    deadline = plan.deadlines.get()
    assert deadline.due_at.isoformat() == "2022-04-10T16:59:59+00:00"  # 23:59:59 in Vietnam
    assert list(plan.campaigns.values_list("name", flat=True)) == [
        "Nông thôn mới",
        "Giảm nghèo bền vững",
    ]
    assert plan.bases.get().text == "Căn cứ Luật Thi đua, khen thưởng năm 2022;"


def test_plan_list_separates_the_inbox_from_the_units_own_plans(client, cast, make_plan, tree):
    district_plan = plan_issue(
        actor=None, plan=make_plan(title="Kế hoạch của huyện"), issued_on=MARCH_8
    )
    province_plan = plan_issue(
        actor=None, plan=make_plan(tree.province, title="Kế hoạch của tỉnh"), issued_on=MARCH_8
    )
    own = make_plan(tree.commune_a, title="Kế hoạch của xã")
    login(client, cast["officer_a"])
    url = reverse("plans:plan_list")
    received = client.get(url, {"whose": "received"})
    assert set(received.context["plans"]) == {province_plan, district_plan}
    assert list(client.get(url, {"whose": "own"}).context["plans"]) == [own]
    everything = client.get(url)
    assert set(everything.context["plans"]) == {province_plan, district_plan, own}
    assert [u.name for u in everything.context["units_for_new"]] == ["Ea Bá"]


def test_district_admin_sets_numbering_by_term_and_the_next_plan_uses_it(
    client, cast, make_plan, tree
):
    login(client, cast["district"])
    url = reverse("plans:numbering_rule", args=[tree.district.pk])
    assert client.get(url).status_code == 403
    login(client, cast["district_admin"])
    missing_term = client.post(url, {"issuer_code": "hndh", "restart": "term", "term": ""})
    assert "Hãy nhập nhiệm kỳ hiện tại." in missing_term.content.decode()
    client.post(url, {"issuer_code": "hndh", "restart": "term", "term": "2023-2028"})
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    assert plan.number_period == "term:2023-2028"
    assert plan.number_symbol == "01-KH/HNDH"


def test_new_plan_is_offered_once_per_unit_that_exists_today(client, tree, make_person):
    """After the 2025 merger the new xã Ea Bá covers the old one: one "new plan" button,
    for the unit that exists now, not one for each of two units of the same name."""
    merged = successor(tree.province, tree.commune_a)
    make_person("xa_moi", Role.OFFICER, merged)
    login(client, "xa_moi")
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert page.count(reverse("plans:plan_create", args=[merged.pk])) == 1
    assert reverse("plans:plan_create", args=[tree.commune_a.pk]) not in page


def test_a_plan_that_names_no_signer_is_refused_on_issue_and_printed_as_a_draft(
    client, cast, make_plan, tree
):
    plan = plan_create_child(
        actor=None,
        parent=plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8),
        unit=tree.commune_a,
    )
    login(client, cast["district_admin"])  # the district administers its communes too
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert '<p class="official__watermark">DỰ THẢO</p>' in page
    response = client.post(reverse("plans:plan_issue", args=[plan.pk]), follow=True)
    with translation.override("vi"):
        refused = gettext(
            "Give the signer's title and name before issuing the plan: a final document "
            "names the person who signs it."
        )
    assert f'<p class="message message--error" role="alert">{refused}</p>' in unescape(
        response.content.decode()
    )
    plan.refresh_from_db()
    assert (plan.state, plan.number) == (PlanState.DRAFT, None)
    edit = client.get(reverse("plans:plan_edit", args=[plan.pk])).content.decode()
    with translation.override("vi"):
        needed = gettext(
            "Needed to issue the plan. A draft may leave it empty: it is then printed as a "
            "draft (DỰ THẢO)."
        )
    assert needed in unescape(edit)


@CLIENT_EXAMPLES
@given(data=st.data())
def test_a_body_pasted_from_word_is_stored_and_read_back_as_typed(client, cast, make_plan, data):
    """Sections, paragraphs and points, blank lines anywhere (the browser types two of these:
    tests/browser/test_forms_round_trip.py): stored, and the form sent back untouched changes
    nothing."""
    plan = make_plan()
    login(client, cast["district_admin"])
    url = reverse("plans:plan_body", args=[plan.pk])
    typed, canonical = data.draw(plan_source())

    client.post(url, {"source": typed})
    assert body_stored(plan) == canonical
    client.post(url, page_form(client.get(url), "//form[.//textarea[@name='source']]"))
    assert body_stored(plan) == canonical


def _plan_of(unit, title, year, *, issued=True):
    plan = plan_create(
        actor=None,
        unit=unit,
        title=title,
        movement_name="Nông dân thi đua sản xuất giỏi",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        signer_name="Bá Minh Hiếu",
    )
    if not issued:
        return plan
    plan_set_body(actor=None, plan=plan, source="# MỤC ĐÍCH\nThi đua sản xuất giỏi.")
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(year, 3, 8))


def test_plan_list_filters_by_year_issuer_level_and_state_and_downloads_them(client, cast, tree):
    """The district's list: its own plans of 2022 and 2023, a draft, the province's plan
    received from above, and Ea Bá's; each filter narrows it, the links keep the filter and
    the XLSX and CSV hold what the list shows."""
    _plan_of(tree.district, "Kế hoạch thi đua năm 2022", 2022)
    _plan_of(tree.district, "Kế hoạch thi đua năm 2023", 2023)
    _plan_of(tree.district, "Dự thảo năm 2023", 2023, issued=False)
    _plan_of(tree.province, "Kế hoạch của tỉnh năm 2023", 2023)
    _plan_of(tree.commune_a, "Kế hoạch của Ea Bá năm 2023", 2023)
    login(client, cast["district"])
    url = reverse("plans:plan_list")

    def titles(**query):
        return sorted(p.title for p in client.get(url, query).context["plans"])

    assert len(titles()) == 5
    assert titles(year=2022) == ["Kế hoạch thi đua năm 2022"]
    assert titles(issuer=tree.commune_a.pk) == ["Kế hoạch của Ea Bá năm 2023"]
    assert titles(level=1) == ["Kế hoạch của tỉnh năm 2023"]
    assert titles(state=PlanState.DRAFT) == ["Dự thảo năm 2023"]
    assert titles(whose="received") == ["Kế hoạch của tỉnh năm 2023"]
    assert titles(year=2023, level=2, state=PlanState.ISSUED) == ["Kế hoạch thi đua năm 2023"]
    assert len(titles(year="năm ngoái")) == 5  # a filter that makes no sense narrows nothing

    page = client.get(url, {"year": 2023}).content.decode()
    assert "4" in page.split('class="count">')[1].split("</p>")[0]
    assert 'href="?year=2023&amp;download=xlsx"' in page
    sheet = workbook(client.get(url, {"year": 2023, "download": "xlsx"})).active
    cells = {c for row in sheet.iter_rows(values_only=True) for c in row if c is not None}
    assert {"Kế hoạch thi đua năm 2023", "Dự thảo năm 2023", "Kế hoạch của tỉnh năm 2023"} <= cells
    assert "Kế hoạch thi đua năm 2022" not in cells
    csv_file = client.get(url, {"year": 2022, "download": "csv"})
    assert csv_file.content.startswith(b"\xef\xbb\xbf")
    lines = csv_file.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2
    assert "Kế hoạch thi đua năm 2022" in lines[1]
    # Ea Bá's officer gets neither the district's draft nor Ea Bá's neighbours' plans.
    login(client, cast["officer_b"])
    listed = client.get(url, {"download": "csv"}).content.decode("utf-8-sig")
    assert "Dự thảo năm 2023" not in listed
    assert "Kế hoạch của Ea Bá năm 2023" not in listed
    assert "Kế hoạch thi đua năm 2023" in listed


def test_plan_list_shows_50_a_page_with_the_total(client, cast, tree):
    for number in range(51):
        _plan_of(tree.district, f"Dự thảo số {number}", 2022, issued=False)
    login(client, cast["district"])
    url = reverse("plans:plan_list")
    first = client.get(url, {"state": PlanState.DRAFT})
    assert len(first.context["plans"]) == 50
    text = first.content.decode()
    assert "51" in text.split('class="count">')[1].split("</p>")[0]
    assert "?state=draft&amp;page=2" in text
    assert len(client.get(url, {"state": PlanState.DRAFT, "page": 2}).context["plans"]) == 1


def test_the_district_links_its_plan_to_last_years_and_others_cannot(client, cast, tree):
    last_year = _plan_of(tree.district, "Kế hoạch thi đua năm 2022", 2022)
    this_year = _plan_of(tree.district, "Kế hoạch thi đua năm 2023", 2023)
    url = reverse("plans:plan_series", args=[this_year.pk])
    detail = reverse("plans:plan_detail", args=[this_year.pk])
    for name, status in (("officer_a", 403), ("province", 403), ("outsider", 404)):
        login(client, cast[name])
        assert client.post(url, {"previous": last_year.pk}).status_code == status, name
        assert url not in client.get(detail).content.decode()
    this_year.refresh_from_db()
    assert this_year.previous_in_series is None

    login(client, cast["district"])
    form = lxml.html.fromstring(client.get(detail).content).xpath(f'//form[@action="{url}"]')[0]
    offered = form.xpath(".//select[@name='previous']/option/@value")
    assert offered == ["", str(last_year.pk)]
    # A plan that cannot precede it (not offered; typed into the request) changes nothing.
    refused = client.post(url, {"previous": this_year.pk}, follow=True)
    assert refused.context["messages"]
    this_year.refresh_from_db()
    assert this_year.previous_in_series is None
    done = client.post(url, {"previous": last_year.pk}, follow=True).content.decode()
    this_year.refresh_from_db()
    assert this_year.previous_in_series == last_year
    assert f'href="{reverse("plans:plan_detail", args=[last_year.pk])}"' in done


def test_the_plan_lists_word_search_goes_to_the_index_for_plans_only(client, cast, tree):
    _plan_of(tree.district, "Kế hoạch thi đua sản xuất giỏi năm 2023", 2023)
    login(client, cast["officer_a"])
    page = lxml.html.fromstring(client.get(reverse("plans:plan_list")).content)
    form = page.xpath("//main//form[.//input[@name='q']]")[0]
    query = {field.name: field.value for field in form.xpath(".//input[@type='hidden']")}
    assert query == {"kind": "plan"}
    found = client.get(form.action, {**query, "q": "san xuat gioi"})
    assert (
        "Kế hoạch thi đua sản xuất giỏi năm 2023"
        in lxml.html.fromstring(found.content).text_content()
    )
