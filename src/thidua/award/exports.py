"""A nomination turned into document data (`thidua.documents.award`): the cover letter that
proposes the one entry upwards and the dossier: the entry, its five criteria arguments, its
results, the council's scores, where it has been replicated, photos, the unit's endorsement.

The page shows the same data (`dossier` is read by the template and the DOCX alike)."""

from dataclasses import dataclass

from thidua.award.models import Nomination
from thidua.core.numbers import format_number
from thidua.documents.award import Dossier, Endorsement, Part, Photo, Table
from thidua.documents.dates import short_date
from thidua.documents.decision import Honour
from thidua.documents.formatting import citation, points
from thidua.documents.nomination import Nomination as CoverLetter
from thidua.documents.official import Signature, number_line, roman
from thidua.documents.tables import Column
from thidua.initiatives.enums import FileKind
from thidua.replication.domain.selectors import replications_of
from thidua.replication.enums import ReplicationState
from thidua.results.enums import Progress, ReportState
from thidua.results.models import InitiativeResult, ReportPhoto
from thidua.review.domain.councils import registrations
from thidua.review.domain.ranking import ranking
from thidua.review.exports.honours import AWARD, DRAFT, GIVEN, KIND_WORDS, acting
from thidua.review.models import Outcome

PROGRESS_WORDS = {
    Progress.DONE: "Đã hoàn thành",
    Progress.IN_PROGRESS: "Đang thực hiện",
    Progress.NOT_STARTED: "Chưa triển khai",
    Progress.STOPPED: "Đã dừng",
}
REPLICATION_WORDS = {
    ReplicationState.ADOPTED: "Đang áp dụng",
    ReplicationState.EFFECTIVE: "Có kết quả",
    ReplicationState.STOPPED: "Đã dừng",
}
MAX_PHOTOS = 4
SCORE_COLUMNS = [
    Column("TT", 10, "center"),
    Column("Tiêu chí", 110, "left"),
    Column("Điểm tối đa", 25, "center"),
    Column("Điểm bình quân", 25, "center"),
]
REPLICATION_COLUMNS = [
    Column("TT", 10, "center"),
    Column("Đơn vị", 45, "left"),
    Column("Từ ngày", 22, "center"),
    Column("Số hộ", 18, "center"),
    Column("Kết quả", 75, "left"),
]


@dataclass(frozen=True)
class Ranking:
    """The entry's place in its council's ranking."""

    score: object
    grade: str
    rank: int | None
    criterion_means: dict[int, object]
    entries: int


def _ranking(nomination: Nomination) -> Ranking:
    council = nomination.council
    rows = ranking(council, list(registrations(council)))
    row = next(r for r in rows if r.registration.pk == nomination.registration_id)
    return Ranking(row.score, row.grade, row.rank, row.criterion_means, len(rows))


def cover_letter(nomination: Nomination, ranked: Ranking) -> CoverLetter:
    """The submission proposing this entry to the province's standing committee, numbered
    and dated once sent (a draft, marked DỰ THẢO, before)."""
    council = nomination.council
    by = acting(council)
    plan = council.plan
    made = council.decision
    registration = nomination.registration
    decided = number_line(made.number, f"QĐ/{plan.issuer_code}")
    cited = f"Quyết định {citation(decided, made.decided_on)}"
    what = KIND_WORDS.get(registration.kind, "mô hình")
    sent = nomination.letter_number is not None
    return CoverLetter(
        superior=by.superior_line,
        issuer=by.issuer_line,
        number=number_line(nomination.letter_number, f"TTr/{plan.issuer_code}"),
        place=plan.place,
        date=nomination.letter_date if sent else None,
        year=(nomination.letter_date or made.decided_on).year,
        subject_lines=[f"Về việc đề nghị xét tặng {AWARD}", f"cho {what} “{registration.name}”"],
        addressee=by.superior_body,
        grounds=[
            f"Căn cứ Kế hoạch số {plan.number_symbol} ngày {short_date(plan.issued_on)} của "
            f"{by.body} về thực hiện {by.movement};",
            f"Căn cứ kết quả đánh giá, biểu quyết của {council.name} ngày "
            f"{short_date(made.decided_on)} và {cited} của {by.body},",
            f"{by.body} kính đề nghị {by.superior_body} xem xét, xét tặng {AWARD} cho {what} sau:",
        ],
        honours=[
            Honour(
                name=registration.name,
                unit=registration.unit.full_name,
                lead=registration.lead_display(),
                total=ranked.score,
                grade=ranked.grade,
                outcome=GIVEN[Outcome.NOMINATED],
            )
        ],
        closing=[
            f"Hồ sơ kèm theo gồm: {cited}, Biên bản họp {council.name}, hồ sơ đề nghị của "
            f"{what} (thông tin chung, các tiêu chí, kết quả, điểm đánh giá, nhân rộng, hình ảnh) "
            f"và xác nhận của {registration.unit.full_name}.",
            f"Kính đề nghị {by.superior_body} xem xét./.",
        ],
        recipients=["Như trên;", "Lưu VT, VP."],
        signature=Signature(
            authority=plan.signing_authority, title=plan.signer_title, signer=plan.signer_name
        ),
        watermark="" if sent else DRAFT,
    )


def _general(registration) -> Part:
    implementers = [
        f"{i.name}" + (f" ({i.role})" if i.role else "") for i in registration.implementers.all()
    ]
    lines = [
        f"Tên {KIND_WORDS.get(registration.kind, 'mô hình')}: {registration.name}.",
        f"Đơn vị: {registration.unit.full_name}.",
        f"Người chủ trì: {registration.lead_display() or '—'}.",
    ]
    if implementers:
        lines.append(f"Người thực hiện: {', '.join(implementers)}.")
    if registration.applied_when:
        lines.append(f"Thời gian áp dụng: {registration.applied_when}.")
    if registration.applied_where:
        lines.append(f"Địa điểm áp dụng: {registration.applied_where}.")
    return Part(heading="", paragraphs=lines)


