"""Publicity parts of the pages' story (tests/pages/world.py), for tests/test_every_url.py:
the district publishes the goat model its council commended, writes stories, records events.
Each part is built the first time a row asks for it and kept on the world."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.pages.world import png_bytes
from thidua.events.domain.events import event_create, event_photo_add, event_publish
from thidua.events.enums import EventKind
from thidua.showcase.domain.publications import publication_publish
from thidua.showcase.domain.stories import (
    story_create,
    story_photo_add,
    story_publish,
    story_submit,
)
from thidua.showcase.enums import Sector

STORY = "Gương sáng nuôi dê ở Ea Bá"
EVENT = "Hội chợ nông sản Sông Hinh"


def _kept(w, name, make):
    if not hasattr(w, name):
        setattr(w, name, make())
    return getattr(w, name)


def picture(name="anh.png"):
    return SimpleUploadedFile(name, png_bytes())


def publication(w):
    """The goat model, commended by the council, published by the district."""
    w.council  # noqa: B018 (decided: the goat is commended)
    return _kept(
        w,
        "_publication",
        lambda: publication_publish(
            actor=w.who.district, registration=w.goat, sector=Sector.LIVESTOCK
        ),
    )


def story(w, state: str = "published"):
    """A story of the district about the goat: published (with a photo), sent for review,
    or a draft."""

    def make():
        made = story_create(
            actor=w.who.district,
            unit=w.tree.district,
            title=STORY if state == "published" else f"{STORY} ({state})",
            summary="Nuôi dê sinh sản.",
            body="Hội viên Ea Bá nuôi dê sinh sản.",
            publish_on=datetime.date(2022, 7, 1),
            model_ids=[publication(w).pk],
        )
        if state == "draft":
            return made
        if state == "published":
            story_photo_add(actor=w.who.district, story=made, upload=picture(), title="Đàn dê")
        made = story_submit(actor=w.who.district, story=made)
        if state == "submitted":
            return made
        return story_publish(actor=w.who.district_admin, story=made)

    return _kept(w, f"_story_{state}", make)


def event(w, state: str = "published"):
    """The district's fair of August 2022 where the goat was shown, with a photo."""

    def make():
        start = timezone.make_aware(datetime.datetime(2022, 8, 20, 8))
        made = event_create(
            actor=w.who.district,
            unit=w.tree.district,
            fields={
                "kind": EventKind.FAIR,
                "title": EVENT if state == "published" else f"{EVENT} ({state})",
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=9),
                "place": "Thị trấn Hai Riêng",
                "participants": 200,
            },
            model_ids=[publication(w).registration_id],
        )
        if state == "draft":
            return made
        event_photo_add(actor=w.who.district, event=made, upload=picture(), title="Gian hàng")
        return event_publish(actor=w.who.district, event=made)

    return _kept(w, f"_event_{state}", make)
