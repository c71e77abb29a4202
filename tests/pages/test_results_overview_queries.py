"""The list of results reports and the opening of one unit's report cost the same number of
queries with 3 communes reporting as with 12: they read the roll-up's units and reports,
not its figures (results/domain/rollup.py: ``reporting_rows``, ``reporting_row``)."""

import pytest
from django.urls import reverse

from tests.pages.conftest import SIZES
from tests.pages.world import last


@pytest.mark.parametrize("missing", [False, True])
def test_the_reports_list(world, reporting, same_queries, missing):
    """Every commune's report across the cascade, or those of one state: no initiative is
    read (the roll-up's figures are not on this page)."""
    same_queries(
        reverse("results:overview", args=[world.plan.pk]),
        11,
        by="district",
        grow=reporting,
        query={"reporting": "missing"} if missing else None,
        shows=(lambda size: [world.tree.commune_b.full_name])
        if missing
        else last("Hội Nông dân xã Ea Tam"),
    )


def test_opening_a_units_report(world, reporting, client, django_assert_num_queries):
    """The unit's row alone is read: the same queries whatever the number of communes."""
    client.force_login(world.who.district)
    for size in SIZES:
        reporting(size)
        url = reverse("results:open", args=[world.plan.pk, world.tree.commune_b.pk])
        client.post(url)  # opens its report the first time
        with django_assert_num_queries(10):
            response = client.post(url)
        assert response.status_code == 302
