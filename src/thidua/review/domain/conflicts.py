"""Who may not score what. An author never judges their own work (Nghị định 13/2012)."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from thidua.core import text
from thidua.initiatives.models import Implementer, Registration
from thidua.org.models import Membership, Role
from thidua.org.models.units import ids_in_path
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


def exclusions(members: list[CouncilMember], registrations, page=None, per_page: int = 50) -> Page:
    """One page (``page``: its number as asked, e.g. from the query string) of every
    conflict of ``conflicts``, by member then entry, with its reason in words: the chair's
    own reason as they wrote it. Orders the pairs by the entries' sort keys alone and loads
    only the page's registrations (with their unit), not the thousands excluded."""
    found = _candidates(members)
    members_by_id = {m.pk: m for m in members}
    # Which candidates are the council's entries and where their units sort, asked at once.
    places = {pk: (key, pk) for pk, key in _sort_keys(registrations, {p[1] for p in found})}
    order = {m.pk: i for i, m in enumerate(members)}
    pairs = sorted(
        (pair for pair in found if pair[0] in members_by_id and pair[1] in places),
        key=lambda pair: (order[pair[0]], places[pair[1]]),
    )
    shown = Paginator(pairs, per_page).get_page(page)
    loaded = Registration.objects.filter(pk__in={pair[1] for pair in shown.object_list})
    # What the list shows of them: their name and their unit's (not their texts).
    shown_fields = ("name", "unit__name", "unit__kind", "unit__level")
    registrations_by_id = {r.pk: r for r in loaded.select_related("unit").only(*shown_fields)}
    shown.object_list = [
        Excluded(
            members_by_id[member_id],
            registrations_by_id[registration_id],
            str(WHY[reason])
            if reason in WHY
            else str(_("excluded by the chair: %(reason)s") % {"reason": reason}),
        )
        for member_id, registration_id in shown.object_list
        for reason in [found[(member_id, registration_id)]]
    ]
    return shown


def conflicts(members: list[CouncilMember], registrations) -> dict[tuple[int, int], str]:
    """(member id, registration id) → reason, for every pair that must not be scored.

    A member conflicts with a registration of a unit they belong to (the registration's unit
    or a unit above the member's own, e.g. the commune of their branch), with a registration
    they lead or carry out, and with any pair the chair excluded.

    ``registrations``: a queryset of them (or a list, or a set of their ids). Set-based: the
    few candidate pairs of each rule (the registrations of the members' units, those a
    member leads or whose lead bears a member's folded name, the implementers bearing one,
    the chair's exclusions), then which of their registrations are among ``registrations``,
    asked once: never members × registrations, never the thousands of a council's entries
    read to keep a few dozen, and no name folded but the members'.
    """
    found = _candidates(members)
    among = _among(registrations, {registration_id for _member, registration_id in found})
    return {pair: why for pair, why in found.items() if pair[1] in among}


def _candidates(members: list[CouncilMember]) -> dict[tuple[int, int], str]:
    """`conflicts` before it keeps the pairs whose registration is among those asked about:
    every registration of the rules, any plan, any state but deleted."""
    found: dict[tuple[int, int], str] = {}
    by_person = {m.person_id: m for m in members}
    # Own unit: the registration's unit lies on the path of a unit the member works in.
    units: dict[int, set[int]] = {}
    for person_id, paths in _home_paths(list(by_person)).items():
        for path in paths:
            for unit_id in ids_in_path(path):
                units.setdefault(unit_id, set()).add(person_id)
    own = Registration.objects.filter(unit_id__in=units).order_by().values_list("pk", "unit_id")
    for registration_id, unit_id in own:
        for person_id in units[unit_id]:
            found[(by_person[person_id].pk, registration_id)] = OWN_UNIT
    # Own work: the lead's account, or a name (lead's or implementer's) the member bears. A
    # name matches by folding ("Lê Văn Minh" is "le van minh"): the registrations and the
    # implementers keep their names folded (indexed), so the database hands over only the
    # names that are a member's, not the tens of thousands of others.
    names: dict[str, list[CouncilMember]] = {}
    for member in members:
        folded = text.fold(member.person.get_full_name())
        if folded:
            names.setdefault(folded, []).append(member)
    authors = (
        Registration.objects.filter(Q(lead_id__in=by_person) | Q(lead_search_name__in=names))
        .order_by()
        .values_list("pk", "lead_id", "lead_search_name")
    )
    for registration_id, lead_id, folded in authors:
        if lead_id in by_person:
            found.setdefault((by_person[lead_id].pk, registration_id), OWN_WORK)
        for member in names.get(folded, ()):
            found.setdefault((member.pk, registration_id), OWN_WORK)
    implemented = Implementer.objects.filter(search_name__in=names).order_by()
    for registration_id, folded in implemented.values_list("registration_id", "search_name"):
        for member in names.get(folded, ()):
            found.setdefault((member.pk, registration_id), OWN_WORK)
    chosen = Exclusion.objects.filter(member__in=members).order_by()
    for member_id, registration_id, reason in chosen.values_list(
        "member_id", "registration_id", "reason"
    ):
        found.setdefault((member_id, registration_id), reason)
    return found


def _among(registrations, candidates: set[int]) -> set[int]:
    """Which of the ``candidates`` (registration ids) are among ``registrations`` (as
    ``conflicts`` takes them): asked of the database for a queryset, in one query."""
    if not candidates:
        return set()
    if isinstance(registrations, QuerySet):
        kept = registrations.filter(pk__in=candidates).order_by()
        return set(kept.values_list("pk", flat=True))
    return candidates & entry_ids(registrations)


def _sort_keys(registrations, candidates: set[int]):
    """(id, its unit's sort key) of those of the ``candidates`` that are among
    ``registrations``: for a queryset, one query."""
    if not candidates:
        return []
    if isinstance(registrations, QuerySet):
        kept = registrations.filter(pk__in=candidates)
    else:
        kept = Registration.objects.filter(pk__in=candidates & entry_ids(registrations))
    return kept.order_by().values_list("pk", "unit__sort_key")


def entry_ids(registrations) -> set[int]:
    """The ids of ``registrations`` (a queryset, a list of them, or a set of ids), read
    once: a council's entries are asked for by a walk of the plan tree."""
    if isinstance(registrations, QuerySet):
        return set(registrations.order_by().values_list("pk", flat=True))
    if isinstance(registrations, (set, frozenset)):
        return set(registrations)
    found = Registration.objects.filter(pk__in=[r.pk for r in registrations])
    return set(found.values_list("pk", flat=True))


def _home_paths(person_ids: list[int]) -> dict[int, set[str]]:
    """The units people work in: every role but the council seat itself."""
    homes: dict[int, set[str]] = {}
    rows = Membership.objects.filter(person_id__in=person_ids).exclude(role=Role.COUNCIL)
    for person_id, path in rows.values_list("person_id", "unit__path"):
        homes.setdefault(person_id, set()).add(path)
    return homes
