"""The plans' seed data: well-formed JSON in NFC, and plan 115 word for word as the real seed.

The seed text (Kế hoạch số 115-KH/HNDH) lives outside the repository, in the shared folder
beside the clone; the tests that compare against it are skipped when it is not there.
"""

import datetime
import json
import re
import unicodedata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "thidua" / "plans" / "seed"
SEED = REPO.parent / "shared" / "seed" / "000_acf2213204166523.txt"
FILES = ["plan_115.json", "plan_283.json", "plan_2026_daklak.json"]
KEYS = {
    "number",
    "type",
    "issuer_code",
    "date",
    "place",
    "superior_line",
    "issuer_line",
    "title",
    "subject_lines",
    "movement",
    "emulation_form",
    "period",
    "basis",
    "preamble",
    "sections",
    "closing",
    "recipients",
    "signature",
    "registration_rule",
    "criteria",
    "deadlines",
    "campaigns",
}
SECTION_KINDS = ["purpose_requirements", "content", "tasks_solutions", "organisation"]
CRITERIA = ["novelty", "suitability", "collectivity", "effectiveness", "economy"]
# "I. ", "III. ", "1. " at the start of a line: the renderer numbers sections and points.
NUMBERING = re.compile(r"^(?:[IVX]+|\d+)\.\s+")


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _strings(value):
    """Every string inside a JSON value, in document order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _body(plan: dict) -> list[str]:
    """The plan's text from the basis to the closing, in reading order."""
    parts = [basis["text"] for basis in plan["basis"]] + plan["preamble"]
    for section in plan["sections"]:
        parts += [section["heading"], *section["paragraphs"]]
        for point in section["points"]:
            parts += [point["title"], *point["paragraphs"]]
    return [part for part in parts if part] + plan["closing"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed text is not at {SEED} (the shared folder beside the clone)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_body_lines(seed_text) -> list[str]:
    """The seed's body lines, NFC and whitespace-collapsed, without their numbering."""
    lines = [_clean(line) for line in seed_text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ Kế hoạch số 283"))
    end = next(i for i, line in enumerate(lines) if line.endswith("./."))
    body = [NUMBERING.sub("", line) for line in lines[start : end + 1]]
    return [line for line in body if any(ch.isalpha() for ch in line)]


@pytest.fixture(scope="module")
def plan_115() -> dict:
    return _load("plan_115.json")


@pytest.mark.parametrize("name", FILES)
def test_seed_file_parses_with_all_keys(name):
    plan = _load(name)
    assert set(plan) == KEYS
    assert plan["type"] == "KH"
    assert plan["emulation_form"] in {"regular", "thematic"}
    assert [section["kind"] for section in plan["sections"]] in ([], SECTION_KINDS)


@pytest.mark.parametrize("name", FILES)
def test_seed_file_text_is_nfc_with_normalised_whitespace(name):
    raw = (DATA / name).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    for value in _strings(json.loads(raw)):
        assert unicodedata.is_normalized("NFC", value), value
        assert value == " ".join(value.split()), f"stray whitespace in {value!r}"


@pytest.mark.parametrize("name", FILES)
def test_seed_file_dates_are_iso_and_in_order(name):
    plan = _load(name)
    issued = datetime.date.fromisoformat(plan["date"])
    start, end = (datetime.date.fromisoformat(day) for day in plan["period"])
    assert start <= issued <= end
    dues = {d["kind"]: datetime.date.fromisoformat(d["due"]) for d in plan["deadlines"]}
    if dues:
        assert issued < dues["registration"] < dues["report"]


@pytest.mark.parametrize("name", FILES)
def test_seed_file_has_the_five_criteria(name):
    criteria = _load(name)["criteria"]
    assert [c["code"] for c in criteria] == CRITERIA
    assert all(c["name"] and c["description"] and c["max_points"] == 20 for c in criteria)


@pytest.mark.parametrize("name", ["plan_115.json", "plan_2026_daklak.json"])
def test_seed_file_registration_rule_is_quoted_from_its_body(name):
    plan = _load(name)
    rule = plan["registration_rule"]
    assert rule["minimum"] == 1
    assert rule["text"] in _body(plan)


def test_plan_115_has_four_sections_of_2_5_5_0_points(plan_115):
    assert [len(section["points"]) for section in plan_115["sections"]] == [2, 5, 5, 0]
    assert [section["heading"] for section in plan_115["sections"]] == [
        "MỤC ĐÍCH, YÊU CẦU",
        "NỘI DUNG",
        "NHIỆM VỤ VÀ GIẢI PHÁP",
        "TỔ CHỨC THỰC HIỆN",
    ]


def test_plan_115_keeps_the_seeds_slips(plan_115):
    assert "nâng cao nâng suất" in plan_115["preamble"][0]
    assert "khoa học kỹ thuật…lồng ghép" in " ".join(_strings(plan_115["sections"]))


def test_plan_115_criteria_and_campaigns_are_the_seeds_words(plan_115):
    tasks = plan_115["sections"][2]["points"]
    lines = [line for line in tasks[4]["paragraphs"] if line.startswith("+ ")]
    assert lines == [f"+ {c['name']}: {c['description']}" for c in plan_115["criteria"]]
    linking = tasks[2]["paragraphs"][1]
    assert len(plan_115["campaigns"]) == 7
    assert all(campaign in linking for campaign in plan_115["campaigns"])


def test_plan_115_contains_every_line_of_the_seeds_body_in_order(plan_115, seed_body_lines):
    body = "\n".join(_body(plan_115))
    position = 0
    for line in seed_body_lines:
        found = body.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_plan_115_is_the_seeds_body_line_for_line(plan_115, seed_body_lines):
    # Stronger than the check above: nothing invented, repeated, merged or split.
    assert _body(plan_115) == seed_body_lines


def test_plan_115_quotes_its_other_fields_from_the_seed(plan_115, seed_text):
    seed = _clean(seed_text)
    quoted = [
        *plan_115["subject_lines"],
        *plan_115["recipients"],
        plan_115["registration_rule"]["text"],
        *plan_115["campaigns"],
        *(f"{c['name']}: {c['description']}" for c in plan_115["criteria"]),
        *(plan_115["signature"][key] for key in ("authority", "title", "signer")),
    ]
    for part in quoted:
        assert part in seed, f"not in the seed: {part!r}"


def test_plan_115_header_matches_the_seed(plan_115, seed_text):
    seed = _clean(seed_text)
    assert f"Số {plan_115['number']}-{plan_115['type']}/{plan_115['issuer_code']}" in seed
    assert f"{plan_115['place']}, ngày 08 tháng 3 năm 2022" in seed
    assert plan_115["date"] == "2022-03-08"
    assert plan_115["basis"][0]["cites"] in plan_115["basis"][0]["text"]
    assert "Đã ký" in seed
    assert plan_115["signature"]["signed"] is True


def test_plan_283_tells_only_what_the_seed_tells():
    plan = _load("plan_283.json")
    assert (plan["number"], plan["date"], plan["issuer_code"]) == (283, "2022-03-03", "HNDT")
    assert plan["sections"] == plan["basis"] == plan["preamble"] == plan["closing"] == []
    assert plan["deadlines"] == plan["campaigns"] == []
    assert plan["registration_rule"] is None
    assert plan["signature"]["signer"] == ""
    cited = _load("plan_115.json")["basis"][0]
    assert cited["cites"] == f"{plan['number']}-{plan['type']}/{plan['issuer_code']}"
    assert f"“{plan['movement']}” năm 2022" in cited["text"]
