"""Fixtures of the page tests: uploads in a temporary folder, and the whole story."""

import pytest

from tests.pages.world import World


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db, request):
    return World(request)
