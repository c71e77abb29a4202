"""What a unit's official list of registrations holds: the plans of one movement it answers,
the registrations of the unit and those below it, and which of them the list counts (a
unit's own once sent and not returned; those of the units below it once received). The
list itself, as a document, is built in `initiatives/exports.py`."""

from django.db.models import Prefetch
from django.utils import timezone

from thidua.initiatives.domain.registrations import registration_deadline
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Argument, Registration
from thidua.org.models import Unit
from thidua.plans.domain.tree import MAX_PLAN_DEPTH, plan_tree
from thidua.plans.models import Plan, PlanBasis, PlanState

# What a list counts: the issuing unit's own registrations once sent and not returned; those
# of the units below it once it has received them.
OWN_COUNTED = (RegistrationState.SUBMITTED, RegistrationState.RECEIVED, RegistrationState.ACCEPTED)
RECEIVED = (RegistrationState.RECEIVED, RegistrationState.ACCEPTED)


def list_plans(plan: Plan) -> list[Plan]:
    """The plans of one movement around `plan`: the plans it was written on (up to the top)
    and the plans written on it (down to the communes'), each with its earlier versions.
    Registrations answer any of them: a commune registers on the district's plan, not on its
    own. A fixed number of queries per level."""
    found = plan_tree(plan)
    frontier = [p.pk for p in found]
    for _level in range(MAX_PLAN_DEPTH):
        parents = list(
            Plan.objects.filter(
                pk__in=PlanBasis.objects.filter(plan_id__in=frontier, parent__isnull=False)
                .exclude(parent_id__in=[p.pk for p in found])
                .values("parent_id")
            ).select_related("unit")
        )
        if not parents:
            break
        found.extend(parents)
        frontier = [p.pk for p in parents]
    return found


def own_plan(plans: list[Plan], unit: Unit) -> Plan | None:
    """The unit's own issued plan among them, its latest version: the document its list goes
    with, whose header and signer the list takes."""
    own = [p for p in plans if p.unit_id == unit.pk and p.state != PlanState.DRAFT]
    return max(own, key=lambda p: (p.version, p.issued_on or p.period_start, p.pk), default=None)


def registrations_for_list(plans: list[Plan], unit: Unit, queryset):
    """The registrations of `unit` and the units below it on any of `plans`, drafts aside (a
    list sent out holds what was sent), in the units' order. One query each for the
    registrations and their related lists."""
    return (
        queryset.filter(plan__in=plans, unit__path__startswith=unit.path)
        .exclude(state=RegistrationState.DRAFT)
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
        .order_by("unit__sort_key", "unit_id", "id")
    )


def counts(unit: Unit, registration: Registration) -> bool:
    """Whether `unit`'s list counts the registration (see the module's docstring)."""
    if registration.unit_id == unit.pk:
        return registration.state in OWN_COUNTED
    return registration.state in RECEIVED


def gathers_for(unit: Unit, plan: Plan, registrations) -> bool:
    """Whether `unit`'s list gathers the registrations of the units below it (a district's),
    rather than holding the unit's own (a commune's)."""
    own = any(r.unit_id == unit.pk for r in registrations)
    below = any(r.unit_id != unit.pk for r in registrations)
    return below or (not own and unit.pk == plan.unit_id)


def is_open(plan: Plan) -> bool:
    """Whether registrations may still come in on time: issued, and its deadline not passed."""
    if plan.state != PlanState.ISSUED:
        return False
    deadline = registration_deadline(plan)
    return deadline is None or timezone.now() <= deadline
