"""The one place that decides who may see or change what.

A role held in a unit covers that unit's whole subtree, and the subtrees of the
units it succeeded (a commune formed in 2025 keeps the archives of the communes
merged into it). Views, exports and the API ask here by action name:

    access.require(request.user, "unit.manage", unit)
    access.scoped(Registration.objects.all(), request.user, "registration.view")

so a query that is not scoped to the user's units has to be written on purpose.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet, prefetch_related_objects
from django.http import Http404

from thidua.initiatives.enums import RegistrationState
from thidua.jobs.models import Job
from thidua.org.domain.history import roles_with_archives
from thidua.org.models import Role, Unit
from thidua.org.models.units import ids_in_path
from thidua.plans.enums import PlanState
from thidua.review.enums import AssignmentState, CouncilState, MemberRole

ALL_ROLES = frozenset(Role)

# action → roles that allow it, within the role's subtree
ACTIONS: dict[str, frozenset[str]] = {
    "unit.view": ALL_ROLES,
    "unit.manage": frozenset({Role.ADMIN}),
    "person.view": frozenset({Role.ADMIN, Role.OFFICER}),
    "person.manage": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.ADMIN}),
    "plan.view": ALL_ROLES,
    "plan.edit": frozenset({Role.ADMIN, Role.OFFICER}),
    "plan.issue": frozenset({Role.ADMIN}),
    # Not the council role: blind scoring must not be bypassed through the registration pages.
    "registration.view": frozenset({Role.ADMIN, Role.OFFICER, Role.VIEWER}),
    "registration.edit": frozenset({Role.ADMIN, Role.OFFICER}),
    "registration.review": frozenset({Role.ADMIN, Role.OFFICER}),
    "idea.view": frozenset({Role.ADMIN, Role.OFFICER}),
    # The novelty check: earlier initiatives while drafting (check), the flag "may be a
    # duplicate" and the district's decision, in the units above the registering one (view,
    # decide; can_view_novelty).
    "novelty.check": frozenset({Role.ADMIN, Role.OFFICER}),
    "novelty.view": frozenset({Role.ADMIN, Role.OFFICER, Role.VIEWER}),
    "novelty.decide": frozenset({Role.ADMIN, Role.OFFICER}),
    # The reward fund: its ledger and donors (the public sees only the transparency page).
    "fund.view": frozenset({Role.ADMIN, Role.OFFICER, Role.VIEWER}),
    "fund.record": frozenset({Role.ADMIN, Role.OFFICER}),
    "fund.manage": frozenset({Role.ADMIN}),
    "report.view": frozenset({Role.ADMIN, Role.OFFICER, Role.VIEWER}),
    "report.edit": frozenset({Role.ADMIN, Role.OFFICER}),
    "report.review": frozenset({Role.ADMIN, Role.OFFICER}),
    # Replication: a commune records that it replicates an honoured model, then its results.
    "replication.record": frozenset({Role.ADMIN, Role.OFFICER}),
    # The national award: the nominating unit prepares and sends the dossier; each level
    # above endorses or returns it (award/domain/nominations.py).
    "award.prepare": frozenset({Role.ADMIN, Role.OFFICER}),
    "award.endorse": frozenset({Role.ADMIN, Role.OFFICER}),
    # Publicity (showcase, stories, events): the unit's officers; a story is published by an
    # officer other than its author (showcase/domain/stories.py).
    "showcase.publish": frozenset({Role.ADMIN, Role.OFFICER}),
    "story.write": frozenset({Role.ADMIN, Role.OFFICER}),
    "story.review": frozenset({Role.ADMIN, Role.OFFICER}),
    "event.edit": frozenset({Role.ADMIN, Role.OFFICER}),
}


@dataclass(frozen=True)
class Grant:
    role: str
    path: str  # the subtree the role covers
    archive: bool = False  # a unit the role's unit succeeded: read everything, write nothing


def grants(user) -> tuple[Grant, ...]:
    """The user's grants, read once per request (one query)."""
    if not getattr(user, "is_authenticated", False):
        return ()
    cached = getattr(user, "_thidua_grants", None)
    if cached is not None:
        return cached
    rows, older = roles_with_archives(user.pk)
    found = set()
    for role, unit_id, path in rows:
        found.add(Grant(role, path))
        # The units a unit succeeded are its archive: read, never written. A 2022 draft of a
        # commune dissolved in 2025 stays as that commune left it.
        found.update(Grant(Role.VIEWER, old, archive=True) for old in older[unit_id])
    user._thidua_grants = tuple(sorted(found, key=lambda g: (g.path, g.role, g.archive)))
    return user._thidua_grants