def _criteria(registration, criteria) -> Part:
    arguments = {a.criterion_id: a.text for a in registration.arguments.all()}
    lines = [registration.summary.strip()] if registration.summary.strip() else []
    for number, criterion in enumerate(criteria, start=1):
        lines.append(
            f"{number}. {criterion.name}: {arguments.get(criterion.pk, '').strip() or '—'}"
        )
    return Part(heading="", paragraphs=lines)


def _results(nomination: Nomination) -> Part:
    result = (
        InitiativeResult.objects.filter(
            registration=nomination.registration,
            report__state__in=[ReportState.SUBMITTED, ReportState.RECEIVED],
        )
        .order_by("-report__submitted_at")
        .first()
    )
    registration = nomination.registration
    if result is None:
        lines = ["Chưa có báo cáo kết quả."]
        if registration.expected_results:
            lines.append(f"Kết quả dự kiến: {registration.expected_results}")
        return Part(heading="", paragraphs=lines)
    lines = [f"Tiến độ: {PROGRESS_WORDS[Progress(result.progress)]}."]
    if result.households is not None:
        lines.append(f"Số hộ tham gia: {format_number(result.households)} hộ.")
    if result.area_ha is not None:
        lines.append(f"Diện tích: {format_number(result.area_ha)} ha.")
    if result.income_change:
        lines.append(f"Thay đổi sản lượng, thu nhập: {result.income_change}.")
    if result.cost_vnd is not None:
        lines.append(f"Kinh phí: {format_number(result.cost_vnd)} đồng.")
    if result.text:
        lines.append(result.text)
    return Part(heading="", paragraphs=lines)


def _scores(nomination: Nomination, ranked: Ranking, criteria) -> Part:
    council = nomination.council
    rows = [
        [str(n), c.name, str(c.max_points), points(ranked.criterion_means.get(c.pk))]
        for n, c in enumerate(criteria, start=1)
    ]
    place = f", xếp thứ {ranked.rank}/{ranked.entries}" if ranked.rank else ""
    grade = f", xếp loại {ranked.grade}" if ranked.grade else ""
    return Part(
        heading="",
        paragraphs=[
            f"{council.name} chấm điểm ngày {short_date(council.decision.decided_on)}: "
            f"tổng điểm {points(ranked.score)}{grade}{place}."
        ],
        table=Table(columns=SCORE_COLUMNS, rows=rows),
    )


def _replication(nomination: Nomination) -> Part:
    found = replications_of(nomination.registration)
    if not found:
        return Part(heading="", paragraphs=["Chưa có đơn vị ghi nhận nhân rộng."])
    households = sum(r.households for r in found)
    rows = [
        [
            str(n),
            r.unit.full_name,
            short_date(r.started_on),
            format_number(r.results_households or r.households),
            r.results or r.stop_reason or REPLICATION_WORDS[ReplicationState(r.state)],
        ]
        for n, r in enumerate(found, start=1)
    ]
    return Part(
        heading="",
        paragraphs=[
            f"Đã được nhân rộng tại {len(found):02d} đơn vị, với "
            f"{format_number(households)} hộ tham gia khi áp dụng."
        ],
        table=Table(columns=REPLICATION_COLUMNS, rows=rows),
    )


def _photos(nomination: Nomination) -> Part:
    registration = nomination.registration
    stored = list(registration.files.filter(kind=FileKind.PHOTO).order_by("pk")[:MAX_PHOTOS])
    stored += list(
        ReportPhoto.objects.filter(
            report__unit=registration.unit, report__plan=registration.plan
        ).order_by("pk")[: MAX_PHOTOS - len(stored)]
    )
    photos = []
    for item in stored:
        with item.file.open("rb") as source:
            photos.append(Photo(content=source.read(), caption=item.title or registration.name))
    if not photos:
        return Part(heading="", paragraphs=["Không có hình ảnh kèm theo."])
    return Part(heading="", photos=photos)


HEADINGS = [
    "THÔNG TIN CHUNG",
    "NỘI DUNG VÀ CÁC TIÊU CHÍ",
    "KẾT QUẢ ĐẠT ĐƯỢC",
    "KẾT QUẢ ĐÁNH GIÁ CỦA HỘI ĐỒNG",
    "NHÂN RỘNG",
    "HÌNH ẢNH",
]


def dossier(nomination: Nomination) -> Dossier:
    """The whole dossier of the nomination, in the order of `HEADINGS`."""
    registration = nomination.registration
    criteria = list(nomination.council.plan.criteria.order_by("position"))
    ranked = _ranking(nomination)
    parts = [
        _general(registration),
        _criteria(registration, criteria),
        _results(nomination),
        _scores(nomination, ranked, criteria),
        _replication(nomination),
        _photos(nomination),
    ]
    numbered = [
        Part(
            heading=f"{roman(n)}. {title}",
            paragraphs=part.paragraphs,
            table=part.table,
            after_table=part.after_table,
            photos=part.photos,
        )
        for n, (title, part) in enumerate(zip(HEADINGS, parts, strict=True), start=1)
    ]
    unit = registration.unit
    return Dossier(
        cover=cover_letter(nomination, ranked),
        subject_lines=[AWARD, f"“{registration.name}”"],
        parts=numbered,
        endorsement=Endorsement(
            heading=f"XÁC NHẬN CỦA {unit.full_name.upper()}",
            text=nomination.endorsement or "(chưa có)",
            signer=nomination.endorser or unit.full_name,
        ),
    )
