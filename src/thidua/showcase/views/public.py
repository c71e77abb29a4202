"""The public showcase: no login. Everything is read through domain/selectors.py, which
gives only what is published."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.core.downloads import download, file_name, stored
from thidua.documents.leaflet import can_make_pdf, leaflet_docx, pdf_from_docx, qr_png
from thidua.org.models import Unit
from thidua.showcase import forms
from thidua.showcase.domain import selectors
from thidua.showcase.exports import lead_shown, leaflet_of, public_url
from thidua.showcase.models import Publication, Story

PER_PAGE = 24
PDF_KEPT_SECONDS = 3600
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def showcase(request):
    choices = selectors.filter_choices()
    form = forms.ShowcaseFilterForm(request.GET or None, **choices)
    filters = selectors.Filters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        units = {unit.pk: unit for unit in choices["units"]}
        filters = selectors.Filters(
            text=data["q"],
            unit=units.get(data["unit"]),
            year=data["year"],
            kind=data["kind"],
            sector=data["sector"],
            campaign=data["campaign"],
        )
    page = Paginator(selectors.showcase(filters), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "showcase/showcase.html",
        {
            "form": form,
            "page": page,
            "filtered": filters != selectors.Filters(),
            "examples": [] if form.is_bound else selectors.examples_of_the_month(),
            "stories": [] if form.is_bound else selectors.public_stories()[:3],
        },
    )


def _published(pk) -> Publication:
    try:
        return selectors.model_page(pk)
    except Publication.DoesNotExist:
        raise Http404 from None


def model(request, pk):
    publication = _published(pk)
    registration = publication.registration
    photos = registration.photos
    return render(
        request,
        "showcase/model.html",
        {
            "publication": publication,
            "registration": registration,
            "lead": lead_shown(registration),
            "results": selectors.results_of(publication),
            "events": selectors.events_showing(publication),
            "stories": selectors.stories_about(publication),
            "share_url": public_url(publication),
            "og_image": settings.SITE_URL.rstrip("/")
            + reverse("showcase:photo", args=[photos[0].pk])
            if photos
            else "",
            "can_make_pdf": can_make_pdf(),
        },
    )


def photo(request, pk, thumbnail=False):
    try:
        found = selectors.public_photo(pk)
    except ObjectDoesNotExist:  # not a photo of a published model
        raise Http404 from None
    return stored(
        found.thumbnail if thumbnail and found.thumbnail else found.file,
        name=found.download_name,
        content_type=found.content_type,
        inline=True,
    )


def story_photo(request, pk, thumbnail=False):
    try:
        found = selectors.public_story_photo(pk)
    except ObjectDoesNotExist:  # not a photo of a published story
        raise Http404 from None
    return stored(
        found.thumbnail if thumbnail else found.file,
        name=found.download_name,
        content_type="image/jpeg",
        inline=True,
    )


def qr(request, pk):
    publication = _published(pk)
    return HttpResponse(qr_png(public_url(publication)), content_type="image/png")


def leaflet(request, pk, pdf=False):
    publication = _published(pk)
    name = file_name(
        _("Leaflet"), publication.registration.name, extension="pdf" if pdf else "docx"
    )
    if not pdf:
        return download(leaflet_docx(leaflet_of(publication)), name=name, content_type=DOCX)
    # LibreOffice takes seconds: a leaflet converted is kept an hour, so a link shared
    # widely does not convert it once per visitor.
    key = f"showcase-leaflet-pdf-{publication.pk}-{publication.published_at.timestamp()}"
    converted = cache.get(key)
    if converted is None:
        converted = pdf_from_docx(leaflet_docx(leaflet_of(publication)))
        if converted is not None:
            cache.set(key, converted, PDF_KEPT_SECONDS)
    if converted is None:
        raise Http404(_("PDF is not available here: download the DOCX."))
    return download(converted, name=name, content_type="application/pdf")


def stories(request, unit_pk=None):
    unit = get_object_or_404(Unit, pk=unit_pk) if unit_pk else None
    rows = selectors.public_stories()
    if unit is not None:
        rows = rows.filter(unit__path__startswith=unit.path)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "showcase/stories.html", {"page": page, "unit": unit})


def story(request, pk):
    try:
        found = selectors.story_page(pk)
    except Story.DoesNotExist:
        raise Http404 from None
    return render(request, "showcase/story.html", {"story": found})
