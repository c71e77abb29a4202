"""The benchmark's data (``thidua bench_data``), at its smallest scale (huyện Sông Hinh):
every state is there in the counts the summary gives, every registration sits in the plan
tree of its unit's district, every score is within the rubric, the council's entries are the
ones its pages read, and two runs write the same rows."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import timezone

from thidua.demo.bench.data import MEMBERS, OPEN_FOR, SCORES_PER_ENTRY, STATES, generate
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration
from thidua.novelty.domain.checks import find
from thidua.novelty.models import Check
from thidua.org.models import Membership, Person, Role
from thidua.plans.domain.tree import plan_tree
from thidua.plans.models import Deadline, Plan
from thidua.results.models import InitiativeResult, ResultsReport
from thidua.review.domain.councils import registrations as council_entries
from thidua.review.enums import AssignmentState
from thidua.review.models import Assignment, Council, Score

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

pytestmark = pytest.mark.django_db


def rows() -> dict:
    """What the data holds, without the ids (which depend on the database)."""
    return {
        "registrations": list(
            Registration.all_objects.order_by("id").values_list(
                "unit__code",
                "plan__unit__code",
                "kind",
                "name",
                "state",
                "lead_name",
                "households",
                "area_ha",
                "first_submitted_at",
                "is_late",
            )
        ),
        "plans": list(
            Plan.objects.order_by("id").values_list("unit__code", "state", "number", "issued_on")
        ),
        "scores": list(
            Score.objects.order_by("id").values_list(
                "assignment__member__person__username",
                "assignment__registration__name",
                "assignment__state",
                "criterion__code",
                "points",
            )
        ),
        "reports": list(
            ResultsReport.objects.order_by("id").values_list("unit__code", "state", "meetings")
        ),
    }


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
def test_bench_data_district_scale_holds_every_state_within_the_rules():
    summary = generate("district")

    registrations = Registration.all_objects.all()
    by_state = dict(registrations.values_list("state").annotate(n=Count("pk")))
    assert set(by_state) == set(STATES)
    assert by_state == summary["registrations"]["by_state"]
    assert sum(by_state.values()) == summary["registrations"]["total"] >= 11

    # Each registration is its commune's, on its district's plan, in the national plan's tree.
    national = Plan.objects.get(pk=summary["plans_by_role"]["national"])
    tree = {plan.pk for plan in plan_tree(national)}
    for registration in registrations.select_related("unit", "plan__unit"):
        assert registration.unit.path.startswith(registration.plan.unit.path)
        assert registration.unit.parent_id == registration.plan.unit_id
        assert registration.plan_id in tree

    # The council: 20 members, its entries those its pages read, each scored three times by
    # members who may score it, every point within the criterion's range.
    council = Council.objects.get(pk=summary["council"]["id"])
    assert council.members.count() == MEMBERS
    entries = list(council_entries(council))
    assert len(entries) == summary["council"]["entries"] > 0
    sheets = Assignment.objects.filter(member__council=council)
    per_entry = sheets.values("registration").annotate(n=Count("pk"))
    assert {row["n"] for row in per_entry} == {SCORES_PER_ENTRY}
    assert {row["registration"] for row in per_entry} == {entry.pk for entry in entries}
    homes = Membership.objects.exclude(role=Role.COUNCIL)
    for sheet in sheets.select_related("member", "registration__unit"):
        paths = homes.filter(person=sheet.member.person_id).values_list("unit__path", flat=True)
        assert not any(path.startswith(sheet.registration.unit.path) for path in paths)
    for score in Score.objects.select_related("criterion", "assignment"):
        assert score.points is None or 0 <= score.points <= score.criterion.max_points
    for sheet in sheets.filter(state=AssignmentState.SUBMITTED).prefetch_related("scores"):
        points = [score.points for score in sheet.scores.all()]
        assert None not in points
        assert sheet.total == sum(points)
    assert set(sheets.values_list("state", flat=True)) == set(AssignmentState)

    # Results reports from most units; a commune's results are its own sent registrations.
    assert ResultsReport.objects.count() == summary["reports"]["reports"] > 0
    for result in InitiativeResult.objects.select_related("report", "registration"):
        assert result.registration.unit_id == result.report.unit_id
        assert result.registration.plan_id == result.report.plan_id

    # The novelty checks that sending writes, on the district's sent registrations: what a
    # registration's page shows as found when it was sent, as for one sent through the site.
    district_plan = summary["plans_by_role"]["district"]
    sent = Registration.objects.filter(plan_id=district_plan).exclude(state=RegistrationState.DRAFT)
    checked = Check.objects.filter(registration__plan_id=district_plan)
    assert set(checked.values_list("registration", flat=True)) == set(
        sent.values_list("pk", flat=True)
    )
    assert checked.count() == summary["novelty_checks"] > 0
    for check in checked.select_related("registration")[:5]:
        found = find(
            check.registration.name, check.registration.summary, exclude=check.registration
        )
        assert [m["id"] for m in check.matches] == [f.object_id for f in found]

    # The accounts log in with the shared password.
    for username in summary["accounts"].values():
        assert Person.objects.get(username=username).check_password(summary["password"])


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
def test_bench_data_twice_writes_the_same_rows():
    written = []
    for _run in range(2):
        with transaction.atomic():
            out = StringIO()
            call_command("bench_data", "--scale", "district", "--json", stdout=out)
            summary = json.loads(out.getvalue())
            written.append((rows(), {k: v for k, v in summary.items() if k != "seconds"}))
            transaction.set_rollback(True)
    (first, first_summary), (second, second_summary) = written
    assert first["registrations"]
    assert first == second
    assert first_summary["registrations"] == second_summary["registrations"]


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
def test_bench_data_refuses_a_database_with_data_and_changes_nothing():
    generate("district")
    before = Registration.all_objects.count()
    with pytest.raises(CommandError, match="empty database"):
        call_command("bench_data", "--scale", "district", stdout=StringIO())
    assert Registration.all_objects.count() == before


def test_bench_data_per_commune_takes_a_range_and_refuses_nonsense():
    with pytest.raises(CommandError, match="LOW-HIGH"):
        call_command("bench_data", "--per-commune", "3-1", stdout=StringIO())


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
def test_bench_data_with_open_deadlines_asks_the_communes_now(client):
    """``--open``: every deadline ten days ahead, so the pages are those of an open round: a
    commune's officer is asked for what the plans want (without it, every deadline of 2024
    has passed and the start page asks nothing)."""
    out = StringIO()
    call_command("bench_data", "--scale", "district", "--open", "--json", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["open_deadlines"] is True
    now = timezone.now()
    dues = list(Deadline.objects.values_list("due_at", flat=True))
    assert dues
    assert all(OPEN_FOR - datetime.timedelta(minutes=5) < due - now <= OPEN_FOR for due in dues)
    client.force_login(Person.objects.get(username="xa"))
    page = client.get("/").content.decode()
    assert "10 ngày" in page  # "còn 10 ngày" beside an open deadline


@override_settings(PASSWORD_HASHERS=FAST_HASHERS)
def test_bench_data_keeps_the_plans_dates_by_default(client):
    summary = generate("district")
    assert summary["open_deadlines"] is False
    assert not Deadline.objects.filter(due_at__gt=timezone.now()).exists()
    client.force_login(Person.objects.get(username="xa"))
    assert "10 ngày" not in client.get("/").content.decode()
