"""autosave.js in Debian's Chromium, on a static page: no Django server, no database.

Every request to http://thidua.test/ is answered by FakeSite below: the page (a form with
the data-autosave-* attributes the server renders), the real
src/thidua/static/thidua/autosave.js from disk, and a fake autosave endpoint that records
what it was sent and answers as told (200 with a new version, 409, 400, a failed network,
or not yet). The browser context is the same across a reload, so is localStorage.
"""

import html
import json
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import HTTP
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, REPO_ROOT, TIMEOUT_MS

pytestmark = pytest.mark.browser

AUTOSAVE_JS = Path(REPO_ROOT, "src", "thidua", "static", "thidua", "autosave.js")
ORIGIN = "http://thidua.test"
FORM_URL = f"{ORIGIN}/registrations/12/"
AUTOSAVE_PATH = "/registrations/12/autosave/"
KEY = "registration-12"
STORAGE_KEY = f"thidua:autosave:{KEY}"
DELAY_MS = 600  # long enough that a slow CI machine never pauses that long between keys
CSRF = "csrf-token-for-tests"
MESSAGES = {
    "saving": "Đang lưu…",
    "saved": "Đã lưu lúc {time}",
    "local": "Đã giữ trên máy này lúc {time}",
    "offline": "Mất kết nối: nội dung được giữ trên máy này và sẽ lưu khi có mạng",
    "restored": "Đã khôi phục nội dung chưa lưu từ lần trước",
    "conflict": "Người khác vừa lưu đăng ký này",
    "error": "Chưa lưu được: nội dung vẫn được giữ trên máy này",
    "choose": "Người khác đã lưu bản mới hơn: chưa lưu gì cho đến khi bạn chọn",
    "theirs": "Bản do người khác lưu",
    "keep": "Giữ bản của tôi",
    "take": "Lấy bản của họ",
}
CONFLICT_MESSAGE = "Cán bộ Nguyễn Văn A đã lưu bản mới hơn lúc 10:07"
TITLE = "Mô hình nuôi bò vỗ béo"
DESCRIPTION = "Hộ nghèo được hỗ trợ giống và kỹ thuật chăn nuôi"


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def now() -> datetime:
    return datetime.now(UTC)


def parse_form_data(request) -> dict[str, list[str]]:
    """The fields of a POST, multipart or urlencoded, as {name: [values]}."""
    content_type = request.headers.get("content-type", "")
    body = request.post_data_buffer or b""
    fields: dict[str, list[str]] = {}
    if content_type.startswith("multipart/form-data"):
        message = message_from_bytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body, policy=HTTP
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            value = part.get_payload(decode=True).decode()
            if part.get_filename() is not None:
                value = f"<file {part.get_filename()!r}>"
            fields.setdefault(name, []).append(value)
    else:
        fields = parse_qs(body.decode(), keep_blank_values=True)
    return fields


