"""What a person types into a form, generated, and what the form must store: for the forms
whose round trip is checked twice, through Django's test client with many examples (fast)
and through the browser with a few (its page and scripts).

The registration's are in ``tests/strategies.py`` with the strategies they are made of.
"""

from hypothesis import strategies as st

from tests import strategies
from thidua.plans.domain import body as plan_body
from thidua.results.domain.recorded import recorded_figures
from thidua.results.forms import ReportForm, ResultForm
from thidua.results.models import Progress, ResultsReport

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
    """(typed, meant): every figure and text of ``report`` and of each of its results."""
    typed, meant = draw(strategies.form_values(ReportForm(), skip=("version",)))
    meant.update(recorded_figures(report))  # read from the records, shown and not typed
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


# --- the idea box ---------------------------------------------------------------------

PHONES = st.sampled_from(["0905 123 456", "0912345678", "+84 912 345 678", "0262.3851.234"])


@st.composite
def idea_typed(draw) -> dict:
    """What a farmer types into the idea box: a name, a phone number, the idea."""
    return {
        "name": draw(strategies.line(required=True, max_words=4)),
        "phone": draw(PHONES),
        "idea": draw(strategies.paragraphs(required=True)),
    }
