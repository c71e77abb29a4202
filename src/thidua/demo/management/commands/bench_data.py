import json
import time

from django.core.management.base import BaseCommand, CommandError

from thidua.demo.bench.data import SCALES, BenchDataError, generate


def per_commune(value: str) -> tuple[int, int]:
    low, _dash, high = value.partition("-")
    try:
        bounds = int(low), int(high or low)
    except ValueError as error:
        raise CommandError(f"--per-commune takes N or LOW-HIGH, not {value!r}") from error
    if not 0 <= bounds[0] <= bounds[1]:
        raise CommandError(f"--per-commune takes N or LOW-HIGH, not {value!r}")
    return bounds


class Command(BaseCommand):
    help = (
        "Fill an empty, migrated database with the benchmark's data (deterministic): the real "
        "units, a national plan cascaded down the area, 1-3 registrations per commune in every "
        "state, a council of 20 members scoring every entry 3 times, results reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="district")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument(
            "--per-commune",
            type=per_commune,
            default=(1, 3),
            help="registrations per commune: N or LOW-HIGH (default 1-3)",
        )
        parser.add_argument(
            "--open",
            action="store_true",
            help="every deadline ten days from now, as while a round is open (not repeatable)",
        )
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, scale, seed, per_commune, json: bool = False, **options):
        began = time.monotonic()
        try:
            summary = generate(
                scale, seed=seed, per_commune=per_commune, open_deadlines=options["open"]
            )
        except BenchDataError as error:
            raise CommandError(str(error)) from error
        summary["seconds"] = round(time.monotonic() - began, 1)
        if json:
            self.stdout.write(_dumps(summary))
            return
        registrations, council = summary["registrations"], summary["council"]
        self.stdout.write(
            f"{scale}: {summary['units']} units, {summary['plans']} plans, "
            f"{registrations['total']} registrations, a council of {council['entries']} entries "
            f"({council['sheets']} sheets, {council['scores']} scores), "
            f"{summary['reports']['reports']} results reports, in {summary['seconds']} s"
        )


def _dumps(summary: dict) -> str:
    return json.dumps(summary, ensure_ascii=False, default=str)
