"""Fixtures of the deadline tests: the communes' offices, and a deadline ten days away."""

import datetime

import pytest
from django.utils import timezone

from thidua.org.models import Role

DAY = datetime.timedelta(days=1)


@pytest.fixture
def offices(tree, make_person):
    return {
        "a": make_person("xa_a", Role.OFFICER, tree.commune_a),
        "b": make_person("xa_b", Role.OFFICER, tree.commune_b),
    }


@pytest.fixture
def due_soon(open_plan):
    """The open plan's registration deadline moved to 10 days from now."""
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + 10 * DAY
    deadline.save()
    return deadline
