"""The planner's statistics (core/planner.py): gathered for the tables that hold rows, on
both databases, by the function the bulk loads and the scheduler call."""

from django.core.management import call_command
from django.db import connection

from thidua.core.planner import refresh_planner_statistics


def analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchall():
                return set()
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        else:
            cursor.execute("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = 'public'")
        return {name for (name,) in cursor.fetchall()}


def test_statistics_cover_the_tables_with_rows(tree):
    assert "org_unit" not in analysed_tables()
    refresh_planner_statistics()
    assert "org_unit" in analysed_tables()


def test_the_scheduler_refreshes_them_on_its_first_run(tree, capsys):
    call_command("scheduler", once=True)
    assert "planner statistics refreshed" in capsys.readouterr().out
    assert "org_unit" in analysed_tables()
