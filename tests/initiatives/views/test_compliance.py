"""The compliance page (initiatives/views/compliance.py): counts, days left, who may see it."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import login, vietnamese
from thidua.initiatives.domain import compliance_table as compliance_domain
from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.domain.compliance_table import compliance_page
from thidua.initiatives.domain.registrations import registration_submit
from thidua.initiatives.enums import ComplianceState
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind


@pytest.mark.parametrize("communes", [2, 10])
def test_compliance_and_list_query_counts_do_not_grow(
    client, cast, make_registration, tree, open_plan, communes
):
    for number in range(communes):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_submit(
            actor=None, registration=make_registration(unit, name=f"Mô hình {number}")
        )
        make_registration(unit, name=f"Nháp {number}")
    login(client, cast["district"])
    counts = []
    for name in ("initiatives:compliance", "initiatives:registration_list"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=[open_plan.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] <= 16, counts
    assert counts[1] <= 12, counts


def test_compliance_table_counts_on_time_late_and_missing(
    client, cast, make_registration, tree, open_plan
):
    late = registration_submit(actor=None, registration=make_registration(tree.commune_a))
    assert late.is_late
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + datetime.timedelta(days=5)
    deadline.save()
    login(client, cast["district"])
    response = client.get(reverse("initiatives:compliance", args=[open_plan.pk]))
    totals = response.context["totals"]
    assert (totals["late"], totals["missing"], totals["on_time"]) == (1, 1, 0)
    assert "5 ngày" in response.content.decode()
    login(client, cast["officer_a"])
    assert client.get(reverse("initiatives:compliance", args=[open_plan.pk])).status_code == 403


def _summary(rows):
    return [(r.unit.pk, r.sent, r.drafts, r.first_sent, r.state) for r in rows]


@pytest.mark.parametrize("seed", [13, 2026])
def test_the_paginated_table_agrees_with_the_whole_report(
    cast, make_registration, tree, open_plan, seed
):
    """Generated communes (nothing, drafts, sent on time, late, short of a quota of 2):
    every state filter, page by page, lists what the whole report lists, and the totals
    and the districts' counts are the report's."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    open_plan.quota_minimum = 2  # the rule edited (its stored quotas follow the save)
    open_plan.save(update_fields=["quota_minimum"])
    deadline = open_plan.deadlines.get(kind="registration")
    # (registrations sent, before the deadline): every state, in a generated order
    patterns = [(0, True), (1, True), (2, True), (2, False), (1, False), (0, False)]
    rng.shuffle(patterns)
    for number, (sending, on_time) in enumerate(patterns):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã Số {number}", kind=UnitKind.COMMUNE
        )
        deadline.due_at = timezone.now() + datetime.timedelta(days=5 if on_time else -5)
        deadline.save()
        for sent in range(sending):
            registration = make_registration(unit, name=f"Mô hình {number}.{sent}")
            registration_submit(actor=None, registration=registration)
        if rng.random() < 0.5:
            make_registration(unit, name="Nháp")
    whole = compliance(open_plan)
    assert {row.state for row in whole.rows} == set(ComplianceState.values)
    for state in [None, *ComplianceState.values]:
        expected = [r for r in whole.rows if state is None or r.state == state]
        shown, number = [], 1
        while True:
            page = compliance_page(open_plan, state=state, page=number, per_page=2)
            shown += page.rows
            if not page.page.has_next():
                break
            number += 1
        assert _summary(shown) == _summary(expected), state
        assert page.page.paginator.count == len(expected)
    report = compliance_page(open_plan)
    assert report.totals == whole.totals()
    assert [
        (g.unit.pk, g.units, g.on_time, g.late, g.short, g.missing, g.registrations)
        for g in report.groups
    ] == [
        (
            g.unit.pk,
            len(g.rows),
            g.count_on_time,
            g.count_late,
            g.count_short,
            g.count_missing,
            g.registrations,
        )
        for g in whole.groups
    ]


def test_the_table_pages_by_50_and_its_links_keep_the_filters(
    client, cast, tree, open_plan, monkeypatch
):
    """The filters (state, a name typed without accents) narrow the table, the total of
    what matches is said, and the next page's link keeps them."""
    monkeypatch.setattr(compliance_domain, "PAGE_SIZE", 2)
    for number in range(3):
        unit_create(actor=None, parent=tree.district, name=f"Ea Đin {number}", kind="commune")
    login(client, cast["district"])
    url = reverse("initiatives:compliance", args=[open_plan.pk])
    response = client.get(url, {"state": "missing", "q": "EA DIN"})
    page = response.context["page"]
    assert page.paginator.count == 3
    assert [row.unit.name for row in response.context["rows"]] == ["Ea Đin 0", "Ea Đin 1"]
    assert response.context["totals"]["units"] == 5  # the counts cover every unit
    html = response.content.decode()
    assert "state=missing&amp;q=EA%20DIN&amp;page=2" in html
    second = client.get(url, {"state": "missing", "q": "EA DIN", "page": 2})
    assert [row.unit.name for row in second.context["rows"]] == ["Ea Đin 2"]
    nothing = client.get(url, {"state": "on_time", "q": "EA DIN"})
    assert nothing.context["rows"] == []
    assert vietnamese("No unit matches.") in nothing.content.decode()
