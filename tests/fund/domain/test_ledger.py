"""The ledger's rules: what it records, what it refuses (and that a refusal changes nothing),
corrections by reversing entries, and, generated, that every balance stays at zero or more
and equal to the sum of the entries whatever sequence of entries people try."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fund.conftest import DAY
from thidua.audit.models import AuditEntry
from thidua.fund.domain.ledger import (
    contribution_record,
    disbursement_record,
    donor_create,
    donor_update,
    entry_reverse,
    fund_create,
    national_record,
)
from thidua.fund.domain.rollup import fund_rollup, unit_figures
from thidua.fund.enums import DonorKind, EntryKind
from thidua.fund.models import Entry
from thidua.notify.models import Notification
from thidua.review.models import Outcome


def money(fund) -> int:
    return sum(fund.entries.filter(in_kind=False).values_list("amount_vnd", flat=True))


def refused(call, *words) -> str:
    """``call()`` is refused with a message holding ``words``; nothing was written. The words
    are the source's (English, as the catalogue translates them; the pages' tests read the
    Vietnamese)."""
    entries, log = Entry.objects.count(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refusal, translation.override("en"):
        call()
    message = " ".join(refusal.value.messages)
    for word in words:
        assert word in message, message
    assert (Entry.objects.count(), AuditEntry.objects.count()) == (entries, log)
    return message


def test_a_contribution_adds_to_the_balance_and_is_logged(fund, donor, officer):
    entry = contribution_record(
        actor=officer,
        fund=fund,
        donor=donor,
        amount_vnd=5_000_000,
        occurred_on=DAY,
        reference="Phiếu thu số 01/PT",
    )
    assert (entry.sequence, entry.amount_vnd, entry.balance_vnd) == (1, 5_000_000, 5_000_000)
    assert entry.recorded_by == officer
    logged = AuditEntry.objects.get(object_id=str(entry.pk), content_type__model="entry")
    assert logged.unit == fund.unit
    assert logged.after["amount_vnd"] == 5_000_000


def test_goods_in_kind_have_their_own_balance(funded, donor):
    goods = contribution_record(
        actor=None,
        fund=funded,
        donor=donor,
        amount_vnd=16_000_000,
        occurred_on=DAY,
        in_kind=True,
        description="2 tấn phân bón hữu cơ vi sinh",
    )
    assert (goods.sequence, goods.balance_vnd) == (2, 16_000_000)
    figures = unit_figures(funded.unit)
    assert (figures["balance"], figures["balance_in_kind"]) == (10_000_000, 16_000_000)
    assert (figures["received"], figures["received_in_kind"]) == (10_000_000, 16_000_000)


def test_goods_in_kind_must_be_described(fund, donor):
    refused(
        lambda: contribution_record(
            actor=None, fund=fund, donor=donor, amount_vnd=1, occurred_on=DAY, in_kind=True
        ),
        "in kind",
    )


def test_a_disbursement_to_a_commended_initiative_tells_its_unit(funded, commended, who):
    goat = commended[0]
    who.officer_a  # noqa: B018 (Ea Bá's officer, told of the support)
    entry = disbursement_record(
        actor=None,
        fund=funded,
        proposal=goat,
        amount_vnd=3_000_000,
        occurred_on=datetime.date(2022, 6, 15),
    )
    assert (entry.amount_vnd, entry.balance_vnd) == (-3_000_000, 7_000_000)
    told = Notification.objects.get(recipient=who.officer_a)
    assert "3.000.000" in told.message
    assert goat.registration.name in told.message


def test_a_disbursement_never_exceeds_the_balance(funded, commended):
    message = refused(
        lambda: disbursement_record(
            actor=None, fund=funded, proposal=commended[0], amount_vnd=10_000_001, occurred_on=DAY
        ),
        "10.000.000",
        "10.000.001",
    )
    assert funded.name in message
    assert money(funded) == 10_000_000


def test_goods_handed_out_never_exceed_the_goods_in_stock(funded, commended):
    """Money in the fund does not cover goods: each holding has its own balance."""
    refused(
        lambda: disbursement_record(
            actor=None,
            fund=funded,
            proposal=commended[0],
            amount_vnd=1,
            occurred_on=DAY,
            in_kind=True,
        ),
        "0",
    )


def test_only_a_decided_commendation_is_paid(funded, commended, open_plan, who):
    recognised = commended[1]
    recognised.outcome = Outcome.RECOGNISED
    recognised.save()  # as if the council had only recognised it
    refused(
        lambda: disbursement_record(
            actor=None, fund=funded, proposal=recognised, amount_vnd=1, occurred_on=DAY
        ),
        "commended",
    )


def test_a_fund_rewards_the_councils_of_its_own_subtree(commended, tree, donor):
    elsewhere = fund_create(actor=None, unit=tree.other_district, name="Quỹ Tuy Hòa")
    giver = donor_create(
        actor=None, unit=tree.province, name="Tỉnh hội", kind=DonorKind.ORGANISATION
    )
    contribution_record(actor=None, fund=elsewhere, donor=giver, amount_vnd=100, occurred_on=DAY)
    refused(
        lambda: disbursement_record(
            actor=None, fund=elsewhere, proposal=commended[0], amount_vnd=1, occurred_on=DAY
        )
    )


def test_a_donor_of_another_unit_is_refused(fund, tree):
    stranger = donor_create(
        actor=None, unit=tree.other_district, name="Doanh nghiệp Tuy Hòa", kind=DonorKind.BUSINESS
    )
    refused(
        lambda: contribution_record(
            actor=None, fund=fund, donor=stranger, amount_vnd=1, occurred_on=DAY
        ),
        "donor",
    )


def test_a_donor_of_the_unit_above_may_give(fund, tree):
    province = donor_create(
        actor=None, unit=tree.province, name="Ngân hàng tỉnh", kind=DonorKind.ORGANISATION
    )
    entry = contribution_record(
        actor=None, fund=fund, donor=province, amount_vnd=1, occurred_on=DAY
    )
    assert entry.balance_vnd == 1


@pytest.mark.parametrize("amount", [0, -5, 100_000_000_001, 1.5, "1000", True])
def test_an_amount_is_a_positive_whole_number_of_dong_within_reason(fund, donor, amount):
    refused(
        lambda: contribution_record(
            actor=None, fund=fund, donor=donor, amount_vnd=amount, occurred_on=DAY
        )
    )


def test_an_entry_in_the_future_is_refused(fund, donor):
    refused(
        lambda: contribution_record(
            actor=None,
            fund=fund,
            donor=donor,
            amount_vnd=1,
            occurred_on=datetime.date.today() + datetime.timedelta(days=2),
        ),
        "future",
    )


def test_money_leaving_is_dated_on_or_after_the_last_entry(funded):
    refused(
        lambda: national_record(
            actor=None, fund=funded, amount_vnd=1, occurred_on=DAY - datetime.timedelta(days=1)
        ),
        "01/06/2022",
    )
    assert national_record(actor=None, fund=funded, amount_vnd=1, occurred_on=DAY).sequence == 2


def test_a_contribution_may_be_dated_before_the_last_entry(funded, donor):
    """Paperwork comes late: money received earlier can always be recorded."""
    late = contribution_record(
        actor=None, fund=funded, donor=donor, amount_vnd=1, occurred_on=datetime.date(2022, 1, 3)
    )
    assert late.balance_vnd == 10_000_001


def test_the_national_fund_is_given_money(funded):
    entry = national_record(
        actor=None, fund=funded, amount_vnd=4_000_000, occurred_on=DAY, reference="GNT 15"
    )
    assert (entry.kind, entry.balance_vnd) == (EntryKind.NATIONAL, 6_000_000)
    assert unit_figures(funded.unit)["national"] == 4_000_000


# --- corrections ------------------------------------------------------------------------


def test_a_correction_reverses_an_entry_and_both_stay(funded, donor):
    mistake = contribution_record(
        actor=None, fund=funded, donor=donor, amount_vnd=50_000_000, occurred_on=DAY
    )
    correction = entry_reverse(
        actor=None, entry=mistake, reason="Gõ thừa một số 0", occurred_on=DAY
    )
    assert (correction.amount_vnd, correction.balance_vnd) == (-50_000_000, 10_000_000)
    assert (correction.kind, correction.donor, correction.reverses) == (
        EntryKind.CONTRIBUTION,
        donor,
        mistake,
    )
    assert list(funded.entries.values_list("sequence", flat=True)) == [1, 2, 3]
    # The kind's figure is net of the correction.
    assert unit_figures(funded.unit)["received"] == 10_000_000
    logged = AuditEntry.objects.get(object_id=str(correction.pk), content_type__model="entry")
    assert logged.note == "Gõ thừa một số 0"


def test_an_entry_is_corrected_once(funded):
    sent = national_record(actor=None, fund=funded, amount_vnd=1_000, occurred_on=DAY)
    entry_reverse(actor=None, entry=sent, reason="Nhầm", occurred_on=DAY)
    refused(lambda: entry_reverse(actor=None, entry=sent, reason="Lần nữa"), "already")


def test_a_correction_is_not_itself_reversed(funded):
    sent = national_record(actor=None, fund=funded, amount_vnd=1_000, occurred_on=DAY)
    correction = entry_reverse(actor=None, entry=sent, reason="Nhầm", occurred_on=DAY)
    refused(lambda: entry_reverse(actor=None, entry=correction, reason="Nhầm"), "again")


def test_a_correction_gives_its_reason(funded):
    sent = national_record(actor=None, fund=funded, amount_vnd=1_000, occurred_on=DAY)
    refused(lambda: entry_reverse(actor=None, entry=sent, reason="  "), "why")


def test_money_already_spent_cannot_be_taken_back(funded, commended):
    """Reversing a contribution whose money was paid out would leave the fund below zero."""
    first = funded.entries.get()
    disbursement_record(
        actor=None, fund=funded, proposal=commended[0], amount_vnd=6_000_000, occurred_on=DAY
    )
    refused(lambda: entry_reverse(actor=None, entry=first, reason="Nhầm"), "4.000.000")


def test_reversing_a_disbursement_returns_the_money(funded, commended):
    paid = disbursement_record(
        actor=None, fund=funded, proposal=commended[0], amount_vnd=6_000_000, occurred_on=DAY
    )
    back = entry_reverse(actor=None, entry=paid, reason="Trả lại", occurred_on=DAY)
    assert (back.amount_vnd, back.balance_vnd, back.proposal) == (
        6_000_000,
        10_000_000,
        paid.proposal,
    )


# --- donors -----------------------------------------------------------------------------


def test_a_donor_withdraws_consent_and_it_is_logged(donor):
    donor_update(actor=None, donor=donor, named_publicly=False)
    donor.refresh_from_db()
    assert not donor.named_publicly
    logged = AuditEntry.objects.filter(object_id=str(donor.pk), content_type__model="donor")
    assert logged.latest("id").before == {"named_publicly": True}


def test_a_donor_needs_a_name_and_a_kind(tree):
    with pytest.raises(ValidationError):
        donor_create(actor=None, unit=tree.district, name=" ", kind=DonorKind.BUSINESS)
    with pytest.raises(ValidationError):
        donor_create(actor=None, unit=tree.district, name="Ai đó", kind="alien")


def test_two_funds_of_a_unit_have_different_names(fund, tree):
    with pytest.raises(ValidationError):
        fund_create(actor=None, unit=tree.district, name=fund.name)


# --- generated: whatever people try, the ledger balances ----------------------------------

# give / pay / send: (fund index, in kind?, amount, day); undo: (fund index, which entry, day)
AMOUNTS = st.integers(min_value=1, max_value=5_000_000)
DAYS = st.integers(min_value=0, max_value=20)
OPERATIONS = st.one_of(
    st.tuples(st.just("give"), st.integers(0, 1), st.booleans(), AMOUNTS, DAYS),
    st.tuples(st.just("pay"), st.integers(0, 1), st.booleans(), AMOUNTS, DAYS),
    st.tuples(st.just("send"), st.integers(0, 1), st.just(False), AMOUNTS, DAYS),
    st.tuples(st.just("undo"), st.integers(0, 1), st.integers(0, 30), st.just(0), DAYS),
)
START = datetime.date(2022, 6, 1)


def _apply(operation, funds, donor, proposal):
    name, which, flag, amount, day = operation
    fund = funds[which]
    occurred_on = START + datetime.timedelta(days=day)
    if name == "give":
        description = "Hiện vật" if flag else ""
        return contribution_record(
            actor=None,
            fund=fund,
            donor=donor,
            amount_vnd=amount,
            occurred_on=occurred_on,
            in_kind=flag,
            description=description,
        )
    if name == "pay":
        return disbursement_record(
            actor=None,
            fund=fund,
            proposal=proposal,
            amount_vnd=amount,
            occurred_on=occurred_on,
            in_kind=flag,
        )
    if name == "send":
        return national_record(actor=None, fund=fund, amount_vnd=amount, occurred_on=occurred_on)
    entries = list(fund.entries.order_by("sequence"))
    if not entries:
        raise ValidationError("nothing to correct")
    return entry_reverse(
        actor=None, entry=entries[flag % len(entries)], reason="Sai", occurred_on=occurred_on
    )


def _expected(operation, balances, last_day, target) -> bool:
    """Whether ``operation`` should be recorded, from the model of the ledger."""
    name, which, flag, amount, day = operation
    if name == "pay" and which == 1:
        return False  # the commune's fund pays nothing its district's council commended
    if name == "undo":
        if target is None or target.is_correction or hasattr(target, "reversed_by"):
            return False
        amount, flag = -target.amount_vnd, target.in_kind
    elif name != "give":
        amount = -amount
    overdrawn = balances[which][flag] + amount < 0
    backdated = last_day[which] is not None and day < last_day[which]
    return not (amount < 0 and (overdrawn or backdated))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(OPERATIONS, max_size=25))
def test_every_balance_stays_at_zero_or_more_and_equals_its_entries(
    tree, donor, commended, operations
):
    """Random contributions (money and goods), disbursements, contributions to the national
    fund and corrections, on the district's fund and a commune's: each is recorded when the
    model of the ledger says it should be and refused, changing nothing, otherwise; after
    each, every stored balance is at least 0 and equal to the sum of the entries up to it,
    as of every date too, and the roll-up adds the commune to the district."""
    with transaction.atomic():
        funds = [
            fund_create(actor=None, unit=tree.district, name="Quỹ huyện"),
            fund_create(actor=None, unit=tree.commune_a, name="Quỹ xã"),
        ]
        balances = [{False: 0, True: 0}, {False: 0, True: 0}]
        last_day: list[int | None] = [None, None]
        for operation in operations:
            name, which, flag = operation[:3]
            target = None
            if name == "undo":
                entries = list(funds[which].entries.order_by("sequence"))
                target = entries[flag % len(entries)] if entries else None
            should = _expected(operation, balances, last_day, target)
            before = Entry.objects.count()
            try:
                entry = _apply(operation, funds, donor, commended[0])
            except ValidationError:
                assert not should, operation
                assert Entry.objects.count() == before
                continue
            assert should, operation
            balances[which][entry.in_kind] += entry.amount_vnd
            day = (entry.occurred_on - START).days
            last_day[which] = day if last_day[which] is None else max(last_day[which], day)
            _check(funds, balances)
        transaction.set_rollback(True)


def _check(funds, balances) -> None:
    for fund, expected in zip(funds, balances, strict=True):
        running = {False: 0, True: 0}
        for entry in fund.entries.order_by("sequence"):
            running[entry.in_kind] += entry.amount_vnd
            assert entry.balance_vnd == running[entry.in_kind] >= 0
        assert running == expected
        dates = sorted(set(fund.entries.values_list("occurred_on", flat=True)))
        for day in dates:
            as_of = fund.entries.filter(occurred_on__lte=day)
            for in_kind in (False, True):
                assert sum(as_of.filter(in_kind=in_kind).values_list("amount_vnd", flat=True)) >= 0
    district, commune = funds
    summary = fund_rollup(district.unit)
    assert summary.total["balance"] == balances[0][False] + balances[1][False]
    assert summary.total["balance_in_kind"] == balances[0][True] + balances[1][True]
    assert unit_figures(commune.unit)["balance"] == balances[1][False]
