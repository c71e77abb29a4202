"""The dashboard's queries below and above the number of units it draws one by one
(results/dashboard.py: MAX_ROWS): the compliance chart's numbers come from one statement
either way, each unit's name with them (issue 13)."""

import pytest
from django.urls import reverse

from tests.pages.world import grower
from thidua.initiatives.domain.registrations import registration_submit
from thidua.results.dashboard import MAX_ROWS


@pytest.fixture
def registering(world, communes):
    """grow(n): n more communes, each with a registration sent."""

    def make(i):
        unit = communes(i + 1)[i]
        registration_submit(
            actor=None, registration=world._make_registration(unit, name=f"Mô hình số {i}")
        )
        return unit

    return grower(make)


def test_the_dashboard_costs_the_same_with_few_or_many_units(world, registering, same_queries):
    same_queries(
        reverse("results:dashboard", args=[world.plan.pk]),
        19,
        by="district",
        grow=registering,
        shows=lambda size: [registering(size)[-1].full_name],
        sizes=(3, MAX_ROWS + 4),
    )