class FakeSite:
    """Serves the page and the script, and plays the server's side of the autosave contract."""

    def __init__(self, page):
        self.page = page
        self.version = 7
        self.server_saved_at: str | None = iso(now() - timedelta(hours=1))
        # On the server's page for a stale save: the version the text in the fields was typed on.
        self.based_on: str | None = None
        self.autosave_url: str | None = AUTOSAVE_PATH
        # What the server's copy holds, rendered into the fields.
        self.values = {"title": "Tên cũ", "description": "Mô tả cũ", "field": "", "public": False}
        self.autosave_answer = "ok"  # ok | conflict | invalid | abort | hold
        self.autosaves: list[dict] = []
        self.submits: list[dict] = []
        self.hold_submits = False
        self.held: list = []
        page.route(f"{ORIGIN}/**", self.handle)

    def handle(self, route, request):
        path = request.url.removeprefix(ORIGIN).split("?")[0]
        if path == "/static/thidua/autosave.js":
            route.fulfill(
                body=AUTOSAVE_JS.read_bytes(), content_type="text/javascript; charset=utf-8"
            )
        elif path == AUTOSAVE_PATH and request.method == "POST":
            self.autosave(route, request)
        elif path == "/registrations/12/" and request.method == "POST":
            self.submits.append(parse_form_data(request))
            if self.hold_submits:
                self.held.append(route)
            else:
                self.answer_submit(route)
        elif path == "/registrations/12/":
            route.fulfill(body=self.form_html(), content_type="text/html; charset=utf-8")
        else:
            route.fulfill(status=404, body="not here")

    def autosave(self, route, request):
        headers = request.all_headers()
        self.autosaves.append(
            {
                "fields": parse_form_data(request),
                "csrf": headers.get("x-csrftoken"),
                "requested_with": headers.get("x-requested-with"),
            }
        )
        answer = self.autosave_answer
        if answer == "abort":
            route.abort("internetdisconnected")
        elif answer == "hold":
            self.held.append(route)
        elif answer == "conflict":
            self.json(route, 409, {"message": CONFLICT_MESSAGE, "current_version": 9})
        elif answer == "invalid":
            self.json(route, 400, {"errors": {"title": ["Quá dài"]}})
        else:
            self.answer_saved(route)

    def answer_saved(self, route):
        self.version += 1
        self.server_saved_at = iso(now())
        body = {"version": self.version, "saved_at": self.server_saved_at}
        self.json(route, 200, {**body, "saved_at_display": "10:05"})

    def answer_submit(self, route):
        page = "<!doctype html><meta charset=utf-8><title>Đã gửi</title><h1>Đã gửi</h1>"
        route.fulfill(body=page, content_type="text/html; charset=utf-8")

    @staticmethod
    def json(route, status, data):
        route.fulfill(
            status=status, body=json.dumps(data), content_type="application/json; charset=utf-8"
        )

    def form_html(self) -> str:
        attributes = {
            "data-autosave-key": KEY,
            "data-autosave-url": self.autosave_url,
            "data-server-saved-at": self.server_saved_at,
            "data-autosave-based-on": self.based_on,
            "data-autosave-delay": str(DELAY_MS),
            **{f"data-msg-{name}": text for name, text in MESSAGES.items()},
        }
        choices = [("", "---"), ("agriculture", "Nông nghiệp"), ("health", "Y tế")]
        options = "".join(
            f'<option value="{value}"{" selected" if value == self.values["field"] else ""}>'
            f"{label}</option>"
            for value, label in choices
        )
        checked = " checked" if self.values["public"] else ""
        rendered = " ".join(
            f'{name}="{html.escape(value)}"' for name, value in attributes.items() if value
        )
        return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng ký sáng kiến</title>
<script src="/static/thidua/autosave.js" defer></script></head>
<body><form id="registration" method="post" action="/registrations/12/"
  enctype="multipart/form-data" {rendered}>
