"""Setting up a council, its rubric and who scores what."""

import csv
import io
import math
from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org.models import Person, Role
from thidua.plans.domain.tree import in_plan_tree
from thidua.plans.models import Plan
from thidua.review.domain.conflicts import conflicts
from thidua.review.models import (
    Assignment,
    Council,
    CouncilMember,
    CouncilState,
    Exclusion,
    Grade,
    MemberRole,
)

# Classes by total score (out of 100 with the seed's five criteria at 20 points).
DEFAULT_GRADES = [("Xuất sắc", 90), ("Tốt", 80), ("Khá", 65), ("Đạt", 50), ("Không đạt", 0)]
REVIEWED_STATES = (RegistrationState.RECEIVED, RegistrationState.ACCEPTED)
MAX_CSV_BYTES = 1024 * 1024
BATCH = 2000  # rows per INSERT when assigning
PROGRESS_EVERY = 500  # registrations between two progress reports of ``assign``


def registrations(council: Council):
    """The registrations the council evaluates: received or accepted under its plan and
    the plans written on its basis below it."""
    return entries(council).select_related("unit", "lead").prefetch_related("implementers")


def entries(council: Council):
    """The council's registrations as a bare queryset: to count, filter or page them."""
    return Registration.objects.filter(
        # the plan tree walked by the database: a national plan has thousands of plans
        in_plan_tree(council.plan),
        state__in=REVIEWED_STATES,
    ).order_by("unit__sort_key", "id")


def registration_numbers(council: Council, among=None) -> dict[int, int]:
    """Registration id → its number in this council ("Hồ sơ số 3"), in the order the
    registrations arrived, so a blind number says nothing about the unit or the database.
    ``among``: the council's ``entries`` when the caller has them already."""
    ids = (
        (entries(council) if among is None else among)
        .order_by("first_submitted_at", "id")
        .values_list("pk", flat=True)
    )
    return {pk: number for number, pk in enumerate(ids, start=1)}


def required_votes(council: Council, members: int) -> int:
    """At least ``numerator/denominator`` of the members (2/3 by default), rounded up."""
    return math.ceil(members * council.approval_numerator / council.approval_denominator)


@transaction.atomic
def council_create(*, actor, plan: Plan, name: str, **options) -> Council:
    council = Council.objects.create(plan=plan, name=name, **options)
    if not plan.grades.exists():
        Grade.objects.bulk_create(
            Grade(plan=plan, label=label, min_total=Decimal(total))
            for label, total in DEFAULT_GRADES
        )
    record(actor=actor, action=Action.CREATE, instance=council, unit=plan.unit)
    return council


def eligible_people(council: Council):
    """People with the council role in the plan's unit or above it."""
    unit = council.plan.unit
    return Person.objects.filter(
        memberships__role=Role.COUNCIL, memberships__unit_id__in=unit.ancestor_ids()
    ).distinct()


@transaction.atomic
def member_add(*, actor, council: Council, person: Person, role: str) -> CouncilMember:
    if council.state != CouncilState.SETUP:
        raise ValidationError(_("Members can be changed only while the council is being set up."))
    if council.members.filter(person=person).exists():
        raise ValidationError(_("This person already sits on the council."))
    if not eligible_people(council).filter(pk=person.pk).exists():
        raise ValidationError(_("Only people with the council role of this unit can sit on it."))
    if (
        role in (MemberRole.CHAIR, MemberRole.SECRETARY)
        and council.members.filter(role=role).exists()
    ):
        raise ValidationError(
            _("The council already has a %(role)s.") % {"role": MemberRole(role).label}
        )
    # through the council's manager: it forgets the members it may have read (access reads
    # them once per council object), so this object sees the new seat
    member = council.members.create(person=person, role=role)
    record(actor=actor, action=Action.CREATE, instance=member, unit=council.plan.unit)
    return member


@transaction.atomic
def exclusion_add(*, actor, member: CouncilMember, registration: Registration, reason: str) -> None:
    """Exclude a member from a registration; any scores they gave it go too."""
    if member.council.state == CouncilState.DECIDED:
        raise ValidationError(_("The council has decided: nothing can change now."))
    exclusion, _created = Exclusion.objects.get_or_create(
        member=member, registration=registration, defaults={"reason": reason}
    )
    Assignment.objects.filter(member=member, registration=registration).delete()
    record(
        actor=actor, action=Action.CREATE, instance=exclusion, unit=registration.unit, note=reason
    )


