from django.db import migrations, models

# Adding a column makes Django's SQLite backend copy the table to a new one, which drops its
# triggers: those of 0001 (the words' FTS table) are made again, and that table rebuilt.
WORDS_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS search_entry_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(rowid, words) VALUES (new.id, new.words); END",
    "CREATE TRIGGER IF NOT EXISTS search_entry_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); END",
    "CREATE TRIGGER IF NOT EXISTS search_entry_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_entry_fts(search_entry_fts, rowid, words) "
    "VALUES ('delete', old.id, old.words); "
    "INSERT INTO search_entry_fts(rowid, words) VALUES (new.id, new.words); END",
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]
# SQLite: a second FTS5 table, over search_entry.grams, without positions (a term is in an
# entry or not), kept by triggers like the first.
SQLITE = [
    *WORDS_TRIGGERS,
    "CREATE VIRTUAL TABLE search_grams_fts USING fts5("
    "grams, content='search_entry', content_rowid='id', tokenize='unicode61', detail='none')",
    "CREATE TRIGGER search_grams_ai AFTER INSERT ON search_entry BEGIN "
    "INSERT INTO search_grams_fts(rowid, grams) VALUES (new.id, new.grams); END",
    "CREATE TRIGGER search_grams_ad AFTER DELETE ON search_entry BEGIN "
    "INSERT INTO search_grams_fts(search_grams_fts, rowid, grams) "
    "VALUES ('delete', old.id, old.grams); END",
    "CREATE TRIGGER search_grams_au AFTER UPDATE ON search_entry BEGIN "
    "INSERT INTO search_grams_fts(search_grams_fts, rowid, grams) "
    "VALUES ('delete', old.id, old.grams); "
    "INSERT INTO search_grams_fts(rowid, grams) VALUES (new.id, new.grams); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_grams_au",
    "DROP TRIGGER IF EXISTS search_grams_ad",
    "DROP TRIGGER IF EXISTS search_grams_ai",
    "DROP TABLE IF EXISTS search_grams_fts",
]
POSTGRESQL = [
    "CREATE INDEX search_entry_grams_fts ON search_entry "
    "USING gin (to_tsvector('simple'::regconfig, grams))",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_grams_fts"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="grams",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AlterField(
            model_name="entry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("plan", "Plans"),
                    ("registration", "Registrations"),
                    ("idea", "Ideas"),
                    ("report", "Results reports"),
                    ("council", "Councils"),
                    ("person", "People"),
                    ("unit", "Units"),
                    ("archive", "Past initiatives"),
                ],
                max_length=12,
            ),
        ),
        migrations.CreateModel(
            name="Term",
            fields=[
                ("term", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("df", models.IntegerField(default=0)),
            ],
            options={"db_table": "search_term"},
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
