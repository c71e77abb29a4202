"""Searching the index: one interface, whatever the database.

``search(text, user, kinds, limit)`` gives typed hits, best first; ``groups`` and ``page``
serve the search page (per kind, with totals). Every word typed must start a word of the
record, in any order, with or without diacritics, in any case and normalisation ("mo hinh
trong san" finds "Mô hình trồng sắn cao sản"). Only records the person may open are found:
each kind's rows are filtered by ``org/access.py`` (``kinds.py``) in the same query.

The ranking is written in portable SQL over the folded words, so SQLite and PostgreSQL
order alike: the typed words as a phrase at the start of the name, then in the name, then
anywhere, then the number of typed words in the name; ties in the kind's own order.

How it stays cheap at national size (issue 13): one statement answers every kind at once
(``ranked.py``): the full-text match is read once, each kind's visible rows are joined to
their entries, ranked and counted by window functions, and only the best few of each kind
come back; the records shown are then read by their ids, one query per kind found.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, F, Func, Model

from thidua.search.domain import ranked
from thidua.search.domain.index import words
from thidua.search.domain.kinds import SPECS, Spec, kinds_of

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
        sql = f"{id_sql} IN (SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s)"  # noqa: S608 (compiled column, bound match)
        return sql, (*params, ranked.fts5(self.terms))

    def as_postgresql(self, compiler, connection, **extra):
        words_sql, params = compiler.compile(self.source_expressions[1])
        sql = (
            f"to_tsvector('simple'::regconfig, {words_sql}) @@ to_tsquery('simple'::regconfig, %s)"
        )
        return sql, (*params, ranked.tsquery(self.terms))

    def as_sql(self, compiler, connection, **extra):
        raise NotImplementedError(f"search has no full-text index on {connection.vendor}")


def terms(text: str) -> list[str]:
    """The words searched for, folded, each once, in the order typed."""
    return list(dict.fromkeys(words(text)))[:MAX_WORDS]


def _allowed(text: str, user) -> list[str]:
    found = terms(text)
    return found if found and getattr(user, "is_authenticated", False) else []


def _hit(spec: Spec, row, rank: int) -> Hit:
    return Hit(
        kind=spec.kind,
        object=row,
        rank=rank,
        title=spec.title(row),
        context=spec.context(row),
        excerpt=spec.excerpt(row) or "",
        url=spec.url(row),
    )


def _records(spec: Spec, user, ids: list[int]) -> dict[int, Model]:
    """The rows ``ids`` of ``spec``, with what showing them reads; a kind checked row by row
    is read through its ``visible`` queryset, which prefetches what the check reads."""
    if not ids:
        return {}
    rows = spec.visible(user) if spec.check is not None else spec.model._default_manager.all()
    rows = rows.filter(pk__in=ids).select_related(*spec.related).order_by()
    return {row.pk: row for row in rows}


def _hits(spec: Spec, user, found: ranked.Found) -> tuple[int, list[Hit]]:
    """The hits of one kind's answer, in its order; a checked kind's total is what the check
    keeps of its first MAX_CANDIDATES."""
    records = _records(spec, user, [pk for pk, _ in found.rows])
    hits = [_hit(spec, records[pk], rank) for pk, rank in found.rows if pk in records]
    if spec.check is None:
        return found.total, hits
    kept = [hit for hit in hits if spec.check(user, hit.object)]
    return len(kept), kept


def _per_kind(specs: list[Spec], user, found: list[str], limit: int) -> dict[str, tuple]:
    """kind → (total, its ``limit`` best hits), for the kinds of ``specs`` with a match."""
    windows = {
        spec.kind: (1, MAX_CANDIDATES if spec.check is not None else limit) for spec in specs
    }
    answers = ranked.ranked(specs, user, found, windows)
    result = {}
    for spec in specs:
        if spec.kind in answers:
            total, hits = _hits(spec, user, answers[spec.kind])
            if total:
                result[spec.kind] = (total, hits[:limit])
    return result


def search(text: str, user, kinds: Iterable[str] | None = None, limit: int = 20) -> list[Hit]:
    """The records ``user`` may open that match ``text``, best first, at most ``limit``;
    ``kinds`` (values of ``Kind``) narrows what is searched."""
    found = _allowed(text, user)
    if not found:
        return []
    hits = [
        hit for _, kept in _per_kind(kinds_of(kinds), user, found, limit).values() for hit in kept
    ]
    order = {kind: i for i, kind in enumerate(SPECS)}
    return sorted(hits, key=lambda hit: (-hit.rank, order[hit.kind]))[:limit]


def groups(text: str, user, kinds: Iterable[str] | None = None, per_kind: int = 5) -> list[Group]:
    """For each kind with a match: its total and its ``per_kind`` best hits."""
    found = _allowed(text, user)
    if not found:
        return []
    specs = kinds_of(kinds)
    answers = _per_kind(specs, user, found, per_kind)
    return [
        Group(spec.kind, str(spec.kind.label), *answers[spec.kind])
        for spec in specs
        if spec.kind in answers
    ]


class _OnePage:
    """A kind's hits as ``Paginator`` reads them (its total, then one slice), both from one
    statement: the page asked for is read with the total, and read again only when it lies
    past the end (the paginator then shows the last one)."""

    def __init__(self, read, per_page: int, number):
        self._read = read  # (first position, last position) → (total, hits)
        self._per_page = per_page
        self._start = max(_number(number) - 1, 0) * per_page
        self._total = None
        self._hits: list[Hit] = []

    def _load(self, start: int) -> None:
        self._start = start
        self._total, self._hits = self._read(start + 1, start + self._per_page)

    def count(self) -> int:
        if self._total is None:
            self._load(self._start)
        return self._total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Hit]:
        if self._total is None or index.start != self._start:
            self._load(index.start)
        return self._hits[: index.stop - index.start]


def _number(number) -> int:
    try:
        return int(number)
    except (TypeError, ValueError):
        return 1


def page(text: str, user, kind: str, number, per_page: int = 20) -> Page:
    """One page of the hits of one kind (``number`` as typed in the URL)."""
    spec = SPECS[kind]
    found = _allowed(text, user)
    if not found:
        return Paginator([], per_page).get_page(number)
    if spec.check is not None:
        return Paginator(
            _per_kind([spec], user, found, MAX_CANDIDATES).get(kind, (0, []))[1], per_page
        ).get_page(number)

    def read(first: int, last: int) -> tuple[int, list[Hit]]:
        answer = ranked.ranked([spec], user, found, {kind: (first, last)}).get(kind)
        return _hits(spec, user, answer) if answer else (0, [])

    return Paginator(_OnePage(read, per_page, number), per_page).get_page(number)
