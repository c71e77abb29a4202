"""Entries like a given text: the novelty check's half of the index, one interface on both
databases.

``similar(title, description, kinds, limit)`` scores entries by a weighted cosine over their
terms (``analysis.py``: syllables and pairs of syllables, folded, abbreviations spelt out):
each term weighs its inverse document frequency (``Term``), squared, so two texts sharing
"vỗ béo" and "ủ chua" score far above two that share "mô hình" and "nuôi". Terms made only of
syllables common in the Hội's papers (``analysis.COMMON``) weigh less whatever the counts
say, so a small archive behaves like a large one.

How it stays fast at a million entries: the candidates come from the term lists of
``Entry.grams`` (SQLite: an FTS5 table; PostgreSQL: a table of postings, term and entry, read
from its B-tree alone; both kept by triggers), asked for the query's rarest terms only, within
a budget of rows; the candidates are ranked by the weight they share, and only the best few
are scored exactly. The SQL is the same shape on both databases (one UNION ALL of one lookup
per term); only the lookup differs.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from thidua.search.domain import analysis
from thidua.search.models import Entry, Term

BUDGET = 20_000  # rows read from the term lists, at most, per check
PER_TERM = 5_000  # rows read for one term, at most (a term in more entries is sampled)
MAX_TERMS = 24  # terms looked up, at most (the rarest)
RESCORED = 25  # candidates scored exactly
COMMON_WEIGHT = 0.3


@dataclass(frozen=True)
class Similar:
    kind: str
    object_id: int
    score: float  # 0 … 1
    shared: frozenset[str]  # the syllables both texts hold (folded), to highlight


class _Counts:
    """The terms' counts read so far by this process: a check reads a few thousand of them
    (the candidates' terms), mostly the same from one check to the next. Forgotten when the
    number of entries changes or this process writes counts (``index.count_terms``); an edit
    made by another process reaches this one's weights when the entries' number next
    changes: a weight a little out of date moves a score by little."""

    LIMIT = 500_000

    def __init__(self):
        self.total = None
        self.df: dict[str, int] = {}

    def forget(self) -> None:
        self.total = None
        self.df = {}

    def read(self, tokens: Iterable[str]) -> dict[str, int]:
        total = Term.objects.filter(term=Term.TOTAL).values_list("df", flat=True).first() or 0
        if total != self.total or len(self.df) > self.LIMIT:
            self.total, self.df = total, {}
        known = self.df
        wanted = set(tokens) - {Term.TOTAL}
        missing = [token for token in wanted if token not in known]
        for start in range(0, len(missing), 900):
            chunk = missing[start : start + 900]
            found = dict(Term.objects.filter(term__in=chunk).values_list("term", "df"))
            known.update({token: found.get(token, 0) for token in chunk})
        return {**{token: known[token] for token in wanted}, Term.TOTAL: total}


COUNTS = _Counts()


def _frequencies(tokens: Iterable[str]) -> dict[str, int]:
    return COUNTS.read(tokens)


class Weights:
    """Term weights from the index's counts (inverse document frequency)."""

    def __init__(self, df: dict[str, int]):
        self.df = df
        self.total = max(df.get(Term.TOTAL, 0), 1)

    def __call__(self, token: str) -> float:
        weight = math.log(1 + self.total / (self.df.get(token, 0) + 1))
        return weight * COMMON_WEIGHT if token in analysis.COMMON_TOKENS else weight


def query_terms(*texts: str) -> dict[str, tuple[str, ...]]:
    """token → its syllables, for the terms of ``texts``."""
    found = {}
    for value in texts:
        for term in analysis.terms(value):
            token = analysis.indexed(term)
            if len(token) <= analysis.LONGEST and not any(ch.isdigit() for ch in token):
                found[token] = tuple(term.split("_"))
    return found


def _lookup() -> str:
    """One term's entries, at most PER_TERM of them, with the term's weight."""
    if connection.vendor == "sqlite":
        return (
            "SELECT rowid AS id, %s AS w FROM search_grams_fts "
            "WHERE search_grams_fts MATCH %s LIMIT %s"
        )
    if connection.vendor == "postgresql":  # the postings of migration 0003: index only
        return "SELECT entry_id AS id, %s::float AS w FROM search_posting WHERE term = %s LIMIT %s"
    raise NotImplementedError(f"no similarity index on {connection.vendor}")


def _candidates(chosen: list[tuple[str, float]], limit: int) -> list[tuple[int, float]]:
    """The ``limit`` entries holding the most weight of the chosen terms: (id, weight),
    summed by the database (one statement: a UNION ALL of one lookup per term)."""
    if not chosen:
        return []
    one = _lookup()
    union = " UNION ALL ".join(
        f"SELECT * FROM ({one}) AS t{i}"  # noqa: S608 (constants and placeholders)
        for i in range(len(chosen))
    )
    params = []
    for token, weight in chosen:
        params += [weight * weight, f'"{token}"' if connection.vendor == "sqlite" else token]
        params.append(PER_TERM)
    sql = f"SELECT id, SUM(w) AS s FROM ({union}) AS u GROUP BY id ORDER BY s DESC, id LIMIT %s"  # noqa: S608 (constants and placeholders)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return cursor.fetchall()


def _choose(query: dict[str, tuple[str, ...]], weights: Weights) -> list[tuple[str, float]]:
    """The rarest terms of the query that some entry holds, within the budget of rows read."""
    held = [token for token in query if weights.df.get(token, 0) > 0]
    ordered = sorted(held, key=lambda token: (weights.df[token], token))
    chosen, rows = [], 0
    for token in ordered[:MAX_TERMS]:
        cost = min(weights.df.get(token, 0), PER_TERM)
        if chosen and rows + cost > BUDGET:
            break
        chosen.append((token, weights(token)))
        rows += cost
    return chosen


def similar(
    title: str,
    description: str = "",
    kinds: Iterable[str] | None = None,
    limit: int = 5,
    exclude: Iterable[tuple[str, int]] = (),
) -> list[Similar]:
    """The entries most like ``title`` and ``description``, best first, at most ``limit``;
    ``kinds`` narrows them, ``exclude`` leaves out (kind, object id) pairs (the record being
    checked). Reads: the terms' counts, the candidates' ids, the best candidates' terms."""
    query = query_terms(title, description)
    if not query:
        return []
    weights = Weights(_frequencies(query))
    shared = dict(_candidates(_choose(query, weights), RESCORED * 3))
    if not shared:
        return []
    # The kinds are kept in Python: asked in SQL, they lead SQLite to the (kind, object_id)
    # index and a scan of a whole kind (125 ms at a million entries) instead of the ids.
    rows = Entry.objects.filter(pk__in=list(shared)).only("id", "kind", "object_id", "grams")
    wanted = None if kinds is None else set(kinds)
    skipped = set(exclude)
    entries = [
        row
        for row in rows
        if row.grams
        and (wanted is None or row.kind in wanted)
        and (row.kind, row.object_id) not in skipped
    ]
    entries.sort(key=lambda row: -shared[row.id])
    entries = entries[:RESCORED]
    doc_tokens = {row.id: set(row.grams.split()) for row in entries}
    weights = Weights(_frequencies(set().union(*doc_tokens.values(), query)))
    query_weights = {token: weights(token) for token in query}
    query_norm = sum(w * w for w in query_weights.values())
    found = []
    for row in entries:
        tokens = doc_tokens[row.id]
        common = tokens & query_weights.keys()
        doc_norm = sum(weights(t) ** 2 for t in tokens)
        score = sum(query_weights[t] ** 2 for t in common) / math.sqrt(query_norm * doc_norm)
        syllables = {s for t in common for s in query[t] if len(query[t]) == 1}
        found.append(Similar(row.kind, row.object_id, round(score, 4), frozenset(syllables)))
    found.sort(key=lambda hit: (-hit.score, hit.kind, hit.object_id))
    return found[:limit]
