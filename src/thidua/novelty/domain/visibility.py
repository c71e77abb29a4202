"""Who sees a registration's novelty findings, flag and decision (beside ``org/access.py``,
which cannot read the council's seats: ``review`` sits above ``org``)."""

from thidua.novelty.domain.checks import Finding, url_of
from thidua.org import access
from thidua.review.models import Assignment
from thidua.search.enums import Kind


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


def link(user, finding: Finding | None) -> str:
    """The page of an earlier initiative, if ``user`` may open it (a council member reads the
    findings on the scoresheet but opens no registration page); empty otherwise."""
    if finding is None:
        return ""
    if finding.kind == Kind.REGISTRATION:
        allowed = access.can_view_registration(user, finding.record)
    elif finding.kind == Kind.ARCHIVE:
        allowed = access.can_anywhere(user, "novelty.view")
    else:
        allowed = False
    return url_of(finding) if allowed else ""
