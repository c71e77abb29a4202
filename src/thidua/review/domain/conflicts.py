"""Who may not score what. An author never judges their own work (Nghị định 13/2012)."""

import functools
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.db.models.functions import Length, Substr
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


def exclusions(
    members: list[CouncilMember], registrations: QuerySet, page=None, per_page: int = 50
) -> Page:
    """One page (``page``: its number as asked, e.g. from the query string) of every
    conflict of ``conflicts``, by member then entry, with its reason in words: the chair's
    own reason as they wrote it. Orders the pairs by the entries' sort keys alone and loads
    only the page's registrations (with their unit), not the thousands excluded."""
    found = conflicts(members, registrations)
    members_by_id = {m.pk: m for m in members}
    keys = Registration.objects.filter(pk__in={pair[1] for pair in found}).values_list(
        "pk", "unit__sort_key"
    )
    places = {pk: (key, pk) for pk, key in keys}
    order = {m.pk: i for i, m in enumerate(members)}
    pairs = sorted(
        (pair for pair in found if pair[0] in members_by_id and pair[1] in places),
        key=lambda pair: (order[pair[0]], places[pair[1]]),
    )
    shown = Paginator(pairs, per_page).get_page(page)
    loaded = Registration.objects.filter(pk__in={pair[1] for pair in shown.object_list})
    registrations_by_id = {r.pk: r for r in loaded.select_related("unit")}
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

    ``registrations``: a queryset of them (or a list). Set-based, in four queries whatever
    the size: the members' units, one over the registrations that may conflict (walking a
    council's plan tree once), the implementers' names that may be a member's, the chair's
    exclusions; never members × registrations.
    """
    if not isinstance(registrations, QuerySet):
        registrations = Registration.objects.filter(pk__in=[r.pk for r in registrations])
    registrations = registrations.order_by()
    found: dict[tuple[int, int], str] = {}
    by_person = {m.person_id: m for m in members}
    # Own unit: the registration's unit lies on the path of a unit the member works in.
    units: dict[int, set[int]] = {}
    for person_id, paths in _home_paths(list(by_person)).items():
        for path in paths:
            for unit_id in ids_in_path(path):
                units.setdefault(unit_id, set()).add(person_id)
    # Own work: the lead's account, or a name (lead's or implementer's) the member bears.
    names: dict[str, list[CouncilMember]] = {}
    for member in members:
        names.setdefault(text.fold(member.person.get_full_name()), []).append(member)
    # A name matches by folding ("Lê Văn Minh" is "LE VAN MINH"), which keeps the number of
    # characters of a name stored in NFC (as every form stores text): the database hands
    # over only the names of a member's length, not the thousands of other implementers.
    lengths = {len(name) for name in names}
    # … and its first and last letters fold to a member's (the database cannot fold: it is
    # given every letter that folds to each, "L" and "l" for "l", "Ê", "ế", "ệ" … for "e").
    firsts = _letters_folding_to({name[:1] for name in names})
    lasts = _letters_folding_to({name[-1:] for name in names})
    named = Implementer.objects.annotate(
        length=Length("name"),
        first=Substr("name", 1, 1),
        last=Substr("name", Length("name"), 1),
    ).filter(length__in=lengths, first__in=firsts, last__in=lasts)
    chosen = Exclusion.objects.filter(member__in=members)
    # One query over the registrations (a council's are found by walking its plan tree):
    # those of the members' units, led by a member, of a lead's name of a member's length,
    # with such an implementer, or excluded by the chair. The implementers' names and the
    # exclusions are then read by their own, short, conditions and kept for these only.
    candidates = {
        pk: (unit_id, lead_id, lead_name)
        for pk, unit_id, lead_id, lead_name in registrations.annotate(
            length=Length("lead_name"),
            first=Substr("lead_name", 1, 1),
            last=Substr("lead_name", Length("lead_name"), 1),
        )
        .filter(
            Q(unit_id__in=units)
            | Q(lead_id__in=by_person)
            | Q(length__in=lengths, first__in=firsts, last__in=lasts)
            | Q(pk__in=named.values("registration_id"))
            | Q(pk__in=chosen.values("registration_id"))
        )
        .values_list("pk", "unit_id", "lead_id", "lead_name")
    }
    for registration_id, (unit_id, _lead, _name) in candidates.items():
        for person_id in units.get(unit_id, ()):
            found[(by_person[person_id].pk, registration_id)] = OWN_UNIT
    pairs = [(pk, name) for pk, (_unit, _lead, name) in candidates.items() if len(name) in lengths]
    pairs += [
        (registration_id, name)
        for registration_id, name in named.values_list("registration_id", "name")
        if registration_id in candidates
    ]
    for registration_id, (_unit, lead_id, _name) in candidates.items():
        if lead_id in by_person:
            found.setdefault((by_person[lead_id].pk, registration_id), OWN_WORK)
    # Thousands of names, far fewer distinct ones: each folded once, and only if its first
    # and last letters fold to those of a member's name (a letter is folded once).
    ends = {(name[:1], name[-1:]) for name in names}
    letters: dict[str, str] = {}
    folded: dict[str, str] = {}
    for registration_id, name in pairs:
        if name not in folded:
            first, last = name[:1], name[-1:]
            for letter in (first, last):
                if letter not in letters:
                    letters[letter] = text.fold(letter)
            may = (letters[first], letters[last]) in ends
            folded[name] = text.fold(name) if may else ""
        for member in names.get(folded[name], ()) if folded[name] else ():
            found.setdefault((member.pk, registration_id), OWN_WORK)
    for member_id, registration_id, reason in chosen.values_list(
        "member_id", "registration_id", "reason"
    ):
        if registration_id in candidates:
            found.setdefault((member_id, registration_id), reason)
    return found


# The letters a name may start or end with: Latin, with every Vietnamese mark.
_LATIN = [chr(code) for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250)]]
_LATIN += [chr(code) for code in range(0x1E00, 0x1F00)]


@functools.cache
def _folding() -> dict[str, frozenset[str]]:
    """A folded letter → every letter that folds to it."""
    by_fold: dict[str, set[str]] = {}
    for letter in _LATIN:
        by_fold.setdefault(text.fold(letter), set()).add(letter)
    return {key: frozenset(value) for key, value in by_fold.items()}


def _letters_folding_to(folded: set[str]) -> list[str]:
    letters = set(folded)  # a letter outside the table (a digit …) stands for itself
    for key in folded:
        letters |= _folding().get(key, frozenset())
    return sorted(letters)


def _home_paths(person_ids: list[int]) -> dict[int, set[str]]:
    """The units people work in: every role but the council seat itself."""
    homes: dict[int, set[str]] = {}
    rows = Membership.objects.filter(person_id__in=person_ids).exclude(role=Role.COUNCIL)
    for person_id, path in rows.values_list("person_id", "unit__path"):
        homes.setdefault(person_id, set()).add(path)
    return homes
