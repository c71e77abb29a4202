"""The official list "Danh sách đăng ký mô hình, sáng kiến, ý tưởng mới", as rows that the
XLSX and DOCX renderers lay out.

A list is issued by the unit that acts (`acting_units`): a commune sends its OWN list up, under
its own header, number symbol, place and signer, holding its own registrations; the district's
list gathers its communes' under the district's header. Whoever downloads it, the list is the
acting unit's: the commune's officer gets the commune's list from the district's plan, from the
province's or from the commune's own plan alike (`domain/listing.py`: the plans of one movement
and what the list counts).

What a list counts depends on who issues it: a unit's own registrations count once sent (and
not returned); those of the units below it once it has received them. The others are listed
apart, each with its state, and every table numbers its rows 1, 2, 3 … with no gap.
"""

from dataclasses import dataclass

from django.utils import timezone

from thidua.documents.dates import short_date
from thidua.documents.lists import Column, ListPart, OfficialList
from thidua.documents.official import DRAFT_MARK, Signature, number_line
from thidua.documents.xlsx import XlsxColumn
from thidua.initiatives.domain.listing import counts, gathers_for, is_open, own_plan
from thidua.initiatives.enums import Kind, RegistrationState
from thidua.initiatives.models import Registration
from thidua.org import access
from thidua.org.models import Membership, Unit, UnitLevel
from thidua.plans.domain.defaults import (
    governing_body,
    header_lines,
    issuer_code,
    plan_phrase,
    signature_lines,
)
from thidua.plans.models import Plan

# The words of the document, whatever the language of the person who downloads it.
KIND_WORDS = {Kind.MODEL: "Mô hình", Kind.INITIATIVE: "Sáng kiến", Kind.IDEA: "Ý tưởng mới"}
STATE_WORDS = {
    RegistrationState.DRAFT: "Dự thảo, chưa gửi",
    RegistrationState.SUBMITTED: "Đã gửi, chưa tiếp nhận",
    RegistrationState.RECEIVED: "Đã tiếp nhận",
    RegistrationState.RETURNED: "Trả lại để bổ sung",
    RegistrationState.ACCEPTED: "Đã chấp nhận",
}
SUBJECT = "Đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới"
ENTRIES = "mô hình, sáng kiến, ý tưởng mới"

XLSX_COLUMNS = [
    ("TT", 5),
    ("Đơn vị", 24),
    ("Loại", 12),
    ("Tên mô hình, sáng kiến, ý tưởng mới", 36),
    ("Người chủ trì", 24),
    ("Người thực hiện", 30),
    ("Mô tả tóm tắt", 50),
    ("Thời gian áp dụng", 18),
    ("Địa điểm áp dụng", 24),
    ("Công việc áp dụng", 30),
    ("Dự kiến kết quả", 40),
    ("Số hộ tham gia", 10),
    ("Diện tích (ha)", 10),
    ("Thay đổi sản lượng, thu nhập", 20),
    ("Kinh phí (đồng)", 14),
    ("Gắn với cuộc vận động", 30),
    ("Trạng thái", 14),
    ("Ngày gửi", 12),
    ("Trễ hạn", 8),
    ("Nhập từ phiếu giấy", 10),
]
TOTALLED = {"Số hộ tham gia", "Diện tích (ha)", "Kinh phí (đồng)"}  # a totals row sums them
# The columns of a list to print: one A4 landscape page wide at about 12 pt (150 of Excel's
# character widths fill the 277 mm between the sheet's margins).
PRINT_COLUMNS = [
    ("TT", 5),
    ("Đơn vị", 18),
    ("Tên mô hình, sáng kiến, ý tưởng mới", 32),
    ("Loại", 10),
    ("Người chủ trì; người thực hiện", 26),
    ("Thời gian, địa điểm áp dụng", 20),
    ("Dự kiến kết quả", 26),
    ("Trạng thái", 13),
]


# --- who issues the list, and what it holds --------------------------------------------


