"""The start page as a to-do list: for each unit where the person holds a role, what is
waiting for them there, each line a count with the page that shows those items, ordered by
deadline.

- A unit that registers and reports (a commune): the open plans it answers (registrations,
  its own plan, its results report) with what it has sent, its drafts and what came back.
- A unit that receives (a district, the province): registrations and reports to receive,
  the units that have not acted on its open plans, its councils in progress.
- A council seat: the entries left to score; the chair also sees the members' progress.

Everything is read in a number of queries that grows neither with the units, registrations,
reports or seats nor with the open plans: who has not acted under every open plan at once
(`deadlines/owing.py`, the selectors' own rules over one read of all the plans' trees), the
councils' scoresheets and a few grouped counts. The deadlines followed are the nearest
``MAX_DEADLINES`` of the plans still open, so that the page stays a short list.

Over 400 lines: the lines of every role in one place, so that the order and the wording of
the list are decided once; each role's lines are one short function.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from thidua.deadlines.owing import owing
from thidua.initiatives.domain.compliance import UnitRow
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.org.models import Membership, Unit
from thidua.org.models.units import ids_in_path
from thidua.plans.models import Deadline, DeadlineKind, Plan, PlanState
from thidua.results.models import ReportState, ResultsReport
from thidua.review.enums import AssignmentState, CouncilState, MemberRole
from thidua.review.models import Assignment, Council, CouncilMember

# A deadline passed less than this long ago is still followed: the late are chased.
FOLLOW_UP = datetime.timedelta(days=30)
# The nearest deadlines followed on the page; each costs its selector's few queries.
MAX_DEADLINES = 8


@dataclass
class Line:
    """One thing to do: ``count`` items, shown at ``url``, due at ``due`` (or no deadline)."""

    text: str
    count: int | None  # None: the text says the figures
    url: str
    due: datetime.datetime | None = None
    plan: Plan | None = None

    @property
    def days_left(self) -> int | None:
        if self.due is None:
            return None
        return (timezone.localtime(self.due).date() - timezone.localdate()).days

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_late(self) -> int:
        return -(self.days_left or 0)


@dataclass
class Group:
    """A unit where the person works (or whose council they sit on), with its lines."""

    unit: Unit
    roles: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def sorted_lines(self) -> list[Line]:
        """The nearest deadline first (the overdue before them), lines without one last."""
        far = datetime.datetime.max.replace(tzinfo=datetime.UTC)
        return sorted(self.lines, key=lambda line: line.due or far)


@dataclass
class Todo:
    groups: list[Group]


def todo(user) -> Todo:
    """What ``user`` has to do, unit by unit."""
    memberships = list(
        Membership.objects.filter(person=user)
        .select_related("unit", "unit__parent")
        .order_by("unit__level", "unit__sort_key", "unit_id", "role")
    )
    groups: dict[int, Group] = {}
    for membership in memberships:
        group = groups.setdefault(membership.unit_id, Group(unit=membership.unit))
        group.roles.append(membership.get_role_display())
    units = [group.unit for group in groups.values()]
    writers = [u for u in units if access.can(user, "registration.edit", u)]
    receivers = [u for u in units if access.can(user, "registration.review", u)]
    issuers = [u for u in units if access.can(user, "plan.edit", u)]

    lines: list[tuple[int, Line]] = []
    deadlines = _deadlines(units)
    lines += _own_work(writers, deadlines)
    lines += _to_receive(receivers, deadlines)
    lines += _followed(user, units, issuers, deadlines)
    lines += _councils(user, issuers, groups)
    for unit_id, line in lines:
        groups[unit_id].lines.append(line)
    ordered = sorted(
        groups.values(),
        key=lambda g: (g.unit.valid_to is not None, g.unit.level, g.unit.sort_key, g.unit.pk),
    )
    return Todo(groups=ordered)  # the unread notifications: the navigation's count


def _deadlines(units: list[Unit]) -> list[Deadline]:
    """The nearest deadlines of the issued plans of these units and of the units above them,
    not passed more than FOLLOW_UP ago."""
    issuers = {pk for unit in units for pk in ids_in_path(unit.path)}
    if not issuers:
        return []
    return list(
        Deadline.objects.filter(
            plan__state=PlanState.ISSUED,
            plan__unit_id__in=issuers,
            due_at__gte=timezone.now() - FOLLOW_UP,
        )
        .exclude(kind=DeadlineKind.OTHER)
        .select_related("plan__unit")
        .order_by("due_at", "id")[:MAX_DEADLINES]
    )


def _due(deadlines: list[Deadline], plan_id: int, kind: str) -> datetime.datetime | None:
    return next((d.due_at for d in deadlines if d.plan_id == plan_id and d.kind == kind), None)


def _own_work(writers: list[Unit], deadlines: list[Deadline]) -> list[tuple[int, Line]]:
    """A unit's drafts and returned registrations and reports under plans still issued."""
    if not writers:
        return []
    lines = []
    ids = [u.pk for u in writers]
    waiting = (RegistrationState.DRAFT, RegistrationState.RETURNED)
    rows = list(
        Registration.objects.filter(
            unit_id__in=ids, state__in=waiting, plan__state=PlanState.ISSUED
        )
        .values("unit_id", "plan_id", "state")
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("unit_id", "plan_id", "state")
    )
    reports = list(
        ResultsReport.objects.filter(
            unit_id__in=ids,
            state__in=(ReportState.DRAFT, ReportState.RETURNED),
            plan__state=PlanState.ISSUED,
        )
        .values("unit_id", "plan_id", "state")
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("unit_id", "plan_id", "state")
    )
    plans = _plans({row["plan_id"] for row in rows + reports})
    for row in rows:
        plan, n = plans[row["plan_id"]], row["n"]
        if row["state"] == RegistrationState.DRAFT:
            text = ngettext(
                "Registration not sent yet (draft)", "Registrations not sent yet (drafts)", n
            )
            url = (
                reverse("initiatives:registration_edit", args=[row["first"]])
                if n == 1
                else _filtered("initiatives:registration_list", plan.pk, RegistrationState.DRAFT)
            )
        else:
            text = ngettext(
                "Registration returned for revision", "Registrations returned for revision", n
            )
            url = (
                reverse("initiatives:registration_detail", args=[row["first"]])
                if n == 1
                else _filtered("initiatives:registration_list", plan.pk, RegistrationState.RETURNED)
            )
        due = _due(deadlines, plan.pk, DeadlineKind.REGISTRATION)
        lines.append((row["unit_id"], Line(text, n, url, due, plan)))
    for row in reports:
        plan = plans[row["plan_id"]]
        text = (
            _("Results report not sent yet (draft)")
            if row["state"] == ReportState.DRAFT
            else _("Results report returned for revision")
        )
        url = reverse("results:report_edit", args=[row["first"]])
        due = _due(deadlines, plan.pk, DeadlineKind.REPORT)
        lines.append((row["unit_id"], Line(text, row["n"], url, due, plan)))
    return lines


