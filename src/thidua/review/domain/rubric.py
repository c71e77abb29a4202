"""The rubric is data: each criterion's weight and score bands, and the classes by total.

Edited as short text so a province can paste its own rubric:
    bands:   "27-30: hoàn toàn mới" one per line (a criterion of 30 points)
    grades:  "Xuất sắc: 90" one per line (the class from that total up)
"""

import math
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core import numbers
from thidua.plans.models import Plan
from thidua.review.models import Band, CouncilState, Grade
from thidua.review.models.councils import plain

MAX_LABEL, MAX_TOTAL = 50, 99999  # the Grade fields' sizes
BAND_LINE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)\s*:\s*(.+)$")
GRADE_LINE = re.compile(r"^\s*(.+?)\s*:\s*(\d+(?:[.,]\d+)?)\s*$")


def _number(typed: str) -> Decimal:
    return numbers.parse_decimal(typed)


def band_example(maximum: int) -> str:
    """A top band of a criterion of `maximum` points, as the hints show it: its last tenth
    (at least one point) up to the maximum: 30 → "27-30", 20 → "18-20", 5 → "4-5"."""
    low = max(0, maximum - max(1, math.ceil(maximum / 10)))
    return f"{low}-{maximum}"


def parse_bands(source: str, maximum: int) -> list[tuple[Decimal, Decimal, str]]:
    bands = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            continue
        match = BAND_LINE.match(line)
        if not match:
            raise ValidationError(
                _("Line %(line)d: write “%(example)s: meaning”.")
                % {"line": number, "example": band_example(maximum)}
            )
        low, high = _number(match[1]), _number(match[2])
        if not Decimal(0) <= low <= high <= maximum:
            raise ValidationError(
                _("Line %(line)d: a band lies between 0 and %(max)d, low before high.")
                % {"line": number, "max": maximum}
            )
        bands.append((low, high, match[3].strip()[:300]))
    return bands


def parse_grades(source: str) -> list[tuple[str, Decimal]]:
    grades = []
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            continue
        match = GRADE_LINE.match(line)
        if not match:
            raise ValidationError(_("Line %(line)d: write “Xuất sắc: 90”.") % {"line": number})
        label, total = match[1], _number(match[2])
        if len(label) > MAX_LABEL or not Decimal(0) <= total <= MAX_TOTAL:
            raise ValidationError(
                _(
                    "Line %(line)d: a class name of at most %(chars)d characters, "
                    "a total up to %(max)d."
                )
                % {"line": number, "chars": MAX_LABEL, "max": MAX_TOTAL}
            )
        grades.append((label, total))
    return grades


@transaction.atomic
def rubric_set(
    *, actor, plan: Plan, weights: dict[int, Decimal], bands: dict[int, str], grades: str
):
    """Replace the plan's weights, bands and classes; refused once scoring has started."""
    if plan.councils.exclude(state=CouncilState.SETUP).exists():
        raise ValidationError(_("Scoring has started: the rubric can no longer change."))
    criteria = {c.pk: c for c in plan.criteria.all()}
    parsed_bands = {pk: parse_bands(bands.get(pk, ""), criteria[pk].max_points) for pk in criteria}
    parsed_grades = parse_grades(grades)
    for pk, criterion in criteria.items():
        criterion.weight = weights.get(pk, criterion.weight)
        criterion.save(update_fields=["weight"])
        Band.objects.filter(criterion=criterion).delete()
        Band.objects.bulk_create(
            Band(criterion=criterion, low=low, high=high, description=text)
            for low, high, text in parsed_bands[pk]
        )
    plan.grades.all().delete()
    Grade.objects.bulk_create(
        Grade(plan=plan, label=label, min_total=total) for label, total in parsed_grades
    )
    record(
        actor=actor,
        action=Action.UPDATE,
        instance=plan,
        unit=plan.unit,
        note=_("The rubric was changed."),
        after={"grades": grades, "bands": {str(k): v for k, v in bands.items()}},
    )


def bands_text(criterion) -> str:
    return "\n".join(
        f"{plain(b.low)}-{plain(b.high)}: {b.description}" for b in criterion.bands.all()
    )


def grades_text(plan: Plan) -> str:
    return "\n".join(f"{g.label}: {plain(g.min_total)}" for g in plan.grades.all())
