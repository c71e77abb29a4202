"""What the unit that issued the plan issues on its council's approved list: the decision
with its annex, the certificates, and the submission proposing its nominations upwards (DOCX,
official format).

Each outcome has its own documents: a recognised registration an article of the decision and a
certificate of recognition (giấy chứng nhận), a commended one an article with what it is given
and a certificate of merit (giấy khen), a nominated one an article proposing it to the body
above for the national award and no certificate. The unit acts on the council's proposals: it
issues them all, under its own header and signer.
"""

from dataclasses import dataclass

from thidua.documents.certificates import COMMENDATION, RECOGNITION, Certificate
from thidua.documents.dates import short_date
from thidua.documents.decision import Article, Decision, Honour
from thidua.documents.formatting import ENTRIES, citation, enumeration, money, quoted
from thidua.documents.nomination import Nomination
from thidua.documents.official import Signature, number_line, roman
from thidua.initiatives.enums import Kind
from thidua.review.domain.ranking import Ranked
from thidua.review.models import Council, Outcome

# The outcomes that honour a registration, in the order of the decision's articles.
HONOURED = (Outcome.RECOGNISED, Outcome.COMMENDED, Outcome.NOMINATED)
AWARD = "Giải thưởng “Người Việt đoàn kết sáng tạo”"
# What each outcome gives, as the annex's "Hình thức" column says it.
GIVEN = {
    Outcome.RECOGNISED: "Giấy chứng nhận",
    Outcome.COMMENDED: "Giấy khen",
    Outcome.NOMINATED: "Đề nghị giải thưởng",
}
# The certificate each outcome gets; a nomination gets none (the award is not the unit's).
CERTIFICATE_KINDS = {Outcome.RECOGNISED: RECOGNITION, Outcome.COMMENDED: COMMENDATION}
ANNEX_PARTS = {
    Outcome.RECOGNISED: f"{ENTRIES.capitalize()} được công nhận",
    Outcome.COMMENDED: f"{ENTRIES.capitalize()} được khen thưởng",
    Outcome.NOMINATED: f"{ENTRIES.capitalize()} đề nghị xét tặng {AWARD}",
}
KIND_WORDS = {Kind.MODEL: "mô hình", Kind.INITIATIVE: "sáng kiến", Kind.IDEA: "ý tưởng mới"}
DRAFT = "DỰ THẢO"


@dataclass(frozen=True, kw_only=True)
class Acting:
    """The unit that acts on the council's proposals (the plan's unit), as its documents name
    it: it issues the decision and the certificates and nominates to the body above it."""

    superior_line: str  # "HỘI NÔNG DÂN TỈNH PHÚ YÊN", the header's first line
    issuer_line: str  # "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    unit: str  # "Hội Nông dân huyện Sông Hinh"
    body: str  # "Ban Thường vụ Hội Nông dân huyện Sông Hinh"
    superior_unit: str  # "Hội Nông dân tỉnh Phú Yên"; "" for the top unit
    movement: str  # "phong trào thi đua “Sông Hinh đoàn kết sáng tạo”"
    commendation_amount: int | None = None  # đồng per commended registration

    @property
    def superior_body(self) -> str:
        """Whom the unit proposes a national award to: its superior's standing committee."""
        if not self.superior_unit:
            return "cấp có thẩm quyền"
        return f"Ban Thường vụ {self.superior_unit}"


def acting(council: Council) -> Acting:
    plan = council.plan
    parent = plan.unit.parent
    return Acting(
        superior_line=plan.superior_line,
        issuer_line=plan.issuer_line,
        unit=plan.unit.full_name,
        body=f"Ban Thường vụ {plan.unit.full_name}",
        superior_unit=parent.full_name if parent is not None else "",
        movement=f"phong trào thi đua {quoted(plan.movement.name)}",
        commendation_amount=council.commendation_amount,
    )


def _count(honours: list) -> str:
    return f"{len(honours):02d} {ENTRIES}"


