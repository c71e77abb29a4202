"""The Django admin site (org/admin.py): for superusers only, its changes audited like any other."""

from django.urls import reverse

from tests.helpers import login
from thidua.audit.models import AuditEntry
from thidua.org.models import Role


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


def test_admin_site_is_for_superusers_only(client, tree, make_person, superuser):
    make_person("h", Role.ADMIN, tree.district)
    login(client, "h")
    refused = client.get(reverse("admin:index"))
    assert refused.status_code == 302
    assert refused["Location"].startswith(reverse("admin:login"))
    client.force_login(superuser)
    page = client.get(reverse("admin:index"))
    assert page.status_code == 200
    assert reverse("admin:org_unit_changelist") in page.content.decode()


def test_an_account_changed_on_the_admin_site_is_logged_under_its_unit(
    client, superuser, tree, make_person
):
    officer = make_person("xa", Role.OFFICER, tree.commune_a, full_name="Nguyễn Thị Hoa")
    client.force_login(superuser)
    page = client.get(reverse("admin:org_person_change", args=[officer.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "password"}
    data.update({"position": "Chủ tịch", "is_active": "on", "date_joined_0": "01/01/2022"})
    data.update({"date_joined_1": "08:00:00", "last_login_0": "", "last_login_1": ""})
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = client.post(reverse("admin:org_person_change", args=[officer.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.filter(action="update", object_id=str(officer.pk)).latest("id")
    assert entry.after["position"] == "Chủ tịch"
    assert entry.unit == tree.commune_a
