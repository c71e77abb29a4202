"""The sign-in throttle (org/domain/logins.py), with the clock passed in as data."""

import datetime

import pytest
from django.utils import timezone

from thidua.org.domain.logins import login_failed, login_locked, reset_requested
from thidua.org.models import Attempt

T0 = timezone.make_aware(datetime.datetime(2026, 3, 2, 8, 0))
MINUTE = datetime.timedelta(minutes=1)


def fail(person, minutes, login="xa", address="203.0.113.7"):
    return login_failed(person=person, login=login, address=address, now=T0 + minutes * MINUTE)


def locked(person, minutes, login="xa", address="203.0.113.7"):
    return login_locked(person=person, login=login, address=address, now=T0 + minutes * MINUTE)


def test_the_fifth_failure_within_the_window_locks_until_the_first_leaves_it(officer):
    assert [fail(officer, m) for m in range(4)] == [None] * 4
    assert fail(officer, 10) == T0 + 15 * MINUTE
    assert locked(officer, 14) == T0 + 15 * MINUTE
    assert locked(officer, 15) is None  # the first failure has left the window


def test_failures_spread_wider_than_the_window_never_lock(officer):
    for minutes in range(0, 100, 4):  # one every four minutes: at most four in any window
        assert fail(officer, minutes) is None
    assert locked(officer, 100) is None


def test_the_account_is_counted_whatever_the_address(officer):
    for number in range(5):
        fail(officer, number, address=f"198.51.100.{number}")
    assert locked(officer, 5, address="192.0.2.1") is not None


def test_nothing_is_stored_as_typed(officer):
    fail(officer, 0, login="hoa@example.vn")
    row = Attempt.objects.get()
    assert "hoa" not in row.account
    assert "203.0.113.7" not in row.address
    assert len(row.account) == len(row.address) == 64


def test_old_attempts_are_deleted_as_new_ones_come(officer):
    fail(officer, 0)
    fail(officer, 2 * 24 * 60)
    assert Attempt.objects.count() == 1


@pytest.mark.django_db
def test_reset_requests_are_limited_per_hour():
    now = [T0 + m * MINUTE for m in (0, 10, 20, 30, 61)]
    answers = [
        reset_requested(email="hoa@example.vn", address=f"192.0.2.{i}", now=t)
        for i, t in enumerate(now[:4])
    ]
    assert answers == [None, None, None, T0 + 60 * MINUTE]
    assert reset_requested(email="HOA@example.vn", address="192.0.2.9", now=now[4]) is None
