"""Writing the index: one entry per record, replaced whenever the record is written."""

import re
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Model

from thidua.core import text
from thidua.search.domain.kinds import SPECS, Spec
from thidua.search.models import Entry

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
    )


@transaction.atomic
def index_objects(spec: Spec, objects: Iterable[Model]) -> int:
    """(Re)write the entries of ``objects``; returns how many were written."""
    entries = [entry_for(spec, obj) for obj in objects]
    if not entries:
        return 0
    Entry.objects.filter(kind=spec.kind, object_id__in=[e.object_id for e in entries]).delete()
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
        Entry.objects.filter(kind=spec.kind, object_id__in=pks).delete()


@transaction.atomic
def rebuild(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Write the index again from the records (``thidua search_rebuild``); returns the
    number of entries per kind."""
    counts = {}
    for kind in kinds or SPECS:
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
    if connection.vendor == "sqlite":  # the FTS table rebuilt from its content table too
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')")
    return counts
