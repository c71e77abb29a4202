"""The results roll-up, the results dashboard and the fund roll-up measured in process over the
data of ``bench/run`` (a folder it generated): each page's CPU per request (median of 3 after
one warm-up), SQL queries and HTML size, opened with Django's test client by the account that
would open it. ``--profile NAME`` prints a pyinstrument profile of that page instead.

Run:  uv run python bench/rollup_pages.py /tmp/bench-rollup
      uv run --with pyinstrument python bench/rollup_pages.py /tmp/bench-rollup \
          --profile "province roll-up"
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", type=Path)
    parser.add_argument("--only", default="")
    parser.add_argument("--profile", default="")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    prepared = json.loads((options.data / "prepared.json").read_text(encoding="utf-8"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "thidua.config.settings",
            "THIDUA_DATA_DIR": str(options.data),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    for key in ("DEBUG", "DATABASE_URL"):
        os.environ.pop(key, None)
    if prepared.get("database_url"):
        os.environ["DATABASE_URL"] = prepared["database_url"]
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from thidua.org.models import Person, Unit  # noqa: PLC0415
    from thidua.plans.models import Plan  # noqa: PLC0415

    plans = prepared["plans_by_role"]
    top = prepared["top_admin"]
    province, national = plans["province"], plans["top"]
    tinh_unit = Plan.objects.get(pk=province).unit
    national_unit = Plan.objects.get(pk=national).unit
    a_district = (
        Unit.objects.filter(parent=tinh_unit, level=tinh_unit.level + 1)
        .order_by("sort_key")
        .first()
    )
    listed = [
        ("province roll-up", f"/plans/{province}/rollup/", "tinh"),
        (
            "province roll-up, a district open",
            f"/plans/{province}/rollup/?unit={a_district.pk}",
            "tinh",
        ),
        ("province roll-up XLSX", f"/plans/{province}/rollup.xlsx", "tinh"),
        ("province dashboard", f"/plans/{province}/dashboard/", "tinh"),
        ("national roll-up", f"/plans/{national}/rollup/", top),
        ("national roll-up XLSX", f"/plans/{national}/rollup.xlsx", top),
        ("national dashboard", f"/plans/{national}/dashboard/", top),
        ("province funds", f"/fund/units/{tinh_unit.pk}/", "tinh"),
        ("national funds", f"/fund/units/{national_unit.pk}/", top),
    ]
    print(f"{'page':42} {'status':>6} {'SQL':>4} {'kB':>8} {'CPU ms (median)':>16}")
    for name, url, username in listed:
        if options.only not in name:
            continue
        client = Client()
        client.force_login(Person.objects.get(username=username))
        if options.profile and options.profile == name:
            from pyinstrument import Profiler  # noqa: PLC0415

            client.get(url)
            profiler = Profiler(interval=0.001)
            profiler.start()
            client.get(url)
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            continue
        queries: list[str] = []

        def counted(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = client.get(url)
        size = len(response.content)
        cpu = []
        for _ in range(options.repeat):
            began = time.process_time()
            client.get(url)
            cpu.append((time.process_time() - began) * 1000)
        print(
            f"{name:42} {response.status_code:>6} {len(queries):>4} {size / 1000:>8.1f} "
            f"{statistics.median(cpu):>16.0f}",
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
