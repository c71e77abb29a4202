"""Benchmark, speed: one novelty check against a large archive, and the index it reads.

Generates N past initiatives (bench/novelty_generate.py), builds the index
(``search.domain.index.rebuild(["archive"])``: the entries, their terms and counts, the
full-text indexes), then times 200 checks (``novelty.domain.checks.find``, what the page and
the command run): 100 paraphrases of the labelled set and 100 new generated texts. Reports
the wall clock and, on a machine shared with other work, the CPU time of this process (on
SQLite the database works inside it; on PostgreSQL it does not).

Run:  uv run python bench/novelty_speed.py 100000          (a fresh SQLite file in a temp dir)
      THIDUA_DATA_DIR=DIR … (a directory of an earlier run: its archive is reused)
      DATABASE_URL=postgres://postgres@127.0.0.1/DB uv run python bench/novelty_speed.py 100000
      (an empty database; the default size is 100,000)
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.config.settings")
os.environ.setdefault("THIDUA_DATA_DIR", tempfile.mkdtemp(prefix="thidua-bench-"))
sys.path.insert(0, str(Path(__file__).parent))

import django

django.setup()

import novelty_data  # noqa: E402
import novelty_generate  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from thidua.novelty.domain import checks  # noqa: E402
from thidua.novelty.models import PastInitiative  # noqa: E402
from thidua.search.domain.index import rebuild  # noqa: E402
from thidua.search.enums import Kind  # noqa: E402
from thidua.search.models import Term  # noqa: E402

CHECKS = 200


def load(count: int) -> float:
    start = time.perf_counter()
    batch = []
    for item in novelty_generate.entries(count):
        batch.append(
            PastInitiative(
                title=item["title"],
                description=item["description"],
                unit_name=item["unit"],
                year=item["year"],
                recognised=item["recognised"],
                source=item["source"],
            )
        )
        if len(batch) == 5000:
            PastInitiative.objects.bulk_create(batch)
            batch = []
    PastInitiative.objects.bulk_create(batch)
    return time.perf_counter() - start


def size_mb() -> dict[str, float]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('search_entry'), "
                "pg_total_relation_size('search_posting'), pg_total_relation_size('search_term')"
            )
            entry, postings, terms = cursor.fetchone()
            return {
                "entries (table + all indexes)": entry,
                "postings (table + B-tree)": postings,
                "terms": terms,
            }
        cursor.execute("PRAGMA page_size")
        page = cursor.fetchone()[0]
        sizes = {}
        for label, prefix in [
            ("grams FTS5", "search_grams_fts_"),
            ("words FTS5", "search_entry_fts_"),
        ]:
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s", [prefix + "%"])
            sizes[label] = cursor.fetchone()[0] or 0
        cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = 'search_entry'")
        sizes["entries table"] = cursor.fetchone()[0] or 0
        cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search_term%'")
        sizes["terms"] = cursor.fetchone()[0] or 0
        sizes["whole file"] = page * cursor.execute("PRAGMA page_count").fetchone()[0]
        return sizes


def backend_cpu() -> float | None:
    """PostgreSQL: the processor time of this connection's server process so far (seconds,
    from /proc: the server runs on this machine), so a check's cost on a loaded machine is
    its client's and its server's processor time, not only the wall clock. None on SQLite
    (the database works inside this process, in its CPU time)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queries() -> list[tuple[str, str]]:
    rng = random.Random(7)  # noqa: S311 (repeatable data)
    labelled = [group[1] for group in novelty_data.GROUPS]
    labelled += [group[2] for group in novelty_data.GROUPS] + list(novelty_data.UNRELATED)
    fresh = [(e["title"], e["description"]) for e in novelty_generate.entries(100, seed=99)]
    picked = rng.sample(labelled, 100) + fresh
    rng.shuffle(picked)
    return picked[:CHECKS]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"database: {connection.vendor}, archive: {count:,} generated entries")
    call_command("migrate", verbosity=0)
    if PastInitiative.objects.count() == count:  # a database of an earlier run: time checks
        print("the archive and its index are there already: timing the checks only")
    else:
        loaded = load(count)
        print(f"rows written (bulk, no index):  {loaded:8.1f} s")
        start = time.perf_counter()
        rebuild([Kind.ARCHIVE])
        print(f"index build (rebuild archive):  {time.perf_counter() - start:8.1f} s")
    if connection.vendor == "postgresql":  # as autovacuum does after a bulk load: the
        # postings' visibility map set, so that their B-tree alone answers (index-only scans)
        with connection.cursor() as cursor:
            for table in ("search_entry", "search_term", "search_posting"):
                cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"distinct terms: {Term.objects.count() - 1:,}")
    for label, value in size_mb().items():
        print(f"size, {label:<30} {value / 2**20:9.1f} MB")
    checks.find("Mô hình nuôi bò vỗ béo")  # warm the connection and caches
    durations, cpu, flagged = [], [], 0
    server_before = backend_cpu()
    for title, description in queries():
        start, start_cpu = time.perf_counter(), time.process_time()
        found = checks.find(title, description)
        durations.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        flagged += any(f.flagged for f in found)
    server_after = backend_cpu()
    with CaptureQueriesContext(connection) as captured:
        checks.find(*novelty_data.GROUPS[0][1])
    print(
        f"one check, {len(durations)} checks, {len(captured)} queries, {flagged} flagged "
        "(the generated archive holds near-twins of the generated texts)"
    )
    for label, values in [("wall clock", durations), ("CPU of this process", cpu)]:
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(
            f"  {label:<20} p50 {statistics.median(values) * 1000:7.1f} ms   "
            f"p95 {p95 * 1000:7.1f} ms   max {values[-1] * 1000:7.1f} ms"
        )
    if server_before is not None:
        mean = (server_after - server_before) / len(durations)
        print(f"  CPU of the PostgreSQL server process, mean per check: {mean * 1000:7.1f} ms")
    print(f"load average during the run: {os.getloadavg()}")


if __name__ == "__main__":
    main()