<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF}">
<input type="hidden" name="version" value="{self.version}">
<label for="title">Tên sáng kiến</label>
<input id="title" name="title" value="{html.escape(self.values["title"])}">
<label for="description">Mô tả</label>
<textarea id="description" name="description">{html.escape(self.values["description"])}</textarea>
<label for="field">Lĩnh vực</label>
<select id="field" name="field">{options}</select>
<label><input type="checkbox" name="public" value="yes"{checked}> Công khai</label>
<label for="attachment">Tệp đính kèm</label>
<input type="file" id="attachment" name="attachment">
<p data-autosave-status aria-live="polite"></p>
<button name="action" value="draft">Lưu nháp</button>
<button name="action" value="submit">Gửi đăng ký</button>
<a href="/registrations/12/" data-autosave-discard="{KEY}">Lấy bản của họ</a>
</form></body></html>"""

    def open(self):
        self.page.goto(FORM_URL)
        self.page.wait_for_function("() => window.ThiDuaAutosave !== undefined")

    def draft(self) -> dict | None:
        return self.page.evaluate(f"() => JSON.parse(localStorage.getItem({STORAGE_KEY!r}))")

    def settle(self):
        """Waits past the debounce, so a save that was going to start has started."""
        self.page.wait_for_timeout(DELAY_MS * 3)

    def status(self):
        return self.page.locator("[data-autosave-status]")

    def version_input(self):
        return self.page.locator("input[name=version]")


@pytest.fixture
def phone_context(browser):
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def site(phone_context):
    page = phone_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield FakeSite(page)
    assert not errors, f"JavaScript errors: {errors}"


def type_a_draft(page, *, key_by_key: bool = False):
    page.locator("#title").fill(TITLE)
    page.locator("#field").select_option("agriculture")
    page.locator("input[name=public]").check()
    if key_by_key:  # one input event per character, each well within the debounce
        page.locator("#description").fill("")
        page.locator("#description").press_sequentially(DESCRIPTION, delay=20)
    else:
        page.locator("#description").fill(DESCRIPTION)


def test_typing_saves_once_after_a_pause_and_takes_the_new_version(site):
    site.open()
    type_a_draft(site.page, key_by_key=True)

    expect(site.status()).to_have_text("Đã lưu lúc 10:05")
    expect(site.status()).to_have_attribute("data-autosave-state", "saved")
    site.settle()
    assert len(site.autosaves) == 1
    sent = site.autosaves[0]
    assert sent["csrf"] == CSRF
    assert sent["requested_with"] == "XMLHttpRequest"
    fields = sent["fields"]
    assert fields["title"] == [TITLE]
    assert fields["description"] == [DESCRIPTION]
    assert fields["field"] == ["agriculture"]
    assert fields["public"] == ["yes"]
    assert fields["version"] == ["7"]
    assert "attachment" not in fields
    assert "action" not in fields
    expect(site.version_input()).to_have_value("8")
    assert site.draft() is None

    # The next save carries the version the last one returned.
    site.page.locator("#title").fill(TITLE + " xã Ea Bá")
    expect(site.version_input()).to_have_value("9")
    assert site.autosaves[1]["fields"]["version"] == ["8"]


def test_offline_typing_is_kept_on_the_phone_and_saved_when_back_online(site, phone_context):
    site.open()
    phone_context.set_offline(True)
    type_a_draft(site.page)

    expect(site.status()).to_have_text(MESSAGES["offline"])
    site.settle()
    assert site.autosaves == []
    draft = site.draft()
    assert draft["values"]["title"] == TITLE
    assert draft["values"]["description"] == DESCRIPTION
    assert draft["values"]["field"] == "agriculture"
    assert draft["values"]["public"] == ["yes"]
    assert draft["version"] == "7"

    phone_context.set_offline(False)
    expect(site.status()).to_have_text("Đã lưu lúc 10:05")
    assert len(site.autosaves) == 1
    assert site.autosaves[0]["fields"]["description"] == [DESCRIPTION]
    expect(site.version_input()).to_have_value("8")
    assert site.draft() is None


@pytest.mark.parametrize(
    ("answer", "message"),
    [("abort", MESSAGES["offline"]), ("invalid", MESSAGES["error"])],
    ids=["network-failure", "refused-400"],
)
def test_a_failed_save_keeps_the_draft(site, answer, message):
    site.autosave_answer = answer
    site.open()
    type_a_draft(site.page)

    expect(site.status()).to_have_text(message)
    assert len(site.autosaves) == 1
    assert site.draft()["values"]["description"] == DESCRIPTION
    expect(site.version_input()).to_have_value("7")


def test_reload_restores_a_draft_newer_than_the_server_copy(site):
    site.autosave_answer = "abort"
    site.open()
    type_a_draft(site.page)
    expect(site.status()).to_have_text(MESSAGES["offline"])

    site.autosave_answer = "ok"
    site.page.reload()

    page = site.page
    expect(page.locator("#title")).to_have_value(TITLE)
    expect(page.locator("#description")).to_have_value(DESCRIPTION)
    expect(page.locator("#field")).to_have_value("agriculture")
    expect(page.locator("input[name=public]")).to_be_checked()
    expect(site.status()).to_contain_text(MESSAGES["restored"])
    # …and saves it straight away.
    expect(site.status()).to_contain_text("Đã lưu lúc 10:05")
    assert site.autosaves[-1]["fields"]["title"] == [TITLE]
    expect(site.version_input()).to_have_value("8")
    assert site.draft() is None


@pytest.mark.parametrize(
    ("draft_version", "restored"),
    [
        ("6", False),  # made before the server's copy: stale, dropped
        ("7", True),  # older by the clocks, but made on this very version: the phone's clock lags
    ],
    ids=["stale", "clock-lags"],
)
def test_a_draft_older_than_the_server_copy(site, draft_version, restored):
    site.open()
    draft = {
        "savedAt": iso(now() - timedelta(hours=2)),
        "version": draft_version,
        "values": {"title": "Bản nháp cũ", "description": "Nháp", "field": "", "public": []},
    }
    site.page.evaluate(
        "([key, draft]) => localStorage.setItem(key, JSON.stringify(draft))",
        [STORAGE_KEY, draft],
    )
    site.page.reload()
    site.page.wait_for_function("() => window.ThiDuaAutosave !== undefined")

    if restored:
        expect(site.page.locator("#title")).to_have_value("Bản nháp cũ")
        expect(site.status()).to_contain_text(MESSAGES["restored"])
    else:
        expect(site.page.locator("#title")).to_have_value(site.values["title"])
        expect(site.status()).to_have_text("")
        assert site.draft() is None
        site.settle()
        assert site.autosaves == []


def test_a_conflict_shows_the_server_message_and_keeps_the_text(site):
    site.autosave_answer = "conflict"
    site.open()
    type_a_draft(site.page)

    expect(site.status()).to_have_text(CONFLICT_MESSAGE)
    expect(site.status()).to_have_attribute("data-autosave-state", "conflict")
    expect(site.page.locator("#description")).to_have_value(DESCRIPTION)
    assert site.draft()["values"]["description"] == DESCRIPTION
    expect(site.version_input()).to_have_value("7")

    # Nothing more is sent (it would be refused again), but what is typed is still kept.
    site.page.locator("#title").fill("Sửa thêm sau xung đột")
    site.settle()
    assert len(site.autosaves) == 1
    draft = site.draft()
    assert draft["values"]["title"] == "Sửa thêm sau xung đột"
    assert (draft["conflict"], draft["version"]) == (True, "7")
    expect(site.status()).to_have_text(CONFLICT_MESSAGE)


THEIRS = {"title": "Bản của người khác", "description": "Mô tả của họ", "field": "health",
          "public": False}  # fmt: skip


def someone_else_saves(site):
    """Version 9, saved (by the clocks) after this person's draft, with other words."""
    site.version = 9
    site.server_saved_at = iso(now() + timedelta(minutes=5))
    site.values = dict(THEIRS)


