"""The audit page (web/audit.py): readable by administrators of the unit's subtree only."""

import pytest
from django.urls import reverse

from tests.helpers import login
from thidua.org.domain.units import unit_update
from thidua.org.models import Role


def test_admin_reads_the_log_of_their_subtree_only(client, tree, make_person):
    actor = make_person("h", Role.ADMIN, tree.province)
    unit_update(actor=actor, unit=tree.commune_a, name="Ea Bá Đổi Tên")
    unit_update(actor=actor, unit=tree.commune_b, name="Ea Ly Đổi Tên")
    make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, "xa")
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert "Ea Bá Đổi Tên" in page
    assert "Ea Ly Đổi Tên" not in page


@pytest.mark.parametrize("role", [Role.OFFICER, Role.COUNCIL, Role.VIEWER])
def test_non_admins_cannot_read_the_log(client, tree, make_person, role):
    make_person("p", role, tree.district)
    unit_update(actor=None, unit=tree.commune_a, name="Ea Bá Đổi Tên")
    login(client, "p")
    response = client.get(reverse("audit:entry_list"))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "Ea Bá Đổi Tên" not in response.content.decode()


def test_log_filtered_to_another_units_subtree_is_not_found(client, tree, make_person):
    make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, "xa")
    unit_update(actor=None, unit=tree.commune_b, name="Ea Ly Đổi Tên")
    response = client.get(reverse("audit:entry_list"), {"unit": tree.commune_b.pk})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "Ea Ly Đổi Tên" not in response.content.decode()
