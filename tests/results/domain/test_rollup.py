"""The roll-up (results/domain/rollup.py) against hand-counted figures, level by level, and
against random provinces whose units report random figures."""

import datetime
import random
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import filled, login, province_plan_above
from tests.results.conftest import MEASURES
from thidua.initiatives.domain.registrations import (
    registration_create,
    registration_receive,
    registration_return,
    registration_submit,
)
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, Unit, UnitKind
from thidua.org.models.units import ids_in_path
from thidua.plans.domain.plans import plan_create_child, plan_issue, plan_update
from thidua.plans.models import Campaign, DeadlineKind
from thidua.results.domain.reports import report_open, report_submit
from thidua.results.domain.rollup import rollup
from thidua.results.enums import Reporting

DAY = datetime.timedelta(days=1)
SEEDS = range(8)


def test_rollup_counts_a_late_report_as_late(reporting, tree):
    deadline = reporting.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() - DAY
    deadline.save()
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_b))
    )
    summary = rollup(reporting)
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (0, 1, 1)


def test_rollup_against_hand_counted_figures(reporting, tree):
    on_time = report_submit(
        actor=None,
        report=filled(
            report_open(actor=None, plan=reporting, unit=tree.commune_a),
            meetings=3,
            support_vnd=1_000_000,
        ),
    )
    assert not on_time.is_late
    # Ea Ly writes but never sends: it is missing, not zero.
    filled(report_open(actor=None, plan=reporting, unit=tree.commune_b), meetings=7)
    summary = rollup(reporting)
    rows = {row.unit.name: row for row in summary.rows}
    assert (summary.count("on_time"), summary.count("late"), summary.count("missing")) == (1, 0, 1)
    assert rows["Ea Bá"].value("done") == 2
    assert rows["Ea Bá"].value("stopped") == 0
    assert rows["Ea Bá"].value("households") == 20
    assert rows["Ea Ly"].value("meetings") is None
    assert rows["Ea Ly"].value("households") is None
    assert rows["Ea Ly"].value("registered") == 1
    assert summary.total("meetings") == 3
    assert summary.total("support_vnd") == 1_000_000
    assert summary.total("registered") == 3
    assert summary.by_kind == {"model": 3}


def test_nobody_reported_is_no_figure_at_all_not_zero(reporting, tree):
    summary = rollup(reporting)
    assert summary.total("meetings") is None
    assert summary.total("done") is None
    assert summary.total("registered") == 3  # what was registered is known all the same


@pytest.mark.parametrize("extra", [2, 8])
def test_rollup_query_count_does_not_grow(reporting, tree, extra):
    for number in range(extra):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_create(
            actor=None, plan=reporting, unit=unit, kind="idea", name=f"Ý tưởng {number}"
        )
        report_open(actor=None, plan=reporting, unit=unit)
    with CaptureQueriesContext(connection) as queries:
        summary = rollup(reporting)
    assert len(summary.rows) == 2 + extra
    assert len(queries) <= 12, [q["sql"] for q in queries]


def test_the_province_sees_every_district_with_its_communes_under_it(
    client, reporting, tree, make_person
):
    # The district's plan answers the province's: its communes roll up under the district;
    # Tuy Hòa, which wrote no plan and reported nothing, is listed as missing all the same.
    province_plan = province_plan_above(reporting, tree)
    report_submit(
        actor=None,
        report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a), meetings=5),
    )
    summary = rollup(province_plan)
    root = summary.root
    assert root.unit == tree.province
    assert [child.unit for child in root.children] == [tree.district, tree.other_district]
    song_hinh, tuy_hoa = root.children
    assert [child.unit for child in song_hinh.children] == [tree.commune_a, tree.commune_b]
    assert song_hinh.value("meetings") == 5
    assert tuy_hoa.children == []
    assert tuy_hoa.row.state == Reporting.MISSING
    assert tuy_hoa.value("meetings") is None
    assert [(line.node.unit.name, line.subtotal) for line in summary.lines()] == [
        ("Phú Yên", False),
        ("Sông Hinh", False),
        ("Ea Bá", False),
        ("Ea Ly", False),
        ("Sông Hinh", True),
        ("Tuy Hòa", False),
        ("Phú Yên", True),
    ]
    totals = summary.group_totals()
    assert [(g["unit"].name, g["units"], g["on_time"], g["missing"]) for g in totals] == [
        ("Sông Hinh", 2, 1, 1)
    ]
    make_person("tinh", Role.VIEWER, tree.province)
    login(client, "tinh")
    page = client.get(reverse("results:rollup", args=[province_plan.pk])).content.decode()
    assert "Hội Nông dân thành phố Tuy Hòa" in page
    assert "Hội Nông dân xã Ea Ly" in page