def _to_receive(receivers: list[Unit], deadlines: list[Deadline]) -> list[tuple[int, Line]]:
    """Registrations and reports the units below sent up, waiting to be received."""
    if not receivers:
        return []
    ids = [u.pk for u in receivers]
    sent = list(
        Registration.objects.filter(unit__parent_id__in=ids, state=RegistrationState.SUBMITTED)
        .values("unit__parent_id", "plan_id")
        .annotate(n=Count("id"))
        .order_by("unit__parent_id", "plan_id")
    )
    reports = list(
        ResultsReport.objects.filter(unit__parent_id__in=ids, state=ReportState.SUBMITTED)
        .values("unit__parent_id", "plan_id")
        .annotate(n=Count("id"), first=Min("id"))
        .order_by("unit__parent_id", "plan_id")
    )
    plans = _plans({row["plan_id"] for row in sent + reports})
    lines = []
    for row in sent:
        plan, n = plans[row["plan_id"]], row["n"]
        text = ngettext("Registration to receive", "Registrations to receive", n)
        url = _filtered("initiatives:registration_list", plan.pk, RegistrationState.SUBMITTED)
        due = _due(deadlines, plan.pk, DeadlineKind.REGISTRATION)
        lines.append((row["unit__parent_id"], Line(text, n, url, due, plan)))
    for row in reports:
        plan, n = plans[row["plan_id"]], row["n"]
        text = ngettext("Results report to receive", "Results reports to receive", n)
        url = (
            reverse("results:report_detail", args=[row["first"]])
            if n == 1
            else reverse("results:overview", args=[plan.pk])
        )
        due = _due(deadlines, plan.pk, DeadlineKind.REPORT)
        lines.append((row["unit__parent_id"], Line(text, n, url, due, plan)))
    return lines


