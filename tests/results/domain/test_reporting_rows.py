"""The roll-up read without its figures (``reporting_rows``, the list of reports) and for one
unit (``reporting_row``, opening a unit's report) against the whole roll-up, over random
provinces: the same units in the same order, the same plan each reports on, the same report
chosen, the same state; the pages that use them show what the roll-up says."""

import random

import lxml.html
import pytest
from django.urls import reverse

from tests.helpers import login
from thidua.org.models import Role, Unit
from thidua.results.domain.reports import EDITABLE, report_open
from thidua.results.domain.rollup import reporting_row, reporting_rows, reporting_rows_of, rollup
from thidua.results.enums import Reporting
from thidua.results.models import ResultsReport

SEEDS = range(8)


def _key(row):
    """What the list of reports and the opening of a report read of a row."""
    return (
        row.place.pk,
        row.unit.pk,
        row.reports_on.pk,
        row.registered,
        row.report_id,
        row.report_state,
        row.is_late,
        row.sent,
        row.state,
    )


def _second_reports(world, seed):
    """Some units open a second report on another plan of the cascade (a commune on the
    province's plan as well as its district's): the roll-up still counts one."""
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    plans = world.tree_plans()
    for unit in world.units:
        if unit.pk in world.owed and rng.random() < 0.3:
            other = rng.choice(plans)
            if unit.path.startswith(other.unit.path) and unit.pk != other.unit_id:
                report_open(actor=None, plan=other, unit=unit)


@pytest.mark.parametrize(("seed", "size"), [*((seed, 1) for seed in SEEDS), (8, 3), (9, 3)])
def test_the_rows_read_without_figures_are_the_rollups(generated, seed, size):
    """Small provinces, and two with up to 12 districts of up to 12 communes."""
    world = generated(seed, size=size)
    _second_reports(world, seed + 100)
    summary = rollup(world.plan)
    expected = [_key(row) for row in summary.root.rows()]
    assert [_key(row) for row in reporting_rows(world.plan)] == expected
    # One unit at a time: every unit under the province and the country above it.
    rows = {row.unit.pk: _key(row) for row in summary.root.rows()}
    for unit in Unit.objects.filter(path__startswith=world.province.path):
        row = reporting_row(world.plan, unit.pk)
        assert (None if row is None else _key(row)) == rows.get(unit.pk), unit
    assert reporting_row(world.plan, world.province.parent_id) is None
    # A few units at once (a person's units: a to-do), anywhere under the province.
    chance = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    units = [*world.units, world.province, world.province.parent]
    for _ in range(5):
        among = chance.sample(units, chance.randint(2, 6))
        ids = {unit.pk for unit in among}
        read = {pk: _key(row) for pk, row in reporting_rows_of(world.plan, among).items()}
        assert read == {pk: key for pk, key in rows.items() if pk in ids}
    # A district's plan too: its communes, its own report upward.
    for district_plan in world.tree_plans()[1:]:
        whole = {row.unit.pk: _key(row) for row in rollup(district_plan).root.rows()}
        assert [_key(row) for row in reporting_rows(district_plan)] == list(whole.values())
        for unit in world.units:
            row = reporting_row(district_plan, unit.pk)
            assert (None if row is None else _key(row)) == whole.get(unit.pk), unit


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_the_reports_list_and_opening_a_report_follow_the_rollup(
    client, generated, make_person, seed
):
    world = generated(seed)
    _second_reports(world, seed + 100)
    make_person("tinh_thu", Role.OFFICER, world.province)
    login(client, "tinh_thu")
    summary = rollup(world.plan)
    rows = summary.root.rows()
    url = reverse("results:overview", args=[world.plan.pk])
    for wanted in ["", *Reporting.values]:
        page = lxml.html.fromstring(client.get(url, {"reporting": wanted}).content)
        shown = [
            " ".join(card.text_content().split()) for card in page.xpath("//li[@class='card']")
        ]
        listed = [row for row in rows if not wanted or row.state == wanted]
        assert len(shown) == len(listed)
        for text, row in zip(shown, listed, strict=True):
            assert text.startswith(row.unit.full_name)
            assert ("trễ hạn" in text) == (row.state == Reporting.LATE)
            assert ("Chưa có báo cáo." in text) == (row.report_id is None)
    # Opening: the report it has, else a new one on the plan it reports on.
    for unit in [*world.units, world.province]:
        try:
            row = summary.node(unit.pk).row
        except KeyError:
            row = None
        response = client.post(reverse("results:open", args=[world.plan.pk, unit.pk]))
        if row is None:
            assert response.status_code == 404
            continue
        assert response.status_code == 302
        if row.report_id is None:
            created = ResultsReport.objects.get(unit=unit, plan=row.reports_on.pk)
            assert response.url == reverse("results:report_edit", args=[created.pk])
        else:
            name = "report_edit" if row.report_state in EDITABLE else "report_detail"
            assert response.url == reverse(f"results:{name}", args=[row.report_id])
