"""Handing out document numbers that are never given twice."""

from django.db import IntegrityError, transaction
from django.db.models import F

from thidua.audit.log import record, snapshot
from thidua.audit.models import Action
from thidua.org.models import Unit, UnitLevel
from thidua.plans.models import NumberCounter, NumberingRule

DEFAULT_ISSUER_CODES = {
    UnitLevel.CENTRAL: "HNDTW",
    UnitLevel.PROVINCE: "HNDT",
    UnitLevel.DISTRICT: "HNDH",
    UnitLevel.COMMUNE: "HNDX",
    UnitLevel.BRANCH: "CH",
    UnitLevel.GROUP: "TH",
}


def numbering_rule_for(unit: Unit) -> NumberingRule:
    rule, _ = NumberingRule.objects.get_or_create(
        unit=unit, defaults={"issuer_code": DEFAULT_ISSUER_CODES[unit.level]}
    )
    return rule


def next_number(*, unit: Unit, period: str) -> int:
    """The next number of ``unit`` in ``period``.

    The counter row is incremented by a single UPDATE, which locks it until the
    surrounding transaction ends: a concurrent issuer waits and then gets the
    following number. Must run inside the transaction that saves the document.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside the issuing transaction")
    _ensure_counter(unit=unit, period=period)
    NumberCounter.objects.filter(unit=unit, period=period).update(last_number=F("last_number") + 1)
    return NumberCounter.objects.values_list("last_number", flat=True).get(unit=unit, period=period)


def reserve_up_to(*, unit: Unit, period: str, number: int) -> None:
    """Record that ``number`` was used (documents entered from paper or the archive)."""
    _ensure_counter(unit=unit, period=period)
    NumberCounter.objects.filter(unit=unit, period=period, last_number__lt=number).update(
        last_number=number
    )


def _ensure_counter(*, unit: Unit, period: str) -> None:
    if NumberCounter.objects.filter(unit=unit, period=period).exists():
        return
    try:
        with transaction.atomic():  # a savepoint: losing the race to create is harmless
            NumberCounter.objects.create(unit=unit, period=period)
    except IntegrityError:
        pass


def numbering_rule_update(*, actor, unit: Unit, issuer_code: str, restart: str, term: str):
    """Change how ``unit`` numbers its documents; numbers already given stay as they are."""
    rule = numbering_rule_for(unit)
    before = snapshot(rule)
    rule.issuer_code, rule.restart, rule.term = issuer_code.strip().upper(), restart, term.strip()
    rule.full_clean()
    rule.save()
    record(actor=actor, action=Action.UPDATE, instance=rule, unit=unit, before=before)
    return rule
