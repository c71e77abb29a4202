"""The novelty half of the index (search/domain/analysis.py, similar.py, the terms' counts of
index.py): Vietnamese text folded and spelt out alike, counts that follow every write."""

import random
import unicodedata

import pytest
from django.core.management import call_command
from django.db import connection

from thidua.initiatives.domain.drafts import registration_delete
from thidua.initiatives.domain.registrations import registration_save
from thidua.novelty.models import PastInitiative
from thidua.search.domain import analysis
from thidua.search.domain.index import recount_terms
from thidua.search.domain.similar import similar
from thidua.search.enums import Kind
from thidua.search.models import Entry, Term


def test_the_same_words_whatever_the_typing():
    written = "Mô hình HTX nuôi bò, kỹ thuật NTM"
    variants = [
        unicodedata.normalize("NFD", written),
        "MÔ HÌNH hợp tác xã NUÔI BÒ, kĩ thuật nông thôn mới",
        "mo hinh hop tac xa nuoi bo ky thuat nong thon moi",
    ]
    for variant in variants:
        assert analysis.grams(variant) == analysis.grams(written)
    assert "hoptac" in analysis.grams(written)
    assert "nongthon" in analysis.grams(written)


def counts():
    return dict(Term.objects.exclude(df=0).values_list("term", "df"))


def assert_postings_follow_the_entries():
    """PostgreSQL: the postings (migration 0003, kept by triggers) are exactly the entries'
    grams, whatever was written, renamed, deleted or rebuilt. SQLite's FTS5 table is kept by
    its own triggers and checked by what the searches find."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT term, entry_id FROM search_posting")
        kept = set(cursor.fetchall())
    grams = Entry.objects.values_list("id", "grams")
    assert kept == {(term, pk) for pk, text in grams for term in text.split()}


def test_the_terms_counts_follow_every_write_as_a_recount_would(make_registration, tree):
    rng = random.Random(15)  # noqa: S311 (repeatable data, not secrets)
    words = ["nuôi bò", "vỗ béo", "trồng sắn", "cao sản", "tưới nhỏ giọt", "cà phê", "HTX"]
    pasts = [
        PastInitiative.objects.create(title=" ".join(rng.sample(words, 3)), year=2020)
        for _ in range(6)
    ]
    drafts = [make_registration(name=" ".join(rng.sample(words, 2))) for _ in range(3)]
    pasts[0].title = "Tưới nhỏ giọt cho hồ tiêu"
    pasts[0].save()
    pasts[1].delete()
    registration_save(
        actor=None,
        registration=drafts[0],
        version=drafts[0].version,
        fields={"summary": "Nuôi bò vỗ béo bằng thân ngô ủ chua"},
    )
    registration_delete(actor=None, registration=drafts[1])

    kept = counts()
    recount_terms()
    assert kept == counts()
    assert kept[Term.TOTAL] == 5 + 2  # a deleted draft leaves the index
    assert_postings_follow_the_entries()


def test_found_after_a_rebuild_as_before(db):
    past = PastInitiative.objects.create(
        title="Nuôi cá lồng trên sông theo tiêu chuẩn VietGAP", description="Cá diêu hồng"
    )
    PastInitiative.objects.create(title="Câu lạc bộ phụ nữ tiết kiệm", description="Vốn")
    before = similar("nuoi ca long tren song vietgap", kinds=[Kind.ARCHIVE])
    call_command("search_rebuild", "archive", stdout=None)
    after = similar("nuoi ca long tren song vietgap", kinds=[Kind.ARCHIVE])

    assert [hit.object_id for hit in after][:1] == [past.pk]
    assert after == before
    assert_postings_follow_the_entries()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the postings are PostgreSQL's (migration 0003)"
)
def test_emptying_the_database_empties_the_postings(transactional_db):
    """Django's flush empties the tables with TRUNCATE, which row triggers do not see."""
    PastInitiative.objects.create(title="Nuôi cá lồng trên sông", description="Cá diêu hồng")
    assert_postings_follow_the_entries()
    call_command("flush", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_posting")
        assert cursor.fetchone()[0] == 0
