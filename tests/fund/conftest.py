"""The fund's fixtures: the district's fund, its donors, and two entries its council
commended (Ea Bá's goats, Ea Ly's sheller), decided by a unanimous vote."""

import datetime

import pytest

from tests.pages.world import Cast, decided_council, entry
from thidua.fund.domain.ledger import contribution_record, donor_create, fund_create
from thidua.fund.enums import DonorKind

DAY = datetime.date(2022, 6, 1)


@pytest.fixture
def who(tree, make_person):
    """The cast of the page tests (tests/pages/world.py), each made when first named."""
    return Cast(tree, make_person)


@pytest.fixture
def fund(tree):
    return fund_create(
        actor=None,
        unit=tree.district,
        name="Quỹ hỗ trợ, khuyến khích mô hình, sáng kiến",
        purpose="Hỗ trợ, khen thưởng các mô hình, sáng kiến tiêu biểu.",
    )


@pytest.fixture
def donor(tree):
    """A business that agreed to be named."""
    return donor_create(
        actor=None,
        unit=tree.district,
        name="Công ty Cổ phần Nông nghiệp Sông Hinh",
        kind=DonorKind.BUSINESS,
        named_publicly=True,
        consent_note="Thư đồng ý ngày 02/3/2022",
    )


@pytest.fixture
def shy_donor(tree):
    """A benefactor who asked not to be named."""
    return donor_create(
        actor=None, unit=tree.district, name="Bà Trần Thị Mận", kind=DonorKind.BENEFACTOR
    )


@pytest.fixture
def funded(fund, donor):
    """The fund with 10.000.000 đồng from the business."""
    contribution_record(actor=None, fund=fund, donor=donor, amount_vnd=10_000_000, occurred_on=DAY)
    return fund


@pytest.fixture
def commended(open_plan, make_registration, who, tree):
    """The district council's decision: Ea Bá's and Ea Ly's entries commended. Their
    proposals, Ea Bá's first."""
    entry(make_registration, tree.commune_a, "Mô hình nuôi dê sinh sản")
    entry(make_registration, tree.commune_b, "Máy tách hạt bắp")
    council = decided_council(open_plan, who)
    return list(council.proposals.select_related("registration").order_by("registration__unit_id"))
