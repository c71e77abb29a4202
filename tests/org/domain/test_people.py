"""Accounts and roles (org/domain/people.py): which unit an account's log entries belong to."""

from django.urls import reverse

from tests.helpers import login
from thidua.audit.models import AuditEntry
from thidua.org.domain.people import membership_grant, person_update
from thidua.org.models import Role


def test_an_account_edit_is_logged_under_the_unit_its_roles_share(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a, full_name="Nguyễn Thị Hoa")
    district_admin = make_person("h", Role.ADMIN, tree.district)
    login(client, district_admin)
    client.post(
        reverse("org:person_edit", args=[officer.pk]),
        {"full_name": "Nguyễn Thị Hoa", "phone": "0905 111 222", "is_active": "on"},
    )
    entry = AuditEntry.objects.filter(object_id=str(officer.pk), action="update").get()
    assert entry.unit == tree.commune_a
    # The province's administrator reads it in the log of the province.
    login(client, make_person("t", Role.ADMIN, tree.province))
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert "Nguyễn Thị Hoa" in page
    assert "0905111222" in page


def test_roles_in_two_communes_log_under_their_district(tree, make_person):
    person = make_person("p", Role.OFFICER, tree.commune_a)
    membership_grant(actor=None, person=person, unit=tree.branch_b, role=Role.VIEWER)
    person_update(actor=None, person=person, position="Cán bộ")
    entry = AuditEntry.objects.filter(object_id=str(person.pk), action="update").get()
    # The smallest subtree holding every role: whoever may change the account reads it.
    assert entry.unit == tree.district


def test_an_account_without_roles_logs_under_no_unit(tree, make_person):
    person = make_person("p")
    person_update(actor=None, person=person, position="Cán bộ")
    assert AuditEntry.objects.filter(object_id=str(person.pk), action="update").get().unit is None
