from django.db import migrations, models

# SQLite: an FTS5 table over search_entry.words (external content, kept by triggers).
SQLITE = [
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5("
    "words, content='search_entry', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); "
    "INSERT INTO search_entry_fts(rowid, words) VALUES (new.id, new.words); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_entry_fts",
]
# PostgreSQL: the words are folded already (no unaccent needed), the 'simple' configuration
# keeps every word as it is (no stemming), a GIN index serves the @@ match.
POSTGRESQL = [
    "CREATE INDEX search_entry_words_fts ON search_entry "
    "USING gin (to_tsvector('simple'::regconfig, words))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_words_fts"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("plan", "Plans"), ("registration", "Registrations"), ("idea", "Ideas"), ("report", "Results reports"), ("council", "Councils"), ("person", "People"), ("unit", "Units")], max_length=12)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.TextField()),
                ("words", models.TextField()),
            ],
            options={"db_table": "search_entry"},
        ),
        migrations.AddConstraint(
            model_name="entry",
            constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_unique"),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
