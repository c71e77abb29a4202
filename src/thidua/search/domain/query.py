"""Searching the index: one interface, whatever the database.

``search(text, user, kinds, limit)`` gives typed hits, best first; ``groups`` and ``page``
serve the search page (per kind, with totals). Every word typed must start a word of the
record, in any order, with or without diacritics, in any case and normalisation ("mo hinh
trong san" finds "Mô hình trồng sắn cao sản"). Only records the person may open are found:
each kind's rows are filtered by ``org/access.py`` (``kinds.py``) in the same query.

The ranking is written in portable SQL over the folded words, so SQLite and PostgreSQL
order alike: the typed words as a phrase at the start of the name, then in the name, then
anywhere, then the number of typed words in the name.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import add

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)

from thidua.search.domain.index import words
from thidua.search.domain.kinds import SPECS, Spec, kinds_of
from thidua.search.models import Entry

MAX_WORDS = 12
MAX_CANDIDATES = 500  # rows checked one by one (councils), at most


@dataclass(frozen=True)
class Hit:
    """One record found: its kind, the record itself, how well it matched, and how it reads."""

    kind: str
    object: Model
    rank: int
    title: str
    context: str
    excerpt: str
    url: str

    @property
    def pk(self) -> int:
        return self.object.pk


@dataclass(frozen=True)
class Group:
    kind: str
    label: str
    total: int
    hits: list[Hit]


class Matches(Func):
    """The entry contains every one of ``terms`` as the start of a word (the full-text index)."""

    output_field = BooleanField()

    def __init__(self, terms: list[str]):
        super().__init__(F("id"), F("words"))
        self.terms = terms

    def as_sqlite(self, compiler, connection, **extra):
        id_sql, params = compiler.compile(self.source_expressions[0])
        match = " ".join(f'"{term}"*' for term in self.terms)  # terms are [a-z0-9]+ only
        sql = f"{id_sql} IN (SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s)"  # noqa: S608 (compiled column, bound match)
        return sql, (*params, match)

    def as_postgresql(self, compiler, connection, **extra):
        words_sql, params = compiler.compile(self.source_expressions[1])
        match = " & ".join(f"{term}:*" for term in self.terms)
        sql = (
            f"to_tsvector('simple'::regconfig, {words_sql}) @@ to_tsquery('simple'::regconfig, %s)"
        )
        return sql, (*params, match)

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError(f"search has no full-text index on {connection.vendor}")


def terms(text: str) -> list[str]:
    """The words searched for, folded, each once, in the order typed."""
    return list(dict.fromkeys(words(text)))[:MAX_WORDS]


def _rank(found: list[str]):
    phrase = " ".join(found)

    def points(then: int, **condition):
        return Case(When(then=Value(then), **condition), default=Value(0))

    parts = [
        points(8, title__startswith=f" {phrase} "),
        points(8, title__startswith=f" {phrase}"),
        points(4, title__contains=f" {phrase}"),
        points(2, words__contains=f" {phrase}"),
        *(points(1, title__contains=f" {term}") for term in found),
    ]
    return reduce(add, parts)


def _matching(spec: Spec, user, found: list[str]) -> QuerySet:
    """The rows of ``spec`` that ``user`` may see and that match, best first."""
    entries = Entry.objects.filter(kind=spec.kind).filter(Matches(found))
    rank = Entry.objects.filter(kind=spec.kind, object_id=OuterRef("pk")).annotate(
        points=_rank(found)
    )
    rows = (
        spec.visible(user)
        .filter(pk__in=entries.values("object_id"))
        .annotate(search_rank=Subquery(rank.values("points")[:1], output_field=IntegerField()))
        .select_related(*spec.related)
        .order_by("-search_rank", *spec.order)
    )
    return rows.distinct() if spec.distinct else rows


def _hit(spec: Spec, row) -> Hit:
    return Hit(
        kind=spec.kind,
        object=row,
        rank=row.search_rank,
        title=spec.title(row),
        context=spec.context(row),
        excerpt=spec.excerpt(row) or "",
        url=spec.url(row),
    )


def _checked(spec: Spec, user, rows: QuerySet) -> list:
    return [row for row in rows[:MAX_CANDIDATES] if spec.check(user, row)]


def _top(spec: Spec, user, found: list[str], limit: int) -> tuple[int, list[Hit]]:
    rows = _matching(spec, user, found)
    if spec.check is not None:
        kept = _checked(spec, user, rows)
        return len(kept), [_hit(spec, row) for row in kept[:limit]]
    total = rows.count()
    return total, [_hit(spec, row) for row in rows[:limit]] if total else []


def search(text: str, user, kinds: Iterable[str] | None = None, limit: int = 20) -> list[Hit]:
    """The records ``user`` may open that match ``text``, best first, at most ``limit``;
    ``kinds`` (values of ``Kind``) narrows what is searched."""
    found = terms(text)
    if not found or not getattr(user, "is_authenticated", False):
        return []
    hits = []
    for spec in kinds_of(kinds):
        rows = _matching(spec, user, found)
        kept = _checked(spec, user, rows) if spec.check else rows[:limit]
        hits.extend(_hit(spec, row) for row in kept[:limit])
    order = {kind: i for i, kind in enumerate(SPECS)}
    return sorted(hits, key=lambda hit: (-hit.rank, order[hit.kind]))[:limit]


def groups(text: str, user, kinds: Iterable[str] | None = None, per_kind: int = 5) -> list[Group]:
    """For each kind with a match: its total and its ``per_kind`` best hits."""
    found = terms(text)
    if not found or not getattr(user, "is_authenticated", False):
        return []
    result = []
    for spec in kinds_of(kinds):
        total, hits = _top(spec, user, found, per_kind)
        if total:
            result.append(Group(spec.kind, str(spec.kind.label), total, hits))
    return result


def page(text: str, user, kind: str, number, per_page: int = 20) -> Page:
    """One page of the hits of one kind (``number`` as typed in the URL)."""
    spec = SPECS[kind]
    found = terms(text)
    if not found or not getattr(user, "is_authenticated", False):
        rows = []
    elif spec.check is not None:
        rows = _checked(spec, user, _matching(spec, user, found))
    else:
        rows = _matching(spec, user, found)
    current = Paginator(rows, per_page).get_page(number)
    current.object_list = [_hit(spec, row) for row in current.object_list]
    return current
