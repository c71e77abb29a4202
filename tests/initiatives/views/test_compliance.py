"""The compliance page (initiatives/views/compliance.py): counts, days left, who may see it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import login
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind


@pytest.mark.parametrize("communes", [2, 10])
def test_compliance_and_list_query_counts_do_not_grow(
    client, cast, make_registration, tree, open_plan, communes
):
    for number in range(communes):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_submit(
            actor=None, registration=make_registration(unit, name=f"Mô hình {number}")
        )
        make_registration(unit, name=f"Nháp {number}")
    login(client, cast["district"])
    counts = []
    for name in ("initiatives:compliance", "initiatives:registration_list"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=[open_plan.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] <= 16, counts
    assert counts[1] <= 12, counts


def test_compliance_table_counts_on_time_late_and_missing(
    client, cast, make_registration, tree, open_plan
):
    late = registration_submit(actor=None, registration=make_registration(tree.commune_a))
    assert late.is_late
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + datetime.timedelta(days=5)
    deadline.save()
    login(client, cast["district"])
    response = client.get(reverse("initiatives:compliance", args=[open_plan.pk]))
    totals = response.context["totals"]
    assert (totals["late"], totals["missing"], totals["on_time"]) == (1, 1, 0)
    assert "5 ngày" in response.content.decode()
    login(client, cast["officer_a"])
    assert client.get(reverse("initiatives:compliance", args=[open_plan.pk])).status_code == 403
