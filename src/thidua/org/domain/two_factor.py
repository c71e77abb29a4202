"""Two-step login for administrators: a code from an authenticator app (TOTP, RFC 6238)
after the password, and recovery codes for a lost phone (issue #11, "What to build" 1).

The devices are django-otp's (``TOTPDevice``, and a ``StaticDevice`` holding the recovery
codes); this module decides who may or must use them and counts the codes with the
passwords: a wrong code is a failed login (``logins.login_failed``: counted per account and
per address, audited), and a locked account takes no code either. django-otp's own
exponential back-off is switched off in the settings, so that one throttle speaks.

A code is checked once per time step (django-otp keeps the last step used), and each
recovery code once. Enabling, renewing and turning off are audited on the account.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.org.domain.logins import login_failed, login_locked
from thidua.org.domain.people import account_unit
from thidua.org.models import Person, Role

RECOVERY_CODES = 10
APP = "authenticator"  # the name of a person's one TOTP device
RECOVERY = "recovery"
AUDIT_NOTE = "2FA"  # in every audit entry of this module, to find them


def is_administrator(person: Person) -> bool:
    """Who may turn on two-step login (and must, under THIDUA_REQUIRE_2FA_FOR_ADMINS): the
    superuser, staff of the admin site and administrators of any unit."""
    return bool(
        person.is_superuser
        or person.is_staff
        or person.memberships.filter(role=Role.ADMIN).exists()
    )


def is_on(person: Person) -> bool:
    return TOTPDevice.objects.filter(user=person, confirmed=True).exists()


def is_required(person: Person) -> bool:
    """Whether the settings make this person set it up before their first login with it."""
    return settings.THIDUA_REQUIRE_2FA_FOR_ADMINS and is_administrator(person)


def spaced(secret: str) -> str:
    """A secret as a person types it: groups of four."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def enrolment_start(*, person: Person) -> TOTPDevice:
    """The device being set up: a new secret, kept while the page is reloaded until the
    person confirms it with a code. A device already on stays as it is."""
    device = TOTPDevice.objects.filter(user=person, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=person, name=APP, confirmed=False)
    return device


@transaction.atomic
def enrolment_confirm(*, actor, person: Person, code: str) -> list[str]:
    """Turn two-step login on with the first code the app shows; returns the recovery codes
    (shown once). ValidationError when the code is wrong or no set-up was started."""
    device = TOTPDevice.objects.select_for_update().filter(user=person, confirmed=False).first()
    if device is None or not device.verify_token(_digits(code)):
        raise ValidationError(_("The code is wrong or too old."))
    TOTPDevice.objects.filter(user=person, confirmed=True).delete()  # an older phone
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(person)
    _audit(actor, person, before={"two_factor": False}, after={"two_factor": True})
    return codes


@transaction.atomic
def recovery_codes_renew(*, actor, person: Person) -> list[str]:
    """New recovery codes; the old ones stop working. Audited."""
    codes = _new_recovery_codes(person)
    _audit(actor, person, before={}, after={"recovery_codes": "renewed"})
    return codes


@transaction.atomic
def two_factor_off(*, actor, person: Person) -> None:
    """Back to the password alone (refused while the settings require it). Audited."""
    if is_required(person):
        raise ValidationError(_("Two-step login is required for administrators here."))
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
    _audit(actor, person, before={"two_factor": True}, after={"two_factor": False})


def _audit(actor, person: Person, *, before: dict, after: dict) -> None:
    """An account change of this module in the account's unit's audit log."""
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=person,
        unit=account_unit(person),
        before=before or None,
        after=after,
        note=AUDIT_NOTE,
    )


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    locked_until: datetime.datetime | None = None


def code_check(*, person: Person, code: str, address: str, now: datetime.datetime) -> CodeCheck:
    """The login's second step: the app's code or an unused recovery code. A wrong one is a
    failed login; a locked account or address is refused before the code is looked at."""
    until = login_locked(person=person, login="", address=address, now=now)
    if until is not None:
        return CodeCheck(False, until)
    with transaction.atomic():
        digits = _digits(code)
        accepted = False
        if digits:
            device = TOTPDevice.objects.select_for_update().filter(user=person, confirmed=True)
            accepted = any(d.verify_token(digits) for d in device)
        else:
            recovery = StaticDevice.objects.select_for_update().filter(user=person, name=RECOVERY)
            accepted = any(d.verify_token(_recovery(code)) for d in recovery)
    if accepted:
        return CodeCheck(True)
    return CodeCheck(False, login_failed(person=person, login="", address=address, now=now))


def recovery_codes_left(person: Person) -> int:
    return StaticToken.objects.filter(device__user=person, device__name=RECOVERY).count()


def _new_recovery_codes(person: Person) -> list[str]:
    StaticDevice.objects.filter(user=person).delete()
    device = StaticDevice.objects.create(user=person, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def _digits(code: str) -> str:
    """Six digits, however typed ("123 456", "123-456"); empty when it is not such a code."""
    digits = re.sub(r"[\s-]", "", code or "")
    return digits if re.fullmatch(r"\d{6}", digits) else ""


def _recovery(code: str) -> str:
    """A recovery code as stored: lower case, without the spaces or dashes typed in it."""
    return re.sub(r"[\s-]", "", code or "").lower()[:16]
