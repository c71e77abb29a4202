"""The layers of docs/architecture.md are kept by import-linter's contracts in pyproject.toml.

These tests run the linter on the real tree and on a copy with one upward import planted,
so CI fails on a new upward arrow and the contracts are shown to catch one.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "thidua"
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def lint_imports(python_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own linter on our own tree)
        [LINT_IMPORTS, "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=python_path,
        env={"PYTHONPATH": str(python_path), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_source_keeps_every_layer_contract():
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward_import", "broken"),
    [
        ("core/text.py", "import thidua.org.models", "Apps in layers"),
        ("plans/models/plans.py", "import thidua.plans.domain.numbering", "Inside an app"),
        ("notify/send.py", "import thidua.deadlines.reminders", "Apps in layers"),
    ],
)
def test_an_upward_import_breaks_the_build(tmp_path, module, upward_import, broken):
    copy = tmp_path / "thidua"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale"))
    target = copy / module
    target.write_text(target.read_text() + f"\n{upward_import}  # planted by the test\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert f"{broken}" in result.stdout
    assert upward_import.split()[-1] in result.stdout
