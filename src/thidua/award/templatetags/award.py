"""What other apps' pages show of the national award, each in one include line: the
nominations of a council's decision, those under a plan's roll-up, and a model's on the
public page."""

from django import template

from thidua.award.enums import NominationState
from thidua.award.models import Nomination
from thidua.org import access
from thidua.review.enums import CouncilState, Outcome

register = template.Library()

# What the public page says: the steps a visitor may know of (nothing while it is prepared).
PUBLIC_STATES = (
    NominationState.AT_PROVINCE,
    NominationState.AT_NATIONAL,
    NominationState.AWARDED,
    NominationState.NOT_AWARDED,
)


@register.inclusion_tag("award/_council_list.html", takes_context=True)
def council_nominations(context, council):
    """The decided council's nominated entries, each with its dossier or the button that
    opens it (for the nominating unit)."""
    if council.state != CouncilState.DECIDED:
        return {"rows": []}
    proposals = council.proposals.filter(outcome=Outcome.NOMINATED).select_related("registration")
    opened = {n.registration_id: n for n in Nomination.objects.filter(council=council)}
    user = context["request"].user
    return {
        "rows": [(p.registration, opened.get(p.registration_id)) for p in proposals],
        "can_prepare": access.can(user, "award.prepare", council.plan.unit),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("award/_rollup_list.html")
def plan_nominations(plan):
    """The nominations of the councils of the units under the plan's, in its period."""
    found = (
        Nomination.objects.filter(
            council__plan__unit__path__startswith=plan.unit.path,
            council__plan__period_start__lte=plan.period_end,
            council__plan__period_end__gte=plan.period_start,
        )
        .select_related("registration__unit")
        .order_by("registration__unit__sort_key", "pk")
    )
    return {"nominations": list(found)}


@register.inclusion_tag("award/_public_state.html")
def public_award(registration):
    """On the model's public page: how far its nomination has gone, once it has left its
    district."""
    nomination = Nomination.objects.filter(
        registration=registration, state__in=PUBLIC_STATES
    ).first()
    return {"nomination": nomination}
