"""Benchmark: loading the whole country and querying subtrees at national size.

Run:  uv run python bench/bench_units.py            (a fresh SQLite file in a temp dir)
      DATABASE_URL=postgres://… uv run python bench/bench_units.py   (an empty database)
Prints wall-clock figures and peak memory; record them in bench/RESULTS.md.
"""

import os
import resource
import statistics
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.config.settings")
os.environ.setdefault("THIDUA_DATA_DIR", tempfile.mkdtemp(prefix="thidua-bench-"))

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from thidua.org import access  # noqa: E402
from thidua.org.domain.admin_units import load_admin_units  # noqa: E402
from thidua.org.domain.people import membership_grant, person_create  # noqa: E402
from thidua.org.models import Role, Unit  # noqa: E402


def timed(label, function, repeat=1):
    durations = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - start)
    print(f"{label:<55} {statistics.median(durations) * 1000:9.1f} ms (median of {repeat})")
    return result


def main():
    print(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    counts = timed("load the whole country (both structures)", load_admin_units)
    print(f"  units: {counts['units']}, successions: {counts['successions']}")
    ha_noi = Unit.objects.get(level=1, code="01")
    timed("count one province's subtree", lambda: ha_noi.descendants().count(), repeat=20)
    root = Unit.objects.get(level=0)
    timed("count the national subtree", lambda: root.descendants().count(), repeat=20)
    person = person_create(actor=None, username="bench", full_name="Bench", password=None)
    membership_grant(
        actor=None,
        person=person,
        unit=Unit.objects.get(level=3, code="22207", valid_from__isnull=False),
        role=Role.OFFICER,
    )

    def scope():
        person.__dict__.pop("_thidua_grants", None)
        return access.units(person).count()

    with CaptureQueriesContext(connection) as queries:
        scope()
    print(f"  scoped unit count for a 2025 commune officer: {len(queries)} queries")
    timed("grants + scoped count (commune with predecessors)", scope, repeat=20)
    reset_queries()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