def decision_articles(by: Acting, honours: dict[str, list[Honour]]) -> list[Article]:
    """The decision's articles: one per outcome present, in the order recognition,
    commendation, nomination (each listing exactly the registrations of its outcome in its
    part of the annex), then the one that puts the decision into effect."""
    articles: list[Article] = []
    for outcome in HONOURED:
        listed = honours.get(outcome, [])
        if not listed:
            continue
        part = roman(len(articles) + 1)
        annex = f"(có danh sách kèm theo, mục {part})"
        if outcome == Outcome.RECOGNISED:
            text = (
                f"Công nhận {_count(listed)} trong {by.movement} {annex}.\n"
                f"Hình thức công nhận: cấp Giấy chứng nhận của {by.body}.\n"
                f"Các đơn vị có {ENTRIES} được công nhận có trách nhiệm tiếp tục duy trì, "
                "nhân rộng trên địa bàn."
            )
        elif outcome == Outcome.COMMENDED:
            award = f"Hình thức khen thưởng: tặng Giấy khen của {by.body}"
            if by.commendation_amount:
                total = by.commendation_amount * len(listed)
                award += (
                    f", kèm theo tiền thưởng {money(by.commendation_amount)} cho mỗi {ENTRIES} "
                    f"(tổng cộng {money(total)})"
                )
            text = (
                f"Khen thưởng {_count(listed)} có thành tích xuất sắc trong {by.movement} "
                f"{annex}.\n{award}."
            )
        else:
            text = (
                f"Đề nghị {by.superior_body} xét tặng {AWARD} cho {_count(listed)} {annex}.\n"
                f"Văn phòng {by.unit} hoàn thiện hồ sơ đề nghị, gửi {by.superior_body} "
                "theo quy định."
            )
        articles.append(Article(text=text, honours=listed, annex_title=ANNEX_PARTS[outcome]))
    named = [f"Điều {number}" for number in range(1, len(articles) + 1)]
    who = f"Văn phòng, các ban của {by.unit}"
    if named:
        who += f", các đơn vị, tập thể và cá nhân có tên tại {enumeration(named)}"
    articles.append(
        Article(text=f"Quyết định có hiệu lực kể từ ngày ký.\n{who} căn cứ Quyết định thi hành./.")
    )
    return articles


def _what(present: set[str], *, entries_first: bool) -> list[str]:
    """What the decision does, as its subject (or its annex's) says it, on one or two lines:
    "công nhận, khen thưởng mô hình, sáng kiến, ý tưởng mới" and "và đề nghị xét tặng …"."""
    verbs = ", ".join(
        word
        for outcome, word in ((Outcome.RECOGNISED, "công nhận"), (Outcome.COMMENDED, "khen thưởng"))
        if outcome in present
    )
    nominate = f"đề nghị xét tặng {AWARD}" if Outcome.NOMINATED in present else ""
    if not verbs:
        return [f"{nominate} cho {ENTRIES}" if entries_first else f"{ENTRIES} {nominate}"]
    first = f"{verbs} {ENTRIES}" if entries_first else f"{ENTRIES} được {verbs}"
    return [first, f"và {nominate}"] if nominate else [first]


def honours_by_outcome(council: Council, rows: list[Ranked]) -> dict[str, list[Honour]]:
    """The honoured registrations of each outcome, in rank order."""
    proposals = {p.registration_id: p.outcome for p in council.proposals.all()}
    found: dict[str, list[Honour]] = {}
    for row in rows:
        outcome = proposals.get(row.registration.pk, Outcome.NONE)
        if outcome not in HONOURED:
            continue
        found.setdefault(outcome, []).append(
            Honour(
                name=row.registration.name,
                unit=row.registration.unit.full_name,
                lead=row.registration.lead_display(),
                total=row.score,
                grade=row.grade,
                outcome=GIVEN[outcome],
            )
        )
    return found


def decision(council: Council, rows: list[Ranked]) -> Decision:
    """The unit's decision on the approved list: an article per outcome, then its effect."""
    by = acting(council)
    made = council.decision
    plan = council.plan
    honours = honours_by_outcome(council, rows)
    articles = decision_articles(by, honours)
    return Decision(
        superior=by.superior_line,
        issuer=by.issuer_line,
        number=number_line(made.number, f"QĐ/{plan.issuer_code}"),
        place=plan.place,
        date=made.decided_on,
        subject_lines=[
            f"Về việc {line}" if i == 0 else line
            for i, line in enumerate(_what(set(honours), entries_first=True))
        ],
        authority=by.body.upper(),
        bases=[
            "- Căn cứ Điều lệ Hội Nông dân Việt Nam;",
            f"- Căn cứ Kế hoạch số {plan.number_symbol} ngày {short_date(plan.issued_on)} "
            f"của {by.body};",
            f"- Xét đề nghị của {council.name},",
        ],
        articles=articles,
        recipients=[
            f"Như Điều {len(articles)};",
            *([f"{by.superior_unit} (b/c);"] if by.superior_unit else []),
            "Lưu VT, VP.",
        ],
        signature=Signature(
            authority=plan.signing_authority, title=plan.signer_title, signer=plan.signer_name
        ),
        annex_subject_lines=[
            line[0].upper() + line[1:] if i == 0 else line
            for i, line in enumerate(_what(set(honours), entries_first=False))
        ],
        issued_by=by.body,
    )


