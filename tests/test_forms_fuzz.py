"""Every form of the site, fed generated input (issue #11, "Done when").

For each page of ``tests/test_every_url.py``'s ``VISITS`` (the world of one plan's story,
``tests/pages/world.py``), the page is opened as the person its row names and every form on
it that takes input is posted with what Hypothesis makes of its fields: the value the page
shows, nothing at all, odd numbers and dates, markup, any Unicode (control, direction and
invisible characters included), huge texts, formsets claiming 100,000 rows, extra fields.

Whatever is sent, the site never answers with a server error, and a post it refuses (the
form shown again with its errors, 400, 403, 404, 409) changes nothing in the database.

Pages left out, and why: the accounts' own pages (a refused login or reset request is
counted and logged on purpose: that is the throttle) and the public idea box (a refused idea
is counted for the commune, so that it sees the spam it was spared).
"""

import hashlib
import os
import re
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages.world import score_everything
from tests.test_every_url import VISITS
from tests.test_every_url import world as world  # the story, built as its pages need it
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.models import CouncilState

COUNTED_ON_PURPOSE = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
    "initiatives:idea_new",
    "initiatives:idea_choose",
}
PAGES = sorted(
    name
    for name, visit in VISITS.items()
    if visit.user is not None and not visit.content_type and name not in COUNTED_ON_PURPOSE
)


def closed_council(w):
    """The council being set up, scored and closed: the vote is still to be held."""
    council = w.new_council
    w.sheller  # noqa: B018 (both entries are in)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_everything(council)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    return council.pk


def inbox_with_an_idea(w):
    w.plan  # noqa: B018 (an issued plan to register it under)
    w.idea  # noqa: B018
    return w.tree.commune_a.pk


# Forms that VISITS' rows do not show, because the story has moved past them there: a
# council being set up, a council's vote, an idea to register.
MORE_PAGES = {
    "council being set up": ("review:council_detail", "chair", lambda w: w.new_council.pk),
    "council's vote": ("review:decision", "chair", closed_council),
    "idea to register": ("initiatives:idea_inbox", "officer_a", inbox_with_an_idea),
}
# Forms of the page shell (the language switch, logging out) are not the page's own.
SHELL_ACTIONS = {"/i18n/setlang/", "/accounts/logout/"}
NOT_INPUT = {"csrfmiddlewaretoken"}
# Tables that change without anything being accepted: the session (messages) and the queue
# of background tasks.
NOT_COMPARED = {"sessions.session", "contenttypes.contenttype", "auth.permission"}
ERROR_MARKERS = ('class="error"', "error-summary", "field--error", 'role="alert"')

# Examples per page: CI runs the file on SQLite and on PostgreSQL within its time; more, to
# hunt: THIDUA_FUZZ_EXAMPLES=200 uv run pytest tests/test_forms_fuzz.py
EXAMPLES = int(os.environ.get("THIDUA_FUZZ_EXAMPLES", "6"))
MISSING = object()  # the field is not sent at all
ODD = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1.000,5",
    "1,5",
    "1.5.5",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999999",
    "٣٤",  # Arabic-Indic digits
    "0x1F",
    "31/02/2022",
    "29/02/2023",
    "0001-01-01",
    "9999-12-31",
    "2022-13-45",
    "<script>alert(1)</script>",
    "a < b and c > d",
    "hoadon\u202efdp.exe",
    "Mô\u200bhình\ufeff",
    "\x00",
    "\ufffe\uffff",
    "Đắk Lắk",
    "null",
]
ROW_COUNTS = ["100000", "-1", "abc", "51", "2", "0"]
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # what UTF-8 can carry
    max_size=60,
)
HUGE = st.sampled_from([10_000, 100_001, 400_000]).map(lambda n: ("Mô hình " * n)[:n])


def value(original: str, name: str):
    if name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MAX_NUM_FORMS", "-MIN_NUM_FORMS")):
        return st.one_of(st.just(original), st.sampled_from(ROW_COUNTS), st.just(MISSING))
    return st.one_of(
        st.just(original),
        st.just(MISSING),
        st.sampled_from(ODD),
        TEXT,
        HUGE,
    )


