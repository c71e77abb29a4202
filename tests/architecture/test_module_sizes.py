"""No module over about 400 lines without a reason stated at its top (docs/architecture.md):
a long module is usually two concerns, and the reader should be told when it is not."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "thidua"
LIMIT = 400
REASON = "Over 400 lines:"  # the phrase a long module's docstring gives its reason with


def test_every_long_module_says_why_at_its_top():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        source = path.read_text()
        if source.count("\n") > LIMIT and REASON not in (
            ast.get_docstring(ast.parse(source)) or ""
        ):
            long.append(f"{path.relative_to(PACKAGE)}: {source.count(chr(10))} lines")
    assert not long, "\n".join(long)
