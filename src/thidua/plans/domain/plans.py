"""Every change to a plan goes through these functions: validated, saved, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.audit.edits import add_file
from thidua.audit.log import person_of, record, snapshot
from thidua.audit.models import Action
from thidua.audit.transitions import transition
from thidua.org.models import Unit
from thidua.plans.domain import body as plan_body
from thidua.plans.domain.copies import citation, copy_plan
from thidua.plans.domain.defaults import (
    DEFAULT_MAX_POINTS,
    SEED_CRITERIA,
    default_recipients,
    header_lines,
    signature_lines,
)
from thidua.plans.domain.numbering import next_number, numbering_rule_for, reserve_up_to
from thidua.plans.models import (
    Campaign,
    Criterion,
    Deadline,
    EmulationForm,
    Movement,
    Plan,
    PlanAttachment,
    PlanBasis,
    PlanPoint,
    PlanSection,
    PlanState,
)

EDITABLE_FIELDS = {
    "superior_line",
    "issuer_line",
    "place",
    "title",
    "subject",
    "emulation_form",
    "period_start",
    "period_end",
    "preamble",
    "closing",
    "recipients",
    "quota_kinds",
    "quota_minimum",
    "registration_rule",
    "late_registrations",
    "signing_authority",
    "signer_title",
    "signer_name",
    "is_signed",
}


def _require_draft(plan: Plan) -> None:
    if plan.state != PlanState.DRAFT:
        raise ValidationError(
            _("An issued plan cannot be changed: make a correction (a new version) instead.")
        )


def _locked_draft(plan: Plan) -> Plan:
    """The plan re-read under a row lock: a plan issued meanwhile is not changed back."""
    current = Plan.objects.select_for_update().select_related("movement", "unit").get(pk=plan.pk)
    _require_draft(current)
    return current


def end_of_day(day: datetime.date) -> datetime.datetime:
    """A deadline "before 10/4/2022" is met until the end of that day, Vietnam time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


@transaction.atomic
def plan_create(
    *,
    actor,
    unit: Unit,
    title: str,
    movement_name: str,
    period_start: datetime.date,
    period_end: datetime.date,
    emulation_form: str = EmulationForm.THEMATIC,
    **fields,
) -> Plan:
    """A new draft plan of ``unit`` with the seed's five criteria; audited."""
    superior, issuer = header_lines(unit)
    authority, signer_title = signature_lines(unit)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"plan_create cannot set {sorted(unknown)}")
    plan = Plan(
        unit=unit,
        movement=Movement.objects.create(unit=unit, name=movement_name),
        title=title,
        subject=fields.pop("subject", title),
        superior_line=fields.pop("superior_line", superior),
        issuer_line=fields.pop("issuer_line", issuer),
        issuer_code=numbering_rule_for(unit).issuer_code,
        place=fields.pop("place", unit.name),
        emulation_form=emulation_form,
        period_start=period_start,
        period_end=period_end,
        recipients=fields.pop("recipients", default_recipients(unit)),
        signing_authority=fields.pop("signing_authority", authority),
        signer_title=fields.pop("signer_title", signer_title),
        created_by=person_of(actor),
        **fields,
    )
    plan.full_clean(exclude=["movement", "number_period"])
    plan.save()
    Criterion.objects.bulk_create(
        Criterion(
            plan=plan,
            position=i,
            code=code,
            name=name,
            description=desc,
            max_points=DEFAULT_MAX_POINTS,
        )
        for i, (code, name, desc) in enumerate(SEED_CRITERIA, start=1)
    )
    record(actor=actor, action=Action.CREATE, instance=plan, unit=unit)
    return plan


@transaction.atomic
def plan_update(*, actor, plan: Plan, movement_name: str | None = None, **changes) -> Plan:
    plan = _locked_draft(plan)
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"plan_update cannot change {sorted(unknown)}")
    before = snapshot(plan)
    for name, value in changes.items():
        setattr(plan, name, value)
    plan.full_clean(exclude=["number_period"])
    plan.save(update_fields=[*changes, "updated_at"])
    if movement_name and movement_name != plan.movement.name:
        plan.movement.name = movement_name
        plan.movement.save(update_fields=["name"])
    record(actor=actor, action=Action.UPDATE, instance=plan, unit=plan.unit, before=before)
    return plan


@transaction.atomic
def plan_set_body(*, actor, plan: Plan, source: str) -> None:
    """Replace the sections and points with those written in ``source`` (see body.py)."""
    plan = _locked_draft(plan)
    drafts = plan_body.parse(source)
    before = {"body": plan_body.unparse(plan.sections.prefetch_related("points"))}
    plan.sections.all().delete()
    for position, draft in enumerate(drafts, start=1):
        section = PlanSection.objects.create(
            plan=plan,
            position=position,
            heading=draft.heading,
            body="\n".join(draft.paragraphs),
        )
        PlanPoint.objects.bulk_create(
            PlanPoint(section=section, position=i, title=p.title, body="\n".join(p.paragraphs))
            for i, p in enumerate(draft.points, start=1)
        )
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=plan,
        unit=plan.unit,
        before=before,
        after={"body": source},
    )


@transaction.atomic
def plan_set_list(*, actor, plan: Plan, kind: str, rows: list[dict]) -> None:
    """Replace the plan's criteria, deadlines, campaigns or bases with ``rows``."""
    plan = _locked_draft(plan)
    model, related = {
        "criteria": (Criterion, plan.criteria),
        "deadlines": (Deadline, plan.deadlines),
        "campaigns": (Campaign, plan.campaigns),
        "bases": (PlanBasis, plan.bases),
    }[kind]
    before = {kind: [snapshot(item) for item in related.all()]}
    related.all().delete()
    ordered = any(f.name == "position" for f in model._meta.fields)
    model.objects.bulk_create(
        model(plan=plan, **({"position": i} if ordered else {}), **row)
        for i, row in enumerate(rows, start=1)
    )
    after = {kind: [snapshot(item) for item in related.all()]}
    record(
        actor=actor, action=Action.UPDATE, instance=plan, unit=plan.unit, before=before, after=after
    )


