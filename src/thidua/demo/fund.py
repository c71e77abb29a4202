"""The reward funds of 2022: Sông Hinh's district fund and Ea Bá's commune fund.

Organisations, a business and a benefactor give to the district's fund (money, and
fertiliser in kind); one person gives without agreeing to be named; a contribution typed
with a zero too many is corrected by a reversing entry and recorded again. After the
council's decision of 20/5/2022 the fund pays the entries it commended and the one it
nominated for the national award (money, and fertiliser to the nominee), and in September
it sends its contribution to the national fund "Người Việt đoàn kết sáng tạo". Ea Bá's
commune fund collects from its cooperative and its members and sends its own contribution.
Every entry goes through the domain functions, as the pages write them.
"""

import datetime

from thidua.fund.domain.ledger import (
    contribution_record,
    disbursement_record,
    donor_create,
    entry_reverse,
    fund_create,
    national_record,
)
from thidua.fund.enums import DonorKind
from thidua.org.models import Person, Unit
from thidua.review.models import Council, CouncilState, Outcome

EA_BA_OLD = "22216"
# name, kind, agrees to be named (and how)
DONORS = [
    (
        "Công ty TNHH Tinh bột sắn Sông Hinh",
        DonorKind.BUSINESS,
        "Công văn đồng ý ngày 10/3/2022",
    ),
    (
        "Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh huyện Sông Hinh",
        DonorKind.ORGANISATION,
        "Thư đồng ý ngày 21/3/2022",
    ),
    ("Ông Lê Văn Hùng (Thôn 2, xã Ea Ly)", DonorKind.BENEFACTOR, "Đồng ý trực tiếp ngày 2/4/2022"),
    ("Bà Nguyễn Thị Lài", DonorKind.INDIVIDUAL, None),  # asked not to be named
]
# The prize money per commended entry and for the nominee (đồng), paid on 25/5/2022.
PRIZE = {Outcome.COMMENDED: 5_000_000, Outcome.NOMINATED: 10_000_000}
PAID_ON = datetime.date(2022, 5, 25)


def load(district_plan) -> None:
    huyen = Person.objects.get(username="huyen")
    district = district_plan.unit
    fund = fund_create(
        actor=huyen,
        unit=district,
        name="Quỹ hỗ trợ, khuyến khích mô hình, sáng kiến huyện Sông Hinh",
        purpose="Vận động các tổ chức, doanh nghiệp, nhà hảo tâm hỗ trợ, khen thưởng các mô "
        "hình, sáng kiến tiêu biểu trong phong trào “Nông dân Việt Nam đoàn kết sáng tạo” "
        "(mục III.2 Kế hoạch 115-KH/HNDH).",
    )
    business, bank, benefactor, member = (
        donor_create(
            actor=huyen,
            unit=district,
            name=name,
            kind=kind,
            named_publicly=consent is not None,
            consent_note=consent or "",
        )
        for name, kind, consent in DONORS
    )

    def give(donor, amount, day, receipt, **more):
        return contribution_record(
            actor=huyen,
            fund=fund,
            donor=donor,
            amount_vnd=amount,
            occurred_on=day,
            reference=f"Phiếu thu số {receipt:02d}/PT",
            **more,
        )

    give(business, 20_000_000, datetime.date(2022, 3, 15), 1)
    give(bank, 15_000_000, datetime.date(2022, 3, 28), 2)
    mistake = give(benefactor, 50_000_000, datetime.date(2022, 4, 2), 3)
    entry_reverse(
        actor=huyen,
        entry=mistake,
        reason="Ghi thừa một chữ số 0: ông Hùng ủng hộ 5.000.000 đồng.",
        occurred_on=datetime.date(2022, 4, 4),
    )
    give(benefactor, 5_000_000, datetime.date(2022, 4, 2), 3)
    give(member, 2_000_000, datetime.date(2022, 4, 5), 4)
    give(
        business,
        18_000_000,
        datetime.date(2022, 4, 8),
        5,
        in_kind=True,
        description="3 tấn phân bón hữu cơ vi sinh (6.000.000 đồng/tấn)",
    )
    council = Council.objects.get(plan=district_plan, state=CouncilState.DECIDED)
    decision = f"Quyết định số {council.decision.number:02d}-QĐ/{district_plan.issuer_code}"
    rewarded = council.proposals.filter(outcome__in=PRIZE).select_related("registration")
    for proposal in rewarded.order_by("registration__name"):
        disbursement_record(
            actor=huyen,
            fund=fund,
            proposal=proposal,
            amount_vnd=PRIZE[proposal.outcome],
            occurred_on=PAID_ON,
            reference=decision,
        )
        if proposal.outcome == Outcome.NOMINATED:
            disbursement_record(
                actor=huyen,
                fund=fund,
                proposal=proposal,
                amount_vnd=6_000_000,
                occurred_on=PAID_ON,
                in_kind=True,
                description="1 tấn phân bón hữu cơ vi sinh",
                reference=decision,
            )
    national_record(
        actor=huyen,
        fund=fund,
        amount_vnd=10_000_000,
        occurred_on=datetime.date(2022, 9, 15),
        reference="Giấy nộp tiền số 45",
        description="Ủng hộ Quỹ “Người Việt đoàn kết sáng tạo” năm 2022",
    )
    _commune(Unit.objects.get(parent=district, code=EA_BA_OLD))


def _commune(ea_ba: Unit) -> None:
    """Ea Bá's own fund: its cooperative and its members give, and it sends 1.500.000 đồng
    to the national fund (what its results report states)."""
    xa = Person.objects.get(username="xa")
    fund = fund_create(actor=xa, unit=ea_ba, name="Quỹ khuyến khích sáng tạo xã Ea Bá")
    cooperative = donor_create(
        actor=xa,
        unit=ea_ba,
        name="Hợp tác xã Nông nghiệp Ea Bá",
        kind=DonorKind.ORGANISATION,
        named_publicly=True,
        consent_note="Biên bản họp Hội đồng quản trị ngày 1/3/2022",
    )
    members = donor_create(
        actor=xa, unit=ea_ba, name="Hội viên Chi hội Thôn 1", kind=DonorKind.INDIVIDUAL
    )
    for donor, amount, day in (
        (cooperative, 3_000_000, datetime.date(2022, 3, 20)),
        (members, 2_000_000, datetime.date(2022, 4, 12)),
    ):
        contribution_record(actor=xa, fund=fund, donor=donor, amount_vnd=amount, occurred_on=day)
    national_record(
        actor=xa,
        fund=fund,
        amount_vnd=1_500_000,
        occurred_on=datetime.date(2022, 9, 10),
        reference="Giấy nộp tiền số 12",
    )
