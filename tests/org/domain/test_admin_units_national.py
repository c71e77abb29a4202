"""Loading the whole country (org/domain/admin_units.py), both structures: counts, and subtree
queries that stay one query. Apart from test_admin_units.py: its data stays for the module."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from thidua.org.domain.admin_units import load_admin_units
from thidua.org.models import Succession, Unit

# Both tests in one process: the country is loaded once (about 10 s), not once per process.
pytestmark = pytest.mark.xdist_group("national-units")


@pytest.fixture(scope="module")
def country(django_db_setup, django_db_blocker):
    """The country loaded once for the module, in a transaction of its own that each test's
    transaction nests in (a savepoint) and that is rolled back after the last: nothing of it
    is left for the tests after this module, and undoing it costs no deletes (deleting the
    units one by one with their index entries took 14 s)."""
    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
        try:
            load_admin_units()
            yield
        finally:
            transaction.set_rollback(True)
            module.__exit__(None, None, None)


@pytest.mark.django_db
def test_country_has_both_structures(country):
    old = Unit.objects.filter(valid_to__isnull=False)
    new = Unit.objects.filter(valid_from__isnull=False)
    continuing = Unit.objects.filter(level=1, valid_from__isnull=True, valid_to__isnull=True)
    assert old.filter(level=1).count() + continuing.count() == 63
    assert new.filter(level=1).count() + continuing.count() == 34
    assert old.filter(level=2).count() == 696
    assert old.filter(level=3).count() == 10_035
    assert new.filter(level=3).count() == 3_321
    assert not Succession.objects.filter(predecessor__level=3).exclude(successor__level=3).exists()


@pytest.mark.django_db
def test_subtree_of_a_province_is_one_query_at_national_size(country):
    ha_noi = Unit.objects.get(level=1, code="01")
    with CaptureQueriesContext(connection) as queries:
        count = ha_noi.descendants().count()
    assert len(queries) == 1
    assert count > 500  # Hà Nội's districts and wards before 2025 and its wards after
