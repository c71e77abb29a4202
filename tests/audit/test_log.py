"""The audit log (audit/log.py): who changed what, when, before and after; never a password."""

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
