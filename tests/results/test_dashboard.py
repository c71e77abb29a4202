"""The dashboard (results/dashboard.py): every chart with its numbers, and its CSV."""

import datetime
import random
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.generators import series_of_years, yearly_plan
from tests.helpers import completed, filled, login, vietnamese
from tests.review import crowd
from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.domain.compliance_table import compliance_summary
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.org.models import Role
from thidua.plans.domain.cascade import recipients
from thidua.plans.domain.plans import plan_issue
from thidua.plans.models import Plan
from thidua.results.domain.reports import report_open, report_submit
from thidua.review.domain.councils import assign, council_set_state, registrations
from thidua.review.domain.distribution import entry_scores
from thidua.review.domain.ranking import ranking
from thidua.review.models import CouncilState


def test_dashboard_draws_every_chart_with_its_numbers_and_csv(client, reporting, tree, make_person):
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    response = client.get(reverse("results:dashboard", args=[reporting.pk]))
    charts = response.context["charts"]
    assert [c.key for c in charts] == [
        "registrations",
        "on_time",
        "reports",
        "results",
        "scores",
        "years",
    ]
    for chart in charts:
        ET.fromstring(chart.svg)  # noqa: S314 (our own output): well-formed SVG
    by_key = {c.key: c for c in charts}
    assert by_key["registrations"].rows == [
        ["Hội Nông dân xã Ea Bá", 0, 0, 2, 0, 0],
        ["Hội Nông dân xã Ea Ly", 0, 0, 1, 0, 0],
    ]
    assert by_key["results"].rows[2] == ["hoàn thành", 2]
    assert by_key["years"].rows == [["2022", 3]]
    csv_text = client.get(reverse("results:dashboard", args=[reporting.pk]), {"csv": "reports"})
    assert csv_text["Content-Type"].startswith("text/csv")
    assert "chưa báo cáo,1" in csv_text.content.decode()
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    client.logout()
    login(client, "xa_a")
    assert client.get(reverse("results:dashboard", args=[reporting.pk])).status_code == 403


def test_the_numbers_under_each_chart_are_written_the_vietnamese_way(
    client, reporting, tree, make_person
):
    """No report sent: the implementation chart has no data ("—"), not zero initiatives."""
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    response = client.get(reverse("results:dashboard", args=[reporting.pk]))
    by_key = {c.key: c for c in response.context["charts"]}
    assert [row[1] for row in by_key["results"].rows] == [None] * 4
    page = response.content.decode()
    assert "<td>hoàn thành</td><td>—</td>" in page
    assert "<td>Hội Nông dân xã Ea Bá</td><td>0</td><td>0</td><td>2</td>" in page


@pytest.mark.parametrize("seed", [3, 17])
def test_a_series_compares_each_unit_and_the_district_year_over_year(
    client, tree, make_person, seed
):
    """Generated years of one district's movement (tests/generators.py: series_of_years):
    the dashboard's year-over-year rows are the counts the test made, a commune missing in
    a year has no figure there, and a plan of the same district outside the series is not
    counted."""
    made = series_of_years(
        tree.district,
        [tree.commune_a, tree.commune_b],
        random.Random(seed),  # noqa: S311
    )
    stray = yearly_plan(
        tree.district, made.years[-1], title="Kế hoạch chuyên đề", body="# A\nB.",
        registration_label="Đăng ký", signer_name="Bá Minh Hiếu",
    )  # fmt: skip
    stray = plan_issue(actor=None, plan=stray, issued_on=datetime.date(made.years[-1], 3, 1))
    registration_submit(
        actor=None,
        registration=completed(
            registration_create(
                actor=None, plan=stray, unit=tree.commune_a, kind="idea", name="Ngoài chuỗi"
            )
        ),
    )

    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    response = client.get(reverse("results:dashboard", args=[made.plans[-1].pk]))
    by_key = {c.key: c for c in response.context["charts"]}
    chart = by_key["registered_by_year"]
    assert chart.headers[1:] == [str(year) for year in made.years]
    rows = {row[0]: row[1:] for row in chart.rows}
    for commune in (tree.commune_a, tree.commune_b, made.newcomer):
        assert rows[commune.full_name] == made.expected(commune), commune.name
    assert rows[vietnamese("Total")] == made.totals()
    ET.fromstring(chart.svg)  # noqa: S314 (our own output): well-formed SVG
    assert "done_by_year" in by_key
    # The first year's dashboard shows the same series.
    first = client.get(reverse("results:dashboard", args=[made.plans[0].pk]))
    assert {c.key: c for c in first.context["charts"]}["registered_by_year"].rows == chart.rows
    url = reverse("results:dashboard", args=[made.plans[-1].pk])
    csv_file = client.get(url, {"csv": chart.key})
    assert csv_file.content.startswith(b"\xef\xbb\xbf")
    header = csv_file.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[1:] == [str(year) for year in made.years]


def test_a_plan_without_a_series_has_no_year_over_year_chart(client, reporting, make_person, tree):
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    charts = client.get(reverse("results:dashboard", args=[reporting.pk])).context["charts"]
    assert "registered_by_year" not in {c.key for c in charts}


# --- the dashboard's numbers computed by the database are the whole computations' -----------


def _by_state(rows) -> dict[str, int]:
    total: dict[str, int] = {}
    for row in rows:
        for state, n in row.by_state.items():
            total[state] = total.get(state, 0) + n
    return total


@pytest.mark.parametrize("seed", [3, 8, 21, 2026])
def test_the_compliance_summary_is_the_whole_compliance_in_numbers(generated, seed):
    """Generated provinces (reformed or not, quotas or none, registrations in every state):
    for every plan of the world, the totals and each recipient's registrations by state
    that the database computes are those of ``compliance`` (the rows summed in Python), and
    so are each unit's when at most ``few`` units owe (or no recipient has any)."""
    world = generated(seed)
    for plan in Plan.objects.filter(pk__in=[p.pk for p in world.plans.values()]):
        whole = compliance(plan)
        for few in (0, 3, 30):
            summary = compliance_summary(plan, few=few)
            assert summary.totals == whole.totals(), plan.pk
            assert [(unit.pk, counts) for unit, counts in summary.groups] == [
                (group.unit.pk, _by_state(group.rows)) for group in whole.groups
            ], plan.pk
            each = [(row.unit.pk, row.by_state) for row in whole.rows]
            listed = len(whole.rows) <= few or not recipients(plan).exists()
            assert (summary.units is not None) == listed, plan.pk
            if listed:
                assert [(unit.pk, counts) for unit, counts in summary.units] == each, plan.pk


@pytest.mark.parametrize(("aggregate", "seed"), [("mean", 4), ("median", 5), ("mean", 6)])
def test_the_scores_binned_are_the_rankings_scores(
    council, tree, open_plan, make_person, aggregate, seed
):
    """A seeded council (ties, unscored entries, open sheets): ``entry_scores`` gives the
    scores ``ranking`` gives its scored entries, mean or median, to the cent."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    council.aggregate = aggregate
    council.save()
    units = crowd.communes(tree.district, 3)
    made = crowd.entries(open_plan, units, 40, seed=seed)
    crowd.members(council, make_person, tree.district, 2)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council, per_registration=rng.choice([2, 3]))
    crowd.scored(council, share=0.8, seed=seed, points=(10, 18), skip=frozenset(made[:5]))
    full = ranking(council, list(registrations(council)))
    expected = sorted(r.score for r in full if r.score is not None)
    assert sorted(entry_scores(council)) == expected
    assert len(expected) < len(full)
