"""The public showcase (showcase/views/public.py, feeds.py) and the public calendar: what
anyone may see, and above all what nobody may — walked over every public address with
generated data."""

import io
import re
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import URLPattern, get_resolver, reverse
from django.utils.text import capfirst

from tests.helpers import docx, login, registration_form, successor
from tests.showcase.conftest import EMAIL, SECRET
from thidua.core.signals import rows_changed
from thidua.core.text import fold
from thidua.documents.leaflet import can_make_pdf, qr_png
from thidua.events.models import Event, EventPhoto
from thidua.initiatives.models import Registration, RegistrationFile
from thidua.org.models import Unit
from thidua.showcase.exports import public_url
from thidua.showcase.models import Publication, Story, StoryPhoto

ATOM = "{http://www.w3.org/2005/Atom}"
# Every public address of the two apps, with the rows whose ids fill it in. A new public
# address the walk does not know fails the test until it is added here.
PUBLIC = {
    "showcase:showcase": None,
    "showcase:model": Publication,
    "showcase:qr": Publication,
    "showcase:leaflet": Publication,
    "showcase:leaflet_pdf": Publication,
    "showcase:photo": RegistrationFile,
    "showcase:photo_thumbnail": RegistrationFile,
    "showcase:stories": None,
    "showcase:stories_feed": None,
    "showcase:story": Story,
    "showcase:story_photo": StoryPhoto,
    "showcase:story_photo_thumbnail": StoryPhoto,
    "showcase:unit_stories": Unit,
    "showcase:unit_stories_feed": Unit,
    "events:calendar": None,
    "events:calendar_list": None,
    "events:event": Event,
    "events:photo": EventPhoto,
    "events:photo_thumbnail": EventPhoto,
    "events:ical": None,
}
STAFF_PREFIXES = ("publicity/", "units/", "events/")
PHONE = re.compile(r"0\D?9\D?0\D?5\D?1\D?1\D?1")
MAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def public_names() -> set[str]:
    names = set()
    for namespace in ("showcase", "events"):
        resolver = get_resolver().namespace_dict[namespace][1]
        for pattern in resolver.url_patterns:
            assert isinstance(pattern, URLPattern)
            if not str(pattern.pattern).startswith(STAFF_PREFIXES):
                names.add(f"{namespace}:{pattern.name}")
    return names


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response["Content-Type"]
    if "wordprocessingml" in kind:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.read("word/document.xml").decode()
    if kind.startswith(("image/", "application/pdf")):
        return ""
    return content.decode()


def assert_nothing_private(text: str, url: str, world) -> None:
    assert SECRET not in text, url
    for title in world.private_titles:
        assert title not in text, url
    assert EMAIL not in text, url
    assert not MAIL.search(text), url
    assert not PHONE.search(text), url


@pytest.mark.parametrize("seed", [1, 2])
def test_no_public_page_or_feed_shows_anything_unpublished_or_a_contact(client, world_of, seed):
    world = world_of(n=3, seed=seed)
    # A photo on a private registration and on a draft story and event: never served.
    hidden = Publication.objects.exclude(pk__in=[p.pk for p in world.published]).first()
    assert hidden is not None
    assert public_names() == set(PUBLIC), "add the new public address to the walk"
    seen = {}
    for name, model in PUBLIC.items():
        if name == "showcase:leaflet_pdf":
            continue  # LibreOffice is slow: the PDF has its own test
        rows = model.objects.all() if model is not None else [None]
        for row in rows:
            args = [] if row is None else [row.pk]
            url = reverse(name, args=args)
            response = client.get(url)
            assert response.status_code in (200, 404), url
            seen[url] = response.status_code
            if response.status_code == 200:
                assert_nothing_private(text_of(response), url, world)
    for publication in world.published:
        assert seen[reverse("showcase:model", args=[publication.pk])] == 200
    assert seen[reverse("showcase:model", args=[hidden.pk])] == 404
    for key, story in world.stories.items():
        assert seen[reverse("showcase:story", args=[story.pk])] == (
            200 if key == "published" else 404
        )
    for key, event in world.events.items():
        assert seen[reverse("events:event", args=[event.pk])] == (
            200 if key == "published" else 404
        )
    private_photos = RegistrationFile.objects.exclude(registration__publication__in=world.published)
    for found in private_photos:
        assert seen[reverse("showcase:photo", args=[found.pk])] == 404


