"""The search page and the box in the header: grouped, highlighted, escaped, paginated, and a
number of queries that does not grow with the data."""

import re
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import cast_of, login
from tests.strategies import words
from thidua.core.text import fold
from thidua.initiatives.domain.ideas import idea_send
from thidua.search.highlight import excerpt, highlight

URL = reverse("search:results")


@pytest.fixture
def cast(make_person, tree):
    return cast_of(make_person, tree, "officer_a", "district_admin")


def test_the_header_carries_the_search_box_for_signed_in_people(client, cast):
    assert 'role="search"' not in client.get(reverse("login")).content.decode()
    login(client, cast["officer_a"])
    page = client.get(reverse("home")).content.decode()
    assert 'role="search"' in page
    assert f'action="{URL}"' in page


def test_results_are_grouped_by_kind_and_highlighted(client, cast, make_registration, officer):
    make_registration(name="Mô hình Nguyễn Thị Hoa trồng sắn")
    login(client, cast["district_admin"])

    response = client.get(URL, {"q": unicodedata.normalize("NFD", "Nguyễn")})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-registration"' in page
    assert page.index('id="search-registration"') < page.index('id="search-person"')
    assert "<mark>Nguyễn</mark> Thị Hoa" in page
    assert "Mô hình <mark>Nguyễn</mark> Thị Hoa trồng sắn" in page
    # The box keeps what was typed, escaped.
    assert 'value="Nguyễn"' in page or 'value="' + unicodedata.normalize("NFD", "Nguyễn") in page


def test_everything_typed_or_stored_is_escaped(client, cast, tree):
    idea_send(
        unit=tree.commune_a,
        name="Nông dân",
        phone="0905111222",
        idea='Máy sấy <script>alert("x")</script> cà phê',
        address="10.0.0.1",
    )
    login(client, cast["district_admin"])

    page = client.get(URL, {"q": "may say script"}).content.decode()

    assert "<script>alert" not in page
    assert "<mark>Máy</mark> <mark>sấy</mark> &lt;<mark>script</mark>&gt;alert" in page


def test_highlight_escapes_first_and_marks_word_starts_only():
    assert highlight("Sắn & <b>san</b>", ["san"]) == (
        "<mark>Sắn</mark> &amp; &lt;b&gt;<mark>san</mark>&lt;/b&gt;"
    )
    assert highlight("thanh toán", ["an"]) == "thanh toán"  # inside words: not marked
    nfd = unicodedata.normalize("NFD", "Đức Nguyễn")
    first, last = nfd.split(" ")
    assert highlight(nfd, ["nguyen"]) == f"{first} <mark>{last}</mark>"
    long = "Mở đầu. " * 40 + "Trồng sắn cao sản. " + "Kết thúc. " * 40
    quoted = excerpt(long, ["trong", "san"])
    assert quoted.startswith("… ")
    assert quoted.endswith(" …")
    assert "<mark>Trồng</mark> <mark>sắn</mark>" in quoted
    assert len(quoted) < 300


def test_one_kind_by_pages(client, cast, make_registration):
    for i in range(23):
        make_registration(name=f"Mô hình trồng sắn số {i}", complete=False)
    login(client, cast["officer_a"])

    first = client.get(URL, {"q": "trong san"}).content.decode()
    assert first.count('class="search-hit"') == 5
    assert "kind=registration" in first

    second = client.get(URL, {"q": "trong san", "kind": "registration", "page": 2})
    page = second.content.decode()
    assert "(23)" in page
    assert page.count('class="search-hit"') == 3
    assert "page=1" in page


def test_the_search_page_costs_the_same_queries_with_more_data(
    client, cast, make_registration, make_person, tree
):
    login(client, cast["district_admin"])

    def measure(size):
        for i in range(size):
            make_registration(name=f"Mô hình số {i}", complete=False)
            make_person(f"nguoi{size}_{i}", "officer", tree.commune_b, full_name=f"Mô Hình {i}")
        client.get(URL, {"q": "mo hinh"})  # what Django caches for the process, not counted
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, {"q": "mo hinh"})
        assert response.status_code == 200
        return len(queries)

    assert measure(3) == measure(9)


def test_a_whole_word_is_marked_rather_than_the_start_of_another():
    assert highlight("Sắn sáng", ["san"]) == "<mark>Sắn</mark> sáng"
    assert highlight("sáng kiến", ["san"]) == "<mark>sán</mark>g kiến"  # typed in part


@given(text=words(max_words=8), picked=st.data())
def test_a_word_typed_folded_is_marked_where_it_is_written(text, picked):
    """Generated text, NFC or NFD, and one of its words searched folded: the text comes back
    escaped and whole, and that word's letters are inside a mark."""
    word = picked.draw(st.sampled_from(text.split(" ")))
    term = re.sub(r"[^a-z0-9].*", "", fold(word))
    shown = highlight(text, [term] if term else [])
    assert shown.replace("<mark>", "").replace("</mark>", "") == escape(text)
    if term:
        marked = "".join(re.findall(r"<mark>(.*?)</mark>", shown))
        assert term in fold(marked.replace("&amp;", "&"))
