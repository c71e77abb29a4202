"""States are compared with their enums, never with string literals (docs/architecture.md).

A literal silently stops matching when a state is renamed; an enum member fails loudly.
"""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "thidua"
# `x.state == "draft"`, `state="draft"`, `state__in=["draft", …]`, `role in ("chair", …)`
LITERAL = re.compile(
    r"""(\.(state|role|progress)\s*(==|!=|in)\s*[(\[]?\s*["'])"""
    r"""|([(,]\s*(state|role|progress)(__[a-z]+)?\s*=\s*[(\[]?\s*["'])"""
)


def _sources():
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".html"} or "migrations" in path.parts:
            continue
        if path.name == "enums.py":
            continue
        yield path


def test_no_state_literal_outside_the_enums():
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in _sources()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if LITERAL.search(line)
    ]
    assert not found, "compare with the enum instead:\n" + "\n".join(found)


def test_the_check_catches_a_literal():
    assert LITERAL.search('if plan.state == "draft":')
    assert LITERAL.search("rows.filter(state='submitted')")
    assert LITERAL.search('{% if report.state != "returned" %}')
    assert LITERAL.search('Council.objects.filter(plan=plan, state__in=["open"])')
    assert not LITERAL.search("if plan.state == PlanState.DRAFT:")
    assert not LITERAL.search('<ul class="messages" role="status">')
