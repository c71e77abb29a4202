"""Fixtures of the registration tests: one person per role around commune A, and a paper
form the district enters for a commune."""

import pytest

from tests.helpers import cast_of, completed
from thidua.initiatives.domain.registrations import registration_create


@pytest.fixture
def cast(tree, make_person):
    who = ["officer_a", "viewer_a", "officer_b", "district", "province", "province_officer"]
    return cast_of(make_person, tree, *who, "outsider")


@pytest.fixture
def paper_form(open_plan):
    """paper_form(unit) → an idea on paper the district entered for ``unit``: complete
    (each argument "Có."), not sent yet."""

    def make(unit):
        paper = registration_create(
            actor=None,
            plan=open_plan,
            unit=unit,
            kind="idea",
            name="Phiếu giấy",
            entered_by_office=True,
        )
        return completed(paper, argument="Có.")

    return make