def refused_as_stale(site):
    """This person's draft, refused as stale by an autosave; the other version is newer."""
    site.autosave_answer = "conflict"
    site.open()
    type_a_draft(site.page)
    expect(site.status()).to_have_text(CONFLICT_MESSAGE)
    someone_else_saves(site)
    site.autosave_answer = "ok"


def on_the_servers_page_with_both(site):
    """Refused as stale, this person pressed "Lưu nháp": the server answers with their text
    in the fields, version 9, and the version that text was typed on."""
    refused_as_stale(site)
    site.values = {"title": TITLE, "description": DESCRIPTION, "field": "agriculture",
                   "public": True}  # fmt: skip
    site.based_on = "7"
    site.page.reload()


def choice(site):
    return site.page.locator("[data-autosave-choice]")


def test_a_reload_after_a_conflict_shows_both_versions_and_saves_nothing(site):
    refused_as_stale(site)
    site.page.reload()

    page = site.page
    expect(page.locator("#title")).to_have_value(TITLE)  # this person's text, in the fields
    expect(page.locator("#description")).to_have_value(DESCRIPTION)
    expect(choice(site)).to_contain_text(MESSAGES["theirs"])  # the other one, beside it
    expect(choice(site)).to_contain_text("Tên sáng kiến")
    expect(choice(site)).to_contain_text("Bản của người khác")
    expect(choice(site)).to_contain_text("Mô tả của họ")
    expect(choice(site)).to_contain_text("Y tế")  # a choice by its label, not its code
    expect(site.status()).to_have_text(MESSAGES["choose"])
    expect(site.version_input()).to_have_value("7")  # a save button meets the server's check

    page.locator("#description").fill("Gộp: " + DESCRIPTION)
    site.settle()
    assert len(site.autosaves) == 1  # the refused one: nothing is written over version 9
    draft = site.draft()
    assert (draft["conflict"], draft["version"]) == (True, "7")
    assert draft["values"]["description"] == "Gộp: " + DESCRIPTION

    page.reload()  # still offered, still not saved
    expect(page.locator("#description")).to_have_value("Gộp: " + DESCRIPTION)
    expect(choice(site)).to_contain_text("Mô tả của họ")
    site.settle()
    assert len(site.autosaves) == 1


