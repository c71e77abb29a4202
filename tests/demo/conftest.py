"""The demo, loaded once per module: its story is what several test modules read."""

import pytest
from django.db import transaction
from django.test import override_settings

from thidua.demo import load as demo

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):  # as tests/conftest.py has it
            demo.load(whole_country=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def story(loaded, db):
    """Each test runs inside its own savepoint on top of the loaded demo."""
