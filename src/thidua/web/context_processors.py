"""The navigation, by role: each item shows only where the user may use it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.initiatives.enums import IdeaState, RegistrationState
from thidua.jobs.enums import JobState
from thidua.org import access
from thidua.plans.enums import PlanState
from thidua.results.enums import ReportState
from thidua.review.enums import AssignmentState, CouncilState

NAVIGATION = [
    ("home", _("Home"), None),
    ("plans:plan_list", _("Plans"), "plan.view"),
    ("fund:index", _("Reward funds"), "fund.view"),
    ("replication:index", _("Replication"), "report.view"),
    ("org:unit_list", _("Units"), "unit.view"),
    ("org:person_list", _("People"), "person.view"),
    ("audit:entry_list", _("Audit log"), "audit.view"),
    ("showcase:publicity", _("Publicity"), "showcase.publish"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": [], "unread_notifications": 0}
    items = []
    for name, label, action in NAVIGATION:
        if action is None or access.can_anywhere(user, action):
            url = reverse(name)
            current = request.path == url if name == "home" else request.path.startswith(url)
            items.append({"url": url, "label": label, "current": current})
    unread = user.notifications.filter(read_at__isnull=True).count()
    items.append(
        {
            "url": reverse("notify:inbox"),
            "label": _("Notifications (%(count)d)") % {"count": unread}
            if unread
            else _("Notifications"),
            "current": request.path.startswith(reverse("notify:inbox")),
        }
    )
    if user.is_superuser:
        items.append(
            {"url": reverse("admin:index"), "label": _("Administration"), "current": False}
        )
    # counted once a request: the start page shows the same count (web/home.html)
    return {"navigation": items, "unread_notifications": unread}


def states(request):
    """The workflow enums, so templates compare with ``PlanState.ISSUED``, never a literal."""
    return {
        "PlanState": PlanState,
        "RegistrationState": RegistrationState,
        "IdeaState": IdeaState,
        "ReportState": ReportState,
        "CouncilState": CouncilState,
        "AssignmentState": AssignmentState,
        "JobState": JobState,
    }