def test_keeping_my_version_saves_it_over_theirs(site):
    refused_as_stale(site)
    site.page.reload()
    site.page.locator("[data-autosave-keep]").click()

    expect(site.status()).to_have_text("Đã lưu lúc 10:05")
    expect(choice(site)).to_have_count(0)
    sent = site.autosaves[-1]["fields"]
    assert (sent["version"], sent["title"], sent["description"]) == (["9"], [TITLE], [DESCRIPTION])
    expect(site.version_input()).to_have_value("10")
    assert site.draft() is None


def test_taking_their_version_drops_mine(site):
    refused_as_stale(site)
    site.page.reload()
    site.page.locator("[data-autosave-take]").click()

    page = site.page
    expect(choice(site)).to_have_count(0)
    expect(page.locator("#title")).to_have_value(THEIRS["title"])
    expect(page.locator("#description")).to_have_value(THEIRS["description"])
    expect(page.locator("#field")).to_have_value("health")
    expect(page.locator("input[name=public]")).not_to_be_checked()
    expect(site.version_input()).to_have_value("9")
    assert site.draft() is None
    site.settle()
    assert len(site.autosaves) == 1

    page.locator("#title").fill("Sửa trên bản của họ")  # editing goes on as usual
    expect(site.status()).to_have_text("Đã lưu lúc 10:05")
    assert site.autosaves[-1]["fields"]["version"] == ["9"]


def test_the_servers_page_with_both_versions_saves_nothing_until_the_person_chooses(site):
    """Issue #10: the 409 page with both texts, then only a reload: the draft was restored
    and autosaved over the other person's text."""
    on_the_servers_page_with_both(site)

    page = site.page
    expect(site.status()).to_have_text(MESSAGES["choose"])
    expect(site.version_input()).to_have_value("9")
    page.locator("#description").fill("Gộp hai bản")
    site.settle()
    assert len(site.autosaves) == 1
    draft = site.draft()
    assert (draft["conflict"], draft["version"]) == (True, "7")

    # Only a reload: the page shows their version again; mine is offered, not saved.
    site.based_on = None
    site.values = dict(THEIRS)
    page.reload()
    expect(page.locator("#description")).to_have_value("Gộp hai bản")
    expect(choice(site)).to_contain_text("Mô tả của họ")
    site.settle()
    assert len(site.autosaves) == 1


def test_saving_on_the_servers_page_with_both_versions_is_the_persons_choice(site):
    on_the_servers_page_with_both(site)

    site.page.get_by_role("button", name="Lưu nháp").click()
    expect(site.page).to_have_title("Đã gửi")
    assert site.submits[-1]["version"] == ["9"]
    draft = site.draft()  # kept until the next page says it is saved, no longer a conflict
    assert (draft["conflict"], draft["version"]) == (False, "9")

    site.based_on = None
    site.version = 10
    site.server_saved_at = iso(now() + timedelta(minutes=10))
    site.open()
    expect(site.page.locator("#description")).to_have_value(DESCRIPTION)
    expect(choice(site)).to_have_count(0)
    assert site.draft() is None


