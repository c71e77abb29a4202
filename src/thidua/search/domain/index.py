"""Writing the index: one entry per record, replaced whenever the record is written.

Every write keeps the terms' counts (``Term``) with it: the novelty check weighs a shared
term by how rare it is, and the count must follow the entries on both databases.
"""

import re
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Model

from thidua.core import text
from thidua.search.domain import analysis, similar
from thidua.search.domain.kinds import SPECS, Spec
from thidua.search.models import Entry, Term

WORD = re.compile(r"[a-z0-9]+")
BATCH = 1000


def words(*texts: str) -> list[str]:
    """The folded words of ``texts``: "Mô hình trồng SẮN, 115-KH" → mo hinh trong san 115 kh."""
    return WORD.findall(text.fold(" ".join(str(t) for t in texts if t)))


def padded(found: list[str]) -> str:
    return f" {' '.join(found)} " if found else " "


def entry_for(spec: Spec, obj: Model) -> Entry:
    title, rest = spec.document(obj)
    title_words = words(title)
    return Entry(
        kind=spec.kind,
        object_id=obj.pk,
        title=padded(title_words),
        words=padded(title_words + words(*rest)),
        grams=" ".join(analysis.grams(*spec.similar(obj))) if spec.similar else "",
    )


def _counts(grams: Iterable[str], sign: int) -> Counter:
    counts = Counter()
    for value in grams:
        if value:
            counts.update(value.split())
            counts[Term.TOTAL] += 1
    return Counter({term: sign * n for term, n in counts.items()})


def count_terms(change: Counter) -> None:
    """Add ``change`` (term → how many entries more, or fewer) to the terms' counts, in one
    statement per thousand terms (an upsert both databases understand)."""
    rows = [(term, n) for term, n in change.items() if n]
    similar.COUNTS.forget()
    table = connection.ops.quote_name(Term._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (term, df) VALUES {values} "  # noqa: S608 (placeholders only)
                f"ON CONFLICT (term) DO UPDATE SET df = {table}.df + excluded.df",
                [value for row in chunk for value in row],
            )


def _same(old: Entry | None, new: Entry) -> bool:
    return old is not None and (old.title, old.words, old.grams) == (
        new.title,
        new.words,
        new.grams,
    )


@transaction.atomic
def index_objects(spec: Spec, objects: Iterable[Model]) -> int:
    """(Re)write the entries of ``objects`` whose text changed; returns how many were
    written. An entry that would be written as it stands is left alone: a registration
    saved then sent is written once, not again by the transition (which tells only that
    the row changed, not which columns), and a save that changed no searched word costs
    one read, not a delete, an insert and the terms' counts."""
    entries = [entry_for(spec, obj) for obj in objects]
    if not entries:
        return 0
    ids = [e.object_id for e in entries]
    old = {e.object_id: e for e in Entry.objects.filter(kind=spec.kind, object_id__in=ids)}
    entries = [e for e in entries if not _same(old.get(e.object_id), e)]
    if not entries:
        return 0
    stale = [old[e.object_id] for e in entries if e.object_id in old]
    if spec.similar:
        change = _counts((e.grams for e in stale), -1)
        change.update(_counts((e.grams for e in entries), 1))
        count_terms(change)
    Entry.objects.filter(pk__in=[e.pk for e in stale]).delete()
    Entry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


def index_ids(spec: Spec, pks: Iterable[int]) -> int:
    """(Re)write the entries of the rows ``pks``, read again from the database; the entries
    of rows that no longer exist are removed."""
    pks = list(pks)
    written = 0
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        rows = list(spec.model.objects.filter(pk__in=chunk).select_related(*spec.related))
        remove(spec, set(chunk) - {row.pk for row in rows})
        written += index_objects(spec, rows)
    return written


def remove(spec: Spec, pks: Iterable[int]) -> None:
    pks = list(pks)
    if pks:
        old = Entry.objects.filter(kind=spec.kind, object_id__in=pks)
        if spec.similar:
            count_terms(_counts(old.values_list("grams", flat=True), -1))
        old.delete()


@transaction.atomic
def rebuild(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Write the index again from the records (``thidua search_rebuild``); returns the
    number of entries per kind."""
    counts = {}
    for kind in kinds or list(SPECS):
        spec = SPECS[kind]
        Entry.objects.filter(kind=kind).delete()
        batch, count = [], 0
        rows = spec.model.objects.select_related(*spec.related).order_by("pk")
        for row in rows.iterator(chunk_size=BATCH):
            batch.append(entry_for(spec, row))
            if len(batch) == BATCH:
                count += len(Entry.objects.bulk_create(batch))
                batch = []
        count += len(Entry.objects.bulk_create(batch))
        counts[kind] = count
    recount_terms()
    if connection.vendor == "sqlite":  # the FTS tables rebuilt from their content table too
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')")
            cursor.execute("INSERT INTO search_grams_fts(search_grams_fts) VALUES ('rebuild')")
    return counts


def recount_terms() -> int:
    """Count the terms of every entry again (after a rebuild or a bulk load); returns the
    number of distinct terms."""
    Term.objects.all().delete()
    similar.COUNTS.forget()
    counts = Counter()
    rows = Entry.objects.exclude(grams="").values_list("grams", flat=True)
    for grams in rows.iterator(chunk_size=BATCH * 10):
        counts.update(grams.split())
        counts[Term.TOTAL] += 1
    Term.objects.bulk_create(
        (Term(term=term, df=n) for term, n in counts.items()), batch_size=BATCH * 5
    )
    return len(counts)
