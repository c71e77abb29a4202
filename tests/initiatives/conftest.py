"""Fixtures of the registration tests: one person per role around commune A."""

import pytest

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
