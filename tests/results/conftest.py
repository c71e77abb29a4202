"""Fixtures of the results tests: a plan whose communes have registered and now report."""

import datetime

import pytest
from django.utils import timezone

from thidua.initiatives.domain.registrations import registration_submit
from thidua.plans.models import DeadlineKind

DAY = datetime.timedelta(days=1)


@pytest.fixture
def reporting(open_plan, make_registration, tree):
    """Ea Bá registered two entries, Ea Ly one; the report is due in five days."""
    for name in ("Nuôi dê", "Trồng sắn"):
        registration_submit(actor=None, registration=make_registration(tree.commune_a, name=name))
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="Máy tách hạt")
    )
    deadline = open_plan.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + 5 * DAY
    deadline.save()
    return open_plan
