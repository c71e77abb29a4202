"""Benchmark: compliance and the results roll-up for a national plan (today's 3,321 communes
and wards, 10,000 registrations, a report from most units). Prints times and query counts.

Run:  uv run python bench/bench_rollup.py            (a fresh SQLite file in a temp dir)
      DATABASE_URL=postgres://… uv run python bench/bench_rollup.py   (an empty database)
"""

import datetime
import os
import random
import resource
import statistics
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.config.settings")
os.environ.setdefault("THIDUA_DATA_DIR", tempfile.mkdtemp(prefix="thidua-bench-"))

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from thidua.initiatives.domain.compliance import compliance  # noqa: E402
from thidua.initiatives.models import Registration  # noqa: E402
from thidua.org.domain.admin_units import load_admin_units  # noqa: E402
from thidua.org.models import Unit, UnitKind  # noqa: E402
from thidua.plans.domain.plans import (  # noqa: E402
    plan_create,
    plan_issue,
    plan_set_body,
    plan_update,
)
from thidua.results.domain.rollup import rollup  # noqa: E402
from thidua.results.enums import Progress  # noqa: E402
from thidua.results.models import InitiativeResult, ResultsReport  # noqa: E402

REGISTRATIONS = 10_000


def timed(label, function, repeat=5):
    durations, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        function()
    print(f"{label:<48} {statistics.median(durations) * 1000:9.1f} ms  {len(queries):3d} queries")
    return result


def national_plan():
    root = Unit.objects.get(level=0)
    plan = plan_create(
        actor=None,
        unit=root,
        title="Kế hoạch phong trào thi đua toàn quốc năm 2026",
        movement_name="Người Việt đoàn kết sáng tạo",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        quota_kinds=[UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE],
        quota_minimum=1,
    )
    plan_set_body(actor=None, plan=plan, source="# NỘI DUNG\nThi đua.")
    plan = plan_update(actor=None, plan=plan, signer_name="Lương Quốc Đoàn")  # a plan is signed
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(2026, 2, 1))


def fill(plan) -> None:
    communes = list(
        Unit.objects.filter(level=3, valid_from__isnull=False).values_list("pk", flat=True)
    )
    rng = random.Random(2026)  # noqa: S311 (repeatable test data, not secrets)
    now = timezone.now()
    Registration.objects.bulk_create(
        (
            Registration(
                plan=plan,
                unit_id=rng.choice(communes),
                kind="model",
                name=f"Mô hình {i}",
                **Registration.derived_columns({"name": f"Mô hình {i}"}),  # as save() would
                state="received",
                first_submitted_at=now,
                submitted_at=now,
            )
            for i in range(REGISTRATIONS)
        ),
        batch_size=2000,
    )
    reporting = communes[: int(len(communes) * 0.9)]
    ResultsReport.objects.bulk_create(
        (ResultsReport(plan=plan, unit_id=pk, state="submitted", meetings=3) for pk in reporting),
        batch_size=2000,
    )
    reports = dict(ResultsReport.objects.filter(plan=plan).values_list("unit_id", "pk"))
    InitiativeResult.objects.bulk_create(
        (
            InitiativeResult(
                report_id=reports[r.unit_id],
                registration_id=r.pk,
                progress=Progress.DONE,
                households=10,
            )
            for r in Registration.objects.filter(plan=plan, unit_id__in=reports).only(
                "pk", "unit_id"
            )
        ),
        batch_size=2000,
    )


def main():
    print(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    load_admin_units()
    plan = national_plan()
    fill(plan)
    summary = timed("results roll-up, national plan", lambda: rollup(plan))
    print(
        f"  units {len(summary.rows)}, reported {len(summary.reported)}, "
        f"missing {summary.count('missing')}"
    )
    report = timed("registration compliance, national plan", lambda: compliance(plan))
    print(f"  units {len(report.rows)}, registrations {report.totals()['registrations']}")
    print(
        f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
