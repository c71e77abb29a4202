"""Loading the whole country (org/domain/admin_units.py), both structures: counts, and subtree
queries that stay one query. Apart from test_admin_units.py: its data stays for the module."""

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext

from thidua.audit.models import AuditEntry
from thidua.org.domain.admin_units import load_admin_units
from thidua.org.models import Succession, Unit


@pytest.fixture(scope="module")
def country(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        last_entry = AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0
        load_admin_units()
    yield
    # Committed outside any test's transaction: undo all of it, the audit log's import entry
    # included, or the tests after this module see it.
    with django_db_blocker.unblock():
        AuditEntry.objects.filter(id__gt=last_entry).delete()
        Succession.objects.all().delete()
        for level in (3, 2, 1, 0):
            Unit.objects.filter(level=level).delete()


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