UPLOAD = st.one_of(
    st.just(MISSING),
    st.binary(max_size=64).map(lambda content: SimpleUploadedFile("tệp.pdf", content)),
    st.just(b"%PDF-1.4\n\x00\xff").map(lambda content: SimpleUploadedFile("a.pdf", content)),
    st.just(b"PK\x03\x04rubbish").map(lambda content: SimpleUploadedFile("a.docx", content)),
)


def page_forms(response) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """(action, [(field, value) as the page sends it], [file fields]) of each form of the
    page that posts input."""
    page = lxml.html.fromstring(response.content.decode())
    found = []
    for form in page.forms:
        if (form.method or "GET").upper() != "POST":
            continue
        action = urlsplit(form.get("action") or response.wsgi_request.path).path
        if action in SHELL_ACTIONS:
            continue
        fields = [(k, v) for k, v in form.form_values() if k not in NOT_INPUT]
        files = form.xpath('.//input[@type="file"]/@name')
        inputs = [k for k, _ in fields if k != "once"] + files
        inputs += form.xpath(".//input[@type='checkbox' or @type='radio']/@name")
        if inputs:  # a form that is only a button has nothing to fuzz
            found.append((action, fields, files))
    return found


@st.composite
def filled(draw, fields, files):
    data: dict[str, list] = {}
    for name, original in fields:
        typed = draw(value(original, name))
        if typed is not MISSING:
            data.setdefault(name, []).append(typed)
    for name in files:
        upload = draw(UPLOAD)
        if upload is not MISSING:
            data[name] = [upload]
    extra = draw(st.dictionaries(st.sampled_from(["x", "version", "0-name"]), TEXT, max_size=1))
    for name, typed in extra.items():
        data.setdefault(name, [typed])
    return data


def snapshot() -> dict[str, str]:
    """A fingerprint of every row of every table but those in ``NOT_COMPARED``."""
    prints = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_COMPARED:
            continue
        rows = repr(list(model.objects.order_by("pk").values_list()))
        prints[label] = hashlib.sha256(rows.encode()).hexdigest()
    return prints


def refused(response) -> bool:
    if response.status_code in (400, 403, 404, 405, 409):
        return True
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return False
    page = response.content.decode()
    return any(marker in page for marker in ERROR_MARKERS)


def changed(before: dict, after: dict) -> list[str]:
    return sorted(label for label in before if before[label] != after.get(label))


def opened(client, world, page):
    """GET the page (a name of VISITS or of MORE_PAGES) as its person."""
    if page in MORE_PAGES:
        name, user, arg = MORE_PAGES[page]
        client.force_login(getattr(world.who, user))
        return client.get(reverse(name, args=[arg(world)]))
    visit = VISITS[page]
    client.force_login(getattr(world.who, visit.user))
    visit.prepare(world)
    return client.get(reverse(page, args=visit.args(world)), visit.query)


@pytest.mark.parametrize("name", PAGES + sorted(MORE_PAGES))
def test_generated_input_never_breaks_a_form_and_a_refusal_changes_nothing(client, world, name):
    page = opened(client, world, name)
    if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
        return  # an action without a page of its own: its form is on another page
    forms = page_forms(page)
    if not forms:
        return

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.sampled_from(forms).flatmap(lambda f: st.tuples(st.just(f[0]), filled(*f[1:]))))
    def post(sent):
        action, data = sent
        before = snapshot()
        response = client.post(action, data)
        assert response.status_code < 500, (action, response.status_code)
        if refused(response):
            assert changed(before, snapshot()) == [], (action, response.status_code)

    post()


def test_the_fuzzed_pages_have_forms():
    """The list of pages is not empty by mistake: the creating and editing pages are in it."""
    for name in ("plans:plan_create", "plans:plan_lists", "initiatives:registration_edit"):
        assert name in PAGES
    assert all(re.fullmatch(r"[a-z_]+:?[a-z_]+", name) for name in PAGES)
