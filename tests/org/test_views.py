"""Unit and people pages: what each user sees, what they may change, fixed query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import login
from thidua.audit.models import AuditEntry
from thidua.org.domain.people import membership_grant
from thidua.org.domain.units import unit_create, unit_update
from thidua.org.models import Membership, Person, Role, Unit, UnitKind


def test_unit_list_shows_only_the_users_subtree(client, tree, make_person):
    login(client, make_person("xa", Role.OFFICER, tree.commune_a))
    page = client.get(reverse("org:unit_list")).content.decode()
    assert "Hội Nông dân xã Ea Bá" in page
    assert "Chi hội Thôn 1" in page
    assert "Ea Ly" not in page
    assert "Sông Hinh" not in page.split("<main")[1].split("Ea Bá")[0]


def test_unit_list_search_ignores_diacritics(client, tree, make_person):
    login(client, make_person("h", Role.ADMIN, tree.district))
    page = client.get(reverse("org:unit_list"), {"q": "ea ba"}).content.decode()
    assert "xã Ea Bá" in page
    assert "xã Ea Ly" not in page


def test_unit_list_filters_current_and_former_units(client, tree, make_person):
    unit_update(actor=None, unit=tree.commune_b, valid_to=datetime.date(2025, 6, 30))
    login(client, make_person("h", Role.ADMIN, tree.district))
    current = client.get(reverse("org:unit_list"), {"status": "current"}).content.decode()
    former = client.get(reverse("org:unit_list"), {"status": "former"}).content.decode()
    link_a, link_b = ">Hội Nông dân xã Ea Bá</a>", ">Hội Nông dân xã Ea Ly</a>"
    assert link_a in current
    assert link_b not in current
    assert link_b in former
    assert link_a not in former


def test_unit_detail_of_another_commune_is_not_found(client, tree, make_person):
    login(client, make_person("xa", Role.ADMIN, tree.commune_a))
    for unit, name in ((tree.commune_b, "Ea Ly"), (tree.district, "Sông Hinh")):
        response = client.get(reverse("org:unit_detail", args=[unit.pk]))
        assert response.status_code == 404
        main = response.content.decode().split("<main")[1]
        assert "Không tìm thấy trang" in main
        assert name not in main


def test_unit_detail_shows_children_people_and_actions_to_an_admin(client, tree, make_person):
    admin = make_person("h", Role.ADMIN, tree.district, full_name="Văn phòng Huyện hội")
    make_person("xa", Role.OFFICER, tree.commune_a, full_name="Nguyễn Thị Hoa")
    login(client, admin)
    page = client.get(reverse("org:unit_detail", args=[tree.district.pk])).content.decode()
    assert "Hội Nông dân xã Ea Bá" in page
    assert "Hội Nông dân xã Ea Ly" in page
    assert "Văn phòng Huyện hội" in page
    assert reverse("org:unit_create_child", args=[tree.district.pk]) in page
    commune_page = client.get(reverse("org:unit_detail", args=[tree.commune_a.pk])).content.decode()
    assert "Nguyễn Thị Hoa" in commune_page


def test_officer_sees_no_management_actions_and_cannot_post_them(client, tree, make_person):
    login(client, make_person("xa", Role.OFFICER, tree.commune_a))
    page = client.get(reverse("org:unit_detail", args=[tree.commune_a.pk])).content.decode()
    assert reverse("org:unit_create_child", args=[tree.commune_a.pk]) not in page
    response = client.post(
        reverse("org:unit_create_child", args=[tree.commune_a.pk]),
        {"name": "Thôn 9", "kind": UnitKind.BRANCH},
    )
    assert response.status_code == 403
    assert not Unit.objects.filter(name="Thôn 9").exists()


def test_admin_adds_a_branch_and_it_is_audited(client, tree, make_person):
    admin = make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, admin)
    response = client.post(
        reverse("org:unit_create_child", args=[tree.commune_a.pk]),
        {"name": "  Buôn   Ken ", "kind": UnitKind.BRANCH},
    )
    assert response.status_code == 302
    branch = Unit.objects.get(name="Buôn Ken")
    assert branch.parent == tree.commune_a
    assert branch.path.startswith(tree.commune_a.path)
    entry = AuditEntry.objects.get(object_id=str(branch.pk), action="create")
    assert entry.actor == admin
    assert entry.after["name"] == "Buôn Ken"


def test_a_commune_cannot_be_created_under_a_branch(client, tree, make_person):
    login(client, make_person("xa", Role.ADMIN, tree.commune_a))
    response = client.post(
        reverse("org:unit_create_child", args=[tree.branch_a.pk]),
        {"name": "Xã lạ", "kind": UnitKind.COMMUNE},
    )
    assert response.status_code == 200
    assert "không thể đặt" in response.content.decode()
    assert not Unit.objects.filter(name="Xã lạ").exists()


def test_admin_creates_an_account_with_a_role(client, tree, make_person):
    login(client, make_person("h", Role.ADMIN, tree.district))
    response = client.post(
        reverse("org:unit_person_create", args=[tree.commune_b.pk]),
        {
            "full_name": "Y Khoa Niê",
            "username": "ykhoa",
            "phone": "+84 912 345 678",
            "role": Role.OFFICER,
            "password": "",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(username="ykhoa")
    assert person.phone == "0912345678"
    assert not person.has_usable_password()
    assert Membership.objects.filter(person=person, unit=tree.commune_b, role=Role.OFFICER).exists()


def test_account_with_a_taken_phone_is_refused_with_a_message(client, tree, make_person):
    make_person("first", Role.OFFICER, tree.commune_a, phone="0912345678")
    login(client, make_person("h", Role.ADMIN, tree.district))
    response = client.post(
        reverse("org:unit_person_create", args=[tree.commune_b.pk]),
        {
            "full_name": "Người khác",
            "username": "other",
            "phone": "0912 345 678",
            "role": "officer",
        },
    )
    assert response.status_code == 200
    assert "Số điện thoại này đã được một tài khoản khác sử dụng." in response.content.decode()
    assert not Person.objects.filter(username="other").exists()


def test_admin_of_a_commune_cannot_grant_roles_in_the_district(client, tree, make_person):
    login(client, make_person("xa", Role.ADMIN, tree.commune_a))
    other = make_person("other")
    response = client.post(
        reverse("org:unit_membership_add", args=[tree.district.pk]),
        {"login": other.username, "role": Role.ADMIN},
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(person=other).exists()


def test_admin_grants_and_revokes_a_role(client, tree, make_person):
    login(client, make_person("h", Role.ADMIN, tree.district))
    other = make_person("other", Role.VIEWER, tree.branch_b, email="other@example.vn")
    client.post(
        reverse("org:unit_membership_add", args=[tree.commune_a.pk]),
        {"login": "OTHER@example.vn", "role": Role.VIEWER},
    )
    membership = Membership.objects.get(person=other, unit=tree.commune_a)
    client.post(reverse("org:membership_delete", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(membership.pk)).exists()


def test_people_list_shows_only_people_in_scope(client, tree, make_person):
    make_person("a1", Role.OFFICER, tree.commune_a, full_name="Người Ở A")
    make_person("b1", Role.OFFICER, tree.commune_b, full_name="Người Ở B")
    login(client, make_person("xa", Role.ADMIN, tree.commune_a))
    page = client.get(reverse("org:person_list")).content.decode()
    assert "Người Ở A" in page
    assert "Người Ở B" not in page


def test_people_list_is_refused_to_viewers(client, tree, make_person):
    make_person("a1", Role.OFFICER, tree.commune_a, full_name="Người Ở A")
    login(client, make_person("v", Role.VIEWER, tree.district))
    response = client.get(reverse("org:person_list"))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert "Người Ở A" not in response.content.decode()


def test_people_sort_by_given_name(client, tree, make_person):
    for username, name in [("c", "Trần Văn Cường"), ("a", "Lê Thị An"), ("b", "Nguyễn Bình")]:
        make_person(username, Role.OFFICER, tree.commune_a, full_name=name)
    login(client, make_person("h", Role.ADMIN, tree.district, full_name="Đỗ Văn Huyện"))
    page = client.get(reverse("org:person_list")).content.decode()
    positions = [
        page.index(n) for n in ("Lê Thị An", "Nguyễn Bình", "Trần Văn Cường", "Đỗ Văn Huyện")
    ]
    assert positions == sorted(positions)


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("extra", [5, 40])
def test_unit_list_query_count_does_not_grow_with_units(client, tree, make_person, extra):
    login(client, make_person("h", Role.ADMIN, tree.district))
    baseline = _query_count(client, reverse("org:unit_list"))
    for number in range(extra):
        unit_create(
            actor=None, parent=tree.commune_a, name=f"Thôn {number + 10}", kind=UnitKind.BRANCH
        )
    assert _query_count(client, reverse("org:unit_list")) == baseline


@pytest.mark.parametrize("extra", [5, 40])
def test_people_list_query_count_does_not_grow_with_people(client, tree, make_person, extra):
    login(client, make_person("h", Role.ADMIN, tree.district))
    baseline = _query_count(client, reverse("org:person_list"))
    for number in range(extra):
        unit = tree.commune_a if number % 2 else tree.commune_b
        person = make_person(f"p{number}", Role.OFFICER, unit)

        membership_grant(actor=None, person=person, unit=tree.branch_a, role=Role.VIEWER)
    assert _query_count(client, reverse("org:person_list")) == baseline


@pytest.mark.parametrize("extra", [3, 30])
def test_unit_detail_query_count_does_not_grow_with_children(client, tree, make_person, extra):
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:unit_detail", args=[tree.commune_a.pk])
    baseline = _query_count(client, url)
    for number in range(extra):
        unit_create(
            actor=None, parent=tree.commune_a, name=f"Thôn {number + 10}", kind=UnitKind.BRANCH
        )
        make_person(f"m{number}", Role.OFFICER, tree.commune_a)
    assert _query_count(client, url) == baseline


def test_pages_require_login(client, tree):
    for url in (reverse("home"), reverse("org:unit_list"), reverse("org:person_list")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_district_admin_edits_a_commune_and_the_commune_cannot_edit_itself(
    client, tree, make_person
):
    make_person("xa", Role.ADMIN, tree.commune_a)
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:unit_edit", args=[tree.commune_a.pk])
    response = client.post(url, {"name": "Ea Bá", "code": "22216", "valid_to": "30/06/2025"})
    assert response.status_code == 302
    tree.commune_a.refresh_from_db()
    assert tree.commune_a.valid_to.isoformat() == "2025-06-30"
    client.logout()
    login(client, Person.objects.get(username="xa"))
    assert client.post(url, {"name": "Tự đổi tên"}).status_code == 403
    tree.commune_a.refresh_from_db()
    assert tree.commune_a.name == "Ea Bá"


def test_unit_edit_rejects_an_end_before_the_start_and_keeps_the_input(client, tree, make_person):
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:unit_edit", args=[tree.commune_a.pk])
    response = client.post(
        url, {"name": "Tên mới", "valid_from": "01/07/2025", "valid_to": "01/01/2025"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ngày kết thúc trước ngày bắt đầu." in page
    assert 'value="Tên mới"' in page
    tree.commune_a.refresh_from_db()
    assert tree.commune_a.name == "Ea Bá"


def test_admin_edits_and_disables_an_account_in_scope(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a, full_name="Nguyễn Thị Hoa")
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:person_edit", args=[officer.pk])
    response = client.post(url, {"full_name": "Nguyễn Thị Hoa", "phone": "0905 111 222"})
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.phone == "0905111222"
    assert not officer.is_active
    assert AuditEntry.objects.filter(object_id=str(officer.pk), action="update").exists()


def test_account_with_a_role_elsewhere_cannot_be_edited(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a)

    membership_grant(actor=None, person=officer, unit=tree.other_commune, role=Role.VIEWER)
    login(client, make_person("h", Role.ADMIN, tree.district))
    detail = client.get(reverse("org:person_detail", args=[officer.pk])).content.decode()
    assert "Phường 1" not in detail
    assert client.post(reverse("org:person_edit", args=[officer.pk]), {}).status_code == 403


def test_person_outside_scope_is_not_found(client, tree, make_person):
    other = make_person("b", Role.OFFICER, tree.commune_b)
    login(client, make_person("xa", Role.ADMIN, tree.commune_a))
    response = client.get(reverse("org:person_detail", args=[other.pk]))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert other.full_name not in response.content.decode()


@pytest.mark.parametrize("login_of", ["username", "email", "phone"])
def test_roles_are_granted_only_to_accounts_within_the_granters_units(
    client, tree, make_person, superuser, login_of
):
    """A district admin cannot reach an account outside the district, nor read it after."""
    outsider = make_person(
        "tinh",
        Role.ADMIN,
        tree.province,
        full_name="Trần Văn Tỉnh",
        email="tinh@example.vn",
        phone="0905 000 001",
    )
    logins = {"username": "tinh", "email": "tinh@example.vn", "phone": "0905000001"}
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:unit_membership_add", args=[tree.commune_a.pk])
    response = client.post(url, {"login": logins[login_of], "role": Role.VIEWER})
    assert response.status_code == 200
    assert not Membership.objects.filter(person=outsider, unit=tree.commune_a).exists()
    page = response.content.decode()
    assert "Không có tài khoản nào trong các đơn vị bạn quản lý" in page
    assert "tinh@example.vn" not in client.get(reverse("org:person_list")).content.decode()
    assert client.get(reverse("org:person_detail", args=[outsider.pk])).status_code == 404


def test_refusing_a_grant_does_not_tell_whether_the_account_exists(client, tree, make_person):
    make_person("tinh", Role.ADMIN, tree.province, email="tinh@example.vn")
    make_person("khong-vai-tro", email="none@example.vn")  # an account with no role at all
    login(client, make_person("h", Role.ADMIN, tree.district))
    url = reverse("org:unit_membership_add", args=[tree.commune_a.pk])

    def refusal(login_text):
        page = client.post(url, {"login": login_text, "role": Role.VIEWER}).content.decode()
        main = page.split('<main id="main"')[1].split("</main>")[0]
        main = re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", main)
        return main.replace(login_text, "…")

    first = refusal("tinh")
    assert "Không có tài khoản nào trong các đơn vị bạn quản lý" in first
    for other in ("nobody-has-this", "none@example.vn", "0905999999", "tinh@example.vn"):
        assert refusal(other) == first


def test_a_person_with_a_role_in_the_district_gets_one_more(client, tree, make_person):
    person = make_person("b", Role.OFFICER, tree.commune_b, phone="0905 222 333")
    login(client, make_person("h", Role.ADMIN, tree.district))
    response = client.post(
        reverse("org:unit_membership_add", args=[tree.commune_a.pk]),
        {"login": "0905222333", "role": Role.VIEWER},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(person=person, unit=tree.commune_a, role=Role.VIEWER).exists()


def test_the_superuser_grants_a_role_to_any_account(client, tree, make_person, superuser):
    person = make_person("moi")  # no role yet: only the superuser reaches such an account
    client.force_login(superuser)
    response = client.post(
        reverse("org:unit_membership_add", args=[tree.commune_a.pk]),
        {"login": "moi", "role": Role.OFFICER},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(person=person, unit=tree.commune_a).exists()


def test_people_list_says_how_many_match_and_keeps_the_search_in_its_pages(
    client, tree, make_person
):
    for number in range(51):
        make_person(
            f"nguyen{number}", Role.OFFICER, tree.commune_a, full_name=f"Nguyễn Văn {number}"
        )
    make_person("tran", Role.OFFICER, tree.commune_a, full_name="Trần Thị Bình")
    login(client, make_person("h", Role.ADMIN, tree.district, full_name="Đỗ Văn Huyện"))
    page = client.get(reverse("org:person_list"), {"q": "nguyen"}).content.decode()
    count = page.split('class="count">')[1].split("</p>")[0]
    assert "51" in count
    assert "1–50" in count
    assert "?q=nguyen&amp;page=2" in page
    assert "Trần Thị Bình" not in page
