"""Results pages cost the same number of queries with 3 rows as with 12."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.generators import yearly_plan
from tests.helpers import completed
from tests.pages.world import LAST_COMMUNE, client_for, last, png_bytes
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.plans.domain.plans import plan_issue
from thidua.plans.domain.series import plan_link_previous
from thidua.results.domain.reports import report_open, report_review, report_submit


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        ("results:overview", 11, "Hội Nông dân xã Ea Tam"),  # reports across the cascade
        # … and its series (none here): the version in force, what continues it
        ("results:rollup", 15, "Hội Nông dân xã Ea Tam"),
        # … and its series (plans/domain/series.py): the version in force, what continues it
        ("results:dashboard", 19, "Hội Nông dân xã Ea Tam"),
        ("results:rollup_xlsx", 11, "Hội Nông dân xã Ea Tam"),
    ],
)
def test_plan_results(world, reporting, same_queries, name, queries, shows):
    """Every commune's report, its figures and charts, for the district."""
    same_queries(
        reverse(name, args=[world.plan.pk]),
        queries,
        by="district",
        grow=reporting,
        shows=last(shows),
    )


def test_dashboard_csv(world, reporting, same_queries):
    same_queries(
        reverse("results:dashboard", args=[world.plan.pk]),
        18,
        by="district",
        grow=reporting,
        query={"csv": "registrations"},
        shows=LAST_COMMUNE,
    )


@pytest.fixture
def report_of(world):
    """report_of(n) → a commune's report with n initiatives, n photos and a history of
    n sendings back and forth (returned last, so it can still be edited)."""
    office = client_for(world.who.district)

    def make(size):
        unit = unit_create(
            actor=None, parent=world.tree.district, name=f"Ea Kly {size}", kind=UnitKind.COMMUNE
        )
        for i in range(size):
            registration_submit(
                actor=None,
                registration=world._make_registration(unit, name=f"Sáng kiến số {i}"),
            )
        report = report_open(actor=None, plan=world.plan, unit=unit)
        for i in range(size):
            office.post(
                reverse("results:photo_add", args=[report.pk]),
                {"title": f"Ảnh số {i}", "photo": SimpleUploadedFile("a.png", png_bytes((64, 48)))},
            )
        for _ in range(size):
            report = report_submit(actor=None, report=report)
            report = report_review(actor=None, report=report, receive=False, reason="Bổ sung.")
        return report

    return make


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        ("results:report_detail", 9, ["Sáng kiến số", "Ảnh số"]),
        # … and one per source of its recorded figures (results/domain/recorded.py)
        ("results:report_edit", 12, ["Sáng kiến số", "Ảnh số"]),
        ("results:report_docx", 13, ["Sáng kiến số"]),  # the roll-up of its plan
    ],
)
def test_report(world, report_of, same_queries, name, queries, shows):
    """One row per initiative the commune registered, its photos and its history."""
    same_queries(
        lambda size: reverse(name, args=[report_of(size).pk]),
        queries,
        by="district",
        shows=last(*shows),
    )


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        ("results:rollup", 15, "Hội Nông dân huyện Krông Pa"),  # its districts' totals
        ("results:dashboard", 19, "Hội Nông dân xã Ia Rmok"),
        ("results:rollup_xlsx", 11, "Hội Nông dân xã Ia Rmok"),
    ],
)
def test_results_of_the_province(
    world, districts, province_plan, same_queries, name, queries, shows
):
    """The province's roll-up, charts and workbook over every district's communes."""
    same_queries(
        reverse(name, args=[province_plan.pk]),
        queries,
        by="province",
        grow=districts,
        shows=last(shows),
    )


@pytest.mark.parametrize("opened", [False, True])
def test_a_large_province_rollup_shows_its_districts_and_opens_one(
    world, districts, province_plan, same_queries, monkeypatch, opened
):
    """A roll-up too large to show whole (here: any) shows each district on one line, its
    subtotal, and a district's communes when it is opened: the same queries at any size."""
    monkeypatch.setattr("thidua.results.views.rollup.ROLLUP_WHOLE_UNITS", 0)

    def url(size):
        districts(size)
        first = province_plan.unit.children.get(name="Krông Pa 0")
        query = f"?unit={first.pk}" if opened else ""
        return reverse("results:rollup", args=[province_plan.pk]) + query

    def shows(size):
        last = province_plan.unit.children.get(name=f"Krông Pa {size - 1}")
        # The last district on one line, with the link that opens it.
        wanted = [f"Hội Nông dân huyện Krông Pa {size - 1}", f'href="?unit={last.pk}#unit-']
        return [*wanted, "Hội Nông dân xã Ia Rmok 0"] if opened else wanted

    response = same_queries(url, 15, by="province", shows=shows)
    page = response.content.decode()
    assert ("Hội Nông dân xã Ia Rmok 0" in page) is opened
    assert "Hội Nông dân xã Ia Rmok 1<" not in page  # the other districts stay closed


@pytest.fixture
def last_year(world):
    """The district's plan of 2021, issued, that its 2022 plan (world.plan) continues."""
    plan = yearly_plan(
        world.tree.district,
        2021,
        title="Kế hoạch thi đua năm 2021",
        body="# NỘI DUNG\nThi đua.",
        registration_label="Đăng ký",
        quota_kinds=[UnitKind.COMMUNE],
        signer_name="Bá Minh Hiếu",
    )
    plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2021, 2, 1))
    plan_link_previous(actor=None, plan=world.plan, previous=plan)
    return plan


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        # the roll-up of each year (fixed), and the series: read along the links
        ("results:rollup", 24),
        ("results:dashboard", 28),
    ],
)
def test_a_series_year_over_year(world, reporting, last_year, same_queries, name, queries):
    """Two years side by side: every commune in both, the same queries at any number."""

    def grow(size):
        reporting(size)
        for unit in world.tree.district.children.filter(name__startswith="Ea Tam"):
            if not last_year.registrations.filter(unit=unit).exists():
                registration_submit(
                    actor=None,
                    registration=completed(
                        registration_create(
                            actor=None, plan=last_year, unit=unit, kind="model", name="Năm 2021"
                        )
                    ),
                )

    same_queries(
        reverse(name, args=[world.plan.pk]),
        queries,
        by="district",
        grow=grow,
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_plan_results_filtered(world, reporting, same_queries):
    """The reports' list narrowed to the units that have not reported: the same queries."""
    same_queries(
        reverse("results:overview", args=[world.plan.pk]) + "?reporting=missing",
        11,
        by="district",
        grow=reporting,
        shows=lambda size: [world.tree.commune_b.full_name],
    )
