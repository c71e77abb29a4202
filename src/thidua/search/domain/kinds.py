"""What each kind of record contributes to the index, who may find it, and how a hit reads.

Access comes from ``org/access.py`` only: each kind's ``visible`` is the queryset filter
its own pages use (``plan_filter``, ``registration_filter``, ``scope_filter``…).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from thidua.initiatives.models import Idea, Registration
from thidua.org import access
from thidua.org.models import Membership, Person, Unit
from thidua.plans.models import Plan
from thidua.results.enums import ReportState
from thidua.results.models import ResultsReport
from thidua.review.models import Council, CouncilMember
from thidua.search.enums import Kind

IDEA_TITLE = 160  # an idea has no name: its first characters stand for it


@dataclass(frozen=True)
class Spec:
    kind: Kind
    model: type[Model]
    # The rows ``user`` may find, as their own pages filter them.
    visible: Callable[[object], QuerySet]
    # What is read with each row, to index it and to show it.
    related: tuple[str, ...]
    # (the record's name, the rest of its searched text)
    document: Callable[[Model], tuple[str, list[str]]]
    # How a hit reads: its name, where it belongs, a longer text to quote, its page.
    title: Callable[[Model], str]
    context: Callable[[Model], str]
    url: Callable[[Model], str]
    excerpt: Callable[[Model], str] = lambda obj: ""
    order: tuple[str, ...] = ("-id",)
    # Fields whose change re-indexes the row (a save of other fields alone does not).
    fields: frozenset[str] = field(default_factory=frozenset)
    # Checked on each row after the query: access that is not a queryset filter.
    check: Callable[[object, Model], bool] | None = None
    # ``visible`` joins rows that repeat one record (a registered kind's own choice): the
    # search then asks for the records as a set.
    distinct: bool = False
    # (name, description) compared for novelty (``Entry.grams``); None: not compared.
    similar: Callable[[Model], tuple[str, str]] | None = None


def _join(*parts) -> str:
    return " · ".join(str(part) for part in parts if part)


def _reports(user) -> QuerySet:
    # As results/views/reports.py _report: a draft needs report.edit, a sent report report.view.
    drafts = Q(state=ReportState.DRAFT) & access.scope_filter(user, "report.edit", "unit")
    sent = ~Q(state=ReportState.DRAFT) & access.scope_filter(user, "report.view", "unit")
    return ResultsReport.objects.filter(drafts | sent)


def _councils(user) -> QuerySet:
    # Those of the plans the user reads or where they sit; can_view_council decides each one.
    # Asked of each council found (EXISTS), not as the list of every plan the user reads:
    # a search finds a council or two, among thousands of plans.
    plans = Plan.objects.filter(access.plan_filter(user), pk=OuterRef("plan_id"))
    seats = CouncilMember.objects.filter(
        council=OuterRef("pk"), person_id=getattr(user, "pk", None)
    )
    return Council.objects.filter(Exists(plans) | Exists(seats)).prefetch_related("members")


def _people(user) -> QuerySet:
    # Those holding a role in a unit of the user's scope, asked of each person found (EXISTS):
    # a join through the memberships would repeat a person once per role.
    scope = access.scope_filter(user, "person.view", "unit")
    if not scope:  # everyone (a superuser), with a role or without
        return Person.objects.all()
    return Person.objects.filter(Exists(Membership.objects.filter(scope, person_id=OuterRef("pk"))))


def _plan_document(plan: Plan) -> tuple[str, list[str]]:
    number = plan.number_symbol if plan.number else ""
    return f"{number} {plan.title}", [plan.subject, plan.movement.name, plan.issuer_line]


def _report_title(report: ResultsReport) -> str:
    return _("Results report of %(unit)s") % {"unit": report.unit.full_name}


SPECS: dict[str, Spec] = {
    spec.kind: spec
    for spec in [
        Spec(
            kind=Kind.PLAN,
            model=Plan,
            visible=lambda user: Plan.objects.filter(access.plan_filter(user)),
            related=("unit", "movement"),
            document=_plan_document,
            title=str,
            context=lambda plan: _join(plan.unit.full_name, plan.get_state_display()),
            url=lambda plan: reverse("plans:plan_detail", args=[plan.pk]),
            excerpt=lambda plan: plan.subject if plan.subject != plan.title else "",
            order=("-issued_on", "-id"),
            fields=frozenset(
                {"title", "subject", "number", "issuer_code", "doc_type", "issuer_line"}
            ),
        ),
        Spec(
            kind=Kind.REGISTRATION,
            model=Registration,
            visible=lambda user: Registration.objects.filter(access.registration_filter(user)),
            related=("unit", "plan"),
            document=lambda r: (
                r.name,
                [
                    r.lead_name,
                    r.lead_position,
                    r.summary,
                    r.applied_where,
                    r.applied_work,
                    r.expected_results,
                ],
            ),
            title=str,
            context=lambda r: _join(r.get_kind_display(), r.unit.full_name, r.get_state_display()),
            url=lambda r: reverse("initiatives:registration_detail", args=[r.pk]),
            excerpt=lambda r: r.summary,
            similar=lambda r: (r.name, r.summary),
            fields=frozenset(
                {
                    "name",
                    "lead_name",
                    "lead_position",
                    "summary",
                    "applied_where",
                    "applied_work",
                    "expected_results",
                }
            ),
        ),
        Spec(
            kind=Kind.IDEA,
            model=Idea,
            visible=lambda user: access.scoped(Idea.objects.all(), user, "idea.view"),
            related=("unit",),
            document=lambda idea: (idea.text, [idea.name]),
            title=lambda idea: Truncator(idea.text).chars(IDEA_TITLE),
            excerpt=lambda idea: idea.text if len(idea.text) > IDEA_TITLE else "",
            context=lambda idea: _join(idea.unit.full_name, idea.name, idea.get_state_display()),
            url=lambda idea: reverse("initiatives:idea_inbox", args=[idea.unit_id]),
            order=("-created_at", "-id"),
            fields=frozenset({"text", "name"}),
            similar=lambda idea: (idea.text, ""),
        ),
        Spec(
            kind=Kind.REPORT,
            model=ResultsReport,
            visible=_reports,
            related=("unit", "plan"),
            document=lambda report: (
                report.unit.full_name,  # never a translated word: the index is one language
                [
                    str(report.plan),
                    report.achievements,
                    report.shortcomings,
                    report.causes,
                    report.lessons,
                    report.proposals,
                    report.support_in_kind,
                ],
            ),
            title=_report_title,
            context=lambda report: _join(report.plan, report.get_state_display()),
            url=lambda report: reverse("results:report_detail", args=[report.pk]),
            excerpt=lambda report: report.achievements,
            fields=frozenset(
                {
                    "achievements",
                    "shortcomings",
                    "causes",
                    "lessons",
                    "proposals",
                    "support_in_kind",
                }
            ),
        ),
        Spec(
            kind=Kind.COUNCIL,
            model=Council,
            visible=_councils,
            related=("plan__unit",),
            document=lambda council: (council.name, [str(council.plan)]),
            title=str,
            context=lambda council: _join(council.plan, council.get_state_display()),
            url=lambda council: reverse("review:council_detail", args=[council.pk]),
            fields=frozenset({"name"}),
            check=access.can_view_council,
        ),
        Spec(
            kind=Kind.PERSON,
            model=Person,
            visible=_people,
            related=(),
            document=lambda person: (person.full_name, [person.username, person.position]),
            title=lambda person: person.get_full_name(),
            context=lambda person: person.position,
            url=lambda person: reverse("org:person_detail", args=[person.pk]),
            order=("sort_key", "id"),
            fields=frozenset({"full_name", "username", "position"}),
        ),
        Spec(
            kind=Kind.UNIT,
            model=Unit,
            visible=lambda user: access.units(user),
            related=("parent",),
            document=lambda unit: (unit.full_name, [unit.code]),
            title=lambda unit: unit.full_name,
            context=lambda unit: unit.parent.full_name if unit.parent_id else "",
            url=lambda unit: reverse("org:unit_detail", args=[unit.pk]),
            order=("level", "sort_key", "id"),
            fields=frozenset({"name", "code", "kind"}),
        ),
    ]
}

BY_MODEL: dict[type[Model], Spec] = {spec.model: spec for spec in SPECS.values()}


def register(spec: Spec) -> None:
    """Index a kind whose model lives in an app above ``search`` (the novelty archive): that
    app calls this from its ``AppConfig.ready()``, and ``receivers.follow`` keeps it."""
    SPECS[spec.kind] = spec
    BY_MODEL[spec.model] = spec


def kinds_of(names: Iterable[str] | None) -> list[Spec]:
    """The specs of ``names`` (all when None), in the order of ``Kind``."""
    wanted = set(Kind.values if names is None else names)
    return [SPECS[kind] for kind in Kind.values if kind in wanted and kind in SPECS]
