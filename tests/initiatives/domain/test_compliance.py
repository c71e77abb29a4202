"""Registration compliance (initiatives/domain/compliance.py): the province's view by district."""

import datetime
import random

import pytest
from django.urls import reverse

from tests.helpers import issued_plan, login, province_plan_above
from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.domain.compliance_table import compliance_page
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.domain.units import unit_create


def test_the_province_compliance_rolls_communes_up_by_district(
    client, cast, make_registration, tree, open_plan
):
    province_plan = province_plan_above(open_plan, tree)
    registration_submit(actor=None, registration=make_registration(tree.commune_a))
    login(client, cast["province"])
    response = client.get(reverse("initiatives:compliance", args=[province_plan.pk]))
    groups = response.context["report"].groups
    assert [(g.unit.name, g.units, g.late, g.missing) for g in groups] == [("Sông Hinh", 2, 1, 1)]
    assert "Theo đơn vị trực thuộc" in response.content.decode()


def _rows(report_rows):
    return [(r.unit.pk, r.quota, r.sent, r.drafts, r.first_sent, r.state) for r in report_rows]


@pytest.mark.parametrize("seed", [7, 2026])
def test_the_database_computes_each_units_quota_from_the_rules_above_it(
    make_registration, tree, open_plan, seed
):
    """A province's plan (1 per commune) above the district's (a generated minimum, for
    communes or wards): every unit owes the largest minimum its ancestors set for its kind
    while it existed; a unit dissolved before the plans, or of a kind no rule names, owes
    nothing. The page computed by the database lists what ``compliance`` lists."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    province_plan = province_plan_above(open_plan, tree)
    province_plan.quota_kinds, province_plan.quota_minimum = ["commune"], 1
    province_plan.save(update_fields=["quota_kinds", "quota_minimum"])
    open_plan.quota_kinds = rng.choice([["commune"], ["ward"], ["commune", "ward"]])
    open_plan.quota_minimum = rng.randint(1, 3)
    open_plan.save(update_fields=["quota_kinds", "quota_minimum"])
    for number in range(8):
        kind = rng.choice(["commune", "ward", "township"])
        dissolved = rng.random() < 0.2
        unit = unit_create(
            actor=None,
            parent=tree.district,
            name=f"Đơn vị {number}",
            kind=kind,
            valid_to=datetime.date(2001, 1, 1) if dissolved else None,
        )
        for sent in range(rng.randint(0, 3)):
            registration_submit(
                actor=None, registration=make_registration(unit, name=f"Mô hình {number}.{sent}")
            )
    province_plan.refresh_from_db()
    whole = compliance(province_plan)
    assert _rows(compliance_page(province_plan, per_page=100).rows) == _rows(whole.rows)
    assert compliance_page(province_plan).totals == whole.totals()
    owed = {row.unit.name for row in whole.rows}
    assert not any(
        unit.name in owed
        for unit in tree.district.children.filter(valid_to__isnull=False, name__startswith="Đơn")
    )


def test_the_plans_of_the_lowest_units_owe_from_their_groups_only(tree):
    """A branch's plan for its groups (tổ hội) counts the groups; a group's own plan has
    nobody below it: an empty table, not an error."""
    branch = unit_create(actor=None, parent=tree.commune_a, name="Chi hội Thôn 1", kind="branch")
    group = unit_create(actor=None, parent=branch, name="Tổ hội số 1", kind="group")
    for unit in (branch, group):
        plan = issued_plan(
            unit,
            title=f"Kế hoạch của {unit.name}",
            movement_name="Thi đua",
            issued_on=datetime.date(2022, 3, 3),
            signer_name="Nguyễn Văn An",
            quota_kinds=["group"],
            quota_minimum=1,
        )
        report = compliance_page(plan)
        assert report.totals == compliance(plan).totals()
        assert report.totals["units"] == (1 if unit == branch else 0)
