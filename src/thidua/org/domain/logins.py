"""Logging in and asking for a new password: the throttle, and their trace in the audit log.

Failed logins are counted per account and per network address; past a limit within a
window, that account (or address) may not try again until the window has passed, even with
the right password. An account is counted as one whatever it was named by (username, e-mail
or phone number); a login that names no account is counted by what was typed, so the
answers are the same for accounts that exist and for those that do not. Password-reset
requests are counted the same way, by e-mail address and by network address.

Accounts and addresses are stored as keyed hashes (``key``), never as typed. Functions take
``now`` so that a caller (and a test) says what time it is.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.org.domain.people import account_unit
from thidua.org.models import Attempt, AttemptKind, Person

log = logging.getLogger("thidua.security")

KEEP = datetime.timedelta(days=1)  # attempts older than this count for nothing


@dataclass(frozen=True)
class Limit:
    attempts: int
    window: datetime.timedelta


def limits(kind: AttemptKind) -> tuple[Limit, Limit]:
    """(per account, per address) from the settings."""
    if kind == AttemptKind.LOGIN:
        window = datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        return (
            Limit(settings.LOGIN_FAILURES_PER_ACCOUNT, window),
            Limit(settings.LOGIN_FAILURES_PER_ADDRESS, window),
        )
    window = datetime.timedelta(hours=1)
    return (
        Limit(settings.PASSWORD_RESETS_PER_ACCOUNT, window),
        Limit(settings.PASSWORD_RESETS_PER_ADDRESS, window),
    )


def key(value: str) -> str:
    """A keyed hash: the same value always gives the same key, and the key gives no value."""
    return salted_hmac("thidua.org.logins", value, algorithm="sha256").hexdigest()


def address_key(address: str) -> str:
    """The key of a network address; empty when there is none (a call without a request)."""
    return key(f"address:{address}") if address else ""


def account_key(person: Person | None, login: str) -> str:
    """The account a login names, or else what was typed (folded like the lookup folds it)."""
    if person is not None:
        return key(f"person:{person.pk}")
    return key(f"login:{login.strip().lower()}")


def locked_until(
    *, kind: AttemptKind, account: str, address: str, now: datetime.datetime
) -> datetime.datetime | None:
    """When this account and this address may try again, if either is over its limit."""
    per_account, per_address = limits(kind)
    ends = []
    for field, value, limit in (
        ("account", account, per_account),
        ("address", address, per_address),
    ):
        if not value:
            continue
        times = sorted(
            Attempt.objects.filter(
                kind=kind, **{field: value}, at__gt=now - limit.window, at__lte=now
            ).values_list("at", flat=True)
        )
        if len(times) >= limit.attempts:
            # Free again once enough of these have left the window.
            ends.append(times[len(times) - limit.attempts] + limit.window)
    return max(ends) if ends else None


@transaction.atomic
def attempt_record(
    *, kind: AttemptKind, account: str, address: str, now: datetime.datetime
) -> datetime.datetime | None:
    """Count one attempt; returns when the account or address is locked until, if this
    attempt locked it."""
    Attempt.objects.filter(at__lt=now - KEEP).delete()
    Attempt.objects.create(kind=kind, account=account, address=address, at=now)
    return locked_until(kind=kind, account=account, address=address, now=now)


def login_failed(
    *, person: Person | None, login: str, address: str, now: datetime.datetime
) -> datetime.datetime | None:
    """A wrong password (or an unknown or inactive account): counted, logged, and audited
    for the account's administrators; returns the end of the lock this failure started."""
    account = account_key(person, login)
    until = attempt_record(
        kind=AttemptKind.LOGIN, account=account, address=address_key(address), now=now
    )
    who = f"account {person.pk}" if person is not None else "an unknown account"
    log.warning("Failed login for %s from %s", who, address or "an unknown address")
    if person is not None:
        unit = account_unit(person)
        record(actor=None, action=Action.LOGIN_FAILED, instance=person, unit=unit, after={})
        if until is not None:
            record(actor=None, action=Action.LOGIN_LOCKED, instance=person, unit=unit, after={})
    if until is not None:
        log.warning("Logins for %s or from %s locked until %s", who, address, until.isoformat())
    return until


def login_locked(
    *, person: Person | None, login: str, address: str, now: datetime.datetime
) -> datetime.datetime | None:
    """When this account (or this address) may try to log in again, if it is locked now."""
    until = locked_until(
        kind=AttemptKind.LOGIN,
        account=account_key(person, login),
        address=address_key(address),
        now=now,
    )
    if until is not None:
        who = f"account {person.pk}" if person is not None else "an unknown account"
        log.warning("Refused a login for %s from %s: locked", who, address)
    return until


def login_succeeded(*, person: Person, address: str) -> None:
    """The account's failed attempts are forgiven; the login is audited."""
    Attempt.objects.filter(kind=AttemptKind.LOGIN, account=account_key(person, "")).delete()
    log.info("Login of account %s from %s", person.pk, address or "an unknown address")
    record(actor=person, action=Action.LOGIN, instance=person, unit=account_unit(person), after={})


def password_set(*, person: Person) -> None:
    """A new password chosen through a reset link ends a lock on the account."""
    Attempt.objects.filter(kind=AttemptKind.LOGIN, account=account_key(person, "")).delete()


def reset_requested(
    *, email: str, address: str, now: datetime.datetime
) -> datetime.datetime | None:
    """Count a password-reset request; returns when requests may resume if over the limit
    (then no mail is sent). The same whether an account has the address or not."""
    account, where = key(f"reset:{email.strip().lower()}"), address_key(address)
    until = locked_until(kind=AttemptKind.RESET, account=account, address=where, now=now)
    if until is not None:
        log.warning("Refused a password reset request from %s: too many", address)
        return until
    attempt_record(kind=AttemptKind.RESET, account=account, address=where, now=now)
    return None
