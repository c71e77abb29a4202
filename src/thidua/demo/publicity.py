"""The demo's publicity: the district publishes the models and initiatives its 2022 council
honoured (with photos and their sectors), chooses the example of the month, writes a story
that the province reviews and publishes, and records the events of 2022, the fair where the
models were shown included, and one coming this month. The events are recorded before the
results reports are written, which count them (results/domain/recorded.py)."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from thidua.demo.reports import SON_HOA_REPORTS, SONG_HINH_REPORTS
from thidua.events.domain.events import event_create, event_photo_add, event_publish
from thidua.events.enums import EventKind
from thidua.initiatives.domain.files import registration_file_add
from thidua.initiatives.enums import FileKind
from thidua.initiatives.models import Registration
from thidua.org.models import Person, Unit
from thidua.showcase.domain.publications import (
    highlight_choose,
    honours,
    publication_publish,
)
from thidua.showcase.domain.stories import story_create, story_publish, story_submit
from thidua.showcase.enums import Sector

# The sector of each honoured entry, from a word of its name.
SECTORS = [
    ("sắn", Sector.CROPS),
    ("tiêu", Sector.CROPS),
    ("bò", Sector.LIVESTOCK),
    ("dê", Sector.LIVESTOCK),
    ("điều", Sector.PROCESSING),
    ("phân", Sector.ENVIRONMENT),
    ("chợ", Sector.SERVICES),
]
# Leads who agreed, on the paper form, to be named on the public showcase.
CONSENTED = {"Y Thuê Niê", "Nguyễn Văn Tư", "Ma Văn Hùng"}
# Field, earth and sky, per sector: the demo's photos are drawn, not taken.
COLOURS = {
    Sector.CROPS: ((92, 160, 70), (150, 110, 60)),
    Sector.LIVESTOCK: ((120, 170, 90), (170, 120, 80)),
    Sector.PROCESSING: ((200, 170, 110), (120, 80, 50)),
    Sector.ENVIRONMENT: ((110, 140, 60), (90, 70, 50)),
    Sector.SERVICES: ((210, 180, 90), (180, 60, 50)),
    Sector.OTHER: ((120, 150, 120), (100, 100, 100)),
}
FAIR_DAY = datetime.date(2022, 8, 20)
STORY_DAY = datetime.date(2022, 6, 15)


def load(*, district_plan, son_hoa_plan, current_plan) -> None:
    huyen, tinh = Person.objects.get(username="huyen"), Person.objects.get(username="tinh")
    published = _publish(district_plan, huyen)
    best = published[0]
    highlight_choose(
        actor=huyen,
        unit=district_plan.unit,
        month=timezone.localdate(),
        publication=best,
        note="Mô hình được đề nghị xét Giải thưởng, nhiều hộ hội viên đến học tập.",
    )
    _story(district_plan.unit, published, writer=huyen, reviewer=tinh)
    _events(district_plan, son_hoa_plan.unit, current_plan.unit, published, huyen)


def _sector(name: str) -> str:
    lowered = name.lower()
    return next((sector for word, sector in SECTORS if word in lowered), Sector.OTHER)


def _publish(plan, actor) -> list:
    proposals = honours(Registration.objects.filter(plan=plan)).order_by("outcome", "pk")
    rank = {"nominated": 0, "commended": 1, "recognised": 2}
    published = []
    for proposal in sorted(proposals, key=lambda p: (rank[p.outcome], p.pk)):
        registration = proposal.registration
        sector = _sector(registration.name)
        if registration.lead_name in CONSENTED:
            Registration.objects.filter(pk=registration.pk).update(lead_consent=True)
        for number in (1, 2):
            registration_file_add(
                actor=actor,
                registration=registration,
                upload=_photo(f"{registration.pk}-{number}.jpg", sector, number),
                kind=FileKind.PHOTO,
                title=f"{registration.name} ({number})",
            )
        published.append(publication_publish(actor=actor, registration=registration, sector=sector))
    return published


def _story(unit: Unit, published: list, *, writer, reviewer) -> None:
    story = story_create(
        actor=writer,
        unit=unit,
        title="Gương người Việt đoàn kết, sáng tạo: những mô hình làm giàu ở Sông Hinh",
        summary="Từ cây sắn, con bò đến chiếc máy tách hạt điều, hội viên Sông Hinh "
        "sáng tạo để tăng thu nhập.",
        body=(
            "Năm 2022, các cơ sở Hội trong huyện đăng ký nhiều mô hình, sáng kiến.\n\n"
            "Hội đồng đánh giá của Huyện Hội đã chấm điểm, đề nghị khen thưởng và công "
            "nhận các mô hình tiêu biểu. Nhiều hộ hội viên ở các xã khác đã đến học tập "
            "và áp dụng trên đồng ruộng của mình."
        ),
        publish_on=STORY_DAY,
        model_ids=[p.pk for p in published[:3]],
    )
    story_publish(actor=reviewer, story=story_submit(actor=writer, story=story))
    story_create(
        actor=writer,
        unit=unit,
        title="Bản nháp: hành trình nhân rộng mô hình nuôi dê",
        body="Bài viết đang soạn, chưa gửi duyệt.",
        publish_on=timezone.localdate(),
    )


def _events(plan, son_hoa: Unit, province_now: Unit, published: list, actor) -> None:
    """A fair of the district where the honoured models were shown, a seminar in each
    commune that reports, and each district's own; one more coming this month."""
    district = plan.unit
    fair = event_create(
        actor=actor,
        unit=district,
        fields=_fields(
            EventKind.FAIR,
            "Hội chợ nông sản và mô hình sáng tạo huyện Sông Hinh năm 2022",
            FAIR_DAY,
            "Sân vận động thị trấn Hai Riêng",
            200,
        ),
        model_ids=[p.registration_id for p in published],
    )
    event_photo_add(
        actor=actor, event=fair, upload=_photo("hoi-cho.jpg", Sector.SERVICES, 3), title="Hội chợ"
    )
    event_publish(actor=actor, event=fair)
    event_publish(
        actor=None,
        event=event_create(
            actor=None,
            unit=son_hoa,
            fields=_fields(
                EventKind.CONFERENCE,
                "Hội thảo nhân rộng mô hình sản xuất giỏi huyện Sơn Hòa",
                datetime.date(2022, 9, 8),
                "Hội trường Huyện ủy Sơn Hòa",
                200,
            ),
        ),
    )
    for parent, reports in ((district, SONG_HINH_REPORTS), (son_hoa, SON_HOA_REPORTS)):
        for code, _sent_on in reports:
            commune = parent.children.get(code=code)
            event_publish(
                actor=None,
                event=event_create(
                    actor=None,
                    unit=commune,
                    fields=_fields(
                        EventKind.SEMINAR,
                        f"Tọa đàm chia sẻ kinh nghiệm sản xuất {commune.area_name}",
                        datetime.date(2022, 7, 12),
                        f"Hội trường UBND {commune.area_name}",
                        60,
                    ),
                ),
            )
    coming = timezone.localdate() + datetime.timedelta(days=10)
    event_publish(
        actor=None,
        event=event_create(
            actor=None,
            unit=province_now,
            fields=_fields(
                EventKind.EXHIBITION,
                "Triển lãm sản phẩm sáng tạo của nhà nông",
                coming,
                "Nhà Văn hóa tỉnh",
                None,
            ),
        ),
    )


def _fields(kind, title, day, place, participants) -> dict:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    return {
        "kind": kind,
        "title": title,
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=9),
        "place": place,
        "description": "Giới thiệu các mô hình, sáng kiến tiêu biểu của hội viên nông dân.",
        "participants": participants,
    }


def _photo(name: str, sector: str, number: int) -> SimpleUploadedFile:
    field, earth = COLOURS.get(sector, COLOURS[Sector.OTHER])
    image = Image.new("RGB", (960, 720), (170, 205, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300 + 40 * number, 960, 720), fill=field)
    for row in range(6):
        top = 380 + row * 55
        draw.rectangle((40 + row * 20, top, 920 - row * 20, top + 18), fill=earth)
    draw.ellipse((760 - 120 * number, 60, 860 - 120 * number, 160), fill=(250, 215, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
