"""The roll-up (results/domain/rollup.py) against hand-counted figures, level by level."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import filled, login, province_plan_above
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.plans.models import Campaign, DeadlineKind
from thidua.results.domain.reports import report_open, report_submit
from thidua.results.domain.rollup import rollup

DAY = datetime.timedelta(days=1)


def test_rollup_counts_a_late_report_as_late(reporting, tree):
    deadline = reporting.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() - DAY
    deadline.save()
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_b))
    )
    summary = rollup(reporting)
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (0, 1, 1)


def test_rollup_against_hand_counted_figures(reporting, tree):
    on_time = report_submit(
        actor=None,
        report=filled(
            report_open(actor=None, plan=reporting, unit=tree.commune_a),
            meetings=3,
            support_vnd=1_000_000,
        ),
    )
    assert not on_time.is_late
    # Ea Ly writes but never sends: it is missing, not zero.
    filled(report_open(actor=None, plan=reporting, unit=tree.commune_b), meetings=7)
    summary = rollup(reporting)
    rows = {row.unit.name: row for row in summary.rows}
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (1, 0, 1)
    assert rows["Ea Bá"].by_progress == {"done": 2}
    assert rows["Ea Bá"].households == 20
    assert rows["Ea Ly"].figure("meetings") is None
    assert rows["Ea Ly"].registered == 1
    assert summary.total("meetings") == 3
    assert summary.total("support_vnd") == 1_000_000
    assert summary.by_kind == {"model": 3}


@pytest.mark.parametrize("extra", [2, 8])
def test_rollup_query_count_does_not_grow(reporting, tree, extra):
    for number in range(extra):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_create(
            actor=None, plan=reporting, unit=unit, kind="idea", name=f"Ý tưởng {number}"
        )
        report_open(actor=None, plan=reporting, unit=unit)
    with CaptureQueriesContext(connection) as queries:
        summary = rollup(reporting)
    assert len(summary.rows) == 2 + extra
    assert len(queries) <= 12, [q["sql"] for q in queries]


def test_the_province_sees_its_districts(client, reporting, tree, make_person):
    # The district's plan answers the province's: its communes roll up under the district.
    province_plan = province_plan_above(reporting, tree)
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    totals = rollup(province_plan).group_totals()
    assert [(g["unit"].name, g["units"], g["on_time"], g["missing"]) for g in totals] == [
        ("Sông Hinh", 2, 1, 1)
    ]
    make_person("tinh", Role.VIEWER, tree.province)
    login(client, "tinh")
    page = client.get(reverse("results:rollup", args=[province_plan.pk])).content.decode()
    assert "Hội Nông dân huyện Sông Hinh" in page


def test_rollup_counts_registrations_by_linked_campaign(reporting, tree, make_registration):
    campaign = Campaign.objects.create(plan=reporting, position=1, name="Nông thôn mới")
    registration = make_registration(tree.commune_b, name="Gắn nông thôn mới")
    registration.campaigns.add(campaign)
    registration_submit(actor=None, registration=registration)
    assert rollup(reporting).by_campaign == [("Nông thôn mới", 1)]
