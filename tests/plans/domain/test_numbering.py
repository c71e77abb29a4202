"""Document numbers (plans/domain/numbering.py): one sequence per unit, by year or by term."""

import datetime

from thidua.plans.domain.numbering import numbering_rule_for
from thidua.plans.domain.plans import (
    plan_issue,
)
from thidua.plans.models import Restart

MARCH_8 = datetime.date(2022, 3, 8)


def test_numbers_restart_each_year_unless_the_unit_numbers_by_term(make_plan, tree):
    plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2022, 12, 30))
    assert plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2023, 1, 3)).number == 1
    rule = numbering_rule_for(tree.district)
    rule.restart, rule.term = Restart.TERM, "2023-2028"
    rule.save()
    plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2023, 6, 1))
    assert plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2024, 2, 1)).number == 2


def test_units_number_independently(make_plan, tree):
    assert plan_issue(actor=None, plan=make_plan(tree.district), issued_on=MARCH_8).number == 1
    commune_plan = plan_issue(actor=None, plan=make_plan(tree.commune_a), issued_on=MARCH_8)
    assert commune_plan.number_symbol == "01-KH/HNDX"
