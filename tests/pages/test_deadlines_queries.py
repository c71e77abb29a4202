"""The reminders of a deadline cost the same number of queries with 3 units as with 12."""

from django.urls import reverse

from tests.pages.world import grower
from thidua.deadlines.reminders import remind
from thidua.plans.models import DeadlineKind


def test_reminders(world, communes, same_queries):
    """Every commune that has not registered, and the reminders the district sent."""
    deadline = world.plan.deadlines.get(kind=DeadlineKind.REGISTRATION)
    reminded = grower(
        lambda i: remind(
            deadline=deadline, unit=communes(i + 1)[i], offset_days=0, actor=world.who.district
        )
    )
    same_queries(
        reverse("deadlines:reminders", args=[world.plan.pk, deadline.pk]),
        11,
        by="district",
        grow=reminded,
        shows=lambda size: [f"Hội Nông dân xã Ea Tam {size - 1}", "Cán Bộ Huyện"],
    )