def test_the_issuers_own_report_adds_to_its_units(reporting, tree):
    """The district's report upward is its communes' figures plus what it did itself."""
    for unit in (tree.commune_a, tree.commune_b):
        report_submit(
            actor=None,
            report=filled(
                report_open(actor=None, plan=reporting, unit=unit),
                meetings=8,
                meeting_participants=360,
                support_vnd=10_000_000,
            ),
        )
    own = filled(report_open(actor=None, plan=reporting, unit=tree.district), meetings=1)
    # While the district drafts it, its draft counts in the report it is writing…
    drafting = rollup(reporting, draft=own)
    assert drafting.total("meetings") == 17
    assert drafting.total("meeting_participants") == 720
    assert drafting.total("support_vnd") == 20_000_000
    # …but not in the roll-up the others see, until it is sent.
    assert rollup(reporting).total("meetings") == 16
    report_submit(actor=None, report=own)
    assert rollup(reporting).total("meetings") == 17


def test_a_unit_counts_once_whatever_plan_of_the_tree_it_reported_on(reporting, tree):
    """Ea Bá wrote its own plan on the district's; a report on either is the same report to
    the district: the sent one counts, once."""
    own_plan = plan_create_child(actor=None, parent=reporting, unit=tree.commune_a)
    plan_update(actor=None, plan=own_plan, signer_name="Y Thuê Niê")
    own_plan = plan_issue(actor=None, plan=own_plan, issued_on=datetime.date(2022, 3, 20))
    filled(report_open(actor=None, plan=reporting, unit=tree.commune_a), meetings=50)
    deadline = own_plan.deadlines.get(kind=DeadlineKind.REPORT)
    deadline.due_at = timezone.now() + DAY
    deadline.save()
    report_submit(
        actor=None,
        report=filled(report_open(actor=None, plan=own_plan, unit=tree.commune_a), meetings=4),
    )
    summary = rollup(reporting)
    assert [row.unit for row in summary.rows].count(tree.commune_a) == 1
    assert summary.total("meetings") == 4
    ea_ba = summary.node(tree.commune_a.pk).row
    assert ea_ba.plan == own_plan  # it reports on its own plan
    assert summary.node(tree.commune_b.pk).row.plan == reporting


def test_the_issuers_row_on_its_own_plan_is_its_report_upward(reporting, tree):
    """Ea Bá reported to the district on the district's plan; the roll-up of Ea Bá's own
    plan shows that report on Ea Bá's line, not "not reported"."""
    own_plan = plan_create_child(actor=None, parent=reporting, unit=tree.commune_a)
    plan_update(actor=None, plan=own_plan, signer_name="Y Thuê Niê")
    own_plan = plan_issue(actor=None, plan=own_plan, issued_on=datetime.date(2022, 3, 20))
    report_submit(
        actor=None,
        report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a), meetings=6),
    )
    summary = rollup(own_plan)
    assert summary.root.row.state == Reporting.ON_TIME
    assert summary.root.value("meetings") == 6
    assert summary.rows == []  # nobody reports to Ea Bá: its tally stays empty


def test_rollup_counts_registrations_by_linked_campaign(reporting, tree, make_registration):
    campaign = Campaign.objects.create(plan=reporting, position=1, name="Nông thôn mới")
    registration = make_registration(tree.commune_b, name="Gắn nông thôn mới")
    registration.campaigns.add(campaign)
    registration_submit(actor=None, registration=registration)
    assert rollup(reporting).by_campaign == [("Nông thôn mới", 1)]


@pytest.mark.parametrize("seed", range(3))
def test_rollup_counts_each_sent_registration_under_each_of_its_campaigns(
    reporting, tree, make_registration, seed
):
    """Registrations of both communes in every state, each linked to none, one or several
    of three campaigns: each campaign counts the sent ones linked to it, the most first."""
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    campaigns = [
        Campaign.objects.create(plan=reporting, position=i, name=name)
        for i, name in enumerate(("Nông thôn mới", "Chuyển đổi số", "Giảm nghèo"), start=1)
    ]
    expected: Counter[str] = Counter()
    for i in range(12):
        unit = rng.choice([tree.commune_a, tree.commune_b])
        registration = make_registration(unit, name=f"Mô hình số {i}")
        linked = rng.sample(campaigns, rng.randint(0, 3))
        registration.campaigns.add(*linked)
        steps = rng.randint(0, 3)  # a draft, sent, received, returned
        if steps:
            registration = registration_submit(actor=None, registration=registration)
        if steps == 2:
            registration_receive(actor=None, registration=registration)
        if steps == 3:
            registration_return(actor=None, registration=registration, reason="Bổ sung")
        if steps:  # every state but the draft is sent (SENT_STATES)
            expected.update(campaign.name for campaign in linked)
    wanted = sorted(expected.items(), key=lambda item: (-item[1], item[0]))
    assert rollup(reporting).by_campaign == wanted


# --- random provinces ------------------------------------------------------------------


def _nodes(node):
    yield node
    for child in node.children:
        yield from _nodes(child)


