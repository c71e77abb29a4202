"""PostgreSQL: the novelty check's term lists as a table of postings (term, entry), kept by
triggers on ``search_entry`` as SQLite's FTS5 table is, instead of a GIN index over the grams.

Why: a GIN index gives the rows holding a term, but PostgreSQL must then visit each row in
the table to read its id: at 1,000,000 entries a check read 20,000 rows that way, about
100 ms of the server's processor time. A B-tree on (term, entry_id) answers the same question
from the index alone (an index-only scan), a few milliseconds. SQLite is unchanged: its FTS5
table gives the ids directly.
"""

from django.db import migrations

POSTGRESQL = [
    # Filled first, then indexed: one sorted build of the B-tree, not millions of insertions.
    "CREATE TABLE search_posting (term varchar(64) NOT NULL, entry_id bigint NOT NULL)",
    "INSERT INTO search_posting (term, entry_id) "
    "SELECT t, e.id FROM search_entry e, unnest(string_to_array(e.grams, ' ')) AS t "
    "WHERE t <> ''",  # an entry's grams are distinct already
    "ALTER TABLE search_posting ADD PRIMARY KEY (term, entry_id)",
    """CREATE FUNCTION search_posting_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' AND OLD.grams <> '' THEN
            DELETE FROM search_posting
            WHERE entry_id = OLD.id AND term = ANY (string_to_array(OLD.grams, ' '));
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.grams <> '' THEN
            INSERT INTO search_posting (term, entry_id)
            SELECT DISTINCT t, NEW.id FROM unnest(string_to_array(NEW.grams, ' ')) AS t
            WHERE t <> '';
        END IF;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER search_posting_rows AFTER INSERT OR DELETE OR UPDATE OF grams "
    "ON search_entry FOR EACH ROW EXECUTE FUNCTION search_posting_write()",
    # Django's flush empties the tables with TRUNCATE, which row triggers do not see.
    """CREATE FUNCTION search_posting_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_posting;
        RETURN NULL;
    END $$""",
    "CREATE TRIGGER search_posting_truncated AFTER TRUNCATE ON search_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_posting_truncate()",
    "DROP INDEX IF EXISTS search_entry_grams_fts",
]
POSTGRESQL_REVERSE = [
    "CREATE INDEX IF NOT EXISTS search_entry_grams_fts ON search_entry "
    "USING gin (to_tsvector('simple'::regconfig, grams))",
    "DROP TRIGGER IF EXISTS search_posting_truncated ON search_entry",
    "DROP TRIGGER IF EXISTS search_posting_rows ON search_entry",
    "DROP FUNCTION IF EXISTS search_posting_truncate()",
    "DROP FUNCTION IF EXISTS search_posting_write()",
    "DROP TABLE IF EXISTS search_posting",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_grams")]

    operations = [migrations.RunPython(_run(POSTGRESQL), _run(POSTGRESQL_REVERSE))]
