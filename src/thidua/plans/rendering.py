"""A plan as an official document, for the HTML view, the print view and the DOCX."""

from thidua.documents.official import (
    OfficialDocument,
    Point,
    Section,
    Signature,
    number_line,
    roman,
)
from thidua.plans.models import Plan, PlanState


def official_document(plan: Plan) -> OfficialDocument:
    """Expects ``bases`` and ``sections__points`` prefetched (see ``plan_for_rendering``)."""
    return OfficialDocument(
        superior=plan.superior_line,
        issuer=plan.issuer_line,
        number=number_line(plan.number, plan.symbol),
        place=plan.place,
        date=plan.issued_on,
        year=(plan.issued_on or plan.period_start).year,
        doc_type="KẾ HOẠCH",
        subject_lines=plan.subject_lines(),
        basis=[basis.text for basis in plan.bases.all()],
        preamble=_paragraphs(plan.preamble),
        sections=[
            Section(
                heading=f"{roman(position)}. {section.heading}",
                paragraphs=_paragraphs(section.body),
                points=[
                    Point(
                        title=f"{number}. {point.title}" if point.title else "",
                        paragraphs=_numbered(number, point)
                        if not point.title
                        else _paragraphs(point.body),
                    )
                    for number, point in enumerate(section.points.all(), start=1)
                ],
            )
            for position, section in enumerate(plan.sections.all(), start=1)
        ],
        closing=_paragraphs(plan.closing),
        recipients=plan.recipient_list(),
        signature=Signature(
            authority=plan.signing_authority,
            title=plan.signer_title,
            signer=plan.signer_name,
            signed_note="Đã ký" if plan.is_signed else "",
        ),
        watermark=_watermark(plan),
    )


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _numbered(number: int, point) -> list[str]:
    """An untitled point carries its number on its first paragraph: "1. Thi đua …"."""
    paragraphs = _paragraphs(point.body)
    if paragraphs:
        paragraphs[0] = f"{number}. {paragraphs[0]}"
    return paragraphs


def _watermark(plan: Plan) -> str:
    if plan.state == PlanState.DRAFT:
        return "DỰ THẢO"
    if plan.is_superseded:
        return "ĐÃ ĐƯỢC THAY THẾ"
    return ""


def plan_for_rendering(queryset):
    return queryset.select_related("unit", "movement", "replaced_by").prefetch_related(
        "bases__parent", "sections__points"
    )
