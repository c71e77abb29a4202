"""Entries written at the same moment by several people (PostgreSQL, real connections): the
fund never pays out more than it holds, every entry gets its own place in the sequence, and
each stored balance is the sum of the entries up to it.

On SQLite the test database lives in memory, shared between threads through one cache
whose table locks fail instead of waiting, so these run on PostgreSQL only; SQLite is
correct by serialisation (IMMEDIATE transactions, config/settings.py: a writer holds the
database from its first statement) and the database's last guards, tested on both:
``tests/fund/test_models.py`` (one place of the sequence per entry, no negative balance).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from tests.fund.conftest import DAY
from thidua.fund.domain.ledger import contribution_record, disbursement_record, national_record
from thidua.fund.models import Entry

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions are tested on PostgreSQL (SQLite serialises all writers)",
)

PARALLEL = 8


def at_once(calls) -> tuple[list, list[BaseException]]:
    """Run ``calls`` in threads released together, each on its own connection; what they
    returned, and what they raised."""
    start = threading.Barrier(len(calls))
    done, errors = [], []

    def run(call) -> None:
        try:
            start.wait(timeout=10)
            done.append(call())
        except BaseException as error:  # reported to the test, in the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return done, errors


def consistent(fund) -> list[Entry]:
    entries = list(Entry.objects.filter(fund=fund).order_by("sequence"))
    assert [e.sequence for e in entries] == list(range(1, len(entries) + 1))
    running = {False: 0, True: 0}
    for entry in entries:
        running[entry.in_kind] += entry.amount_vnd
        assert entry.balance_vnd == running[entry.in_kind] >= 0
    return entries


@pytest.mark.django_db(transaction=True)
def test_concurrent_payments_never_overdraw_the_fund(funded):
    """Eight payments of 3.000.000 from 10.000.000 at once: three go through, five are
    refused with the fund's balance, and 1.000.000 is left."""
    calls = [
        lambda: national_record(actor=None, fund=funded, amount_vnd=3_000_000, occurred_on=DAY)
    ] * PARALLEL
    done, errors = at_once(calls)
    assert len(done) == 3
    assert len(errors) == PARALLEL - 3
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert "1.000.000" in " ".join(errors[-1].messages)
    entries = consistent(funded)
    assert entries[-1].balance_vnd == 1_000_000


@pytest.mark.django_db(transaction=True)
def test_concurrent_entries_of_every_kind_each_take_their_own_place(funded, donor, commended):
    """Contributions, disbursements and national payments at once: none is lost, none takes
    another's place in the sequence, the balances add up in the order written."""
    kinds = [
        lambda: contribution_record(
            actor=None, fund=funded, donor=donor, amount_vnd=2_000_000, occurred_on=DAY
        ),
        lambda: disbursement_record(
            actor=None, fund=funded, proposal=commended[0], amount_vnd=2_500_000, occurred_on=DAY
        ),
        lambda: national_record(actor=None, fund=funded, amount_vnd=1_500_000, occurred_on=DAY),
    ]
    done, errors = at_once([kinds[i % 3] for i in range(PARALLEL)])
    assert all(isinstance(error, ValidationError) for error in errors), errors
    entries = consistent(funded)
    assert len(entries) == 1 + len(done)