def assign(
    *,
    actor,
    council: Council,
    per_registration: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Assign every member to every registration, or ``per_registration`` members to each,
    spreading the work evenly; conflicting pairs are never assigned. Returns the number
    assigned. ``progress(done, total)`` hears how many registrations are through, now and
    then (the background task shows it).

    A fixed number of queries whatever the size: the conflicts set-based, the members'
    loads read at once, the new scoresheets inserted in batches in one transaction (choosing
    happens before it, so that the progress written meanwhile is seen; a pair another
    assignment made meanwhile is kept once)."""
    require_setup_or_scoring(council)
    members = list(council.members.select_related("person"))
    among = entries(council)
    items = list(among.values_list("pk", flat=True))
    blocked = conflicts(members, set(items))  # the ids read once, not asked again
    load = {m.pk: 0 for m in members}
    existing = set()
    for member_id, registration_id in Assignment.objects.filter(
        member__council=council
    ).values_list("member_id", "registration_id"):
        existing.add((member_id, registration_id))
        load[member_id] += 1
    created = []
    for done, registration_id in enumerate(items, start=1):
        eligible = [m.pk for m in members if (m.pk, registration_id) not in blocked]
        already = [pk for pk in eligible if (pk, registration_id) in existing]
        if per_registration is None:
            chosen = eligible
        else:
            free = sorted(
                (pk for pk in eligible if (pk, registration_id) not in existing),
                key=lambda pk: (load[pk], pk),
            )
            chosen = already + free[: max(0, per_registration - len(already))]
        for member_id in chosen:
            if (member_id, registration_id) not in existing:
                created.append((member_id, registration_id))
                existing.add((member_id, registration_id))
                load[member_id] += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(items))
    if progress is not None:
        progress(len(items), len(items))
    with transaction.atomic():
        # Scoring may have closed while choosing: asked again under the council's lock.
        require_setup_or_scoring(Council.objects.select_for_update().get(pk=council.pk))
        # Pairs until now, sheets a batch at a time: 20 members × 13,000 entries are 260,000.
        for start in range(0, len(created), BATCH):
            Assignment.objects.bulk_create(
                [
                    Assignment(member_id=m, registration_id=r)
                    for m, r in created[start : start + BATCH]
                ],
                ignore_conflicts=True,
            )
        record(
            actor=actor,
            action=Action.UPDATE,
            instance=council,
            unit=council.plan.unit,
            after={"assigned": len(created), "per_registration": per_registration},
        )
    return len(created)


@transaction.atomic
def assign_from_csv(*, actor, council: Council, content: bytes) -> list[str]:
    """Rows "registration id, username". Returns per-row errors; assigns nothing if any."""
    require_setup_or_scoring(council)
    members = {m.person.username.lower(): m for m in council.members.select_related("person")}
    among = entries(council)
    items = set(among.values_list("pk", flat=True))
    blocked = conflicts(list(members.values()), items)
    errors, pairs = [], []
    if len(content) > MAX_CSV_BYTES:
        return [_("The file is larger than 1 MB.")]
    try:
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig", errors="replace"))))
    except csv.Error:
        return [_("This is not a CSV file.")]
    for number, row in enumerate(rows, start=1):
        if not row or not "".join(row).strip():
            continue
        registration_id, username = [*row, "", ""][:2]
        member = members.get(username.strip().lower())
        registration = int(registration_id) if registration_id.strip().isdecimal() else None
        if registration not in items or member is None:
            errors.append(_("Row %(row)d: unknown entry or member.") % {"row": number})
        elif (member.pk, registration) in blocked:
            errors.append(_("Row %(row)d: this member may not score this entry.") % {"row": number})
        else:
            pairs.append((member, registration))
    if errors:
        return errors
    Assignment.objects.bulk_create(
        [Assignment(member=member, registration_id=pk) for member, pk in pairs],
        batch_size=BATCH,
        ignore_conflicts=True,  # a pair already assigned stays as it is
    )
    record(
        actor=actor,
        action=Action.IMPORT,
        instance=council,
        unit=council.plan.unit,
        after={"assignments": len(pairs)},
    )
    return []


@transaction.atomic
def council_set_state(*, actor, council: Council, state: str) -> Council:
    allowed = {
        CouncilState.SETUP: {CouncilState.SCORING},
        CouncilState.SCORING: {CouncilState.CLOSED},
        CouncilState.CLOSED: {CouncilState.SCORING},
    }
    if state not in allowed.get(council.state, set()):
        raise ValidationError(_("The council cannot move to that stage now."))
    if state == CouncilState.SCORING and not council.members.filter(role=MemberRole.CHAIR).exists():
        raise ValidationError(_("Name the chair before scoring starts."))
    if not transition(actor=actor, instance=council, to=state, unit=council.plan.unit):
        raise ValidationError(_("The council cannot move to that stage now."))
    return council


def require_setup_or_scoring(council: Council) -> None:
    if council.state not in (CouncilState.SETUP, CouncilState.SCORING):
        raise ValidationError(_("Scoring is closed: assignments can no longer change."))
