"""The council's documents: the score table (XLSX), the minutes, the decision with its
annex, and the certificates (DOCX, official format)."""

from thidua.documents.certificates import Certificate
from thidua.documents.council import Criterion, Member, ScoreRow, Vote
from thidua.documents.dates import short_date
from thidua.documents.decision import Decision, Honour
from thidua.documents.minutes import Minutes
from thidua.documents.official import Signature, number_line
from thidua.documents.xlsx import XlsxColumn, render_xlsx
from thidua.review.domain.councils import registration_numbers
from thidua.review.domain.ranking import Ranked
from thidua.review.models import Council, CouncilState, Outcome


def registration_label(council: Council, row: Ranked) -> tuple[str, str]:
    """(name, unit) as the table shows them; blind councils hide the unit until decided."""
    registration = row.registration
    if council.blind and council.state != CouncilState.DECIDED:
        return registration.name, f"Hồ sơ số {getattr(row, 'registration_no', '…')}"
    return registration.name, registration.unit.full_name


def number_rows(council: Council, rows: list[Ranked]) -> list[Ranked]:
    numbers = registration_numbers(council)
    for row in rows:
        row.registration_no = numbers.get(row.registration.pk)
    return rows


def score_table_xlsx(council: Council, rows: list[Ranked]) -> bytes:
    rows = number_rows(council, rows)
    criteria = list(council.plan.criteria.all())
    columns = [
        XlsxColumn("Hạng", 7),
        XlsxColumn("Tên mô hình, sáng kiến, ý tưởng mới", 40),
        XlsxColumn("Đơn vị", 28),
        *[XlsxColumn(f"{c.name} ({c.max_points})", 14) for c in criteria],
        XlsxColumn("Điểm", 10),
        XlsxColumn("Xếp loại", 12),
        XlsxColumn("Số phiếu chấm", 10),
        XlsxColumn("Chênh lệch", 10),
    ]
    table = []
    for row in rows:
        name, unit = registration_label(council, row)
        table.append(
            [
                row.rank,
                name,
                unit,
                *[row.criterion_means.get(c.pk) for c in criteria],
                row.score,
                row.grade,
                len(row.totals),
                row.spread if row.totals else None,
            ]
        )
    return render_xlsx(
        title="BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM",
        subtitle_lines=[council.name, f"Kế hoạch số {council.plan.number_symbol}"],
        columns=columns,
        rows=table,
        sheet_name="Kết quả chấm",
    )


HONOURED = (Outcome.RECOGNISED, Outcome.COMMENDED, Outcome.NOMINATED)
OUTCOME_WORDS = {
    Outcome.RECOGNISED: "Công nhận",
    Outcome.COMMENDED: "Khen thưởng",
    Outcome.NOMINATED: "Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo”",
    Outcome.NONE: "",
}


def _issuer(council: Council) -> tuple[str, str, str]:
    """(superior line, issuer line, the body in sentence case) of the council's unit."""
    plan = council.plan
    return plan.superior_line, plan.issuer_line, f"Ban Thường vụ {plan.unit.full_name}"


