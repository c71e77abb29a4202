"""What the council's meeting leaves on paper: the score table (XLSX) and the minutes (DOCX,
official format), a draft until the vote passes. A blind council's documents name each
registration by its number, not its unit, until it has decided."""

from thidua.documents.council import Criterion, Member, ScoreRow, Vote
from thidua.documents.minutes import Minutes
from thidua.documents.official import number_line
from thidua.documents.xlsx import XlsxColumn, render_xlsx
from thidua.review.domain.councils import registration_numbers
from thidua.review.domain.ranking import Ranked
from thidua.review.exports.honours import AWARD, DRAFT, acting
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


# What the minutes say each registration was proposed for.
OUTCOME_WORDS = {
    Outcome.RECOGNISED: "Công nhận",
    Outcome.COMMENDED: "Khen thưởng",
    Outcome.NOMINATED: f"Đề nghị {AWARD}",
    Outcome.NONE: "",
}


def minutes(council: Council, rows: list[Ranked]):
    """The minutes of the council's meeting: a draft (DỰ THẢO, date and times blank) until the
    list is approved. The council is the unit's: the unit heads the minutes."""
    rows = number_rows(council, rows)
    by = acting(council)
    decision = getattr(council, "decision", None)
    proposals = {p.registration_id: p.outcome for p in council.proposals.all()}
    criteria = list(council.plan.criteria.all())
    members = list(council.members.select_related("person"))
    presence = _presence(decision, members)
    return Minutes(
        superior=by.unit.upper(),
        issuer=council.name.upper(),
        number=number_line(None, f"BB/{council.plan.issuer_code}"),
        place=council.plan.place,
        date=decision.decided_on if decision else None,
        year=(decision.decided_on.year if decision else council.plan.period_start.year),
        start=decision.started_at if decision else None,
        end=decision.ended_at if decision else None,
        venue=f"Trụ sở {by.unit}",
        council=council.name,
        purpose="đánh giá các mô hình, sáng kiến, ý tưởng mới theo Kế hoạch số "
        + council.plan.number_symbol,
        members=[
            Member(name=m.person.get_full_name(), role=m.role, present=presence[m.pk])
            for m in members
        ],
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
        proposed_to=by.body,
        watermark="" if decision else DRAFT,
    )


def _presence(decision, members) -> dict[int, bool | None]:
    """Member id → whether they came to the meeting that approved the list; None for all when
    that is not known (before the vote, or absent members not named with it)."""
    if decision is None:
        return dict.fromkeys((m.pk for m in members), None)
    if decision.present == decision.members:
        return dict.fromkeys((m.pk for m in members), True)
    absent = set(decision.absent.values_list("pk", flat=True))
    if len(absent) != decision.members - decision.present:
        return dict.fromkeys((m.pk for m in members), None)
    return {m.pk: m.pk not in absent for m in members}
