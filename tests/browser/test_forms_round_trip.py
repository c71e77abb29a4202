"""Every other form keeps what is typed (issue #10): the results report (autosaved), the plan
body, the rubric, the scoring sheet, the council and the idea box. Each test fills every
field with generated Vietnamese text and numbers typed the Vietnamese way, lets the autosave
run where the form has one, submits, and compares the database with what was typed; then
it opens the form again and sends it back untouched: nothing may change. Phone and desktop.
"""

import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import expect

from tests import strategies
from tests.browser.conftest import VIEWPORTS
from tests.browser.round_trip import BROWSER_EXAMPLES, autosaved, stored_as, type_into
from tests.helpers import browser_login
from thidua.core.numbers import format_number
from thidua.initiatives.models import Idea
from thidua.org import access
from thidua.org.models import Person, Unit, UnitLevel, normalise_phone
from thidua.plans.domain import body as plan_body
from thidua.plans.domain.plans import plan_create, plan_set_list
from thidua.results.forms import ReportForm, ResultForm
from thidua.results.models import Progress, ReportState, ResultsReport
from thidua.review.domain.councils import assign, council_create, council_set_state, member_add
from thidua.review.forms import CouncilForm, ScoreForm
from thidua.review.models import Assignment, Council, CouncilState, MemberRole
from thidua.review.views.rubric import RubricForm

pytestmark = pytest.mark.parametrize("viewport", list(VIEWPORTS))


def district_plan() -> object:
    """A draft plan of huyen's district with five criteria, through the domain functions."""
    district = Person.objects.get(username="huyen").memberships.first().unit
    plan = plan_create(
        actor=None,
        unit=district,
        title="Kế hoạch thử nghiệm biểu mẫu",
        movement_name="Sông Hinh đoàn kết sáng tạo",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
    )
    criteria = [("Tính mới", 30), ("Tính phù hợp", 20), ("Tính tập thể", 20),
                ("Tính thiết thực", 20), ("Tính kinh tế", 10)]  # fmt: skip
    plan_set_list(
        actor=None,
        plan=plan,
        kind="criteria",
        rows=[
            {"code": f"c{i}", "name": name, "description": "", "max_points": points}
            for i, (name, points) in enumerate(criteria, start=1)
        ],
    )
    return plan


