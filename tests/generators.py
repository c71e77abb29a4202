"""Pieces of the generated worlds: units, a year's plan and registrations in any state, made
through the domain functions as the product makes them.

The worlds themselves are where their tests are: ``tests/plans/generated.py`` (plans and
the documents made from them) and ``generate`` in ``tests/results/conftest.py`` (reports
and the roll-up). Both are built from these pieces, so a change to how a plan or a
registration comes to be is made once.
"""

import datetime
import random
from dataclasses import dataclass

from tests.helpers import completed
from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_create,
    registration_receive,
    registration_return,
    registration_submit,
)
from thidua.initiatives.enums import RegistrationState
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.plans.domain.plans import (
    end_of_day,
    plan_create,
    plan_issue,
    plan_set_body,
    plan_set_list,
)
from thidua.plans.domain.series import plan_link_previous
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


@dataclass
class Series:
    """Generated years of one district's movement (``series_of_years``): its plans, oldest
    first and linked as a series, and the registrations each commune sent each year (the
    test's oracle); ``newcomer``, a commune that exists from the second year only."""

    plans: list
    years: list[int]
    sent: dict  # (commune id, year) → registrations sent
    newcomer: object

    def expected(self, commune) -> list[int | None]:
        """The commune's figures year by year: None in a year it did not exist."""
        return [
            None
            if commune == self.newcomer and year == self.years[0]
            else self.sent[commune.pk, year]
            for year in self.years
        ]

    def totals(self) -> list[int]:
        return [sum(n for (_unit, y), n in self.sent.items() if y == year) for year in self.years]


def series_of_years(district, communes, rng: random.Random, *, count: int = 3) -> Series:
    """``count`` years (drawn from 2019–2024) of ``district``'s plan, each issued, linked to
    the year before, each commune (and, from the second year, a new one) sending 0 to 3
    registrations and keeping some drafts."""
    years = sorted(rng.sample(range(2019, 2025), count))
    newcomer = unit(district, "Ea Trol", UnitKind.COMMUNE, valid_from=datetime.date(years[1], 1, 1))
    sent: dict = {}
    plans: list = []
    for year in years:
        plan = yearly_plan(
            district,
            year,
            title=f"Kế hoạch thi đua năm {year}",
            body="# NỘI DUNG\nThi đua.",
            registration_label="Đăng ký",
            quota_kinds=[UnitKind.COMMUNE],
            signer_name="Bá Minh Hiếu",
        )
        plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(year, 2, 1))
        if plans:
            plan = plan_link_previous(actor=None, plan=plan, previous=plans[-1])
        plans.append(plan)
        for commune in [*communes, *([newcomer] if year > years[0] else [])]:
            count_sent = rng.randint(0, 3)
            for number in range(count_sent + rng.randint(0, 1)):
                registration = completed(
                    registration_create(
                        actor=None, plan=plan, unit=commune, kind="model", name=f"Mô hình {number}"
                    )
                )
                if number < count_sent:
                    registration_submit(actor=None, registration=registration)
            sent[commune.pk, year] = count_sent
    return Series(plans=plans, years=years, sent=sent, newcomer=newcomer)