def _add(values):
    known = [v for v in values if v is not None]
    return sum(known[1:], known[0]) if known else None


@pytest.mark.parametrize(("seed", "size"), [*((seed, 1) for seed in SEEDS), (8, 3)])
def test_generated_provinces_add_up_at_every_level(generated, seed, size):
    world = generated(seed, size=size)
    summary = rollup(world.plan)
    nodes = list(_nodes(summary.root))
    units = [node.unit.pk for node in nodes]
    # Every unit that owes a report is there, once; nobody else.
    assert len(units) == len(set(units))
    assert set(units) == world.owed
    assert [row.unit.pk for row in summary.rows] == units[1:]
    expected = {pk: world.expected(pk) for pk in units}
    paths = dict(Unit.objects.filter(pk__in=units).values_list("pk", "path"))
    for node in nodes:
        # Each unit sits under the nearest unit above it that reports too.
        above = [pk for pk in ids_in_path(node.unit.path)[:-1] if pk in world.owed]
        for child in node.children:
            assert [pk for pk in ids_in_path(child.unit.path)[:-1] if pk in world.owed][
                -1
            ] == node.unit.pk
        assert node.depth == len(above)
        # Its own row is its own report, read back independently…
        for name in MEASURES:
            assert node.row.value(name) == expected[node.unit.pk][name], (node.unit, name)
        # …missing is never zero…
        if node.row.state == Reporting.MISSING:
            assert all(node.row.value(name) is None for name in MEASURES[1:])
        # …and its total is the sum of its sources: itself and everything under it.
        subtree = [pk for pk in units if paths[pk].startswith(node.unit.path)]
        for name in MEASURES:
            assert node.value(name) == _add(expected[pk][name] for pk in subtree), (
                node.unit,
                name,
            )
            assert node.value(name) == _add(
                [node.row.value(name), *(c.value(name) for c in node.children)]
            )
    # Nothing sent is lost or counted twice: the top total is every sent report in the tree.
    for name in MEASURES:
        assert summary.total(name) == _add(expected[pk][name] for pk in units)
    assert summary.total("registered") == sum(summary.by_kind.values())
    assert sum(summary.count(state) for state in Reporting.values) == len(summary.rows)
    # Every line's "reported of units" counts the units that report to the issuer there:
    # the total line agrees with the page's tally, each subtotal with its own rows.
    lines = summary.lines()
    assert lines[-1].reporting == (len(summary.reported), len(summary.rows))
    for line in lines[:-1]:
        if line.subtotal:
            rows = line.node.rows()
            assert line.reporting == (sum(r.figures is not None for r in rows), len(rows))
    # The page's outline (a large roll-up: each unit under the issuer on one line) shows the
    # same figures: its top lines add up to the total, and opening any unit shows the lines
    # of the whole table for it and the units above it, nothing else changed.
    _check_outline(summary, expected, units)


def _check_outline(summary, expected, units):
    whole = {(line.node.unit.pk, line.subtotal): line for line in summary.lines()}
    closed = summary.outline()
    assert closed[0].node is summary.root
    assert not closed[0].subtotal
    assert closed[-1].is_total
    assert [line.node for line in closed[1:-1]] == summary.root.children
    for line in closed[1:-1]:
        assert line.closed == bool(line.node.children) == line.subtotal
    for name in MEASURES:
        assert summary.total(name) == _add(line.value(name) for line in closed[:-1])
        assert closed[-1].value(name) == _add(expected[pk][name] for pk in units)
    for node in _nodes(summary.root):
        lines = summary.outline(opened=node.unit.pk)
        keys = [(line.node.unit.pk, line.subtotal) for line in lines]
        assert len(keys) == len(set(keys))
        for line in lines:
            same = whole[(line.node.unit.pk, line.subtotal)]
            assert [line.value(name) for name in MEASURES] == [same.value(n) for n in MEASURES]
            assert line.reporting == same.reporting
        # The unit opened and every unit above it: its own line, those under it, a subtotal.
        above = [n for n in _nodes(summary.root) if node.unit.path.startswith(n.unit.path)]
        for opened in above:
            at = keys.index((opened.unit.pk, False))
            children = {child.unit.pk for child in opened.children}
            firsts = list(dict.fromkeys(pk for pk, _subtotal in keys[at + 1 :] if pk in children))
            assert firsts == [child.unit.pk for child in opened.children]
            if opened.children:
                assert keys.index((opened.unit.pk, True)) > at
        # Every other unit is on one line, closed when units are under it.
        for line in lines:
            if line.closed:
                assert not node.unit.path.startswith(line.node.unit.path)
        # A page of the units under the issuer shows only those.
        if summary.root.children:
            shown = summary.root.children[:1]
            paged = summary.outline(opened=node.unit.pk, shown=shown)
            top_level = {line.node.unit.pk for line in paged if line.depth == 1}
            assert top_level == {shown[0].unit.pk}
