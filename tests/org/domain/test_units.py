"""Creating units (org/domain/units.py): the level below the parent, a validity that makes sense."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind


def test_a_unit_cannot_sit_at_or_above_its_parents_level(tree):
    with pytest.raises(ValidationError):
        unit_create(actor=None, parent=tree.commune_a, name="X", kind=UnitKind.DISTRICT)


def test_validity_period_must_not_end_before_it_starts(tree):
    with pytest.raises(ValidationError):
        unit_create(
            actor=None,
            parent=tree.district,
            name="Sai",
            kind=UnitKind.COMMUNE,
            valid_from=datetime.date(2025, 7, 1),
            valid_to=datetime.date(2025, 6, 1),
        )
