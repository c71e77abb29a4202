"""A plan's new and edit pages (plans/views/editing.py, through core/actions.form_page): what
the officer sees after a good save, after a form the page refuses, and what is stored."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import CLIENT_EXAMPLES, cast_of, login, page_form, vietnamese
from thidua.plans.domain.numbering import numbering_rule_for
from thidua.plans.models import Plan

TITLES = (
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụ ",
        min_size=3,
        max_size=60,
    )
    .map(str.strip)
    .filter(lambda t: len(t) >= 3)
)


@pytest.fixture
def cast(tree, make_person):
    return cast_of(make_person, tree, "district_admin", "district")


def _typed(response, **changes) -> dict:
    data = page_form(response, "//form[@method='post' and .//input[@name='title']]")
    return {**data, **{name: [value] for name, value in changes.items()}}


@CLIENT_EXAMPLES
@given(title=TITLES, year=st.integers(min_value=2020, max_value=2030))
def test_a_new_plan_is_created_once_and_the_officer_goes_on_to_its_sections(
    client, cast, tree, title, year
):
    login(client, cast["district_admin"])
    url = reverse("plans:plan_create", args=[tree.district.pk])
    typed = _typed(
        client.get(url),
        title=title,
        subject=title,
        movement_name="Nông dân thi đua sản xuất giỏi",
        period_start=f"{year}-01-01",
        period_end=f"{year}-12-31",
    )
    before = Plan.objects.count()
    response = client.post(url, typed)
    plan = Plan.objects.latest("pk")
    assert Plan.objects.count() == before + 1
    # the free-text policy collapses blanks (core/forms.py: PlainTextField)
    kept = " ".join(title.split())
    assert (plan.title, plan.unit, plan.period_start.year) == (kept, tree.district, year)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_body", args=[plan.pk])
    page = client.get(response["Location"]).content.decode()
    assert vietnamese("The draft plan was created. Now write its sections.") in page


def test_a_new_plan_ending_before_it_starts_is_the_page_again_with_what_was_typed(
    client, cast, tree
):
    login(client, cast["district_admin"])
    url = reverse("plans:plan_create", args=[tree.district.pk])
    typed = _typed(
        client.get(url),
        title="Kế hoạch ngược ngày",
        subject="Kế hoạch ngược ngày",
        movement_name="Nông dân thi đua sản xuất giỏi",
        period_start="2022-12-31",
        period_end="2022-01-01",
    )
    before = Plan.objects.count()
    response = client.post(url, typed)
    assert response.status_code == 200
    assert Plan.objects.count() == before
    page = response.content.decode()
    assert "Kế hoạch ngược ngày" in page
    assert vietnamese("The end date is before the start date.") in page


@CLIENT_EXAMPLES
@given(title=TITLES)
def test_an_edited_draft_is_saved_and_the_officer_goes_back_to_the_plan(
    client, cast, make_plan, title
):
    plan = make_plan()
    login(client, cast["district"])
    url = reverse("plans:plan_edit", args=[plan.pk])
    response = client.post(url, _typed(client.get(url), title=title))
    plan.refresh_from_db()
    assert plan.title == " ".join(title.split())  # blanks collapsed, as on a new plan
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert vietnamese("The plan was saved.") in client.get(response["Location"]).content.decode()


def test_an_edit_the_page_refuses_changes_nothing_and_keeps_the_typed_text(client, cast, make_plan):
    plan = make_plan()
    login(client, cast["district"])
    url = reverse("plans:plan_edit", args=[plan.pk])
    typed = _typed(client.get(url), title="Tên mới chưa lưu", period_end="2021-01-01")
    response = client.post(url, typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tên mới chưa lưu" in page
    assert vietnamese("The end date is before the start date.") in page
    plan.refresh_from_db()
    assert (plan.title, plan.period_end) == (
        "Kế hoạch thực hiện phong trào thi đua năm 2022",
        datetime.date(2022, 12, 31),
    )


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ({"issuer_code": "hndh", "restart": "year", "term": ""}, True),
        ({"issuer_code": "hndh", "restart": "term", "term": "2023-2028"}, True),
        ({"issuer_code": "hndh", "restart": "term", "term": ""}, False),
        ({"issuer_code": "HND/H", "restart": "year", "term": ""}, False),
    ],
)
def test_a_numbering_rule_is_saved_or_shown_again_with_what_is_missing(
    client, cast, tree, typed, saved
):
    login(client, cast["district_admin"])
    url = reverse("plans:numbering_rule", args=[tree.district.pk])
    before = numbering_rule_for(tree.district)
    response = client.post(url, typed)
    rule = numbering_rule_for(tree.district)
    if saved:
        assert response.status_code == 302
        assert response["Location"] == reverse("org:unit_detail", args=[tree.district.pk])
        page = client.get(response["Location"]).content.decode()
        assert vietnamese("The numbering rule was saved.") in page
        assert (rule.issuer_code, rule.restart, rule.term) == (
            "HNDH",
            typed["restart"],
            typed["term"],
        )
    else:
        assert response.status_code == 200
        assert response.context["form"].errors
        assert (rule.issuer_code, rule.restart, rule.term) == (
            before.issuer_code,
            before.restart,
            before.term,
        )