def paths_for(user, action: str) -> list[str]:
    """The roots of the subtrees where ``user`` may do ``action``; outermost only."""
    allowed = ACTIONS[action]
    paths = sorted({g.path for g in grants(user) if g.role in allowed})
    roots: list[str] = []
    for path in paths:
        if not any(path.startswith(root) for root in roots):
            roots.append(path)
    return roots


def can(user, action: str, unit: Unit | None) -> bool:
    if action not in ACTIONS:
        raise KeyError(f"Unknown action {action!r}: add it to access.ACTIONS")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if unit is None:
        return False
    return any(unit.path.startswith(path) for path in paths_for(user, action))


def can_anywhere(user, action: str) -> bool:
    """Whether ``user`` may do ``action`` in at least one unit (for navigation)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(paths_for(user, action))


def require(user, action: str, unit: Unit | None) -> None:
    """Refuse with 404 when the user may not even see the unit, else 403."""
    if can(user, action, unit):
        return
    if action != "unit.view" and can(user, "unit.view", unit):
        raise PermissionDenied
    raise Http404


def scope_filter(user, action: str, unit_field: str = "") -> Q:
    """A filter keeping the rows whose unit lies in the user's scope for ``action``.

    ``unit_field`` is the lookup from the rows to their unit ("unit",
    "memberships__unit"); empty when the rows are units.
    """
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
    condition = Q(pk__in=[])
    for path in paths_for(user, action):
        condition |= Q(**{lookup: path})
    return condition


def scoped(queryset: QuerySet, user, action: str, unit_field: str = "unit") -> QuerySet:
    return queryset.filter(scope_filter(user, action, unit_field))


def units(user, action: str = "unit.view"):
    return Unit.objects.filter(scope_filter(user, action))


def can_change_unit(user, unit: Unit) -> bool:
    """Editing a unit is for administrators above it: a commune cannot rename itself."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return unit.parent is not None and can(user, "unit.manage", unit.parent)


def can_manage_person(user, person) -> bool:
    """Changing an account needs administration over every unit where it holds a role."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    if person.is_superuser or person.pk == getattr(user, "pk", None):
        return False
    paths = paths_for(user, "person.manage")
    unit_paths = [m.unit.path for m in person.memberships.all()]
    return bool(unit_paths) and all(
        any(path.startswith(root) for root in paths) for path in unit_paths
    )


def get_unit(user, action: str, pk) -> Unit:
    """The unit with this id if the user may do ``action`` there (404/403 otherwise)."""
    try:
        unit = Unit.objects.get(pk=pk)
    except (Unit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require(user, action, unit)
    return unit


def plan_filter(user) -> Q:
    """The plans ``user`` may read.

    Issued plans of their own subtrees and of the units above them (they are its
    recipients); drafts only where they may edit.
    """
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    published = Q(state__in=[PlanState.ISSUED, PlanState.CLOSED])
    condition = Q(pk__in=[])
    for path in paths_for(user, "plan.view"):
        condition |= published & (Q(unit__path__startswith=path) | Q(unit_id__in=ids_in_path(path)))
    for path in paths_for(user, "plan.edit"):
        condition |= Q(unit__path__startswith=path)
    return condition


def can_view_plan(user, plan) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if plan.state == PlanState.DRAFT:
        return can(user, "plan.edit", plan.unit)
    return any(
        plan.unit.path.startswith(path) or path.startswith(plan.unit.path)
        for path in paths_for(user, "plan.view")
    )


def require_plan(user, action: str, plan) -> None:
    """404 if the plan cannot be read; 403 if it can but ``action`` is not allowed."""
    if not can_view_plan(user, plan):
        raise Http404
    if action != "plan.view" and not can(user, action, plan.unit):
        raise PermissionDenied


def registration_filter(user) -> Q:
    """The registrations ``user`` may read: those of units in their subtrees; drafts
    only where they may edit or in their archive (a commune never sees another commune's
    drafts; a 2025 commune reads what the communes it succeeded left, drafts too)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Q()
    condition = Q(pk__in=[])
    for path in paths_for(user, "registration.view"):
        condition |= Q(unit__path__startswith=path) & ~Q(state=RegistrationState.DRAFT)
    for path in [*paths_for(user, "registration.edit"), *archive_paths(user)]:
        condition |= Q(unit__path__startswith=path)
    return condition


