#!/usr/bin/env python3
"""In-process figures of a few heavy pages over the data of ``bench/run`` (issue 13):
Django's test client in one process, so the database's work (SQLite) counts in the CPU.

    uv run bench/run --scale national --data /tmp/national --only compliance --quick  # data
    cp -r /tmp/national /tmp/national-copy        # the pages may write (sessions): a copy
    uv run python bench/speed_pages.py /tmp/national-copy [--only ranking] [--profile DIR]
    PYTHONPATH=/tmp/old/src uv run python bench/speed_pages.py ...   # another version's code

Each page: one warm-up request, then the median of three of wall time and process CPU, and
the queries and size of one more. ``--profile DIR`` writes a pyinstrument profile of each
page (text) into DIR (``uv run --with pyinstrument``).
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from surge_core import environment  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the folder of bench/run --data (a copy)")
    parser.add_argument("--only", default="")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    options = parser.parse_args()
    summary = json.loads((options.data / "prepared.json").read_text(encoding="utf-8"))
    os.environ.update(environment(options.data, 0, summary.get("database_url"), 1))
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from thidua.org.models import Person  # noqa: PLC0415

    council, top = summary["council"]["id"], summary["top_admin"]
    top_plan = summary["plans_by_role"]["top"]
    listed = [
        *_everyday_pages(summary),
        ("compliance table (top plan)", f"/plans/{top_plan}/compliance/", top),
        ("compliance table, page 40", f"/plans/{top_plan}/compliance/?page=40", top),
        ("compliance table, missing", f"/plans/{top_plan}/compliance/?state=missing", top),
        ("ranking, page 1", f"/councils/{council}/ranking/", top),
        ("ranking, page 30", f"/councils/{council}/ranking/?page=30", top),
        ("council page", f"/councils/{council}/", top),
        ("decision page", f"/councils/{council}/decision/", top),
    ]
    clients = {}
    print("| page | wall ms | CPU ms | queries | kB |")
    print("|---|---:|---:|---:|---:|")
    for name, url, username in listed:
        if options.only and options.only not in name:
            continue
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
        queries: list[str] = []

        def count(run, sql, *rest, queries=queries):
            queries.append(sql)
            return run(sql, *rest)

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
    return 0


def _everyday_pages(summary: dict) -> list[tuple[str, str, str]]:
    """The pages everyone opens every day, as bench/pages_core.py picks them: the home page,
    the district's registration list, a received registration and a commune's draft."""
    from thidua.initiatives.models import Registration, RegistrationState  # noqa: PLC0415
    from thidua.org.models import Person  # noqa: PLC0415

    district = summary["plans_by_role"]["district"]
    xa_unit = Person.objects.get(username="xa").memberships.get().unit
    received = (
        Registration.objects.filter(plan_id=district, state=RegistrationState.RECEIVED)
        .order_by("id")
        .first()
    )
    draft = (
        Registration.objects.filter(unit=xa_unit, state=RegistrationState.DRAFT)
        .order_by("id")
        .first()
    )
    listing = f"/plans/{district}/registrations/"
    return [
        ("home / to-do (commune)", "/", "xa"),
        ("home / to-do (district)", "/", "huyen"),
        ("registration list, first page", listing, "huyen"),
        ("registration list, filtered", f"{listing}?state={RegistrationState.RECEIVED}", "huyen"),
        ("registration list, page 2", f"{listing}?page=2", "huyen"),
        ("registration detail", f"/registrations/{received.pk}/", "huyen"),
        ("registration form (edit a draft)", f"/registrations/{draft.pk}/edit/", "xa"),
        ("registration form (new)", f"/plans/{district}/register/", "xa"),
    ]


if __name__ == "__main__":
    sys.exit(main())