def sent_back_untouched(page, url: str, button: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()


# --- the results report ---------------------------------------------------------------


def report_stored(report) -> dict:
    report = ResultsReport.objects.get(pk=report.pk)
    fields = [name for name in ReportForm.base_fields if name != "version"]
    return {
        **{name: getattr(report, name) for name in fields},
        "results": {
            result.registration_id: {name: getattr(result, name) for name in ResultForm.base_fields}
            for result in report.results.all()
        },
    }


@st.composite
def report_typed(draw, report):
    typed, meant = draw(strategies.form_values(ReportForm(), skip=("version",)))
    meant["results"] = {}
    for result in report.results.all():
        prefix = f"r{result.registration_id}-"
        row_typed, row_meant = draw(strategies.form_values(ResultForm(), prefix=prefix))
        if row_meant["progress"] == Progress.STOPPED and not row_meant["stop_reason"]:
            reason = draw(strategies.line(required=True))  # a stopped one says why
            row_typed[f"{prefix}stop_reason"], row_meant["stop_reason"] = (
                reason,
                strategies.nfc(reason),
            )
        typed.update(row_typed)
        meant["results"][result.registration_id] = row_meant
    return typed, meant


@BROWSER_EXAMPLES
@given(data=st.data())
def test_results_report(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    browser_login(page, "huyen")
    office = Person.objects.get(username="huyen")
    report = next(
        r
        for r in ResultsReport.objects.filter(state=ReportState.DRAFT).select_related("unit")
        if access.can(office, "report.edit", r.unit) and r.results.exists()
    )
    edit = f"/reports/{report.pk}/edit/"
    page.goto(edit)
    typed, meant = data.draw(report_typed(report))
    type_into(page, typed)

    stored_as(lambda: report_stored(report), meant, "autosaved")
    autosaved(page, f"report-{report.pk}")
    page.reload()
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp")
    assert report_stored(report) == meant
    sent_back_untouched(page, edit, "Lưu nháp")
    assert report_stored(report) == meant


# --- the plan body --------------------------------------------------------------------


@st.composite
def plan_source(draw) -> tuple[str, str]:
    """(typed, how the saved body reads back): sections with paragraphs and points, as
    pasted from Word: blank lines anywhere, a point without a title."""
    typed, canonical = [], []
    for _section in range(draw(st.integers(min_value=1, max_value=3))):
        heading = draw(strategies.line(required=True))
        typed.append(f"# {heading}")
        canonical.append(f"# {strategies.nfc(heading)}")
        paragraphs = draw(st.lists(strategies.line(required=True), max_size=2))
        for _point in [None, *range(draw(st.integers(min_value=0, max_value=2)))]:
            if _point is not None:
                title = draw(strategies.line())
                typed.append(f"## {title}".rstrip())
                canonical.append(f"## {strategies.nfc(title)}".rstrip())
                paragraphs = draw(st.lists(strategies.line(required=True), max_size=2))
            for paragraph in paragraphs:
                typed.extend([paragraph, ""] if draw(st.booleans()) else [paragraph])
                canonical.append(strategies.nfc(paragraph))
        canonical.append("")
    return "\n".join(typed), "\n".join(canonical).strip() + "\n"


def body_stored(plan) -> str:
    return plan_body.unparse(plan.sections.prefetch_related("points"))


@BROWSER_EXAMPLES
@given(data=st.data())
def test_plan_body(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    browser_login(page, "huyen")
    plan = district_plan()
    url = f"/plans/{plan.pk}/sections/"
    page.goto(url)
    typed, canonical = data.draw(plan_source())
    type_into(page, {"source": typed})
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/$"))
    assert body_stored(plan) == canonical
    sent_back_untouched(page, url, "Lưu")
    assert body_stored(plan) == canonical


# --- the rubric -----------------------------------------------------------------------


def points(maximum: int):
    """A score from 0 to ``maximum`` in halves, as a band or a class is written: (typed, meant)."""
    return st.integers(min_value=0, max_value=2 * maximum).map(
        lambda halves: (format_number(Decimal(halves) / 2), Decimal(halves) / 2)
    )


@st.composite
def bands(draw, maximum: int):
    typed, meant = [], []
    for _band in range(draw(st.integers(min_value=0, max_value=3))):
        (low_typed, low), (high_typed, high) = sorted(
            [draw(points(maximum)), draw(points(maximum))], key=lambda pair: pair[1]
        )
        meaning = draw(strategies.line(required=True))
        typed.append(f"{low_typed}-{high_typed}: {meaning}")
        meant.append((low, high, meaning))
    return "\n".join(typed), sorted(meant)


@st.composite
def grades(draw):
    typed, meant = [], []
    for _grade in range(draw(st.integers(min_value=1, max_value=4))):
        label = draw(strategies.line(required=True, max_words=3).filter(lambda t: len(t) <= 50))
        total_typed, total = draw(points(100))
        typed.append(f"{label}: {total_typed}")
        meant.append((label, total))
    return "\n".join(typed), sorted(meant)


def rubric_stored(plan) -> dict:
    criteria = list(plan.criteria.all())
    return {
        "weights": {c.pk: c.weight for c in criteria},
        "bands": {
            c.pk: sorted(c.bands.values_list("low", "high", "description")) for c in criteria
        },
        "grades": sorted(plan.grades.values_list("label", "min_total")),
    }


@BROWSER_EXAMPLES
@given(data=st.data())
def test_rubric(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    browser_login(page, "huyen")
    plan = district_plan()
    criteria = list(plan.criteria.all())
    url = f"/plans/{plan.pk}/rubric/"
    page.goto(url)
    weights = RubricForm(criteria=criteria).fields
    typed, meant = {}, {"weights": {}, "bands": {}}
    for c in criteria:
        typed[f"weight_{c.pk}"], meant["weights"][c.pk] = data.draw(
            strategies.typed_for(weights[f"weight_{c.pk}"])
        )
        typed[f"bands_{c.pk}"], meant["bands"][c.pk] = data.draw(bands(c.max_points))
    typed["grades"], meant["grades"] = data.draw(grades())
    type_into(page, typed)
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/plans/{plan.pk}/councils/$"))
    assert rubric_stored(plan) == meant
    sent_back_untouched(page, url, "Lưu")
    assert rubric_stored(plan) == meant


# --- the scoring sheet ----------------------------------------------------------------


def sheet_stored(assignment, criteria) -> dict:
    saved = {s.criterion_id: s for s in assignment.scores.all()}
    meant = {}
    for c in criteria:
        score = saved.get(c.pk)
        meant[f"points_{c.pk}"] = score.points if score else None
        meant[f"comment_{c.pk}"] = score.comment if score else ""
    return meant


def a_scoresheet() -> Assignment:
    """hoidong's scoresheet in a new council scoring the entries of the demo's council."""
    person = Person.objects.get(username="hoidong")
    plan = person.council_seats.first().council.plan
    council = council_create(actor=None, plan=plan, name="Hội đồng thử phiếu chấm")
    member_add(actor=None, council=council, person=person, role=MemberRole.CHAIR)
    assign(actor=None, council=council)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    return Assignment.objects.filter(member__council=council).select_related(
        "member__council__plan"
    )[0]


@BROWSER_EXAMPLES
@given(data=st.data())
def test_scoring_sheet(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    browser_login(page, "hoidong")
    assignment = a_scoresheet()
    council = assignment.member.council
    criteria = list(council.plan.criteria.all())
    url = f"/councils/{council.pk}/score/{assignment.pk}/"
    page.goto(url)
    typed, meant = data.draw(strategies.form_values(ScoreForm(criteria=criteria)))
    type_into(page, typed)
    page.get_by_role("button", name="Lưu nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu")
    assert sheet_stored(assignment, criteria) == meant
    sent_back_untouched(page, url, "Lưu nháp")
    assert sheet_stored(assignment, criteria) == meant


# --- the council ----------------------------------------------------------------------


@st.composite
def council_typed(draw):
    typed, meant = draw(strategies.form_values(CouncilForm()))
    if meant["approval_numerator"] > meant["approval_denominator"]:  # a share, not more
        typed["approval_numerator"], typed["approval_denominator"] = (
            typed["approval_denominator"],
            typed["approval_numerator"],
        )
        meant["approval_numerator"], meant["approval_denominator"] = (
            meant["approval_denominator"],
            meant["approval_numerator"],
        )
    return typed, meant


@BROWSER_EXAMPLES
@given(data=st.data())
def test_council(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    browser_login(page, "huyen")
    plan = district_plan()
    page.goto(f"/plans/{plan.pk}/councils/")
    typed, meant = data.draw(council_typed())
    type_into(page, typed)
    page.get_by_role("button", name="Tạo", exact=True).click()
    expect(page).to_have_url(re.compile(r"/councils/\d+/$"))
    council = Council.objects.get(pk=int(re.search(r"/councils/(\d+)/", page.url)[1]))
    assert {name: getattr(council, name) for name in meant} == meant


# --- the idea box ---------------------------------------------------------------------


PHONES = st.sampled_from(["0905 123 456", "0912345678", "+84 912 345 678", "0262.3851.234"])


@BROWSER_EXAMPLES
@given(data=st.data())
def test_idea_box(new_page, viewport, data):
    page = new_page(VIEWPORTS[viewport])
    unit = Unit.objects.filter(level=UnitLevel.COMMUNE).active_on(datetime.date.today()).first()
    page.goto(f"/ideas/{unit.pk}/")
    name = data.draw(strategies.line(required=True, max_words=4))
    phone = data.draw(PHONES)
    idea = data.draw(strategies.paragraphs(required=True))
    type_into(page, {"name": name, "phone": phone, "idea": idea})
    page.wait_for_timeout(3000)  # people take a few seconds to write; the form checks it
    page.locator("form.idea-form button[type=submit]").click()
    expect(page.locator("form.idea-form")).to_have_count(0)
    stored = Idea.objects.filter(unit=unit).latest("created_at")
    assert (stored.name, stored.phone, stored.text) == (
        strategies.nfc(name),
        normalise_phone(phone),
        strategies.nfc(idea),
    )
