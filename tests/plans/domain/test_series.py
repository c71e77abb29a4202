"""plans/domain/series.py: linking a plan to the plan of the year before, and reading the
series along the links (corrections keep their place)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.generators import yearly_plan
from thidua.audit.models import AuditEntry
from thidua.plans.domain.plans import plan_correct, plan_issue
from thidua.plans.domain.series import candidates, plan_link_previous, series


def issued(unit, year, title=None):
    plan = yearly_plan(
        unit,
        year,
        title=title or f"Kế hoạch thi đua năm {year}",
        body="# NỘI DUNG\nThi đua.",
        registration_label="Đăng ký",
        signer_name="Bá Minh Hiếu",
    )
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(year, 2, 1))


def draft(unit, year):
    return yearly_plan(unit, year, title="Dự thảo", body="# A\nB.", registration_label="Đăng ký")


def test_a_series_reads_along_the_links_both_ways_and_the_link_is_audited(tree, make_person):
    first, second, third = (issued(tree.district, year) for year in (2022, 2023, 2024))
    assert series(second) == [second]  # nothing linked yet: a series of one
    second = plan_link_previous(actor=None, plan=second, previous=first)
    third = plan_link_previous(actor=None, plan=third, previous=second)
    assert series(first) == series(second) == series(third) == [first, second, third]
    assert series(third, limit=2) == [second, third]
    entry = AuditEntry.objects.filter(object_id=str(third.pk)).latest("id")
    assert entry.after == {"previous_in_series": second.pk}
    third = plan_link_previous(actor=None, plan=third, previous=None)
    assert series(third) == [third]
    assert series(first) == [first, second]


def test_a_corrected_plan_keeps_its_place_in_the_series(tree):
    first, second = issued(tree.district, 2022), issued(tree.district, 2023)
    second = plan_link_previous(actor=None, plan=second, previous=first)
    corrected = plan_issue(
        actor=None, plan=plan_correct(actor=None, plan=first), issued_on=datetime.date(2022, 5, 2)
    )
    # The 2023 plan links the replaced version; the series leads to the one in force.
    assert series(second) == [corrected, second]
    assert series(corrected) == [corrected, second]


@pytest.mark.parametrize(
    ("why", "previous"),
    [
        ("same unit", lambda tree, plan: issued(tree.commune_a, 2022)),
        ("start before", lambda tree, plan: issued(tree.district, 2024)),
        ("issued", lambda tree, plan: draft(tree.district, 2022)),
    ],
)
def test_a_link_that_makes_no_series_is_refused_and_changes_nothing(tree, why, previous):
    plan = issued(tree.district, 2023)
    other = previous(tree, plan)
    with pytest.raises(ValidationError) as refused:
        plan_link_previous(actor=None, plan=plan, previous=other)
    assert refused.value.messages
    plan.refresh_from_db()
    assert plan.previous_in_series is None
    assert other not in candidates(plan)


def test_the_candidates_are_the_units_earlier_issued_plans_in_force(tree):
    old = issued(tree.district, 2021)
    replaced = issued(tree.district, 2022)
    corrected = plan_issue(
        actor=None,
        plan=plan_correct(actor=None, plan=replaced),
        issued_on=datetime.date(2022, 5, 2),
    )
    issued(tree.province, 2022)
    plan = issued(tree.district, 2023)
    assert candidates(plan) == [corrected, old]
