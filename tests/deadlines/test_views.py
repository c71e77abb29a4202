"""The reminders page (deadlines/views.py): the district reminds by hand and sees the log."""

from django.urls import reverse

from tests.helpers import login, vietnamese
from thidua.deadlines.models import Reminder
from thidua.org.models import Role


def test_the_district_reminds_by_hand_and_sees_what_went_to_whom(
    client, due_soon, offices, make_person, tree
):
    make_person("huyen", Role.OFFICER, tree.district, full_name="Văn phòng Huyện hội")
    login(client, "huyen")
    url = reverse("deadlines:reminders", args=[due_soon.plan_id, due_soon.pk])
    page = client.get(url).content.decode()
    assert "Hội Nông dân xã Ea Bá" in page
    assert "Hội Nông dân xã Ea Ly" in page
    client.post(url)
    client.post(url)  # a double click: the units were reminded minutes ago
    assert Reminder.objects.filter(manual=True).count() == 2
    log = client.get(url).content.decode()
    assert "Văn phòng Huyện hội" in log
    client.logout()
    login(client, "xa_a")
    assert client.get(url).status_code == 403


def test_units_with_nobody_to_tell_are_named_not_counted_as_reminded(
    client, due_soon, make_person, tree
):
    make_person("xa_a", Role.OFFICER, tree.commune_a)  # Ea Ly has no officer with an account
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    url = reverse("deadlines:reminders", args=[due_soon.plan_id, due_soon.pk])
    page = client.post(url, follow=True).content.decode()
    assert "Đã gửi nhắc việc đến 1 đơn vị." in page
    assert (
        "1 đơn vị chưa có cán bộ nào có tài khoản để nhận nhắc việc: Hội Nông dân xã Ea Ly." in page
    )
    again = client.post(url, follow=True).content.decode()
    assert "vừa được nhắc trong ít phút trước" in again
    assert Reminder.objects.filter(manual=True).count() == 2


def test_the_district_reminds_only_the_units_it_ticked_and_hears_why_others_were_not(
    client, due_soon, offices, make_person, tree
):
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    url = reverse("deadlines:reminders", args=[due_soon.plan_id, due_soon.pk])
    page = client.get(url).content.decode()
    assert f'name="unit" value="{tree.commune_a.pk}" checked' in page  # ticked by default
    ticked = {"selecting": "1", "unit": [tree.commune_a.pk]}
    done = client.post(url, ticked, follow=True).content.decode()
    assert "Đã gửi nhắc việc đến 1 đơn vị." in done
    assert set(Reminder.objects.values_list("unit_id", flat=True)) == {tree.commune_a.pk}
    both = {"selecting": "1", "unit": [tree.commune_a.pk, tree.commune_b.pk]}
    again = client.post(url, both, follow=True).content.decode()
    assert "Đã gửi nhắc việc đến 1 đơn vị." in again  # Ea Ly now
    assert "Hội Nông dân xã Ea Bá" in again  # named: reminded minutes ago, not again
    assert Reminder.objects.filter(unit=tree.commune_b).count() == 1
    assert Reminder.objects.filter(unit=tree.commune_a).count() == 1
    nothing = client.post(url, {"selecting": "1"}, follow=True).content.decode()
    assert Reminder.objects.count() == 2
    assert f'role="alert">{vietnamese("Tick at least one unit to remind.")}' in nothing
