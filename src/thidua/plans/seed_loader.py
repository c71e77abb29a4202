"""Loading a plan written as JSON (``plans/seed/*.json``, see its README) into the database."""

import datetime
import json
from pathlib import Path

from django.db import transaction

from thidua.org.models import Unit
from thidua.plans.domain.numbering import numbering_rule_for
from thidua.plans.domain.plans import (
    end_of_day,
    plan_create,
    plan_record_issued,
    plan_set_list,
)
from thidua.plans.models import DeadlineKind, Plan, PlanPoint, PlanSection, SectionKind

SEED_DIR = Path(__file__).resolve().parent / "seed"


def read(name: str) -> dict:
    return json.loads((SEED_DIR / name).read_text(encoding="utf-8"))


@transaction.atomic
def load_plan(
    data: dict,
    *,
    unit: Unit,
    actor=None,
    parent: Plan | None = None,
    child_plan_deadline: bool = False,
) -> Plan:
    """Create the plan described by ``data`` as issued with its own number and date."""
    rule = numbering_rule_for(unit)
    if rule.issuer_code != data["issuer_code"]:
        rule.issuer_code = data["issuer_code"]
        rule.save(update_fields=["issuer_code"])
    start, end = (datetime.date.fromisoformat(day) for day in data["period"])
    signature = data["signature"]
    rule_data = data.get("registration_rule") or {}
    plan = plan_create(
        actor=actor,
        unit=unit,
        title=data["title"],
        movement_name=data["movement"],
        period_start=start,
        period_end=end,
        emulation_form=data["emulation_form"],
        subject="\n".join(data["subject_lines"]),
        superior_line=data["superior_line"],
        issuer_line=data["issuer_line"],
        place=data["place"],
        preamble="\n".join(data["preamble"]),
        closing="\n".join(data["closing"]),
        recipients="\n".join(data["recipients"]),
        quota_kinds=rule_data.get("unit_kinds", []),
        quota_minimum=rule_data.get("minimum", 1),
        registration_rule=rule_data.get("text", ""),
        signing_authority=signature["authority"],
        signer_title=signature["title"],
        signer_name=signature["signer"],
        is_signed=signature["signed"],
    )
    _sections(plan, data["sections"])
    deadlines = [
        {
            "kind": d["kind"],
            "label": d["label"],
            "due_at": end_of_day(datetime.date.fromisoformat(d["due"])),
        }
        for d in data["deadlines"]
    ]
    if child_plan_deadline:
        # The seed asks for the units' plans with their registrations, by the same day.
        registration = next(d for d in deadlines if d["kind"] == DeadlineKind.REGISTRATION)
        deadlines.insert(
            0, {**registration, "kind": DeadlineKind.CHILD_PLAN, "label": "Gửi kế hoạch của đơn vị"}
        )
    lists = {
        "criteria": [
            {k: c[k] for k in ("code", "name", "description", "max_points")}
            for c in data["criteria"]
        ],
        "deadlines": deadlines,
        "campaigns": [{"name": name} for name in data["campaigns"]],
        "bases": [
            {"parent": parent if parent and b.get("cites") else None, "text": b["text"]}
            for b in data["basis"]
        ],
    }
    for kind, rows in lists.items():
        plan_set_list(actor=actor, plan=plan, kind=kind, rows=rows)
    return plan_record_issued(
        actor=actor,
        plan=plan,
        number=data["number"],
        issued_on=datetime.date.fromisoformat(data["date"]),
    )


def _sections(plan: Plan, sections: list[dict]) -> None:
    for position, data in enumerate(sections, start=1):
        section = PlanSection.objects.create(
            plan=plan,
            position=position,
            heading=data["heading"],
            kind=data.get("kind", SectionKind.OTHER),
            body="\n".join(data["paragraphs"]),
        )
        PlanPoint.objects.bulk_create(
            PlanPoint(
                section=section,
                position=i,
                title=point["title"],
                body="\n".join(point["paragraphs"]),
            )
            for i, point in enumerate(data["points"], start=1)
        )