def may_issue_list(user, plan: Plan) -> bool:
    """Whether ``acting_units`` has a unit for ``user``, from the grants alone (no query)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    here = plan.unit.path
    return any(
        path.startswith(here) or here.startswith(path)
        for path in access.paths_for(user, "registration.view")
    )


def acting_units(user, plan: Plan) -> list[Unit]:
    """The units on whose behalf `user` issues `plan`'s list, the one to offer first first:
    for a role held at or below the plan's unit, that unit (a commune's officer issues the
    commune's list); for a role above it, the plan's unit itself (the province reads the
    district's list as the district issued it). Roles held in the unit itself come before
    those reached through the units it succeeded, outer units before inner ones. Empty when
    `user` may not read registrations there."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return [plan.unit]
    action = "registration.view"
    allowed = access.ACTIONS[action]
    direct = set(
        Membership.objects.filter(person=user, role__in=allowed).values_list(
            "unit__path", flat=True
        )
    )
    roots = access.paths_for(user, action)
    paths = sorted(roots, key=lambda path: (path not in direct, len(path), path))
    chosen: list[str] = []
    for path in paths:
        if path.startswith(plan.unit.path):
            chosen.append(path)
        elif plan.unit.path.startswith(path):
            chosen.append(plan.unit.path)
    order = list(dict.fromkeys(chosen))
    units = {
        unit.path: unit for unit in Unit.objects.filter(path__in=order).select_related("parent")
    }
    return [units[path] for path in order]


@dataclass(frozen=True)
class Signer:
    """Who signs the list: typed on the page, else the signer of the unit's own plan."""

    name: str = ""
    title: str = ""


# --- the XLSX ----------------------------------------------------------------------------


def _implementers(registration: Registration) -> str:
    return "\n".join(
        ", ".join(filter(None, [i.name, i.position_unit, i.role]))
        for i in registration.implementers.all()
    )


def _people(registration: Registration) -> str:
    return f"{registration.lead_display()}\n{_implementers(registration)}".strip()


def xlsx_table(plan: Plan, registrations) -> tuple[list[XlsxColumn], list[list]]:
    """Every column of the registrations, the plan's criteria among them: to sort and filter."""
    criteria = list(plan.criteria.all())
    columns = [XlsxColumn(title, width, total=title in TOTALLED) for title, width in XLSX_COLUMNS]
    # The unit's argument on each of the plan's criteria comes after the description.
    columns[7:7] = [XlsxColumn(c.name, 36) for c in criteria]
    rows = []
    for number, r in enumerate(registrations, start=1):
        arguments = {a.criterion.name: a.text for a in r.arguments.all()}
        base = [
            number, r.unit.full_name, KIND_WORDS.get(r.kind, r.kind), r.name, r.lead_display(),
            _implementers(r), r.summary,
        ]  # fmt: skip
        rest = [
            r.applied_when, r.applied_where, r.applied_work, r.expected_results, r.households,
            float(r.area_ha) if r.area_ha is not None else None, r.income_change, r.cost_vnd,
            "; ".join(c.name for c in r.campaigns.all()), STATE_WORDS[r.state],
            r.first_submitted_at, "x" if r.is_late else "", "x" if r.entered_by_office else "",
        ]  # fmt: skip
        rows.append(base + [arguments.get(c.name, "") for c in criteria] + rest)
    return columns, rows


def print_table(registrations) -> tuple[list[XlsxColumn], list[list]]:
    """The columns a printed list needs, no more: one landscape page wide."""
    columns = [XlsxColumn(title, width) for title, width in PRINT_COLUMNS]
    rows = [
        [
            number,
            r.unit.full_name,
            r.name,
            KIND_WORDS.get(r.kind, r.kind),
            _people(r),
            "\n".join(filter(None, [r.applied_when, r.applied_where])),
            r.expected_results,
            STATE_WORDS[r.state],
        ]
        for number, r in enumerate(registrations, start=1)
    ]
    return columns, rows


# --- the DOCX ----------------------------------------------------------------------------

OWN_COLUMNS = [
    Column("TT", 12, "center"),
    Column("Tên mô hình, sáng kiến, ý tưởng mới", 70),
    Column("Loại", 22, "center"),
    Column("Người chủ trì; người thực hiện", 55),
    Column("Thời gian, địa điểm áp dụng", 45),
    Column("Dự kiến kết quả", 53),
]
OTHER_COLUMNS = [
    Column("TT", 12, "center"),
    Column("Đơn vị", 45),
    Column("Tên mô hình, sáng kiến, ý tưởng mới", 80),
    Column("Loại", 22, "center"),
    Column("Trạng thái", 98),
]


def _row(number: int, r: Registration) -> list[str]:
    return [
        str(number),
        r.name,
        KIND_WORDS.get(r.kind, r.kind),
        _people(r),
        "\n".join(filter(None, [r.applied_when, r.applied_where])),
        r.expected_results,
    ]


def _state(r: Registration) -> str:
    words = STATE_WORDS[r.state]
    if r.state == RegistrationState.RETURNED and r.return_reason.strip():
        words = f"{words}: {r.return_reason.strip()}"
    if r.first_submitted_at:
        words = f"{words} (gửi ngày {short_date(timezone.localdate(r.first_submitted_at))})"
    return words


def _cited(plan: Plan) -> str:
    """ "Kế hoạch số 07-KH/HNDX ngày 25/3/2022 của Ban Thường vụ Hội Nông dân xã Ea Bá"."""
    dated = f" ngày {short_date(plan.issued_on)}" if plan.issued_on else ""
    return f"Kế hoạch số {plan.number_symbol}{dated} của {governing_body(plan.unit)}"


def official_list(
    plan: Plan,
    unit: Unit,
    registrations,
    *,
    plans: list[Plan] | None = None,
    signer: Signer | None = None,
) -> OfficialList:
    """`unit`'s list of registrations on `plan` (and the plans of its movement, `plans`): its
    header, number symbol, place and signer are `unit`'s, and so are the registrations it
    counts; the others follow apart with their state. Not final, and marked "DỰ THẢO", when
    it names no signer or, for a list that gathers other units', while registration is open.
    `unit.parent` is read."""
    plans = plans if plans is not None else [plan]
    signer = signer or Signer()
    own = own_plan(plans, unit)
    superior, issuer = header_lines(unit)
    authority, title = signature_lines(unit)
    name = ""
    if own is not None:
        superior, issuer = own.superior_line, own.issuer_line
        authority, title, name = own.signing_authority, own.signer_title, own.signer_name
    title = signer.title.strip() or title
    name = signer.name.strip() or name

    registrations = list(registrations)
    counted = [r for r in registrations if counts(unit, r)]
    others = [r for r in registrations if not counts(unit, r)]
    gathers = gathers_for(unit, plan, registrations)
    rows, groups = [], []
    for number, r in enumerate(counted, start=1):
        if gathers and (number == 1 or counted[number - 2].unit_id != r.unit_id):
            groups.append((len(rows), r.unit.full_name))
        rows.append(_row(number, r))
    parts = []
    if others:
        why = "đã gửi chưa tiếp nhận hoặc trả lại để bổ sung" if gathers else "trả lại để bổ sung"
        parts.append(
            ListPart(
                heading=f"Các {ENTRIES} {why} (không tính trong danh sách trên):",
                columns=OTHER_COLUMNS,
                rows=[
                    [str(n), r.unit.full_name, r.name, KIND_WORDS.get(r.kind, r.kind), _state(r)]
                    for n, r in enumerate(others, start=1)
                ],
            )
        )

    # A list that gathers the units' registrations is not final while more may come in time.
    provisional = gathers and is_open(own or plan)
    final = bool(name) and not provisional
    today = timezone.localdate()
    closing = f"Danh sách gồm {len(counted)} {ENTRIES}"
    if gathers:
        closing += f" của {len({r.unit_id for r in counted})} đơn vị"
    if own is not None:
        intro = [f"(Kèm theo {_cited(own)})"]
    elif plan.number:
        intro = [f"(Thực hiện {_cited(plan)})"]
    else:
        intro = []
    # The list goes to the unit above, which receives the registrations.
    above = unit.parent
    recipients = [f"{above.full_name} (b/c);"] if above and above.level > UnitLevel.CENTRAL else []
    recipients.append("Lưu VT.")
    return OfficialList(
        superior=superior,
        issuer=issuer,
        number=number_line(None, f"DS/{issuer_code(unit)}"),
        place=own.place if own is not None else unit.name,
        date=today if final else None,
        year=today.year,
        doc_type="DANH SÁCH",
        subject_lines=[
            SUBJECT,
            f"thực hiện {plan_phrase(plan)[:1].lower()}{plan_phrase(plan)[1:]}",
        ],
        intro=intro,
        columns=OWN_COLUMNS,
        rows=rows,
        groups=groups,
        parts=parts,
        closing=[f"{closing}./."],
        recipients=recipients,
        signature=Signature(authority=authority, title=title, signer=name),
        watermark="" if final else DRAFT_MARK,
    )
