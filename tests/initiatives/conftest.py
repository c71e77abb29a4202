"""Fixtures of the registration tests: one person per role around commune A, and a paper
form the district enters for a commune."""

import pytest

from tests.helpers import completed
from thidua.initiatives.domain.registrations import registration_create
from thidua.org.models import Role


@pytest.fixture
def cast(tree, make_person):
    return {
        "officer_a": make_person("xa_a", Role.OFFICER, tree.commune_a),
        "viewer_a": make_person("xem_a", Role.VIEWER, tree.commune_a),
        "officer_b": make_person("xa_b", Role.OFFICER, tree.commune_b),
        "district": make_person("huyen", Role.OFFICER, tree.district),
        "province": make_person("tinh", Role.VIEWER, tree.province),
        "province_officer": make_person("tinh_cb", Role.OFFICER, tree.province),
        "outsider": make_person("khac", Role.ADMIN, tree.other_district),
    }


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
