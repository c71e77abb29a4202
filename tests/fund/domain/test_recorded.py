"""The results report reads "fund_vnd" from the ledger (results/domain/recorded.py): what the
unit's own funds sent to the national fund within the period of the plan it reports on, net
of corrections; neither another year, nor the funds of the units above or under it (the
roll-up adds those)."""

import datetime

from tests.fund.conftest import DAY
from thidua.fund.domain.ledger import (
    contribution_record,
    entry_reverse,
    fund_create,
    national_record,
)
from thidua.results.domain.recorded import recorded_figures
from thidua.results.domain.reports import report_open


def test_the_report_states_what_the_units_funds_sent_to_the_national_fund(
    open_plan, tree, funded, donor
):
    commune = fund_create(actor=None, unit=tree.commune_a, name="Quỹ xã Ea Bá")
    branch = fund_create(actor=None, unit=tree.branch_a, name="Quỹ chi hội Thôn 1")
    for fund in (commune, branch):
        contribution_record(
            actor=None,
            fund=fund,
            donor=donor,
            amount_vnd=5_000_000,
            occurred_on=datetime.date(2021, 12, 1),
        )
    national_record(
        actor=None, fund=commune, amount_vnd=300_000, occurred_on=datetime.date(2021, 12, 30)
    )  # the year before the plan's
    national_record(actor=None, fund=commune, amount_vnd=1_500_000, occurred_on=DAY)
    mistake = national_record(actor=None, fund=commune, amount_vnd=900_000, occurred_on=DAY)
    entry_reverse(actor=None, entry=mistake, reason="Nộp trùng", occurred_on=DAY)
    national_record(actor=None, fund=branch, amount_vnd=200_000, occurred_on=DAY)
    national_record(actor=None, fund=funded, amount_vnd=4_000_000, occurred_on=DAY)

    report = report_open(actor=None, plan=open_plan, unit=tree.commune_a)
    assert recorded_figures(report)["fund_vnd"] == 1_500_000
    district = report_open(actor=None, plan=open_plan, unit=tree.district)
    assert recorded_figures(district)["fund_vnd"] == 4_000_000
