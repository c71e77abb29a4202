"""The web shell (web/views.py): the start page, and the site's own refusal pages."""

from django.urls import reverse

from tests.helpers import login
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role


def test_start_page_lists_each_unit_once_with_all_roles(client, tree, make_person):
    person = make_person("h", Role.ADMIN, tree.district)
    membership_grant(actor=None, person=person, unit=tree.district, role=Role.OFFICER)
    client.force_login(person)
    page = client.get(reverse("home")).content.decode()
    assert page.count(">Hội Nông dân huyện Sông Hinh</a>") == 1
    assert "Quản trị đơn vị, cán bộ" in page


def test_refusals_use_the_sites_own_pages(client, tree, make_person):
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "xa")
    refused = client.post(reverse("org:unit_create_child", args=[tree.commune_a.pk]), {})
    assert refused.status_code == 403
    assert "Không được phép" in refused.content.decode()
    missing = client.get(reverse("org:unit_detail", args=[tree.commune_b.pk]))
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()
