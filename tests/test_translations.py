"""The Vietnamese catalogue: complete, well-formed, compiled, and in step with the source.

To update it after adding or changing strings (see the reply that added this file):

    cd src/thidua
    uv run thidua makemessages -l vi --no-obsolete
    # translate every new or fuzzy entry in locale/vi/LC_MESSAGES/django.po
    uv run thidua compilemessages

The checks that need GNU gettext (msgfmt, xgettext, msgmerge) skip where it is missing.
"""

import gettext
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

import thidua
from thidua.org.models import Role, UnitKind

PACKAGE_DIR = Path(thidua.__file__).resolve().parent
PO_FILE = PACKAGE_DIR / "locale" / "vi" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")

UPDATE_HINT = (
    "update the catalogue: cd src/thidua && uv run thidua makemessages -l vi --no-obsolete, "
    "translate, then uv run thidua compilemessages"
)


# --- a small .po parser ------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)  # plural index (0 if singular) → text
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    line: int = 0

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)

    def __str__(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt else ""
        return f"{PO_FILE.name}:{self.line} {context}{self.msgid!r}"


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def parse_po(path: Path) -> list[Entry]:
    """Every entry of a .po file, the header (msgid "") included, obsolete ones marked."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None  # which field a continuation line extends

    def finish() -> None:
        nonlocal entry, target
        if entry is not None and (entry.msgid or entry.msgstr):
            entries.append(entry)
        entry, target = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            continue
        if line.startswith("#") and not obsolete:
            if entry is not None and target is not None:  # a comment starts the next entry
                finish()
            entry = entry or Entry(line=number)
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, text = match.groups()
            if keyword in ("msgctxt", "msgid") and target is not None and target[0] == "msgstr":
                finish()  # a new entry with no blank line before it
            entry = entry or Entry(line=number)
            entry.obsolete = entry.obsolete or obsolete
            if keyword == "msgid":
                entry.line = number
            if keyword.startswith("msgstr"):
                target = ("msgstr", int(index or 0))
                entry.msgstr[target[1]] = _unescape(text)
            else:
                target = (keyword, 0)
                setattr(entry, keyword, _unescape(text))
            continue
        match = _CONTINUATION.match(line)
        if match and entry is not None and target is not None:
            text = _unescape(match.group(1))
            if target[0] == "msgstr":
                entry.msgstr[target[1]] += text
            else:
                setattr(entry, target[0], (getattr(entry, target[0]) or "") + text)
            continue
        raise ValueError(f"{path}:{number}: cannot parse {raw!r}")
    finish()
    return entries


def messages(path: Path) -> list[Entry]:
    """The translatable entries: no header, no obsolete ones."""
    return [entry for entry in parse_po(path) if entry.msgid and not entry.obsolete]


def header(path: Path) -> dict[str, str]:
    (head,) = [entry for entry in parse_po(path) if entry.msgid == "" and not entry.obsolete]
    fields = {}
    for line in head.msgstr[0].splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    assert PO_FILE.exists(), f"{PO_FILE} is missing: {UPDATE_HINT}"
    entries = messages(PO_FILE)
    assert entries, f"{PO_FILE} has no messages"
    return entries


# --- (a) complete, (b) NFC, header --------------------------------------------------


def test_header_is_vietnamese_utf8_with_one_plural_form():
    fields = header(PO_FILE)
    assert fields["Language"] == "vi"
    assert "charset=UTF-8" in fields["Content-Type"]
    assert fields["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    head = next(entry for entry in parse_po(PO_FILE) if entry.msgid == "")
    assert "fuzzy" not in head.flags, "the header is still marked fuzzy"


def test_no_empty_fuzzy_or_obsolete_entries(catalogue):
    problems = [
        f"fuzzy (check it, then drop the flag): {e}" for e in catalogue if "fuzzy" in e.flags
    ]
    problems += [
        f"untranslated: {e}"
        for e in catalogue
        if not e.msgstr or any(not text.strip() for text in e.msgstr.values())
    ]
    problems += [
        f"Vietnamese has one plural form, only msgstr[0]: {e}"
        for e in catalogue
        if e.msgid_plural and set(e.msgstr) != {0}
    ]
    problems += [f"obsolete (#~): {e}" for e in parse_po(PO_FILE) if e.obsolete]
    assert not problems, "\n".join(problems)


def test_every_translation_is_nfc(catalogue):
    bad = [
        str(entry)
        for entry in catalogue
        for text in entry.msgstr.values()
        if unicodedata.normalize("NFC", text) != text
    ]
    assert not bad, "translations not in Unicode NFC:\n" + "\n".join(bad)


# --- (d) placeholders and markup ----------------------------------------------------

_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def test_placeholders_and_markup_are_kept(catalogue):
    problems = []
    for entry in catalogue:
        source = entry.msgid_plural or entry.msgid
        for text in entry.msgstr.values():
            if _placeholders(text) != _placeholders(source):
                problems.append(
                    f"{entry}: {_placeholders(source)} became {_placeholders(text)} in {text!r}"
                )
            if sorted(_TAG.findall(text)) != sorted(_TAG.findall(source)):
                problems.append(f"{entry}: HTML tags differ in {text!r}")
    assert not problems, "\n".join(problems)


# --- (c) the .mo matches the .po ----------------------------------------------------


def _load_mo(path: Path) -> dict:
    with path.open("rb") as file:
        return dict(gettext.GNUTranslations(file)._catalog)


def test_mo_is_compiled_from_the_current_po(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    assert MO_FILE.exists(), f"{MO_FILE} is missing: run uv run thidua compilemessages"
    fresh = tmp_path / "django.mo"
    # --check: format strings agree with their msgid, the header is complete, plural
    # forms match Plural-Forms. The same program compilemessages runs.
    run = subprocess.run(  # noqa: S603 (a fixed program on our own file)
        [msgfmt, "--check", "-o", str(fresh), str(PO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert _load_mo(MO_FILE) == _load_mo(fresh), (
        "django.mo is older than django.po: run cd src/thidua && uv run thidua compilemessages"
    )


# --- (e) Django serves the catalogue ------------------------------------------------


def test_strings_come_out_in_vietnamese_and_stay_english_in_english():
    samples = {
        ("Log in", None): "Đăng nhập",
        ("Log out", None): "Đăng xuất",
        ("Home", None): "Trang chủ",
        ("People", None): "Người dùng",
        ("Audit log", None): "Nhật ký thay đổi",
        ("Skip to content", None): "Chuyển đến nội dung chính",
        ("commune", "unit kind"): "xã",
        ("special zone", "unit kind"): "đặc khu",
    }
    for language, expect_english in (("vi", False), ("en", True)):
        with translation.override(language):
            for (message, context), vietnamese in samples.items():
                got = (
                    translation.pgettext(context, message)
                    if context
                    else translation.gettext(message)
                )
                assert got == (message if expect_english else vietnamese), (language, message)
            units = translation.ngettext("%(total)s unit", "%(total)s units", 3) % {"total": 3}
            assert units == ("3 units" if expect_english else "3 đơn vị")
            # Lazy labels resolve in the active language.
            assert str(Role.OFFICER.label) == ("officer" if expect_english else "cán bộ")
            assert str(UnitKind.WARD.label) == ("ward" if expect_english else "phường")
    with translation.override("vi"):
        imported = translation.ngettext(
            "Imported %(count)d unit into %(unit)s.", "Imported %(count)d units into %(unit)s.", 2
        )
        assert imported % {
            "count": 2,
            "unit": "Hội Nông dân xã Ea Bá",
        } == ("Đã nhập 2 đơn vị vào Hội Nông dân xã Ea Bá.")


# --- (f) the catalogue covers the source --------------------------------------------


def test_catalogue_covers_every_string_in_the_source(catalogue, tmp_path, settings, monkeypatch):
    missing_tools = [tool for tool in ("xgettext", "msguniq", "msgmerge") if not shutil.which(tool)]
    if missing_tools:
        pytest.skip(f"GNU gettext is not installed ({', '.join(missing_tools)} missing)")
    # makemessages on a copy of the package, writing into the copy's own locale folder:
    # the real catalogue is never touched.
    copy = tmp_path / "thidua"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        ignore=shutil.ignore_patterns("locale", "static", "data", "__pycache__", "*.pyc"),
    )
    (copy / "locale").mkdir()
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    extracted = messages(copy / "locale" / "vi" / "LC_MESSAGES" / "django.po")
    assert extracted, "makemessages found no strings in the copy"
    known = {entry.key for entry in catalogue}
    missing = [entry for entry in extracted if entry.key not in known]
    assert not missing, f"strings in the source but not in the catalogue ({UPDATE_HINT}):\n" + (
        "\n".join(
            f"{'[' + e.msgctxt + '] ' if e.msgctxt else ''}{e.msgid!r}"
            + (f" / {e.msgid_plural!r}" if e.msgid_plural else "")
            for e in missing
        )
    )
