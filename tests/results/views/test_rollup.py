"""The roll-up page (results/views/rollup.py): the series year over year; its figures as
Vietnamese numbers and its permissions are in test_reports.py, its outline and query
costs in tests/results/domain/test_rollup.py and tests/pages/test_results_queries.py."""

import random

import lxml.html
from django.urls import reverse

from tests.generators import series_of_years
from tests.helpers import login
from thidua.org.models import Role


def test_the_roll_up_compares_the_series_year_by_year_for_the_figure_asked(
    client, tree, make_person
):
    """Generated years (tests/generators.py: series_of_years): the roll-up of any plan of
    the series shows the district's total and each commune's figure side by side, by year,
    each year a link to that year's roll-up; another figure is one choice away."""
    made = series_of_years(tree.district, [tree.commune_a, tree.commune_b], random.Random(5))  # noqa: S311
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    url = reverse("results:rollup", args=[made.plans[1].pk])
    page = lxml.html.fromstring(client.get(url).content)
    table = page.xpath("//div[@aria-labelledby='year-over-year']//table")[0]
    headings = [th.text_content().strip() for th in table.xpath(".//thead//th")][1:]
    assert headings == [str(year) for year in made.years]
    links = table.xpath(".//thead//a/@href")
    assert links == [
        f"{reverse('results:rollup', args=[p.pk])}?measure=registered"
        for p in (made.plans[0], made.plans[2])
    ]

    def figures(row):
        return [
            None if td.text_content().strip() == "—" else int(td.text_content().strip())
            for td in row.xpath("./td")
        ]

    rows = {int(tr.get("data-unit")): figures(tr) for tr in table.xpath(".//tbody/tr")}
    assert rows[tree.district.pk] == made.totals()
    for commune in (tree.commune_a, tree.commune_b, made.newcomer):
        assert rows[commune.pk] == made.expected(commune), commune.name
    # Another figure: nobody reported, so no year has one (not zeros).
    done = lxml.html.fromstring(client.get(url, {"measure": "done"}).content)
    cells = done.xpath("//div[@aria-labelledby='year-over-year']//tbody//td")
    assert {td.text_content().strip() for td in cells} == {"—"}
    # A figure that does not exist falls back to the registrations.
    unknown = client.get(url, {"measure": "<script>"})
    assert unknown.context["compared_measure"] == "registered"
