"""Who sees a registration's novelty findings, flag and decision (beside ``org/access.py``,
which cannot read the council's seats: ``review`` sits above ``org``)."""

from thidua.org import access
from thidua.review.models import Assignment


def may_see(user, registration) -> bool:
    """The units above the registering one (``access.can_view_novelty``) and the council
    members given it to score."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if access.can_view_novelty(user, registration):
        return True
    return Assignment.objects.filter(
        registration_id=registration.pk, member__person_id=user.pk
    ).exists()


def may_decide(user, registration) -> bool:
    """The district (the units above the registering one, officers and administrators)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return access.can_view_novelty(user, registration, "novelty.decide")