def can_view_registration(user, registration) -> bool:
    if registration.state != RegistrationState.DRAFT:
        return can(user, "registration.view", registration.unit)
    return can(user, "registration.edit", registration.unit) or any(
        registration.unit.path.startswith(path) for path in archive_paths(user)
    )


def archive_paths(user) -> list[str]:
    """The subtrees of the units the user's units succeeded: read in full, drafts too."""
    return sorted({g.path for g in grants(user) if g.archive})


def can_review_registration(user, registration) -> bool:
    """Receiving and returning are for the units above the registering one."""
    parent = registration.unit.parent
    return parent is not None and can(user, "registration.review", parent)


def can_view_novelty(user, registration, action: str = "novelty.view") -> bool:
    """The novelty check's flag and the district's decision on it are for the units above
    the registering one (as receiving is); the registering unit sees earlier initiatives
    while it drafts, not the flag. The council's members see them on their scoresheet
    (``novelty/domain/visibility.py``)."""
    parent = registration.unit.parent
    return parent is not None and can(user, action, parent)


def can_delete_registration(user, registration) -> bool:
    """A draft is deleted, or merged with another, by the people who write it in its own
    unit, not by the offices above (they correct a unit's work, they do not make it
    disappear); a draft the office above entered from a paper form is also that office's
    to delete. Anything sent stays."""
    if registration.state != RegistrationState.DRAFT:
        return False
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    unit = registration.unit
    allowed = ACTIONS["registration.edit"]
    if any(g.path == unit.path and g.role in allowed and not g.archive for g in grants(user)):
        return True
    return (
        registration.entered_by_office
        and unit.parent is not None
        and can(user, "registration.edit", unit.parent)
    )


def council_seat(user, council):
    """The user's seat on the council, if any. The council's members are read once for the
    council object (a prefetch): a request asks for the seat up to three times (may they see
    the council, run it, and which sheets are theirs)."""
    if not getattr(user, "is_authenticated", False):
        return None
    prefetch_related_objects([council], "members")  # nothing to do once read
    return next((m for m in council.members.all() if m.person_id == user.pk), None)


def can_manage_council(user, council) -> bool:
    """The chair and the secretary run the council; so do the issuing unit's administrators."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if can(user, "plan.issue", council.plan.unit):
        return True
    seat = council_seat(user, council)
    return seat is not None and seat.role in (MemberRole.CHAIR, MemberRole.SECRETARY)


def may_see_scores(user, council) -> bool:
    """Whether the ranking's figures (scores, spreads, criterion means) and the score table
    may be shown to ``user``, who may already open them. While the council scores, they are
    for those with no scoresheet of it left to send: with two scorers an entry's mean and
    spread give away both totals, so a chair who still has to score would see the others'
    marks first. The issuing unit's administrators without a seat see them throughout."""
    if council.state != CouncilState.SCORING:
        return True
    seat = council_seat(user, council)
    return seat is None or not seat.assignments.exclude(state=AssignmentState.SUBMITTED).exists()


def can_view_council(user, council) -> bool:
    return (
        can_manage_council(user, council)
        or council_seat(user, council) is not None
        or (can(user, "plan.edit", council.plan.unit))
    )


def jobs(user) -> QuerySet:
    """A background job is its requester's alone: its file holds what they could see when
    they asked, which may be more than anyone else can."""
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    return Job.objects.filter(requested_by=user)


def job_get(user, pk) -> Job:
    job = jobs(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
