from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua import access
from thidua.org.models import Membership


@login_required
def home(request):
    """The start page: the user's roles and the units they work for."""
    memberships = (
        Membership.objects.filter(person=request.user)
        .select_related("unit", "unit__parent")
        .order_by("unit__level", "unit__sort_key")
    )
    return render(
        request,
        "web/home.html",
        {
            "memberships": memberships,
            "can_view_people": access.can_anywhere(request.user, "person.view"),
            "can_view_audit": access.can_anywhere(request.user, "audit.view"),
        },
    )
