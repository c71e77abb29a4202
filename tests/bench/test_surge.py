"""bench/surge (bench/surge_core.py) at a tiny size, so the benchmark keeps working: five
officers at once against ``thidua serve`` send two registrations each, and the check finds
every one of them in the database exactly once, sent, with its attachment."""

import pytest

from bench import surge_core

# Its own instance, on SQLite whatever DATABASE_URL names: CI runs it once (pyproject's ops).
pytestmark = pytest.mark.ops


def test_the_surge_sends_every_registration_once_with_its_attachment(tmp_path):
    result = surge_core.run(total=10, clients=5, minutes=2, workers=2, work_dir=tmp_path)

    assert result.errors == []
    assert result.submitted == 10
    assert result.check["registrations"] == 10
    assert result.check["present_once_with_attachment"] == 10
    assert result.check["problem_counts"] == {
        "missing": 0,
        "duplicated": 0,
        "not_sent": 0,
        "attachment": 0,
    }
    assert "10 of 10 confirmed submissions present exactly once" in result.report()
