"""The ledger refuses to be rewritten at the database too (see ``fund/models.py``).

SQLite and PostgreSQL: an UPDATE of a stored entry is refused. PostgreSQL also refuses a
DELETE; SQLite does not, because Django empties SQLite tables with DELETE (``flush``: the
tests, ``thidua restore --force``), where PostgreSQL uses TRUNCATE, which row triggers do
not see.

A later migration that alters ``fund_entry`` on SQLite rebuilds the table and drops its
triggers: it must create them again (``tests/fund/test_models.py`` fails otherwise).
"""

from django.db import migrations

MESSAGE = "fund_entry is append-only: record a reversing entry instead"

SQLITE = [
    "CREATE TRIGGER fund_entry_no_update BEFORE UPDATE ON fund_entry "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_REVERSE = ["DROP TRIGGER IF EXISTS fund_entry_no_update"]
POSTGRESQL = [
    "CREATE FUNCTION fund_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER fund_entry_no_update BEFORE UPDATE ON fund_entry "
    "FOR EACH ROW EXECUTE FUNCTION fund_entry_append_only()",
    "CREATE TRIGGER fund_entry_no_delete BEFORE DELETE ON fund_entry "
    "FOR EACH ROW EXECUTE FUNCTION fund_entry_append_only()",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS fund_entry_no_delete ON fund_entry",
    "DROP TRIGGER IF EXISTS fund_entry_no_update ON fund_entry",
    "DROP FUNCTION IF EXISTS fund_entry_append_only()",
]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("fund", "0001_ledger")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