# What a unit that has not acted is asked, and where it does it, by kind of deadline.
OWED = {
    DeadlineKind.CHILD_PLAN: (gettext_lazy("Your unit's own plan to issue"), "plans:plan_detail"),
    DeadlineKind.REGISTRATION: (gettext_lazy("Registrations to send"), "initiatives:start"),
    DeadlineKind.REPORT: (gettext_lazy("Results report to send"), "results:overview"),
}
# What the issuer sees of the units that have not acted, and where it follows them.
FOLLOWED = {
    DeadlineKind.CHILD_PLAN: "plans:plan_cascade",
    DeadlineKind.REGISTRATION: "initiatives:compliance",
    DeadlineKind.REPORT: "results:rollup",
}


def _followed(
    user, units: list[Unit], issuers: list[Unit], deadlines: list[Deadline]
) -> list[tuple[int, Line]]:
    """For each open deadline: the issuer's count of units that have not acted; for a unit
    it concerns, what it still owes (a commune also sees what it sent of what is asked)."""
    lines = []
    issuer_ids = {u.pk for u in issuers}
    plans = {d.plan_id: d.plan for d in deadlines}
    concerned = {
        plan.pk: [u for u in units if u.path.startswith(plan.unit.path) and u.pk != plan.unit_id]
        for plan in plans.values()
    }
    followed = [d for d in deadlines if concerned[d.plan_id] or d.plan.unit_id in issuer_ids]
    # Every plan at once: the issuer counts every unit; a unit below reads its own rows
    # alone (a commune under a national plan: one row, not the country's).
    owed = owing(
        [plans[pk] for pk in dict.fromkeys(d.plan_id for d in followed)],
        wide={d.plan_id for d in followed if d.plan.unit_id in issuer_ids},
        units=units,
        kinds={d.kind for d in followed},
    )
    for deadline in followed:
        plan = deadline.plan
        pending = owed.pending(deadline)
        if plan.unit_id in issuer_ids:
            lines += _issuer_line(deadline, len(pending))
        for unit in concerned[plan.pk]:
            if deadline.kind == DeadlineKind.REGISTRATION and access.can(
                user, "registration.edit", unit
            ):
                line = _registration_line(unit, deadline, owed.plans[plan.pk].registrations)
                if line is not None:
                    lines.append((unit.pk, line))
            elif unit.pk in pending:
                text, name = OWED[deadline.kind]
                url = reverse(name, args=[plan.pk])
                lines.append((unit.pk, Line(str(text), 1, url, deadline.due_at, plan)))
    return lines


def _issuer_line(deadline: Deadline, n: int) -> list[tuple[int, Line]]:
    """The issuer's count of the units that have not acted, chased from FOLLOW_UP before
    the deadline, as reminders are."""
    if not n or deadline.due_at > timezone.now() + FOLLOW_UP:
        return []
    text = {
        DeadlineKind.CHILD_PLAN: ngettext(
            "Unit has not issued its own plan", "Units have not issued their own plan", n
        ),
        DeadlineKind.REGISTRATION: ngettext(
            "Unit has not registered what is asked", "Units have not registered what is asked", n
        ),
        DeadlineKind.REPORT: ngettext("Unit has not reported", "Units have not reported", n),
    }[deadline.kind]
    plan = deadline.plan
    url = reverse(FOLLOWED[deadline.kind], args=[plan.pk])
    return [(plan.unit_id, Line(text, n, url, deadline.due_at, plan))]