def minutes(council: Council, rows: list[Ranked]):
    rows = number_rows(council, rows)
    superior, _issuer_line, body = _issuer(council)
    decision = getattr(council, "decision", None)
    proposals = {p.registration_id: p.outcome for p in council.proposals.all()}
    criteria = list(council.plan.criteria.all())
    members = list(council.members.select_related("person"))
    return Minutes(
        superior=superior,
        issuer=council.name.upper(),
        number=number_line(None, f"BB/{council.plan.issuer_code}"),
        place=council.plan.place,
        date=decision.decided_on if decision else None,
        year=(decision.decided_on.year if decision else council.plan.period_start.year),
        venue=f"Trụ sở {council.plan.unit.full_name}",
        council=council.name,
        purpose="đánh giá các mô hình, sáng kiến, ý tưởng mới theo Kế hoạch số "
        + council.plan.number_symbol,
        members=[Member(name=m.person.get_full_name(), role=m.role) for m in members],
        criteria=[Criterion(name=c.name, max_points=c.max_points) for c in criteria],
        rows=[
            ScoreRow(
                name=registration_label(council, row)[0],
                unit=registration_label(council, row)[1],
                scores=[row.criterion_means.get(c.pk) for c in criteria],
                total=row.score,
                grade=row.grade,
                rank=row.rank,
                outcome=OUTCOME_WORDS.get(proposals.get(row.registration.pk, Outcome.NONE), ""),
            )
            for row in rows
            if row.score is not None
        ],
        unit_heading="Hồ sơ"
        if council.blind and council.state != CouncilState.DECIDED
        else "Đơn vị",
        max_total=sum(c.max_points * c.weight for c in criteria),
        vote=Vote(
            members=decision.members,
            present=decision.present,
            votes_for=decision.votes_for,
            votes_against=decision.votes_against,
            numerator=council.approval_numerator,
            denominator=council.approval_denominator,
        )
        if decision
        else None,
        proposed_to=body,
    )


def decision(council: Council, rows: list[Ranked]):
    superior, issuer_line, body = _issuer(council)
    made = council.decision
    plan = council.plan
    proposals = {p.registration_id: p for p in council.proposals.all()}
    honours = [
        Honour(
            name=row.registration.name,
            unit=row.registration.unit.full_name,
            lead=row.registration.lead_display(),
            total=row.score,
            grade=row.grade,
            outcome=OUTCOME_WORDS[proposals[row.registration.pk].outcome],
        )
        for row in rows
        if row.registration.pk in proposals and proposals[row.registration.pk].outcome in HONOURED
    ]
    return Decision(
        superior=superior,
        issuer=issuer_line,
        number=number_line(made.number, f"QĐ/{plan.issuer_code}"),
        place=plan.place,
        date=made.decided_on,
        authority=body.upper(),
        bases=[
            "- Căn cứ Điều lệ Hội Nông dân Việt Nam;",
            f"- Căn cứ Kế hoạch số {plan.number_symbol} ngày {short_date(plan.issued_on)} "
            f"của {body};",
            f"- Xét đề nghị của {council.name},",
        ],
        articles=[
            f"Công nhận, khen thưởng {len(honours)} mô hình, sáng kiến, ý tưởng mới "
            "(có danh sách kèm theo).",
            "Các đơn vị có mô hình, sáng kiến được công nhận có trách nhiệm tiếp tục duy trì, "
            "nhân rộng trên địa bàn.",
            "Văn phòng, các ban và các đơn vị có tên tại Điều 1 căn cứ Quyết định thi hành./.",
        ],
        recipients=["Như Điều 3;", "Lưu VT, VP."],
        signature=Signature(
            authority=plan.signing_authority, title=plan.signer_title, signer=plan.signer_name
        ),
        issued_by=body,
        honours=honours,
    )


def certificates(council: Council, rows: list[Ranked]) -> list:
    superior = council.plan.superior_line
    made = council.decision
    plan = council.plan
    proposals = {p.registration_id: p.outcome for p in council.proposals.all()}
    honoured = [r for r in rows if proposals.get(r.registration.pk) in HONOURED]
    return [
        Certificate(
            superior=superior,
            issuer=plan.unit.full_name.upper(),
            recipient=row.registration.unit.full_name,
            achievement=f"Đã có thành tích xuất sắc trong phong trào thi đua {plan.movement.name} "
            "với mô hình, sáng kiến:",
            entry=row.registration.name,
            place=plan.place,
            date=made.decided_on,
            signature=Signature(
                authority=plan.signing_authority, title=plan.signer_title, signer=plan.signer_name
            ),
            register_number=number,
            decision_number=number_line(made.number, f"QĐ/{plan.issuer_code}"),
            decision_date=made.decided_on,
        )
        for number, row in enumerate(honoured, start=1)
    ]
