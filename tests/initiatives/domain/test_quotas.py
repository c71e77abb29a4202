"""The stored quotas (initiatives/models/quotas.py) against the rule, in generated worlds.

After every kind of change the product makes (a plan created, its rule or period edited,
issued, corrected and the correction issued, a child plan, a plan deleted; a unit created,
renamed, dissolved, merged, split, loaded in bulk) the table holds exactly the rows the
rule gives, computed here in Python from the plans and units themselves; and every plan's
compliance table (which reads the table) owes each unit what ``compliance.quotas`` (the
rule over the plan's tree) says. ``rebuild_quotas`` writes the same table again.
"""

import datetime

import pytest

from tests.generators import unit as new_unit
from tests.helpers import REORGANISED, merge
from tests.plans.generated import COMMUNE_KINDS, SIGNERS, build
from thidua.core.signals import rows_changed
from thidua.core.versions import update_if_current
from thidua.initiatives.domain.compliance import compliance, quotas
from thidua.initiatives.domain.compliance_table import compliance_page
from thidua.initiatives.models import Quota
from thidua.initiatives.models.quotas import rebuild_quotas
from thidua.org.domain.units import succession_record, unit_update
from thidua.org.models import SuccessionKind, Unit, UnitKind
from thidua.org.models.units import path_for
from thidua.plans.domain.plans import (
    plan_correct,
    plan_create_child,
    plan_issue,
    plan_update,
)
from thidua.plans.domain.tree import plan_tree
from thidua.plans.models import DeadlineKind, Plan, PlanState


def the_rule() -> set[tuple[int, int, int]]:
    """(plan, unit, minimum) for every plan with a rule and every unit that owes under it:
    strictly below the issuer, of a kind named, existing during the plan's period."""
    units = list(Unit.objects.all())
    rows = set()
    for plan in Plan.objects.select_related("unit"):
        if not plan.quota_kinds or not plan.quota_minimum:
            continue
        for unit in units:
            if (
                unit.path.startswith(plan.unit.path)
                and unit.path != plan.unit.path
                and unit.kind in plan.quota_kinds
                and (unit.valid_from is None or unit.valid_from <= plan.period_end)
                and (unit.valid_to is None or unit.valid_to >= plan.period_start)
            ):
                rows.add((plan.pk, unit.pk, plan.quota_minimum))
    return rows


def stored() -> set[tuple[int, int, int]]:
    return set(Quota.objects.values_list("plan_id", "unit_id", "minimum"))


def assert_true_to_the_rule(step: str) -> None:
    assert stored() == the_rule(), step
    for plan in Plan.objects.exclude(state=PlanState.DRAFT):
        owed = quotas(plan_tree(plan))
        page, whole = compliance_page(plan, per_page=10_000), compliance(plan)
        assert {row.unit.pk: row.quota for row in page.rows} == owed, (step, plan.pk)
        assert {row.unit.pk: row.quota for row in whole.rows} == owed, (step, plan.pk)
        assert page.deadline == whole.deadline, (step, plan.pk)


def _issued(plan: Plan, day: datetime.date) -> Plan:
    if not plan.signer_name:
        plan = plan_update(actor=None, plan=plan, signer_name=SIGNERS[0])
    return plan_issue(actor=None, plan=plan, issued_on=day)


