"""A generated publicity world: entries honoured by a decided council or not, published,
left unpublished or withdrawn, returned and draft registrations, stories in every state,
events in every state, leads with accounts that have phones and e-mail addresses. Titles of
what must stay private say so ("KÍN"), so a page that leaks one is easy to catch."""

import datetime
import random
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.helpers import jpeg, unanimous
from thidua.events.domain.events import event_cancel, event_create, event_publish
from thidua.events.enums import EventKind
from thidua.initiatives.domain.files import registration_file_add
from thidua.initiatives.domain.registrations import registration_return, registration_submit
from thidua.initiatives.enums import FileKind
from thidua.initiatives.models import Registration
from thidua.org.models import Role
from thidua.plans.models import Campaign
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.decisions import proposal_set
from thidua.review.enums import CouncilState, Outcome
from thidua.showcase.domain.publications import (
    highlight_choose,
    publication_publish,
    publication_withdraw,
)
from thidua.showcase.domain.stories import (
    story_create,
    story_publish,
    story_return,
    story_submit,
)
from thidua.showcase.enums import Sector

SECRET = "KÍN"  # in the name of everything the public must not see
WORDS = ["trồng sắn", "nuôi bò", "tách hạt điều", "hồ tiêu hữu cơ", "ủ phân vi sinh", "nuôi dê"]
PHONE_DIGITS = "0905111222"
EMAIL = "lead@example.vn"


@dataclass
class World:
    published: list = field(default_factory=list)  # Publication
    private_titles: list = field(default_factory=list)
    stories: dict = field(default_factory=dict)  # state → Story
    events: dict = field(default_factory=dict)  # state → Event
    office: object = None  # the district's officer (writes, publishes)
    colleague: object = None  # a second officer of the district (reviews)


def photo(name="anh.jpg"):
    return SimpleUploadedFile(name, jpeg((320, 240)))


@pytest.fixture
def world_of(council, entry, make_registration, tree, make_person, settings, tmp_path):
    """world_of(n, seed) → a World with ``n`` honoured and published models, and the
    private things around them."""
    settings.MEDIA_ROOT = tmp_path

    def build(n: int = 4, seed: int = 1) -> World:
        rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
        world = World(
            office=make_person("vanphong", Role.OFFICER, tree.district, full_name="Văn Phòng"),
            colleague=make_person(
                "dongnghiep", Role.OFFICER, tree.district, full_name="Đồng Nghiệp"
            ),
        )
        lead = make_person(
            "chutri", None, None, full_name="Người Chủ Trì", email=EMAIL, phone=PHONE_DIGITS
        )
        plan = council.plan
        campaign = Campaign.objects.create(plan=plan, position=1, name="Xây dựng nông thôn mới")
        honoured, private = [], []
        for number in range(n + 2):
            words = rng.choice(WORDS)
            public = number < n
            name = f"Mô hình {words} số {number}" + ("" if public else f" {SECRET}")
            registration = entry(rng.choice([tree.commune_a, tree.commune_b]), name=name)
            Registration.objects.filter(pk=registration.pk).update(
                lead=lead, lead_consent=rng.random() < 0.5
            )
            registration.refresh_from_db()
            registration.campaigns.add(campaign)
            (honoured if public else private).append(registration)
        not_honoured = entry(tree.commune_b, name=f"Mô hình không đạt {SECRET}")
        returned = registration_return(
            actor=None,
            registration=registration_submit(
                actor=None, registration=make_registration(name=f"Mô hình trả lại {SECRET}")
            ),
            reason="Bổ sung.",
        )
        make_registration(name=f"Mô hình nháp {SECRET}")
        council_set_state(actor=None, council=council, state=CouncilState.SCORING)
        assign(actor=None, council=council)
        council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
        outcomes = [Outcome.RECOGNISED, Outcome.COMMENDED, Outcome.NOMINATED]
        for registration in honoured + private:
            proposal_set(
                actor=None,
                council=council,
                registration=registration,
                outcome=rng.choice(outcomes),
            )
        proposal_set(actor=None, council=council, registration=not_honoured, outcome=Outcome.NONE)
        unanimous(council, datetime.date(2022, 6, 1))
        for registration in honoured:
            registration_file_add(
                actor=None,
                registration=registration,
                upload=photo(),
                kind=FileKind.PHOTO,
                title="Ảnh mô hình",
            )
            world.published.append(
                publication_publish(
                    actor=world.office,
                    registration=registration,
                    sector=rng.choice(Sector.values),
                )
            )
        # One honoured entry published, then withdrawn; one never published.
        withdrawn = publication_publish(
            actor=world.office, registration=private[0], sector=Sector.CROPS
        )
        publication_withdraw(actor=world.office, publication=withdrawn)
        world.private_titles = [r.name for r in private] + [
            not_honoured.name,
            returned.name,
            f"Mô hình nháp {SECRET}",
        ]
        highlight_choose(
            actor=world.office,
            unit=tree.district,
            month=timezone.localdate(),
            publication=world.published[0],
            note="Tiêu biểu.",
        )
        _stories(world, tree)
        _events(world, tree, honoured, private)
        return world

    return build


def _stories(world: World, tree) -> None:
    def new(title, publish_on=datetime.date(2022, 7, 1)):
        return story_create(
            actor=world.office,
            unit=tree.district,
            title=title,
            summary="Tóm tắt.",
            body="Nội dung bài viết.",
            publish_on=publish_on,
            model_ids=[p.pk for p in world.published[:2]],
        )

    published = story_submit(actor=world.office, story=new("Gương sáng Sông Hinh"))
    world.stories["published"] = story_publish(actor=world.colleague, story=published)
    world.stories["draft"] = new(f"Bài nháp {SECRET}")
    world.stories["submitted"] = story_submit(
        actor=world.office, story=new(f"Bài chờ duyệt {SECRET}")
    )
    returned = story_submit(actor=world.office, story=new(f"Bài trả lại {SECRET}"))
    world.stories["returned"] = story_return(
        actor=world.colleague, story=returned, reason="Thêm ảnh."
    )
    later = timezone.localdate() + datetime.timedelta(days=30)
    future = story_submit(actor=world.office, story=new(f"Bài đăng sau {SECRET}", later))
    world.stories["future"] = story_publish(actor=world.colleague, story=future)
    world.private_titles += [s.title for key, s in world.stories.items() if key != "published"]


def _events(world: World, tree, honoured, private) -> None:
    def new(title, unit=tree.district, day=datetime.date(2022, 8, 20)):
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
        return event_create(
            actor=world.office,
            unit=unit,
            fields={
                "kind": EventKind.FAIR,
                "title": title,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(hours=8),
                "place": "Thị trấn Hai Riêng",
                "participants": 150,
            },
            model_ids=[r.pk for r in honoured + private],
        )

    world.events["published"] = event_publish(actor=world.office, event=new("Hội chợ nông sản"))
    world.events["draft"] = new(f"Hội thảo nháp {SECRET}")
    world.events["cancelled"] = event_cancel(
        actor=world.office,
        event=event_publish(actor=world.office, event=new(f"Hội chợ hủy {SECRET}")),
    )
    world.private_titles += [world.events["draft"].title, world.events["cancelled"].title]
