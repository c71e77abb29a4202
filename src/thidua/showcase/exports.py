"""The leaflet of a published model, as plain data for ``documents/leaflet.py``."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.numbers import format_number
from thidua.documents.leaflet import Leaflet
from thidua.showcase.domain.selectors import results_of
from thidua.showcase.models import Publication


def public_url(publication: Publication) -> str:
    """The model page's stable address, for the QR code and sharing."""
    return settings.SITE_URL.rstrip("/") + reverse("showcase:model", args=[publication.pk])


def lead_shown(registration) -> str:
    """The lead person as the public may read it: only with their consent."""
    if not registration.lead_consent:
        return ""
    return registration.lead_display()


def leaflet_of(publication: Publication) -> Leaflet:
    registration = publication.registration
    organisation = registration.plan.unit.full_name.upper()
    facts = []
    if lead := lead_shown(registration):
        facts.append((_("Lead person"), lead))
    if registration.applied_where:
        facts.append((_("Place of application"), registration.applied_where))
    if registration.households:
        facts.append((_("Households taking part"), format_number(registration.households)))
    if registration.area_ha:
        facts.append((_("Area (ha)"), format_number(registration.area_ha)))
    results = " ".join(result.text for result in results_of(publication) if result.text)
    photos = getattr(registration, "photos", [])
    photo = None
    if photos:
        with photos[0].file.open("rb") as stored:
            photo = stored.read()
    return Leaflet(
        title=registration.name,
        heading=organisation,
        subtitle=f"{registration.get_kind_display()} · {registration.unit.full_name}",
        honour=f"{publication.get_outcome_display()} ({publication.decided_on:%d/%m/%Y})",
        url=public_url(publication),
        summary=registration.summary,
        facts=facts,
        results=results,
        photo=photo,
        scan_text=_("Scan the code to read more, with photos:"),
    )