@pytest.mark.parametrize("seed", [1, 7, 2026])
def test_the_stored_quotas_follow_every_change_of_plans_and_units(db, seed):
    world = build(seed)
    rng = world.rng
    assert_true_to_the_rule("built")
    assert Quota.objects.exists()
    # a plan without its own registration deadline: the earliest of the plans below it
    world.province_plan.deadlines.filter(kind=DeadlineKind.REGISTRATION).delete()
    assert_true_to_the_rule("the province's own deadline removed")

    # a commune's own draft: a rule for its branches, then its period moved
    drafts = [p for p in world.own_plans.values() if p.state == PlanState.DRAFT]
    for draft in drafts[:2]:
        plan_update(
            actor=None, plan=draft, quota_kinds=[UnitKind.BRANCH], quota_minimum=rng.randint(1, 3)
        )
        assert_true_to_the_rule("a draft's rule edited")
        plan_update(
            actor=None,
            plan=draft,
            period_start=datetime.date(2025, 6, 1),
            period_end=datetime.date(2025, 12, 31),
        )
        assert_true_to_the_rule("a draft's period edited")
        _issued(draft, datetime.date(2022, 4, 1))
        assert_true_to_the_rule("a commune's plan issued")

    # a district's plan corrected: the new version asks more, and replaces the old when issued
    district = rng.choice(world.districts)
    correction = plan_correct(actor=None, plan=world.plans[district.pk])
    plan_update(
        actor=None,
        plan=correction,
        quota_kinds=rng.choice([COMMUNE_KINDS, [UnitKind.COMMUNE], [UnitKind.WARD]]),
        quota_minimum=rng.randint(1, 4),
    )
    assert_true_to_the_rule("a correction drafted")
    _issued(correction, datetime.date(2022, 5, 2))
    assert_true_to_the_rule("a correction issued")

    # a new child plan (copies its parent's rule), then deleted while a draft
    commune = rng.choice([c for c in world.communes if c.parent_id != district.pk])
    child = plan_create_child(actor=None, parent=world.plans[commune.parent_id], unit=commune)
    plan_update(actor=None, plan=child, quota_kinds=[UnitKind.BRANCH], quota_minimum=2)
    assert_true_to_the_rule("a child plan")
    child.delete()
    assert_true_to_the_rule("a draft deleted")

    # units: created (of any kind, some dissolved), renamed, dissolved, merged, split
    for number in range(4):
        new_unit(
            rng.choice(world.districts),
            f"Xã Mới {number}",
            rng.choice([UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP]),
            valid_to=datetime.date(2021, 12, 31) if rng.random() < 0.3 else None,
        )
    new_unit(rng.choice(world.communes), "Thôn Mới", UnitKind.BRANCH)
    assert_true_to_the_rule("units created")
    renamed = rng.choice(world.communes)
    unit_update(actor=None, unit=renamed, name=f"{renamed.name} Mới")
    assert_true_to_the_rule("a unit renamed")
    dissolved = rng.choice(world.communes)
    unit_update(actor=None, unit=dissolved, valid_to=datetime.date(2022, 2, 1))
    assert_true_to_the_rule("a unit dissolved before the plans' year")
    unit_update(actor=None, unit=dissolved, valid_to=None, valid_from=datetime.date(2023, 1, 1))
    assert_true_to_the_rule("a unit's start moved after the plans' year")
    survivor = new_unit(
        world.today_province, "Phường Hợp Nhất", UnitKind.WARD, valid_from=REORGANISED
    )
    older, split = rng.sample([c for c in world.communes if c.pk != dissolved.pk], 2)
    merge(older, into=survivor)
    succession_record(
        actor=None,
        predecessor=split,
        successor=survivor,
        kind=SuccessionKind.SPLIT,
        date=datetime.date(2022, 6, 1),
        is_main=False,
    )
    assert_true_to_the_rule("merged and split")

    # the bulk load of units (org/domain/admin_units.py): inserted, paths written, then told
    parent = rng.choice(world.districts)
    batch = [
        Unit(
            parent=parent,
            name=f"Xã Nạp {number}",
            kind=UnitKind.COMMUNE,
            level=3,
            path=f"pending-{seed}-{number}",
        )
        for number in range(3)
    ]
    for unit in batch:
        unit.refresh_derived_fields()
    Unit.objects.bulk_create(batch)
    for unit in batch:
        unit.path = path_for(parent, unit.pk)
    Unit.objects.bulk_update(batch, ["path"])
    rows_changed.send(sender=Unit, pks=[unit.pk for unit in batch])
    assert_true_to_the_rule("units loaded in bulk")

    before = stored()
    assert rebuild_quotas() == len(before)
    assert stored() == before


def test_the_bench_data_leaves_the_stored_quotas_true(db):
    """The bench data bulk-inserts its plans: its generator rebuilds the table."""
    from thidua.demo.bench.data import generate  # noqa: PLC0415 (the demo layer)

    generate("district")
    assert Quota.objects.exists()
    assert stored() == the_rule()


def test_a_write_that_names_none_of_the_rules_fields_rewrites_no_row(make_plan, tree):
    """Issuing a plan (its state) or saving its title over a version leaves its rows as they
    are; a conditional UPDATE of its minimum writes them again, true to the rule."""
    plan = plan_update(
        actor=None, plan=make_plan(), quota_kinds=[UnitKind.COMMUNE], quota_minimum=1
    )
    rows = set(Quota.objects.filter(plan=plan).values_list("pk", flat=True))
    assert rows
    plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 1))
    title = {"title": "Kế hoạch đã sửa tên"}
    update_if_current(
        Plan, pk=plan.pk, version=plan.version, editable=(plan.state,), fields=title, refused="—"
    )
    assert set(Quota.objects.filter(plan=plan).values_list("pk", flat=True)) == rows
    update_if_current(
        Plan,
        pk=plan.pk,
        version=plan.version + 1,
        editable=(plan.state,),
        fields={"quota_minimum": 2},
        refused="—",
    )
    assert stored() == the_rule()
    assert set(Quota.objects.filter(plan=plan).values_list("minimum", flat=True)) == {2}