def test_showcase_lists_published_models_with_photo_honour_and_example_of_the_month(
    client, world_of
):
    world = world_of(n=3)
    page = client.get(reverse("showcase:showcase")).content.decode()
    for publication in world.published:
        assert publication.registration.name in page
        assert capfirst(publication.get_outcome_display()) in page
        photo = publication.registration.files.get()
        assert reverse("showcase:photo_thumbnail", args=[photo.pk]) in page
    assert "Tiêu biểu." in page  # why the district chose its example of the month
    assert "Gương sáng Sông Hinh" in page  # the latest story


def test_search_without_diacritics_finds_a_published_model_and_nothing_private(client, world_of):
    world = world_of(n=3)
    target = world.published[0].registration
    typed = fold(target.name)  # "mo hinh nuoi bo so 0": no diacritics at all
    assert typed.isascii()
    response = client.get(reverse("showcase:showcase"), {"q": typed})
    page = response.content.decode()
    assert target.name in page
    others = {p.registration.name for p in world.published[1:]}
    assert not [name for name in others if name in page and fold(name) != typed]
    response = client.get(reverse("showcase:showcase"), {"q": "mo hinh kin"})
    assert SECRET not in response.content.decode()
    assert response.context["page"].paginator.count == 0


def test_filters_by_unit_down_the_tree_year_kind_sector_and_campaign(client, world_of, tree):
    world = world_of(n=4, seed=3)

    def names(**query):
        page = client.get(reverse("showcase:showcase"), query).content.decode()
        return {p.registration.name for p in world.published if p.registration.name in page}

    everything = {p.registration.name for p in world.published}
    assert names(unit=tree.province.pk) == everything
    assert names(unit=tree.district.pk) == everything
    in_a = {p.registration.name for p in world.published if p.registration.unit == tree.commune_a}
    assert names(unit=tree.commune_a.pk) == in_a
    assert names(year=2022) == everything
    assert names(kind="model") == everything
    assert names(kind="initiative") == set()
    sector = world.published[0].sector
    assert names(sector=sector) == {
        p.registration.name for p in world.published if p.sector == sector
    }
    assert names(campaign="Xây dựng nông thôn mới") == everything
    # A commune formed on 1/7/2025 from Ea Bá shows Ea Bá's models.
    new_commune = successor(tree.district, tree.commune_a, name="Ea Bá Mới")
    assert names(unit=new_commune.pk) == in_a


def test_the_lead_is_named_only_with_consent_and_found_by_name_only_so(client, world_of):
    world = world_of(n=4, seed=5)
    consented = set()
    for publication in world.published:
        registration = publication.registration
        page = client.get(reverse("showcase:model", args=[publication.pk])).content.decode()
        assert ("Người Chủ Trì" in page) == registration.lead_consent, registration.name
        assert registration.unit.full_name in page
        if registration.lead_consent:
            consented.add(publication.pk)
    assert 0 < len(consented) < len(world.published)  # the seed gives both
    leads = Registration.objects.filter(publication__in=world.published)
    leads.update(lead_name="Y Thuê Niê")
    rows_changed.send(sender=Registration, pks=list(leads.values_list("pk", flat=True)))
    response = client.get(reverse("showcase:showcase"), {"q": "y thue nie"})
    assert {p.pk for p in response.context["page"].object_list} == consented


