"""Pieces of the generated worlds: units, a year's plan and registrations in any state, made
through the domain functions as the product makes them.

The worlds themselves are where their tests are: ``tests/plans/generated.py`` (plans and
the documents made from them) and ``generate`` in ``tests/results/conftest.py`` (reports
and the roll-up). Both are built from these pieces, so a change to how a plan or a
registration comes to be is made once.
"""

import datetime

from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_receive,
    registration_return,
    registration_submit,
)
from thidua.initiatives.enums import RegistrationState
from thidua.org.domain.units import unit_create
from thidua.plans.domain.plans import end_of_day, plan_create, plan_set_body, plan_set_list
from thidua.plans.models import DeadlineKind, LatePolicy


def unit(parent, name, kind, **fields):
    return unit_create(actor=None, parent=parent, name=name, kind=kind, **fields)


def deadline_rows(year: int, registration_label: str) -> list[dict]:
    """Registrations due on 10 April of ``year``, results reports on 25 October."""
    return [
        {
            "kind": DeadlineKind.REGISTRATION,
            "label": registration_label,
            "due_at": end_of_day(datetime.date(year, 4, 10)),
        },
        {
            "kind": DeadlineKind.REPORT,
            "label": "Báo cáo kết quả",
            "due_at": end_of_day(datetime.date(year, 10, 25)),
        },
    ]


def yearly_plan(unit, year: int, *, title: str, body: str, registration_label: str, **fields):
    """A draft plan of ``unit`` for ``year``: its movement "<unit> đoàn kết sáng tạo", late
    registrations marked late, ``body`` and the deadlines of ``deadline_rows``."""
    plan = plan_create(
        actor=None,
        unit=unit,
        title=title,
        movement_name=f"{unit.name} đoàn kết sáng tạo",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        late_registrations=LatePolicy.MARK_LATE,
        **fields,
    )
    plan_set_body(actor=None, plan=plan, source=body)
    plan_set_list(
        actor=None, plan=plan, kind="deadlines", rows=deadline_rows(year, registration_label)
    )
    return plan


def advance(registration, state: str, *, reason: str):
    """A complete draft taken to ``state``: sent, then returned (for ``reason``), received,
    or received and accepted; a draft stays as it is."""
    if state == RegistrationState.DRAFT:
        return registration
    registration = registration_submit(actor=None, registration=registration)
    if state == RegistrationState.RETURNED:
        return registration_return(actor=None, registration=registration, reason=reason)
    if state in (RegistrationState.RECEIVED, RegistrationState.ACCEPTED):
        registration = registration_receive(actor=None, registration=registration)
    if state == RegistrationState.ACCEPTED:
        registration = registration_accept(actor=None, registration=registration)
    return registration
