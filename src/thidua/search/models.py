"""The search index: one row per record searched, its words folded (``core/text.fold``).

``words`` holds the record's text as lower-case ASCII words ("Mô hình trồng sắn" → " mo hinh
trong san "), padded with a space at each end so " word" is a word start. The database indexes
it for full-text search (migrations/0001): an FTS5 table kept by triggers on SQLite, a GIN
index on ``to_tsvector('simple', words)`` on PostgreSQL. Both see the same words, folded by
the same Python code, so the two databases find the same records.

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

    class Meta:
        db_table = "search_entry"
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
