#!/usr/bin/env python3
"""In-process figures of the search page over the data of ``bench/run`` (issue 13): Django's
test client in one process, so the database's work (SQLite) counts in the CPU.

    cp -a /tmp/bench/nat-snap /tmp/me/nat        # the pages may write (sessions): a copy
    uv run python bench/search_speed.py /tmp/me/nat [--only huyen] [--profile DIR]
    uv run python bench/search_speed.py /tmp/me/nat --explain   # each query's plan

Each case (a text, a person, the grouped page or one kind's pages): one warm-up request,
then the median of ``--repeat`` of wall time and process CPU, and the queries and size of
one more. ``--profile DIR`` writes a pyinstrument profile of each case into DIR
(``uv run --with pyinstrument``); ``--explain`` prints each query with its plan.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from surge_core import environment  # noqa: E402

CASES = [
    # each: its name, who asks, the text typed, the kind (and page) asked for
    ("huyen: mô hình nuôi bò", "huyen", "mô hình nuôi bò", ""),
    ("huyen: mô hình nuôi bò, registrations", "huyen", "mô hình nuôi bò", "registration"),
    ("huyen: mô hình", "huyen", "mô hình", ""),
    ("huyen: xa", "huyen", "xa", ""),
    ("xa: mô hình nuôi bò", "xa", "mô hình nuôi bò", ""),
    ("tinh: mô hình nuôi bò", "tinh", "mô hình nuôi bò", ""),
    ("tw: mô hình nuôi bò", "tw", "mô hình nuôi bò", ""),
    ("tw: mô hình, registrations p.3", "tw", "mô hình", "registration&page=3"),
    ("tw: hoi nong dan", "tw", "hoi nong dan", ""),
]


def _url(text: str, kind: str) -> str:
    url = "/search/?" + urlencode({"q": text})
    return f"{url}&kind={kind}" if kind else url


def _explain(connection, queries: list[tuple[str, tuple]]) -> None:
    for sql, params in queries:
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql, params)
            plan = "\n    ".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
        print(f"  {sql[:300]}\n    {plan}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder of bench/run --data (a copy)")
    parser.add_argument("--only", default="")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--explain", action="store_true")
    options = parser.parse_args()
    summary = json.loads((options.data / "prepared.json").read_text(encoding="utf-8"))
    os.environ.update(environment(options.data, 0, summary.get("database_url"), 1))
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from thidua.org.models import Person  # noqa: PLC0415

    clients = {}
    print(f"{connection.vendor}, {summary.get('indexed')} index entries")
    print("| case | wall ms | CPU ms | queries | kB |")
    print("|---|---:|---:|---:|---:|")
    for name, username, text, kind in CASES:
        if options.only and options.only not in name:
            continue
        url = _url(text, kind)
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(Person.objects.get(username=username))
        client = clients[username]
        client.get(url)  # warm-up
        walls, cpus = [], []
        for _ in range(options.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        queries: list[tuple[str, tuple]] = []

        def count(run, sql, params, *rest, queries=queries):
            queries.append((sql, params))
            return run(sql, params, *rest)

        with connection.execute_wrapper(count):
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
        if options.profile:
            from pyinstrument import Profiler  # noqa: PLC0415

            options.profile.mkdir(parents=True, exist_ok=True)
            with Profiler() as profiler:
                client.get(url)
            slug = "".join(c if c.isalnum() else "-" for c in name)
            (options.profile / f"{slug}.txt").write_text(
                profiler.output_text(color=False, show_all=False), encoding="utf-8"
            )
        print(
            f"| {name} | {statistics.median(walls) * 1000:,.0f} "
            f"| {statistics.median(cpus) * 1000:,.0f} | {len(queries)} "
            f"| {len(response.content) / 1000:,.1f} |",
            flush=True,
        )
        if options.explain:
            _explain(connection, [q for q in queries if "search_entry" in q[0]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
