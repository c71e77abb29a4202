"""The navigation (web/context_processors.py) follows the roles a person holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.helpers import login
from thidua.notify.send import notify
from thidua.org.models import Role


def test_navigation_follows_the_role(client, tree, make_person):
    make_person("v", Role.VIEWER, tree.district)
    login(client, "v")
    page = client.get(reverse("home")).content.decode()
    assert reverse("org:unit_list") in page
    assert reverse("org:person_list") not in page
    assert reverse("audit:entry_list") not in page
    assert reverse("admin:index") not in page


def test_the_unread_notifications_are_counted_once_and_shown_in_the_menu_and_on_home(
    client, tree, make_person
):
    """The navigation and the start page show the same count, read once per request; on
    another page only the navigation shows it; read notifications are not counted."""
    person = make_person("v", Role.VIEWER, tree.district)
    login(client, "v")
    home = client.get(reverse("home")).content.decode()
    assert "chưa đọc" not in home
    notify(people=[person], message="Kế hoạch mới.")
    notify(people=[person], message="Hạn đăng ký.")
    notify(people=[person], message="Đã đọc.")
    person.notifications.filter(message="Đã đọc.").update(read_at=timezone.now())
    home = client.get(reverse("home")).content.decode()
    assert "Thông báo (2)" in home
    assert "2 thông báo chưa đọc" in home
    units = client.get(reverse("org:unit_list")).content.decode()
    assert "Thông báo (2)" in units
    assert "chưa đọc" not in units
    counting = CaptureQueriesContext(connection)
    with counting:
        client.get(reverse("home"))
    unread = [q for q in counting.captured_queries if "notify_notification" in q["sql"]]
    assert len(unread) == 1
