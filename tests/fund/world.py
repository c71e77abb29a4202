"""The fund's part of the page tests' story (``tests/pages/world.py``), for the rows of
``tests/test_every_url.py``: the district's fund, to which a business that agreed to be
named gave 10.000.000 đồng. Built once per world, on first use."""

import datetime

from thidua.fund.domain.ledger import contribution_record, donor_create, fund_create
from thidua.fund.enums import DonorKind
from thidua.fund.models import Donor, Entry, Fund

NAME = "Quỹ hỗ trợ, khuyến khích mô hình, sáng kiến"
DONOR = "Công ty Cổ phần Nông nghiệp Sông Hinh"


def fund_of(w) -> Fund:
    found = Fund.objects.filter(unit=w.tree.district, name=NAME).first()
    if found is not None:
        return found
    fund = fund_create(actor=None, unit=w.tree.district, name=NAME)
    donor = donor_create(
        actor=None,
        unit=w.tree.district,
        name=DONOR,
        kind=DonorKind.BUSINESS,
        named_publicly=True,
    )
    contribution_record(
        actor=None,
        fund=fund,
        donor=donor,
        amount_vnd=10_000_000,
        occurred_on=datetime.date(2022, 6, 1),
    )
    return fund


def donor_of(w) -> Donor:
    return fund_of(w).entries.get(sequence=1).donor


def first_entry(w) -> Entry:
    return fund_of(w).entries.get(sequence=1)
