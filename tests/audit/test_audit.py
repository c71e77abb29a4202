"""The audit log: who changed what, when, before and after; readable by administrators
of the unit's subtree only."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from thidua.audit.models import AuditEntry
from thidua.org.domain.people import person_update
from thidua.org.domain.units import unit_update
from thidua.org.models import Role


def test_update_records_actor_before_and_after(tree, make_person):
    admin = make_person("h", Role.ADMIN, tree.district)
    unit_update(actor=admin, unit=tree.commune_a, name="Ea Bá Mới", code="99999")
    entry = AuditEntry.objects.filter(action="update").latest("id")
    assert entry.actor == admin
    assert entry.unit == tree.commune_a
    assert entry.before["name"] == "Ea Bá"
    assert entry.after["name"] == "Ea Bá Mới"
    assert ("code", "22216", "99999") in entry.changed_fields()


def test_person_update_never_logs_the_password(tree, make_person):
    person = make_person("p", Role.OFFICER, tree.commune_a)
    person_update(actor=person, person=person, full_name="Tên Mới")
    entry = AuditEntry.objects.filter(action="update").latest("id")
    assert "password" not in entry.before
    assert "password" not in entry.after
    assert entry.after["full_name"] == "Tên Mới"


def test_admin_reads_the_log_of_their_subtree_only(client, tree, make_person):
    actor = make_person("h", Role.ADMIN, tree.province)
    unit_update(actor=actor, unit=tree.commune_a, name="Ea Bá Đổi Tên")
    unit_update(actor=actor, unit=tree.commune_b, name="Ea Ly Đổi Tên")
    make_person("xa", Role.ADMIN, tree.commune_a)
    assert client.login(username="xa", password=PASSWORD)
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert "Ea Bá Đổi Tên" in page
    assert "Ea Ly Đổi Tên" not in page


@pytest.mark.parametrize("role", [Role.OFFICER, Role.COUNCIL, Role.VIEWER])
def test_non_admins_cannot_read_the_log(client, tree, make_person, role):
    make_person("p", role, tree.district)
    assert client.login(username="p", password=PASSWORD)
    assert client.get(reverse("audit:entry_list")).status_code == 404


def test_log_filtered_to_another_units_subtree_is_not_found(client, tree, make_person):
    make_person("xa", Role.ADMIN, tree.commune_a)
    assert client.login(username="xa", password=PASSWORD)
    response = client.get(reverse("audit:entry_list"), {"unit": tree.commune_b.pk})
    assert response.status_code == 404


def test_admin_site_changes_are_audited(client, superuser, tree):
    client.force_login(superuser)
    url = reverse("admin:org_unit_change", args=[tree.branch_a.pk])
    response = client.post(
        url,
        {"name": "Thôn Một", "code": "", "valid_from": "", "valid_to": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.filter(action="update", object_id=str(tree.branch_a.pk)).latest("id")
    assert entry.actor == superuser
    assert entry.before["name"] == "Thôn 1"
    assert entry.after["name"] == "Thôn Một"
