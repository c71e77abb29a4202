"""The people and unit lists' own filters read Vietnamese however it is typed (issue #12):
"nguyen" finds "Nguyễn", an NFD-typed "Nguyễn" too, words in any order."""

import unicodedata

import pytest
from django.urls import reverse

from tests.helpers import cast_of, login


@pytest.fixture
def admin(make_person, tree):
    return cast_of(make_person, tree, "district_admin")["district_admin"]


@pytest.mark.parametrize(
    "typed", ["nguyen", "Nguyễn", unicodedata.normalize("NFD", "Nguyễn"), "hoa nguyen", "NGUYỄN"]
)
def test_people_are_found_with_or_without_diacritics(client, admin, officer, typed):
    login(client, admin)
    page = client.get(reverse("org:person_list"), {"q": typed}).content.decode()
    assert "Nguyễn Thị Hoa" in page
    assert admin.full_name not in page.split("<table")[1].split("</table>")[0]


def test_units_are_found_with_or_without_diacritics_in_any_order(client, admin):
    login(client, admin)
    for typed in ("ea ba", "BÁ EA", unicodedata.normalize("NFD", "Ea Bá"), "22216"):
        page = client.get(reverse("org:unit_list"), {"q": typed}).content.decode()
        assert "xã Ea Bá" in page, typed
        assert "xã Ea Ly" not in page, typed
