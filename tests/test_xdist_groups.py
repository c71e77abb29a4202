"""The test processes keep their groups: the browser tests share one process (one Chromium,
one loaded demo), and so do the tests of a module that loads the country or the demo once.
pytest-xdist's ``--dist loadgroup`` marks a grouped test by its id; pytest 9.2 changed how ids
are kept and the groups were silently spread over both processes (pyproject.toml pins below)."""

import pytest

pytestmark = pytest.mark.xdist_group("probe")


def test_a_grouped_test_carries_its_group_to_pytest_xdist(request):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by pytest-xdist with --dist loadgroup (-n 0)")
    assert request.node.nodeid.endswith("@probe")
