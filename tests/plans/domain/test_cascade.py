"""The cascade (plans/domain/cascade.py): which units wrote their own plan, on time or late."""

import datetime

from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.plans.domain.cascade import cascade, due_date
from thidua.plans.domain.plans import (
    end_of_day,
    plan_create_child,
    plan_issue,
    plan_record_issued,
    plan_set_list,
)
from thidua.plans.models import DeadlineKind

MARCH_8 = datetime.date(2022, 3, 8)


def test_cascade_shows_on_time_late_draft_and_missing(make_plan, tree):
    commune_c = unit_create(actor=None, parent=tree.district, name="Ea Trol", kind=UnitKind.COMMUNE)
    commune_d = unit_create(
        actor=None, parent=tree.district, name="Sơn Giang", kind=UnitKind.COMMUNE
    )
    parent = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    on_time = plan_create_child(actor=None, parent=parent, unit=tree.commune_a)
    plan_record_issued(actor=None, plan=on_time, number=7, issued_on=datetime.date(2022, 4, 10))
    late = plan_create_child(actor=None, parent=parent, unit=tree.commune_b)
    plan_record_issued(actor=None, plan=late, number=3, issued_on=datetime.date(2022, 4, 11))
    plan_create_child(actor=None, parent=parent, unit=commune_c)
    rows = {row.unit.name: row for row in cascade(parent)}
    assert {name: row.state for name, row in rows.items()} == {
        "Ea Bá": "on_time",
        "Ea Ly": "late",
        "Ea Trol": "draft",
        "Sơn Giang": "missing",
    }
    assert rows["Sơn Giang"].overdue
    assert rows["Ea Trol"].overdue
    assert not rows["Ea Bá"].overdue
    assert commune_d.pk == rows["Sơn Giang"].unit.pk


def test_cascade_prefers_the_child_plan_deadline(make_plan, tree):
    plan = make_plan()
    rows = [
        {"kind": d.kind, "label": d.label, "due_at": d.due_at} for d in plan.deadlines.all()
    ] + [
        {
            "kind": DeadlineKind.CHILD_PLAN,
            "label": "Kế hoạch của đơn vị",
            "due_at": end_of_day(datetime.date(2022, 3, 31)),
        }
    ]
    plan_set_list(actor=None, plan=plan, kind="deadlines", rows=rows)
    assert due_date(plan) == datetime.date(2022, 3, 31)
