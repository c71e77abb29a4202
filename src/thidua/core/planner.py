"""The database planner's statistics, refreshed after bulk loads and once a day.

Without statistics SQLite picks an index by its shape alone: at national size the to-do's
"registrations to receive" count went through the state index and read all 10,000 submitted
registrations of the country (8-24 ms) where, analysed, it takes 0.01 ms. PostgreSQL's
autovacuum gathers them in time on a live server, but not right after a bulk load.
"""

from django.db import connection

# Rows SQLite samples per index (PRAGMA analysis_limit): a bounded ANALYZE, milliseconds even
# on the national data, with estimates as good as the whole table's for the planner's choice.
SQLITE_SAMPLE = 1000


def refresh_planner_statistics() -> None:
    """ANALYZE the whole database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_SAMPLE}")
        cursor.execute("ANALYZE")