def _registration_line(unit, deadline, rows: dict[int, UnitRow]) -> Line | None:
    """An open plan the unit registers for: how many it sent of how many asked."""
    plan = deadline.plan
    row = rows.get(unit.pk)
    if row is None:
        return None  # the plan asks nothing of this unit
    if row.owes:
        text = _("Open for registration: %(sent)d of %(quota)d sent") % {
            "sent": row.sent,
            "quota": row.quota,
        }
    else:
        text = _("Open for registration: %(sent)d sent, what is asked is done") % {"sent": row.sent}
    url = reverse("initiatives:registration_list", args=[plan.pk])
    return Line(text, None, url, deadline.due_at, plan)


def _councils(user, issuers: list[Unit], groups: dict[int, Group]) -> list[tuple[int, Line]]:
    """Councils in progress of the units the person runs; the entries left to score on
    each seat; for a chair, how far the members are."""
    seats = list(
        CouncilMember.objects.filter(person=user)
        .exclude(council__state=CouncilState.DECIDED)
        .select_related("council__plan__unit")
    )
    run = list(
        Council.objects.filter(plan__unit__in=issuers)
        .exclude(state=CouncilState.DECIDED)
        .select_related("plan__unit")
    )
    councils = {c.pk: c for c in run} | {s.council_id: s.council for s in seats}
    if not councils:
        return []
    # member → (sheets, submitted); council → members, members done
    sheets: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for member_id, state, n in (
        Assignment.objects.filter(member__council_id__in=councils)
        .values_list("member_id", "state")
        .annotate(n=Count("id"))
        .order_by()
    ):
        sheets[member_id][0] += n
        sheets[member_id][1] += n if state == AssignmentState.SUBMITTED else 0
    members = defaultdict(list)
    for member_id, council_id in CouncilMember.objects.filter(council_id__in=councils).values_list(
        "id", "council_id"
    ):
        members[council_id].append(member_id)
    lines = []
    for council in run:
        total = sum(sheets[m][0] for m in members[council.pk])
        done = sum(sheets[m][1] for m in members[council.pk])
        text = _("Council in progress: %(name)s (%(state)s), %(done)d of %(total)d sheets") % {
            "name": council.name,
            "state": council.get_state_display(),
            "done": done,
            "total": total,
        }
        url = reverse("review:council_detail", args=[council.pk])
        lines.append((council.plan.unit_id, Line(text, total - done, url, plan=council.plan)))
    for seat in seats:
        council = seat.council
        unit = council.plan.unit
        groups.setdefault(unit.pk, Group(unit=unit))
        role = seat.get_role_display()
        if role not in groups[unit.pk].roles:
            groups[unit.pk].roles.append(role)
        total, done = sheets[seat.pk]
        if council.state == CouncilState.SCORING and total > done:
            text = ngettext(
                "Entry left to score: %(name)s", "Entries left to score: %(name)s", total - done
            ) % {"name": council.name}
            url = reverse("review:queue", args=[council.pk])
            lines.append((unit.pk, Line(text, total - done, url, plan=council.plan)))
        if seat.role == MemberRole.CHAIR and council.pk not in {c.pk for c in run}:
            finished = sum(
                1 for m in members[council.pk] if sheets[m][0] and sheets[m][0] == sheets[m][1]
            )
            text = _("Members who finished scoring in %(name)s: %(done)d of %(total)d") % {
                "name": council.name,
                "done": finished,
                "total": len(members[council.pk]),
            }
            url = reverse("review:council_detail", args=[council.pk])
            pending = len(members[council.pk]) - finished
            lines.append((unit.pk, Line(text, pending, url, plan=council.plan)))
    return lines


def _plans(ids: set[int]) -> dict[int, Plan]:
    if not ids:
        return {}
    return {p.pk: p for p in Plan.objects.filter(pk__in=ids).select_related("unit")}


def _filtered(name: str, plan_pk: int, state: str) -> str:
    return f"{reverse(name, args=[plan_pk])}?state={state}"
