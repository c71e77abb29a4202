"""Who may not score what. An author never judges their own work (Nghị định 13/2012)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.initiatives.models import Registration
from thidua.org.models import Membership, Role
from thidua.review.models import CouncilMember, Exclusion

OWN_UNIT = "own unit"
OWN_WORK = "own work"
WHY = {
    OWN_UNIT: _("belongs to the unit of the entry"),
    OWN_WORK: _("leads or carries out the entry"),
}


@dataclass(frozen=True)
class Excluded:
    """A member who does not score an entry, and why, in words."""

    member: CouncilMember
    registration: Registration
    why: str


def exclusions(members: list[CouncilMember], registrations: list[Registration]) -> list[Excluded]:
    """Every conflict of ``conflicts``, by member then entry, with its reason in words: the
    chair's own reason as they wrote it."""
    members_by_id = {m.pk: m for m in members}
    registrations_by_id = {r.pk: r for r in registrations}
    rows = [
        Excluded(
            members_by_id[member_id],
            registrations_by_id[registration_id],
            str(WHY[reason])
            if reason in WHY
            else str(_("excluded by the chair: %(reason)s") % {"reason": reason}),
        )
        for (member_id, registration_id), reason in conflicts(members, registrations).items()
        if member_id in members_by_id and registration_id in registrations_by_id
    ]
    order = {m.pk: i for i, m in enumerate(members)}
    places = {r.pk: i for i, r in enumerate(registrations)}
    return sorted(rows, key=lambda e: (order[e.member.pk], places[e.registration.pk]))


def conflicts(
    members: list[CouncilMember], registrations: list[Registration]
) -> dict[tuple[int, int], str]:
    """(member id, registration id) → reason, for every pair that must not be scored.

    A member conflicts with a registration of a unit they belong to (the registration's unit
    or a unit below it, e.g. its branches), with a registration they lead or carry out, and
    with any pair the chair excluded. Expects registrations with ``implementers`` prefetched.
    """
    homes = _home_paths([m.person_id for m in members])
    found: dict[tuple[int, int], str] = {}
    for member in members:
        name = text.fold(member.person.get_full_name())
        for registration in registrations:
            key = (member.pk, registration.pk)
            if any(
                path.startswith(registration.unit.path) for path in homes.get(member.person_id, ())
            ):
                found[key] = OWN_UNIT
            elif (
                registration.lead_id == member.person_id
                or name in {text.fold(i.name) for i in registration.implementers.all()}
                or (registration.lead_name and text.fold(registration.lead_name) == name)
            ):
                found[key] = OWN_WORK
    for exclusion in Exclusion.objects.filter(member__in=members):
        found.setdefault((exclusion.member_id, exclusion.registration_id), exclusion.reason)
    return found


def _home_paths(person_ids: list[int]) -> dict[int, set[str]]:
    """The units people work in: every role but the council seat itself."""
    homes: dict[int, set[str]] = {}
    rows = Membership.objects.filter(person_id__in=person_ids).exclude(role=Role.COUNCIL)
    for person_id, path in rows.values_list("person_id", "unit__path"):
        homes.setdefault(person_id, set()).add(path)
    return homes
