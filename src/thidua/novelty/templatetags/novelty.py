"""``{% novelty_findings registration %}``: the findings, the flag and the decision beside a
registration, for those who may see them (nothing for the others)."""

from django import template

from thidua.novelty.domain import checks, visibility
from thidua.novelty.forms import DecisionForm
from thidua.novelty.models import Check
from thidua.search.highlight import highlight

register = template.Library()


@register.inclusion_tag("novelty/_panel.html", takes_context=True)
def novelty_findings(context, registration, editable=False):
    """``editable``: with the district's decision form (not inside another form, as the
    scoresheet is)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if registration is None or user is None or not visibility.may_see(user, registration):
        return {"shown": False}
    check = Check.objects.filter(registration=registration).first()
    # As found when it was sent (what the district decides on); a registration sent before
    # the check existed is checked as the page is read.
    if check is not None:
        findings = checks.stored_findings(check)
    else:
        findings = checks.find(registration.name, registration.summary, exclude=registration)
    decide = editable and check is not None and visibility.may_decide(user, registration)
    duplicate = checks.duplicate_of(check) if check else None
    return {
        "shown": True,
        "registration": registration,
        "check": check,
        "findings": [(f, sorted(f.shared), visibility.link(user, f)) for f in findings],
        # A blind council does not learn units: an earlier registration of the entry's own
        # unit would name it.
        "blind": bool(context.get("blind")),
        "duplicate": duplicate,
        "duplicate_url": visibility.link(user, duplicate),
        "form": DecisionForm(findings=findings) if decide else None,
        "threshold": round(checks.THRESHOLD * 100),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def marked(value, words):
    """``value`` escaped, the shared words in <mark>."""
    return highlight(value or "", list(words))
