"""Replication on another app's page, in one include line: where a model has been
replicated, on the model's public page."""

from django import template
from django.urls import reverse

from thidua.replication.domain.replications import recognised_on
from thidua.replication.domain.selectors import recording_units, replications_of
from thidua.replication.geography import model_map

register = template.Library()


@register.inclusion_tag("replication/_public_list.html", takes_context=True)
def public_replication(context, registration):
    """The communes that replicate the model, since when, and their map (what a visitor may
    know); for an officer who may record one, the way to do it."""
    if recognised_on(registration) is None:
        return {"replications": []}
    replications = replications_of(registration)
    user = context["request"].user
    can_record = user.is_authenticated and bool(recording_units(user, registration))
    return {
        "replications": replications,
        "map": model_map(registration, replications) if replications else "",
        "record_url": reverse("replication:adopt", args=[registration.pk]) if can_record else "",
    }