def test_a_model_page_has_a_stable_address_an_open_graph_preview_and_a_print_layout(
    client, world_of, settings
):
    settings.SITE_URL = "https://thidua.example.vn"
    world = world_of(n=1)
    publication = world.published[0]
    page = client.get(reverse("showcase:model", args=[publication.pk])).content.decode()
    address = f"https://thidua.example.vn/showcase/models/{publication.pk}/"
    assert public_url(publication) == address
    assert f'<meta property="og:url" content="{address}">' in page
    assert f'<meta property="og:title" content="{publication.registration.name}">' in page
    photo = publication.registration.files.get()
    assert f'content="https://thidua.example.vn/showcase/photos/{photo.pk}/"' in page
    assert "showcase.css" in page  # its @media print and @page A4 rules
    assert "Hội chợ nông sản" in page  # shown at the fair
    assert "Gương sáng Sông Hinh" in page  # a story about it
    assert reverse("showcase:leaflet", args=[publication.pk]) in page
    qr = client.get(reverse("showcase:qr", args=[publication.pk]))
    assert qr.content == qr_png(address)


def test_the_stories_feeds_parse_back_with_published_stories_only(client, world_of, tree):
    world = world_of(n=2)
    story = world.stories["published"]
    for url in (
        reverse("showcase:stories_feed"),
        reverse("showcase:unit_stories_feed", args=[tree.district.pk]),
        reverse("showcase:unit_stories_feed", args=[tree.province.pk]),
    ):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
        entries = feed.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == [story.title], url
        link = entries[0].find(f"{ATOM}link").get("href")
        assert link.endswith(reverse("showcase:story", args=[story.pk]))
        assert entries[0].findtext(f"{ATOM}published").startswith("2022-07-01")
    other = client.get(reverse("showcase:unit_stories_feed", args=[tree.other_district.pk]))
    other_feed = ElementTree.fromstring(other.content)  # noqa: S314 (our own output)
    assert other_feed.findall(f"{ATOM}entry") == []


def test_the_leaflet_is_one_docx_page_with_the_model_and_its_qr_code(client, world_of):
    world = world_of(n=1)
    publication = world.published[0]
    response = client.get(reverse("showcase:leaflet", args=[publication.pk]))
    document = docx(response)
    text = "\n".join(p.text for p in document.paragraphs)
    assert publication.registration.name in text
    assert publication.get_outcome_display() in text
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    assert document.sections[0].page_height.mm == pytest.approx(297, abs=0.5)
    images = [part.blob for part in document.part.package.parts if part.partname.endswith(".png")]
    assert qr_png(public_url(publication)) in images
    assert ("Người Chủ Trì" in text) == publication.registration.lead_consent


@pytest.mark.skipif(not can_make_pdf(), reason="LibreOffice (soffice) is not installed")
def test_the_leaflet_as_pdf_is_one_page(client, world_of):
    world = world_of(n=1)
    response = client.get(reverse("showcase:leaflet_pdf", args=[world.published[0].pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", response.content)) == 1


def test_a_withdrawn_model_leaves_every_public_page_at_once(client, world_of, tree):
    world = world_of(n=2)
    publication = world.published[1]
    login(client, world.office)
    client.post(reverse("showcase:withdraw", args=[publication.pk]))
    client.logout()
    assert client.get(reverse("showcase:model", args=[publication.pk])).status_code == 404
    assert (
        publication.registration.name
        not in client.get(reverse("showcase:showcase")).content.decode()
    )


def test_the_public_landing_page_links_the_showcase(client, db):
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("showcase:showcase")}"' in page


def test_the_showcase_links_the_funds_transparency_page(client, db):
    page = client.get(reverse("showcase:showcase")).content.decode()
    assert f'href="{reverse("fund:public")}"' in page
    assert client.get(reverse("fund:public")).status_code == 200


def test_the_consent_is_ticked_on_the_registration_form(client, make_registration, officer):
    draft = make_registration()
    assert not draft.lead_consent
    login(client, officer)
    url = reverse("initiatives:registration_edit", args=[draft.pk])
    assert 'name="lead_consent"' in client.get(url).content.decode()
    client.post(url, registration_form(draft, lead_consent="on"))
    draft.refresh_from_db()
    assert draft.lead_consent
    client.post(url, registration_form(draft))  # unticked
    draft.refresh_from_db()
    assert not draft.lead_consent
