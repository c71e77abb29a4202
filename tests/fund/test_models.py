"""The ledger never edits history: the model refuses to change or delete an entry, the
database refuses an UPDATE whatever writes it (and a DELETE on PostgreSQL), a negative
balance and a second entry at the same place of a fund's sequence."""

import pytest
from django.db import IntegrityError, connection, transaction

from tests.fund.conftest import DAY
from thidua.fund.enums import EntryKind
from thidua.fund.models import AppendOnlyError, Entry


@pytest.fixture
def first(funded):
    return funded.entries.get()


def test_a_stored_entry_is_not_saved_again(first):
    first.amount_vnd = 1
    with pytest.raises(AppendOnlyError):
        first.save()
    first.refresh_from_db()
    assert first.amount_vnd == 10_000_000


def test_an_entry_is_not_deleted(first):
    with pytest.raises(AppendOnlyError):
        first.delete()
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=first.pk).delete()
    assert Entry.objects.filter(pk=first.pk).exists()


def test_the_queryset_does_not_update(first):
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=first.pk).update(amount_vnd=1)
    with pytest.raises(AppendOnlyError):
        Entry.objects.bulk_update([first], ["amount_vnd"])


def test_the_database_refuses_an_update_whatever_writes_it(first):
    """A shell, a script or a migration writing SQL meets the trigger (migration 0002; on
    SQLite a later migration that rebuilds the table must create it again: this fails)."""
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE fund_entry SET amount_vnd = 1 WHERE id = %s", [first.pk])
    first.refresh_from_db()
    assert first.amount_vnd == 10_000_000


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite keeps DELETE open: Django's flush empties SQLite tables with DELETE",
)
def test_postgresql_refuses_a_delete(first):
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM fund_entry WHERE id = %s", [first.pk])
    assert Entry.objects.filter(pk=first.pk).exists()


def _entry(first, **changes) -> Entry:
    fields = {
        "fund": first.fund,
        "sequence": 2,
        "kind": EntryKind.CONTRIBUTION,
        "amount_vnd": 1,
        "balance_vnd": first.balance_vnd + 1,
        "occurred_on": DAY,
        "donor": first.donor,
    }
    return Entry(**{**fields, **changes})


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"sequence": 1}, id="a place of the sequence taken twice"),
        pytest.param(
            {"kind": EntryKind.NATIONAL, "amount_vnd": -20_000_000, "balance_vnd": -10_000_000},
            id="a negative balance",
        ),
        pytest.param({"amount_vnd": -1}, id="a contribution that takes"),
        pytest.param({"kind": EntryKind.DISBURSEMENT, "amount_vnd": -1}, id="no decision"),
        pytest.param({"donor": None}, id="a contribution without a donor"),
        pytest.param(
            {"kind": EntryKind.NATIONAL, "amount_vnd": -1, "in_kind": True},
            id="goods to the national fund",
        ),
    ],
)
def test_the_database_refuses_what_the_domain_would(first, changes):
    """The last guard, for a writer that skipped the domain (or raced another)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        _entry(first, **changes).save()
    assert Entry.objects.count() == 1


def test_the_admin_is_read_only(admin_client, first):
    page = admin_client.get(f"/admin/fund/entry/{first.pk}/change/")
    assert page.status_code == 200
    assert b'name="amount_vnd"' not in page.content  # shown, not editable
    assert admin_client.post(f"/admin/fund/entry/{first.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/fund/entry/add/").status_code == 403
    assert Entry.objects.filter(pk=first.pk).exists()
