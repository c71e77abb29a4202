"""The navigation (web/context_processors.py) follows the roles a person holds."""

from django.urls import reverse

from tests.helpers import login
from thidua.org.models import Role


def test_navigation_follows_the_role(client, tree, make_person):
    make_person("v", Role.VIEWER, tree.district)
    login(client, "v")
    page = client.get(reverse("home")).content.decode()
    assert reverse("org:unit_list") in page
    assert reverse("org:person_list") not in page
    assert reverse("audit:entry_list") not in page
    assert reverse("admin:index") not in page