def test_the_take_their_version_link_drops_the_draft(site):
    on_the_servers_page_with_both(site)
    site.based_on = None
    site.values = dict(THEIRS)

    site.page.get_by_role("link", name="Lấy bản của họ").click()

    expect(site.page.locator("#title")).to_have_value(THEIRS["title"])
    expect(choice(site)).to_have_count(0)
    assert site.draft() is None


def test_a_form_without_autosave_url_keeps_its_draft_on_the_phone_only(site):
    site.autosave_url = None
    site.server_saved_at = None
    site.open()
    type_a_draft(site.page)

    expect(site.status()).to_contain_text("Đã giữ trên máy này lúc")
    assert site.draft()["values"]["title"] == TITLE

    site.page.reload()
    expect(site.page.locator("#title")).to_have_value(TITLE)
    expect(site.status()).to_have_text(MESSAGES["restored"])
    site.settle()
    assert site.autosaves == []


def wait_for(page, condition, what: str):
    for _ in range(TIMEOUT_MS // 50):
        if condition():
            return
        page.wait_for_timeout(50)
    pytest.fail(f"timed out waiting for {what}")


# Runs in the page, after autosave.js's own submit listener: while the first POST is on its
# way, reports the buttons' state and tries to submit again as a script would. Playwright's
# evaluate and locators wait for the navigation under way, so the page reports on the console.
AFTER_FIRST_SUBMIT = """() => {
    const form = document.querySelector('#registration');
    form.addEventListener('submit', () => setTimeout(() => {
        const buttons = Array.from(form.querySelectorAll('button'), (b) =>
            [b.value, b.disabled, b.getAttribute('aria-disabled')]);
        console.log('buttons ' + JSON.stringify(buttons));
        form.requestSubmit();
        form.querySelector('#title').focus();
    }, 50), {once: true});
}"""


def test_double_submit_sends_once_with_the_clicked_button(site):
    site.hold_submits = True
    site.open()
    page = site.page
    reports: list[str] = []
    page.on("console", lambda message: reports.append(message.text))
    page.locator("#title").fill(TITLE)
    send = page.get_by_role("button", name="Gửi đăng ký")
    box = send.bounding_box()
    page.evaluate(AFTER_FIRST_SUBMIT)

    send.dblclick()
    wait_for(page, lambda: site.submits and reports, "the form's POST")
    assert reports == ['buttons [["draft",true,"true"],["submit",true,"true"]]']
    # Still waiting for the answer: another tap, then Enter in the title.
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert len(site.submits) == 1

    site.answer_submit(site.held.pop())
    expect(page).to_have_title("Đã gửi")
    submitted = site.submits[0]
    assert submitted["action"] == ["submit"]
    assert submitted["title"] == [TITLE]
    # On a slow machine the typing's autosave may be answered before the tap; the submit then
    # carries that newer version (and waits for it when it is still under way).
    assert submitted["version"] == [str(7 + len(site.autosaves))]
    assert submitted["csrfmiddlewaretoken"] == [CSRF]
    assert len(site.submits) == 1


def test_submit_during_an_autosave_waits_for_its_new_version(site):
    site.autosave_answer = "hold"
    site.open()
    page = site.page
    page.locator("#title").fill(TITLE)
    wait_for(page, lambda: len(site.held) == 1, "the autosave POST")

    page.get_by_role("button", name="Gửi đăng ký").click()
    page.wait_for_timeout(300)
    assert site.submits == []  # sent with version 7, it would be refused as stale

    site.answer_saved(site.held.pop())
    expect(page).to_have_title("Đã gửi")
    assert len(site.submits) == 1
    submitted = site.submits[0]
    assert submitted["version"] == ["8"]
    assert submitted["action"] == ["submit"]
    assert submitted["title"] == [TITLE]
