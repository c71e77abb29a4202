"""What the public may read: published models of honoured registrations, examples of the
month, published stories. Every public page and feed reads through here, so nothing
unpublished (a draft, a returned or withdrawn entry, a story before its date) is reachable.
No selector reads a phone number or an e-mail address: the people shown are the lead person
(only as consented at registration) and the units."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from thidua.events.domain.selectors import public_events
from thidua.initiatives.enums import FileKind, RegistrationState
from thidua.initiatives.models import Registration, RegistrationFile
from thidua.org.domain.history import predecessor_paths
from thidua.org.models import Succession, Unit
from thidua.org.models.units import ids_in_path
from thidua.results.enums import ReportState
from thidua.results.models import InitiativeResult
from thidua.search.domain.query import Matches, terms
from thidua.search.enums import Kind as SearchKind
from thidua.search.models import Entry
from thidua.showcase.enums import PublicationState, StoryState
from thidua.showcase.models import Highlight, Publication, Story, StoryPhoto

# A registration shown publicly has been received by the unit above and honoured: never a
# draft, a returned or a deleted one, whatever happens to it later.
PUBLIC_REGISTRATION_STATES = (RegistrationState.RECEIVED, RegistrationState.ACCEPTED)
SENT_REPORTS = (ReportState.SUBMITTED, ReportState.RECEIVED)


def _photos() -> Prefetch:
    return Prefetch(
        "registration__files",
        queryset=RegistrationFile.objects.filter(kind=FileKind.PHOTO).order_by("id"),
        to_attr="photos",
    )


def published() -> QuerySet:
    """Every published model, with what a card shows (a fixed number of queries)."""
    return (
        Publication.objects.filter(
            state=PublicationState.PUBLISHED,
            registration__state__in=PUBLIC_REGISTRATION_STATES,
        )
        .select_related("registration__unit__parent", "registration__plan")
        .prefetch_related(_photos())
    )


@dataclass(frozen=True)
class Filters:
    text: str = ""
    unit: Unit | None = None
    year: int | None = None
    kind: str = ""
    sector: str = ""
    campaign: str = ""


def showcase(filters: Filters) -> QuerySet:
    """The published models matching ``filters``: the words without diacritics in the
    search index, the unit and everything under it (old units and new)."""
    rows = published()
    if filters.text and (found := terms(filters.text)):
        entries = Entry.objects.filter(kind=SearchKind.REGISTRATION).filter(Matches(found))
        # The index holds the lead person's name too: a model whose lead did not agree to be
        # named is found by the words of its name only, so a search for a person finds
        # nothing that would tie them to it.
        by_name = entries.filter(*(Q(title__contains=f" {term}") for term in found))
        rows = rows.filter(
            Q(registration_id__in=by_name.values("object_id"))
            | Q(registration__lead_consent=True, registration_id__in=entries.values("object_id"))
        )
    if filters.unit is not None:
        # The unit and the units it succeeded: a commune formed in 2025 shows the models of
        # the communes merged into it.
        paths = {filters.unit.path, *predecessor_paths([filters.unit.pk])[filters.unit.pk]}
        under = Q(pk__in=[])
        for path in paths:
            under |= Q(registration__unit__path__startswith=path)
        rows = rows.filter(under)
    if filters.year:
        rows = rows.filter(decided_on__year=filters.year)
    if filters.kind:
        rows = rows.filter(registration__kind=filters.kind)
    if filters.sector:
        rows = rows.filter(sector=filters.sector)
    if filters.campaign:
        rows = rows.filter(
            registration__in=Registration.objects.filter(campaigns__name=filters.campaign).values(
                "pk"
            )
        )
    return rows


def filter_choices() -> dict:
    """The units (with those above them), years and campaigns that have published models."""
    rows = published()
    paths = set(rows.values_list("registration__unit__path", flat=True))
    ids = {unit_id for path in paths for unit_id in ids_in_path(path)}
    # The units that succeeded them (1/7/2025), with the units above those.
    later = Succession.objects.filter(predecessor_id__in=ids).values_list("successor__path")
    ids |= {unit_id for (path,) in later for unit_id in ids_in_path(path)}
    units = list(Unit.objects.filter(pk__in=ids).order_by("sort_key"))
    years = sorted({day.year for day in rows.values_list("decided_on", flat=True)}, reverse=True)
    campaigns = sorted(
        set(
            rows.exclude(registration__campaigns=None).values_list(
                "registration__campaigns__name", flat=True
            )
        )
    )
    return {"units": units, "years": years, "campaigns": campaigns}


def examples_of_the_month(today: datetime.date | None = None) -> list[Highlight]:
    """The examples chosen for the latest month up to ``today`` that has any, one per unit."""
    today = today or timezone.localdate()
    chosen = Highlight.objects.filter(
        month__lte=today,
        publication__in=published().values("pk"),
    )
    latest = chosen.order_by("-month").values_list("month", flat=True).first()
    if latest is None:
        return []
    return list(
        chosen.filter(month=latest)
        .select_related("unit", "publication__registration__unit__parent")
        .prefetch_related(
            Prefetch(
                "publication__registration__files",
                queryset=RegistrationFile.objects.filter(kind=FileKind.PHOTO).order_by("id"),
                to_attr="photos",
            )
        )
    )


def model_page(pk) -> Publication:
    """A published model with everything its page shows; DoesNotExist otherwise."""
    return (
        published()
        .prefetch_related(
            "registration__arguments__criterion",
            "registration__campaigns",
            "registration__implementers",
        )
        .get(pk=pk)
    )


def results_of(publication: Publication) -> list[InitiativeResult]:
    """What the unit reported of it, in reports it sent."""
    return list(
        InitiativeResult.objects.filter(
            registration_id=publication.registration_id, report__state__in=SENT_REPORTS
        )
        .select_related("report__plan")
        .order_by("-report__plan__period_end")
    )


def events_showing(publication: Publication) -> QuerySet:
    return public_events().filter(models_shown=publication.registration_id)


def public_stories(today: datetime.date | None = None) -> QuerySet:
    """Published stories whose date has come."""
    today = today or timezone.localdate()
    return Story.objects.filter(state=StoryState.PUBLISHED, publish_on__lte=today).select_related(
        "unit"
    )


def stories_about(publication: Publication) -> QuerySet:
    return public_stories().filter(models_linked=publication)


def story_page(pk) -> Story:
    return (
        public_stories()
        .prefetch_related(
            Prefetch("models_linked", queryset=published().order_by("-decided_on", "-id")),
            "photos",
        )
        .get(pk=pk)
    )


def public_story_photo(pk) -> StoryPhoto:
    return StoryPhoto.objects.get(pk=pk, story__in=public_stories().values("pk"))


def public_photo(pk) -> RegistrationFile:
    """A photo of a published model; DoesNotExist for any other file."""
    return RegistrationFile.objects.get(
        Q(registration__publication__in=published().values("pk")), pk=pk, kind=FileKind.PHOTO
    )
