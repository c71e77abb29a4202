"""The search's one statement (``domain/ranked.py``) against the simple computation, over
generated worlds: what is found, its order, the totals and the pages equal what the rule
says, computed here in Python one record at a time.

The rule: a record is found when the person may see it (its kind's ``visible``) and every
typed word starts a word of its entry; it is ranked by the points of ``_points`` (the typed
words as a phrase at the start of the name, in the name, in the text, and each word in the
name), ties in the kind's own order; a council is kept when ``can_view_council`` says so,
among the first 500 found. Names are drawn from a few syllables so that words, prefixes,
phrases and ties meet often. Run on SQLite and on PostgreSQL alike.
"""

import datetime
import random

import pytest

from tests.helpers import cast_of
from thidua.initiatives.domain.ideas import idea_send
from thidua.initiatives.domain.registrations import registration_submit
from thidua.org.models import Role
from thidua.plans.domain.plans import plan_issue
from thidua.review.domain.councils import council_create
from thidua.search.domain import query
from thidua.search.domain.kinds import SPECS, kinds_of
from thidua.search.models import Entry

SYLLABLES = ["Mô", "hình", "nuôi", "bò", "bón", "trồng", "sắn", "sản", "cao", "mới", "Hợp", "tác"]
WHO = ("officer_a", "officer_b", "district", "province", "outsider")


def _name(rng: random.Random) -> str:
    return " ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))


def _typed(rng: random.Random) -> str:
    words = [rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))]
    return " ".join(
        word[: rng.randint(1, len(word))] if rng.random() < 0.3 else word for word in words
    )


@pytest.fixture
def world(tree, make_person, make_registration, make_plan, open_plan):
    """world(seed) → the cast, after a generated set of records of every kind."""

    def build(seed: int) -> dict:
        rng = random.Random(seed)  # noqa: S311 (a replayable world, not a secret)
        cast = cast_of(make_person, tree, *WHO)
        communes = [tree.commune_a, tree.commune_b, tree.branch_b]  # the plan's recipients
        everywhere = [*communes, tree.other_commune]
        for _ in range(rng.randint(8, 14)):
            complete = rng.random() < 0.6
            registration = make_registration(
                rng.choice(communes), name=_name(rng), complete=complete
            )
            if complete and rng.random() < 0.6:  # sent: read above, not only by its commune
                registration_submit(actor=None, registration=registration)
        for i in range(rng.randint(2, 4)):
            plan = make_plan(unit=rng.choice([tree.district, tree.commune_b]), title=_name(rng))
            if rng.random() < 0.5:
                plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 1 + i))
        for i in range(rng.randint(2, 5)):
            unit = rng.choice(everywhere)
            make_person(f"nguoi{i}", Role.OFFICER, unit, full_name=_name(rng))
        for _ in range(rng.randint(1, 3)):
            council_create(actor=None, plan=open_plan, name=_name(rng))
        for i in range(rng.randint(1, 3)):
            idea_send(
                unit=rng.choice(everywhere),
                name="Nông dân",
                phone="0905111222",
                idea=_name(rng),
                address=f"10.0.0.{i}",
            )
        return cast

    return build


def _points(entry: Entry, found: list[str]) -> int:
    phrase = " ".join(found)
    return (
        8 * entry.title.startswith(f" {phrase} ")
        + 8 * entry.title.startswith(f" {phrase}")
        + 4 * (f" {phrase}" in entry.title)
        + 2 * (f" {phrase}" in entry.words)
        + sum(f" {term}" in entry.title for term in found)
    )


def _expected(spec, user, found: list[str]) -> list[tuple[int, int]]:
    """(pk, rank) of every record of ``spec`` found by ``user``, best first: the rule, one
    record at a time."""
    entries = {entry.object_id: entry for entry in Entry.objects.filter(kind=spec.kind)}
    rows = list(
        dict.fromkeys(spec.visible(user).select_related(*spec.related).order_by(*spec.order))
    )
    hits = []
    for row in rows:
        entry = entries.get(row.pk)
        words = entry.words.split() if entry else []
        if entry and all(any(word.startswith(term) for word in words) for term in found):
            hits.append((row, _points(entry, found)))
    hits.sort(key=lambda hit: -hit[1])  # stable: ties keep the kind's order
    if spec.check is not None:
        hits = [hit for hit in hits[: query.MAX_CANDIDATES] if spec.check(user, hit[0])]
    return [(row.pk, points) for row, points in hits]


def _pairs(hits) -> list[tuple[int, int]]:
    return [(hit.pk, hit.rank) for hit in hits]


@pytest.mark.parametrize("seed", range(4))
def test_found_ranked_counted_and_paged_as_the_rule_says(world, superuser, seed):
    cast = world(seed)
    rng = random.Random(seed * 7919)  # noqa: S311 (replayable typing)
    people = [*cast.values(), superuser]
    for typed in [_typed(rng) for _ in range(12)]:
        found = query.terms(typed)
        for user in people:
            expected = {spec.kind: _expected(spec, user, found) for spec in kinds_of(None)}
            groups = {group.kind: group for group in query.groups(typed, user, per_kind=3)}
            assert set(groups) == {kind for kind, hits in expected.items() if hits}, typed
            for kind, group in groups.items():
                assert (group.total, _pairs(group.hits)) == (
                    len(expected[kind]),
                    expected[kind][:3],
                ), (typed, user.username, kind)
            for kind, hits in expected.items():
                assert _pairs(query.search(typed, user, kinds=[kind], limit=4)) == hits[:4]
                pages = max((len(hits) + 3) // 4, 1)
                for number in [*range(1, pages + 2), "x", 0]:
                    page = query.page(typed, user, kind, number, per_page=4)
                    last = min(_number(number, pages), pages)
                    assert page.paginator.count == len(hits), (typed, kind, number)
                    assert page.number == last
                    assert _pairs(page.object_list) == hits[(last - 1) * 4 : last * 4]


def _number(number, pages: int) -> int:
    """The page Django's ``Paginator.get_page`` shows for ``number``."""
    if not isinstance(number, int):
        return 1
    return pages if number < 1 or number > pages else number


def test_everything_together_is_each_kind_sorted_by_rank(world, superuser):
    cast = world(11)
    for typed in ("mo hinh", "bo", "san cao", "h"):
        hits = query.search(typed, cast["district"], limit=100)
        order = {kind: i for i, kind in enumerate(SPECS)}
        keys = [(-hit.rank, order[hit.kind]) for hit in hits]
        assert keys == sorted(keys)
        each = [query.search(typed, cast["district"], kinds=[kind], limit=100) for kind in SPECS]
        assert sorted(_pairs(hits)) == sorted(pair for kind in each for pair in _pairs(kind))
