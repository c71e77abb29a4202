"""Results pages cost the same number of queries with 3 rows as with 12."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.helpers import filled
from tests.pages.world import LAST_COMMUNE, client_for, grower, last, png_bytes
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.results.domain.reports import report_open, report_review, report_submit


@pytest.fixture
def reporting(world, communes):
    """grow(n): n more communes, each with a registration sent and its report sent."""

    def make(i):
        unit = communes(i + 1)[i]
        registration_submit(
            actor=None, registration=world._make_registration(unit, name=f"Mô hình số {i}")
        )
        report = filled(report_open(actor=None, plan=world.plan, unit=unit))
        return report_submit(actor=None, report=report)

    return grower(make)


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        ("results:overview", 15, "Hội Nông dân xã Ea Tam"),  # reports across the cascade
        ("results:rollup", 14, "Hội Nông dân xã Ea Tam"),
        # … and its series (plans/domain/series.py): the version in force, what continues it
        ("results:dashboard", 26, "Hội Nông dân xã Ea Tam"),
        ("results:rollup_xlsx", 13, "Hội Nông dân xã Ea Tam"),
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
        25,
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
        ("results:report_detail", 10, ["Sáng kiến số", "Ảnh số"]),
        ("results:report_edit", 10, ["Sáng kiến số", "Ảnh số"]),
        ("results:report_docx", 15, ["Sáng kiến số"]),  # the roll-up of its plan
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
        ("results:dashboard", 29, "Hội Nông dân xã Ia Rmok"),
        ("results:rollup_xlsx", 14, "Hội Nông dân xã Ia Rmok"),
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
