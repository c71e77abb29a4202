"""A plan copied into a new draft: the next version of the same plan (a correction), or a unit's
own plan on the basis of the one above (the cascade), which speaks as that unit."""

import unicodedata
from collections.abc import Iterable

from thidua.audit.log import person_of
from thidua.documents.dates import short_date
from thidua.org.models import Unit
from thidua.plans.domain.defaults import (
    child_texts,
    default_recipients,
    governing_body,
    header_lines,
    signature_lines,
)
from thidua.plans.domain.numbering import numbering_rule_for
from thidua.plans.models import Movement, Plan, PlanSection, SectionKind

# The heading of the section that says who does what (the seed's "TỔ CHỨC THỰC HIỆN").
ORGANISATION_HEADING = "tổ chức thực hiện"


def citation(plan: Plan) -> str:
    """ "Căn cứ Kế hoạch số 283-KH/HNDT ngày 03/3/2022 của Ban Thường vụ Hội Nông dân tỉnh
    Phú Yên về việc triển khai thực hiện phong trào thi đua …"."""

    body = plan.unit.full_name
    if "THƯỜNG VỤ" in plan.signing_authority.upper():
        body = governing_body(plan.unit)
    subject = plan.title.removeprefix("Kế hoạch ").removeprefix("kế hoạch ")
    return (
        f"Căn cứ Kế hoạch số {plan.number_symbol} ngày {short_date(plan.issued_on)} "
        f"của {body} về việc {subject[:1].lower()}{subject[1:]}."
    )


def copy_plan(source: Plan, *, unit: Unit, actor, fields: Iterable[str]) -> Plan:
    """A draft copy of `source` for `unit`, with what a person wrote in its ``fields``: a new
    version of the same plan, or `unit`'s own plan on its basis, which speaks as `unit` (see
    `defaults.child_texts`). Its sections, points, criteria, deadlines and campaigns come
    with it; its bases do not (each caller says what the copy is based on)."""
    fields = {name: getattr(source, name) for name in fields}
    own = child_texts(source, unit) if unit.pk != source.unit_id else None
    if own is not None:
        fields["superior_line"], fields["issuer_line"] = header_lines(unit)
        fields["place"] = unit.name
        fields["recipients"] = default_recipients(unit)
        fields["signing_authority"], fields["signer_title"] = signature_lines(unit)
        fields["signer_name"], fields["is_signed"] = "", False
        fields["preamble"], fields["closing"] = own["preamble"], own["closing"]
    plan = Plan.objects.create(
        unit=unit,
        movement=source.movement
        if unit.pk == source.unit_id
        else Movement.objects.create(unit=unit, name=source.movement.name),
        issuer_code=numbering_rule_for(unit).issuer_code,
        created_by=person_of(actor),
        **fields,
    )
    sections = list(source.sections.prefetch_related("points"))
    organisation = next((s for s in sections if _is_organisation(s)), None) if own else None
    for section in sections:
        points = [] if section is organisation else list(section.points.all())
        if section is organisation:
            section.body = "\n".join(own["organisation"])
        section.pk, section.plan = None, plan
        section.save()
        for point in points:
            point.pk, point.section = None, section
            point.save()
    if own is not None and organisation is None:
        PlanSection.objects.create(
            plan=plan,
            position=len(sections) + 1,
            heading=ORGANISATION_HEADING.upper(),
            kind=SectionKind.ORGANISATION,
            body="\n".join(own["organisation"]),
        )
    for related in ("criteria", "deadlines", "campaigns"):
        for item in getattr(source, related).all():
            item.pk, item.plan = None, plan
            item.save()
    return plan


def _is_organisation(section: PlanSection) -> bool:
    """The section that says who does what: written for the issuer's own units, so a unit's
    own plan on its basis gets its own."""
    heading = unicodedata.normalize("NFC", section.heading).casefold()
    return section.kind == SectionKind.ORGANISATION or ORGANISATION_HEADING in heading
