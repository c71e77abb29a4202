"""The search index: one row per record searched, its words folded (``core/text.fold``).

``words`` holds the record's text as lower-case ASCII words ("Mô hình trồng sắn" → " mo hinh
trong san "), padded with a space at each end so " word" is a word start. The database indexes
it for full-text search (migrations/0001): an FTS5 table kept by triggers on SQLite, a GIN
index on ``to_tsvector('simple', words)`` on PostgreSQL. Both see the same words, folded by
the same Python code, so the two databases find the same records.

``grams`` holds, for the kinds compared for novelty (``Spec.similar``), the distinct terms of
the record's name and description as ``domain/analysis.py`` writes them (syllables and pairs
of syllables, abbreviations spelt out); a second full-text index serves it (an FTS5 table
without positions on SQLite, a GIN index on PostgreSQL). ``Term`` counts the entries holding
each term (its document frequency), kept by every write of the index, so a rare shared word
weighs more than a common one on both databases alike (``domain/similar.py``).

Access is not stored here: a query joins the records themselves through ``org/access.py``,
so a state change (a draft sent, a plan issued) never leaves the index out of date about who
may see what.
"""

from django.db import models

from thidua.search.enums import Kind


class Entry(models.Model):
    kind = models.CharField(max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.TextField()  # the folded words of the record's name, padded
    words = models.TextField()  # the folded words of everything searched, title first, padded
    grams = models.TextField(default="", blank=True)  # novelty terms, distinct, space-separated

    class Meta:
        db_table = "search_entry"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class Term(models.Model):
    """How many entries hold ``term`` (in ``Entry.grams``); the row ``TOTAL`` counts the
    entries that have terms at all."""

    TOTAL = "#"

    term = models.CharField(max_length=64, primary_key=True)
    df = models.IntegerField(default=0)

    class Meta:
        db_table = "search_term"

    def __str__(self) -> str:
        return f"{self.term}: {self.df}"