@transaction.atomic
def plan_issue(*, actor, plan: Plan, issued_on: datetime.date | None = None) -> Plan:
    """Give the plan its number and date and make it read-only; audited.

    A correction (a plan that ``replaces`` another) supersedes the old version,
    which stays visible and marked as replaced.
    """
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if not plan.sections.exists():
        raise ValidationError(_("A plan needs at least one section before it is issued."))
    _require_signer(plan)
    issued_on = issued_on or timezone.localdate()
    rule = numbering_rule_for(plan.unit)
    period = rule.period_for(issued_on.year)
    numbering = {
        "number_period": period,
        "issuer_code": rule.issuer_code,
        "number": next_number(unit=plan.unit, period=period),
        "issued_on": issued_on,
        "updated_at": timezone.now(),
    }
    _issue(actor, plan, numbering)
    if plan.replaces_id:  # the corrected version takes over: the old one takes nothing new
        Plan.objects.filter(pk=plan.replaces_id).update(state=PlanState.CLOSED)
    return plan


def _require_signer(plan: Plan) -> None:
    """An issued plan is a final document: it names the person who signs it."""
    if not plan.signer_name.strip() or not plan.signer_title.strip():
        raise ValidationError(
            _(
                "Give the signer's title and name before issuing the plan: a final document "
                "names the person who signs it."
            )
        )


def _issue(actor, plan: Plan, numbering: dict, note: str = "") -> None:
    for name, value in numbering.items():
        setattr(plan, name, value)
    transition(
        actor=actor,
        instance=plan,
        to=PlanState.ISSUED,
        source=PlanState.DRAFT,
        unit=plan.unit,
        changes=numbering,
        after={"number": plan.number_symbol, "issued_on": numbering["issued_on"]},
        note=note,
    )


@transaction.atomic
def plan_close(*, actor, plan: Plan) -> Plan:
    if plan.state != PlanState.ISSUED:
        raise ValidationError(_("Only an issued plan can be closed."))
    transition(
        actor=actor,
        instance=plan,
        to=PlanState.CLOSED,
        source=PlanState.ISSUED,
        unit=plan.unit,
        changes={"updated_at": timezone.now()},
    )
    return plan


@transaction.atomic
def plan_correct(*, actor, plan: Plan) -> Plan:
    """A new draft version of an issued plan, to be corrected and issued in its place."""
    if plan.state == PlanState.DRAFT:
        raise ValidationError(_("A draft can be edited directly."))
    if hasattr(plan, "replaced_by"):
        raise ValidationError(_("This plan already has a newer version."))
    copy = copy_plan(plan, unit=plan.unit, actor=actor, fields=EDITABLE_FIELDS)
    copy.version = plan.version + 1
    copy.replaces = plan
    copy.save(update_fields=["version", "replaces"])
    for basis in plan.bases.all():
        PlanBasis.objects.create(
            plan=copy, position=basis.position, parent=basis.parent, text=basis.text
        )
    record(
        actor=actor,
        action=Action.CREATE,
        instance=copy,
        unit=plan.unit,
        note=_("Correction of plan %(number)s.") % {"number": plan.number_symbol},
    )
    return copy


@transaction.atomic
def plan_create_child(*, actor, parent: Plan, unit: Unit) -> Plan:
    """The unit's own plan "căn cứ" ``parent``: prefilled from it, editable, a draft."""
    if parent.state != PlanState.ISSUED:
        raise ValidationError(_("Only an issued plan can be the basis of another plan."))
    if not unit.path.startswith(parent.unit.path) or unit.pk == parent.unit_id:
        raise ValidationError(_("This unit is not among the plan's recipients."))
    child = copy_plan(parent, unit=unit, actor=actor, fields=EDITABLE_FIELDS)
    PlanBasis.objects.create(plan=child, position=1, parent=parent, text=citation(parent))
    record(
        actor=actor,
        action=Action.CREATE,
        instance=child,
        unit=unit,
        note=_("Based on plan %(number)s.") % {"number": parent.number_symbol},
    )
    return child


@transaction.atomic
def plan_record_issued(*, actor, plan: Plan, number: int, issued_on: datetime.date) -> Plan:
    """Record a plan already issued on paper, with the number it carries; audited.

    The unit's counter moves past ``number`` so the next plan issued here follows it.
    """
    _require_draft(plan)
    rule = numbering_rule_for(plan.unit)
    plan.number_period = rule.period_for(issued_on.year)
    numbering = {"number": number, "issued_on": issued_on, "updated_at": timezone.now()}
    numbering["number_period"] = plan.number_period
    _issue(actor, plan, numbering, note=_("Recorded from a paper document."))
    reserve_up_to(unit=plan.unit, period=plan.number_period, number=number)
    return plan


@transaction.atomic
def plan_attachment_add(*, actor, plan: Plan, upload, title: str) -> PlanAttachment:
    """Attach a file to a draft plan (checked by content, a picture re-encoded); audited.
    ValidationError when the plan is no longer a draft or the file is refused."""
    _require_draft(plan)
    attachment = PlanAttachment(plan=plan, title=title)
    return add_file(actor=actor, row=attachment, upload=upload, unit=plan.unit)
