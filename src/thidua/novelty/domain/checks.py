"""The novelty check: the earlier initiatives most like a text, the flag "may be a
duplicate", and the district's verdict.

The archive is every registration sent (drafts and deleted drafts are not proposals), every
idea of the idea box and every past initiative imported; the similarity is the search index's
(``search/domain/similar.py``). ``THRESHOLD`` was chosen on one half of the labelled set of
``bench/novelty_quality.py`` and reported on the other half (bench/RESULTS.md).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Idea, Registration
from thidua.novelty.enums import Verdict
from thidua.novelty.models import Check, PastInitiative
from thidua.search.domain.similar import similar
from thidua.search.enums import Kind

THRESHOLD = 0.23
KINDS = (Kind.REGISTRATION, Kind.IDEA, Kind.ARCHIVE)
TOP = 5
SHORT = 300


@dataclass(frozen=True)
class Finding:
    """An earlier initiative like the one checked, as shown beside it."""

    kind: str
    object_id: int
    score: float
    title: str
    description: str
    unit: str
    year: int | None
    status: str  # "accepted", "recognised", "idea box"… in words
    recognised: bool
    shared: frozenset[str]
    record: object

    @property
    def flagged(self) -> bool:
        return self.score >= THRESHOLD

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id}"


def _registration(hit, registration: Registration) -> Finding:
    return Finding(
        kind=Kind.REGISTRATION,
        object_id=registration.pk,
        score=hit.score,
        title=registration.name,
        description=Truncator(registration.summary).chars(SHORT),
        unit=registration.unit.full_name,
        year=registration.plan.period_start.year,
        status=registration.get_state_display(),
        recognised=registration.state == RegistrationState.ACCEPTED,
        shared=hit.shared,
        record=registration,
    )


def _idea(hit, idea: Idea) -> Finding:
    return Finding(
        kind=Kind.IDEA,
        object_id=idea.pk,
        score=hit.score,
        title=Truncator(idea.text).chars(160),
        description="",
        unit=idea.unit.full_name,
        year=idea.created_at.year,
        status=_("idea box"),
        recognised=False,
        shared=hit.shared,
        record=idea,
    )


def _past(hit, past: PastInitiative) -> Finding:
    return Finding(
        kind=Kind.ARCHIVE,
        object_id=past.pk,
        score=hit.score,
        title=past.title,
        description=Truncator(past.description).chars(SHORT),
        unit=past.unit_name,
        year=past.year,
        status=_("recognised") if past.recognised else _("not recognised"),
        recognised=past.recognised,
        shared=hit.shared,
        record=past,
    )


# What a finding shows of a registration and what deciding who may open it reads (its
# state, its unit's path): not the texts of its form, nor its plan's.
REGISTRATION_SHOWN = (
    "name",
    "summary",
    "state",
    "unit__name",
    "unit__kind",
    "unit__level",
    "unit__path",
    "plan__period_start",
)


def _records(hits) -> dict[tuple[str, int], object]:
    ids = {kind: [h.object_id for h in hits if h.kind == kind] for kind in KINDS}
    found = {}
    registrations = (
        Registration.objects.filter(pk__in=ids[Kind.REGISTRATION])
        .exclude(state=RegistrationState.DRAFT)
        .select_related("unit", "plan")
        .only(*REGISTRATION_SHOWN)
    )
    for row in registrations:
        found[(Kind.REGISTRATION, row.pk)] = row
    for row in Idea.objects.filter(pk__in=ids[Kind.IDEA]).select_related("unit"):
        found[(Kind.IDEA, row.pk)] = row
    for row in PastInitiative.objects.filter(pk__in=ids[Kind.ARCHIVE]):
        found[(Kind.ARCHIVE, row.pk)] = row
    return found


BUILD = {Kind.REGISTRATION: _registration, Kind.IDEA: _idea, Kind.ARCHIVE: _past}


def find(
    title: str, description: str = "", *, exclude: Registration | None = None, top: int = TOP
) -> list[Finding]:
    """The earlier initiatives most like ``title`` and ``description``, best first, at most
    ``top``; ``exclude``: the registration being checked. A fixed number of queries."""
    skipped = [(Kind.REGISTRATION, exclude.pk)] if exclude is not None else []
    # Drafts are in the index but not in the archive: ask for more, keep ``top``.
    hits = similar(title, description, kinds=KINDS, limit=top * 3, exclude=skipped)
    records = _records(hits)
    findings = [
        BUILD[hit.kind](hit, records[(hit.kind, hit.object_id)])
        for hit in hits
        if (hit.kind, hit.object_id) in records
    ]
    return findings[:top]


def registration_check(*, registration: Registration) -> Check:
    """Check ``registration`` as it was sent and keep what was found; a verdict already
    given stays. Side effects: the ``Check`` row written."""
    findings = find(registration.name, registration.summary, exclude=registration)
    top = findings[0].score if findings else 0.0
    check, _created = Check.objects.update_or_create(
        registration=registration,
        defaults={
            "matches": [
                {"kind": f.kind, "id": f.object_id, "score": f.score, "shared": sorted(f.shared)}
                for f in findings
            ],
            "top_score": top,
            "flagged": top >= THRESHOLD,
            "checked_at": timezone.now(),
        },
    )
    return check


def check_decide(
    *, actor, check: Check, verdict: str, duplicate: str = "", note: str = ""
) -> Check:
    """The district's decision on a flagged registration: a duplicate of ``duplicate`` (a
    finding's key, "kind:id", among those the check found) or not a duplicate.
    Side effects: the check saved, one audit entry. Raises ValidationError."""
    if verdict not in (Verdict.DUPLICATE, Verdict.NEW):
        raise ValidationError(_("Choose whether it is a duplicate."))
    kind, object_id = "", None
    if verdict == Verdict.DUPLICATE:
        known = {f"{m['kind']}:{m['id']}" for m in check.matches}
        if duplicate not in known:
            raise ValidationError(_("Choose the earlier initiative it repeats."))
        kind, raw_id = duplicate.split(":")
        object_id = int(raw_id)
    before = {"verdict": check.verdict, "duplicate": check.duplicate_key}
    check.verdict = verdict
    check.duplicate_kind = kind
    check.duplicate_id = object_id
    check.note = note
    check.decided_by = actor
    check.decided_at = timezone.now()
    check.save()
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=check,
        unit=check.registration.unit,
        before=before,
        after={"verdict": verdict, "duplicate": check.duplicate_key, "note": note},
    )
    return check


def duplicate_of(check: Check) -> Finding | None:
    """The earlier initiative the district named, as a finding (its score as found)."""
    if check.verdict != Verdict.DUPLICATE or not check.duplicate_kind:
        return None
    score = next(
        (m["score"] for m in check.matches if f"{m['kind']}:{m['id']}" == check.duplicate_key),
        0.0,
    )
    hit = _Hit(check.duplicate_kind, check.duplicate_id, score, frozenset())
    records = _records([hit])
    found = records.get((hit.kind, hit.object_id))
    return BUILD[hit.kind](hit, found) if found is not None else None


def stored_findings(check: Check) -> list[Finding]:
    """The findings kept when the registration was sent (what the district decides on),
    read again: at most one query per kind."""
    hits = [
        _Hit(m["kind"], m["id"], m["score"], frozenset(m.get("shared", ()))) for m in check.matches
    ]
    records = _records(hits)
    return [
        BUILD[hit.kind](hit, records[(hit.kind, hit.object_id)])
        for hit in hits
        if (hit.kind, hit.object_id) in records
    ]


@dataclass(frozen=True)
class _Hit:
    kind: str
    object_id: int
    score: float
    shared: frozenset[str]


def url_of(finding: Finding) -> str:
    if finding.kind == Kind.REGISTRATION:
        return reverse("initiatives:registration_detail", args=[finding.object_id])
    if finding.kind == Kind.ARCHIVE:
        return reverse("novelty:past_detail", args=[finding.object_id])
    return ""
