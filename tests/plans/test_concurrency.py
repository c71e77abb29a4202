"""Two plans issued at the same moment by one unit never get the same number (PostgreSQL)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from thidua.plans.domain.plans import plan_issue
from thidua.plans.models import Plan

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions are tested on PostgreSQL (SQLite serialises all writers)",
)

PARALLEL = 8


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_never_repeats_a_number(make_plan, tree):
    drafts = [make_plan() for _ in range(PARALLEL)]
    start = threading.Barrier(PARALLEL)
    errors: list[BaseException] = []

    def issue(plan_id: int) -> None:
        try:
            start.wait(timeout=10)
            plan_issue(
                actor=None, plan=Plan.objects.get(pk=plan_id), issued_on=datetime.date(2022, 3, 8)
            )
        except BaseException as error:  # reported below, in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(plan.pk,)) for plan in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    numbers = sorted(Plan.objects.filter(unit=tree.district).values_list("number", flat=True))
    assert numbers == list(range(1, PARALLEL + 1))