def certificates(council: Council, rows: list[Ranked], kind: str | None = None) -> list:
    """A certificate of recognition for each recognised registration, then one of merit for
    each commended one (each kind numbered in its own register), or those of one `kind`; a
    nominated registration gets none."""
    by = acting(council)
    made = council.decision
    plan = council.plan
    proposals = {p.registration_id: p.outcome for p in council.proposals.all()}
    found = []
    for outcome, certificate_kind in CERTIFICATE_KINDS.items():
        if kind is not None and certificate_kind != kind:
            continue
        honoured = [r for r in rows if proposals.get(r.registration.pk) == outcome]
        for number, row in enumerate(honoured, start=1):
            what = KIND_WORDS.get(row.registration.kind, ENTRIES)
            if certificate_kind == RECOGNITION:
                achievement = f"Có {what} được công nhận trong {by.movement}:"
            else:
                achievement = f"Đã có thành tích xuất sắc trong {by.movement} với {what}:"
            found.append(
                Certificate(
                    kind=certificate_kind,
                    superior=by.superior_line,
                    issuer=by.unit.upper(),
                    recipient=row.registration.unit.full_name,
                    achievement=achievement,
                    entry=row.registration.name,
                    place=plan.place,
                    date=made.decided_on,
                    signature=Signature(
                        authority=plan.signing_authority,
                        title=plan.signer_title,
                        signer=plan.signer_name,
                    ),
                    register_number=number,
                    decision_number=number_line(made.number, f"QĐ/{plan.issuer_code}"),
                    decision_date=made.decided_on,
                )
            )
    return found


def nomination(council: Council, rows: list[Ranked]) -> Nomination | None:
    """The unit's submission proposing its nominated registrations to the body above for the
    national award, after the decision that nominates them (None when it nominates none). A
    draft for the office to number, date and sign: it is marked DỰ THẢO."""
    nominated = honours_by_outcome(council, rows).get(Outcome.NOMINATED, [])
    if not nominated:
        return None
    by = acting(council)
    made = council.decision
    plan = council.plan
    decided = number_line(made.number, f"QĐ/{plan.issuer_code}")
    cited = f"Quyết định {citation(decided, made.decided_on)}"
    return Nomination(
        superior=by.superior_line,
        issuer=by.issuer_line,
        number=number_line(None, f"TTr/{plan.issuer_code}"),
        place=plan.place,
        year=made.decided_on.year,
        subject_lines=[f"Về việc đề nghị xét tặng {AWARD}"],
        addressee=by.superior_body,
        grounds=[
            f"Căn cứ Kế hoạch số {plan.number_symbol} ngày {short_date(plan.issued_on)} của "
            f"{by.body} về thực hiện {by.movement};",
            f"Căn cứ kết quả đánh giá, biểu quyết của {council.name} ngày "
            f"{short_date(made.decided_on)} và {cited} của {by.body},",
            f"{by.body} kính đề nghị {by.superior_body} xem xét, xét tặng {AWARD} cho "
            f"{_count(nominated)} sau:",
        ],
        honours=nominated,
        closing=[
            f"Hồ sơ kèm theo gồm: {cited}, Biên bản họp {council.name} và hồ sơ đăng ký của "
            f"từng {ENTRIES} được đề nghị.",
            f"Kính đề nghị {by.superior_body} xem xét./.",
        ],
        recipients=["Như trên;", "Lưu VT, VP."],
        signature=Signature(
            authority=plan.signing_authority, title=plan.signer_title, signer=plan.signer_name
        ),
        watermark=DRAFT,
    )
