"""A list's text box (core/lookups.py: folded_words): every typed word starts a word of the
folded column, in any order, however it is typed; checked on the people's list column
(org.Person.search_name) against the rule written out, over generated names and typings."""

import random
import unicodedata

import pytest

from thidua.core import text
from thidua.core.lookups import folded_words
from thidua.org.domain.people import person_create
from thidua.org.models import Person

SYLLABLES = [
    "Nguyễn",
    "Nguyên",
    "Thị",
    "Hoa",
    "Hòa",
    "Đức",
    "Đào",
    "Lê",
    "Văn",
    "Minh",
    "Y",
    "Ksơr",
]


def _typed(rng: random.Random, name: str) -> str:
    """Starts of some of the name's words, in any order, as a person might type them."""
    words = rng.sample(name.split(), rng.randint(1, 2))
    ways = [str, text.fold, str.upper, lambda w: unicodedata.normalize("NFD", w)]
    return " ".join(rng.choice(ways)(w[: rng.randint(1, len(w))]) for w in words)


@pytest.mark.parametrize("seed", range(3))
def test_every_typed_word_starts_a_word_of_the_name_whatever_the_typing(db, seed):
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    names = {" ".join(rng.sample(SYLLABLES, 3)) for _ in range(12)}
    for number, name in enumerate(sorted(names)):
        person_create(actor=None, username=f"p{seed}{number}", full_name=name, password=None)
    for name in sorted(names):
        typed = _typed(rng, name)
        found = set(
            Person.objects.filter(folded_words("search_name", typed)).values_list(
                "full_name", flat=True
            )
        )
        expected = {
            n
            for n in names
            if all(
                any(word.startswith(t) for word in text.search_words(n))
                for t in text.search_words(typed)
            )
        }
        assert found == expected, typed
        assert name in found


def test_nothing_typed_narrows_nothing(db):
    assert folded_words("search_name", "  ") == folded_words("search_name", "")
    assert not folded_words("search_name", " , ")
