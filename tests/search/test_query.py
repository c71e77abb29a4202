"""Searching the index: Vietnamese typed any way, only what the person may open, ranked.

Run on SQLite (FTS5) and on PostgreSQL (the folded tsvector) alike: the same tests, the
same answers (`DATABASE_URL=postgres://… uv run pytest tests/search`).
"""

import unicodedata

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.helpers import COMPLETE, cast_of
from thidua.initiatives.domain.registrations import registration_save
from thidua.search.domain.query import Hit, search
from thidua.search.enums import Kind

REGISTRATION = [Kind.REGISTRATION]


def names(hits: list[Hit]) -> list[str]:
    return [hit.title for hit in hits]


@pytest.fixture
def cast(make_person, tree):
    return cast_of(make_person, tree, "officer_a", "officer_b", "district", "province", "outsider")


@pytest.mark.parametrize(
    "typed",
    [
        "mo hinh trong san",
        "Mô hình trồng sắn",
        "MÔ HÌNH TRỒNG SẮN",
        unicodedata.normalize("NFD", "mô hình trồng sắn"),
        "san trong hinh mo",  # any order
        "trồng  sắn, mô-hình!",  # punctuation and blanks
        "tro sa",  # the start of words
    ],
)
def test_a_registration_is_found_however_its_name_is_typed(cast, make_registration, typed):
    make_registration(name="Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ")
    make_registration(name="Nuôi dê sinh sản", complete=False)

    hits = search(typed, cast["officer_a"], kinds=REGISTRATION)

    assert names(hits) == ["Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ"]
    assert isinstance(hits[0].object.pk, int)
    assert hits[0].url == f"/registrations/{hits[0].pk}/"


def test_every_word_must_match_and_a_word_inside_another_is_no_match(cast, make_registration):
    make_registration(name="Mô hình trồng sắn cao sản")

    assert search("mo hinh trong ngo", cast["officer_a"], kinds=REGISTRATION) == []
    assert search("inh", cast["officer_a"], kinds=REGISTRATION) == []
    assert search("", cast["officer_a"]) == []
    assert search(" ,;! ", cast["officer_a"]) == []


def test_d_and_dj_are_one_letter_to_search(make_person, tree, superuser):
    make_person("duc", full_name="Đỗ Văn Đức", unit=tree.commune_a, role="officer")

    for typed in ("do van duc", "Đức", "đỗ", "DUC DO"):
        assert names(search(typed, superuser, kinds=[Kind.PERSON])) == ["Đỗ Văn Đức"], typed


def test_a_commune_never_finds_another_communes_drafts(cast, tree, make_registration):
    make_registration(tree.commune_a, complete=False, name="Mô hình nuôi bò Ea Bá")
    make_registration(tree.commune_b, complete=False, name="Mô hình nuôi bò Ea Ly")

    assert names(search("mo hinh nuoi bo", cast["officer_a"])) == ["Mô hình nuôi bò Ea Bá"]
    assert names(search("mo hinh nuoi bo", cast["officer_b"])) == ["Mô hình nuôi bò Ea Ly"]
    # The province reads what was sent, never a draft; another district nothing at all.
    assert search("mo hinh nuoi bo", cast["province"]) == []
    assert search("mo hinh nuoi bo", cast["outsider"]) == []


def test_sent_registrations_are_read_above_not_beside(cast, tree, entry):
    entry(tree.commune_b, name="Mô hình nuôi bò Ea Ly")

    assert names(search("nuoi bo", cast["district"])) == ["Mô hình nuôi bò Ea Ly"]
    assert search("nuoi bo", cast["officer_a"]) == []
    assert search("nuoi bo", cast["outsider"]) == []


def test_people_and_units_in_scope(cast, tree, officer):
    assert "Nguyễn Thị Hoa" in names(search("nguyen", cast["district"], kinds=[Kind.PERSON]))
    assert search("nguyen", cast["outsider"], kinds=[Kind.PERSON]) == []
    assert names(search("ea ly", cast["district"], kinds=[Kind.UNIT])) == ["Hội Nông dân xã Ea Ly"]
    assert search("ea ly", cast["officer_a"], kinds=[Kind.UNIT]) == []


def test_plans_and_councils_follow_the_access_rules(cast, council, make_plan, tree):
    make_plan(unit=tree.commune_b, title="Kế hoạch riêng của xã Ea Ly")

    # The issued district plan reaches its communes; a commune's draft plan stays its own.
    assert names(search("ke hoach rieng", cast["officer_b"], kinds=[Kind.PLAN])) == [
        "Kế hoạch riêng của xã Ea Ly"
    ]
    assert search("ke hoach rieng", cast["officer_a"], kinds=[Kind.PLAN]) == []
    assert search("phong trao thi dua", cast["officer_a"], kinds=[Kind.PLAN])
    # The council: the district's officers see it, a commune's officer does not.
    assert names(search("hoi dong danh gia", cast["district"], kinds=[Kind.COUNCIL])) == [
        "Hội đồng đánh giá"
    ]
    assert search("hoi dong danh gia", cast["officer_b"], kinds=[Kind.COUNCIL]) == []
    member = council.members.get(role="member").person
    assert search("hoi dong danh gia", member, kinds=[Kind.COUNCIL])


def test_the_name_ranks_above_the_text(cast, make_registration):
    make_registration(name="Nuôi dê sinh sản")  # "trồng sắn" only in its summary (COMPLETE)
    make_registration(name="Trồng sắn cao sản")
    make_registration(name="Liên kết trồng sắn cao sản")

    hits = search("trong san", cast["officer_a"], kinds=REGISTRATION)

    assert names(hits) == ["Trồng sắn cao sản", "Liên kết trồng sắn cao sản", "Nuôi dê sinh sản"]
    assert hits[0].rank > hits[1].rank > hits[2].rank
    assert COMPLETE["summary"].startswith("Trồng sắn")


def test_kinds_and_limit(cast, tree, make_registration, officer):
    for i in range(3):
        make_registration(name=f"Mô hình Nguyễn số {i}")

    everything = search("nguyen", cast["district"], limit=50)
    assert {hit.kind for hit in everything} == {Kind.PERSON, Kind.REGISTRATION}
    assert {hit.kind for hit in search("nguyen", cast["district"], kinds=[Kind.PERSON])} == {
        Kind.PERSON
    }
    assert len(search("mo hinh nguyen", cast["officer_a"], limit=2)) == 2


def test_an_anonymous_visitor_finds_nothing(make_registration):
    make_registration()
    assert search("mo hinh", AnonymousUser()) == []


def test_saving_again_changes_what_is_found(cast, make_registration):
    registration = make_registration(name="Mô hình trồng sắn", complete=False)
    registration_save(
        actor=None,
        registration=registration,
        version=registration.version,
        fields={"name": "Mô hình nuôi cá lồng"},
    )
    assert search("trong san", cast["officer_a"], kinds=REGISTRATION) == []
    assert names(search("ca long", cast["officer_a"], kinds=REGISTRATION)) == [
        "Mô hình nuôi cá lồng"
    ]
