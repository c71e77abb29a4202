"""Fixtures of the unit tests: Phú Yên loaded from the national data, before and after 2025."""

import pytest

from thidua.org.domain.admin_units import load_admin_units
from thidua.org.models import Unit


@pytest.fixture
def phu_yen(db):
    load_admin_units(old_provinces={"54"})
    return Unit.objects.get(level=1, code="54")
