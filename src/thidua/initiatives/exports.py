"""The official list "Danh sách đăng ký mô hình, sáng kiến, ý tưởng mới", as rows that the
XLSX and DOCX renderers lay out. One query for the registrations, one per related list."""

from django.db.models import Prefetch
from django.utils import timezone

from thidua.documents.lists import Column, OfficialList
from thidua.documents.official import Signature, number_line
from thidua.documents.xlsx import XlsxColumn
from thidua.initiatives.models import Argument, Registration
from thidua.plans.models import Plan

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


def registrations_for_list(plan: Plan, queryset):
    return (
        queryset.filter(plan=plan)
        .select_related("unit", "lead")
        .prefetch_related(
            "implementers",
            "campaigns",
            Prefetch(
                "arguments",
                queryset=Argument.objects.select_related("criterion").order_by(
                    "criterion__position"
                ),
            ),
        )
        .order_by("unit__sort_key", "id")
    )


def _implementers(registration: Registration) -> str:
    return "\n".join(
        ", ".join(filter(None, [i.name, i.position_unit, i.role]))
        for i in registration.implementers.all()
    )


def xlsx_table(plan: Plan, registrations) -> tuple[list[XlsxColumn], list[list]]:
    criteria = list(plan.criteria.all())
    columns = [XlsxColumn(title, width, total=title in TOTALLED) for title, width in XLSX_COLUMNS]
    # The unit's argument on each of the plan's criteria comes after the description.
    columns[7:7] = [XlsxColumn(c.name, 36) for c in criteria]
    rows = []
    for number, r in enumerate(registrations, start=1):
        arguments = {a.criterion_id: a.text for a in r.arguments.all()}
        base = [
            number, r.unit.full_name, r.get_kind_display(), r.name, r.lead_display(),
            _implementers(r), r.summary,
        ]  # fmt: skip
        rest = [
            r.applied_when, r.applied_where, r.applied_work, r.expected_results, r.households,
            float(r.area_ha) if r.area_ha is not None else None, r.income_change, r.cost_vnd,
            "; ".join(c.name for c in r.campaigns.all()), r.get_state_display(),
            r.first_submitted_at, "x" if r.is_late else "", "x" if r.entered_by_office else "",
        ]  # fmt: skip
        rows.append(base + [arguments.get(c.pk, "") for c in criteria] + rest)
    return columns, rows


DOCX_COLUMNS = [
    Column("TT", 10, "center"),
    Column("Đơn vị", 32),
    Column("Tên mô hình, sáng kiến, ý tưởng mới", 60),
    Column("Loại", 20, "center"),
    Column("Người chủ trì; người thực hiện", 45),
    Column("Thời gian, địa điểm áp dụng", 45),
    Column("Dự kiến kết quả", 45),
]


def official_list(plan: Plan, registrations, *, superior: str, issuer: str) -> OfficialList:
    rows = []
    for number, r in enumerate(registrations, start=1):
        people = r.lead_display()
        implementers = _implementers(r)
        rows.append(
            [
                str(number),
                r.unit.full_name,
                r.name,
                str(r.get_kind_display()),
                f"{people}\n{implementers}".strip(),
                "\n".join(filter(None, [r.applied_when, r.applied_where])),
                r.expected_results,
            ]
        )
    today = timezone.localdate()
    return OfficialList(
        superior=superior,
        issuer=issuer,
        number=number_line(None, f"DS/{plan.issuer_code}"),
        place=plan.place,
        date=today,
        doc_type="DANH SÁCH",
        subject_lines=[
            "Đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới",
            f"thực hiện {plan.title[:1].lower()}{plan.title[1:]}",
        ],
        intro=[f"(Kèm theo Kế hoạch số {plan.number_symbol})"] if plan.number else [],
        columns=DOCX_COLUMNS,
        rows=rows,
        closing=[],
        recipients=["Như trên;", "Lưu VP."],
        signature=Signature(authority=plan.signing_authority, title=plan.signer_title, signer=""),
    )
