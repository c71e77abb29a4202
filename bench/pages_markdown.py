"""The JSON of ``bench/run`` as a Markdown table for bench/RESULTS.md; with two files (before,
after) the after's figures beside the before's, page by page.

    uv run python bench/pages_markdown.py before.json [after.json]
"""

import json
import sys
from pathlib import Path


def load(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def figures(page: dict) -> dict:
    seq, conc = page["sequential"], page.get("concurrent") or {}
    return {
        "queries": page["queries"],
        "kb": page["bytes"] / 1024,
        "gz": page["gzip_bytes"] / 1024,
        "p50": seq["p50_ms"],
        "p95": seq["p95_ms"],
        "cpu": seq["cpu_ms"],
        "xfloor": seq.get("cpu_x_floor"),
        "rps": conc.get("per_second"),
        "p95c": conc.get("p95_ms"),
        "status": page["status"],
        "served": sorted(seq["statuses"]),
    }


def cell(value, form: str) -> str:
    return "–" if value is None else format(value, form)


def single(report: dict) -> list[str]:
    lines = [
        "| page | SQL | kB (gzip) | p50 ms | p95 ms | CPU ms/req | CPU × floor | req/s at 8 "
        "| p95 at 8, ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in report["pages"]:
        f = figures(page)
        served = [s for s in f["served"] if s != "200"]
        status = "" if f["status"] == 200 and not served else f" (HTTP {'/'.join(served)})"
        lines.append(
            f"| {page['page']}{status} | {f['queries']} | {f['kb']:,.1f} ({f['gz']:,.1f}) "
            f"| {f['p50']:,.0f} | {f['p95']:,.0f} | {cell(f['cpu'], ',.0f')} "
            f"| {cell(f['xfloor'], '.1f')} "
            f"| {cell(f['rps'], '.1f')} | {cell(f['p95c'], ',.0f')} |"
        )
    return lines


def compared(before: dict, after: dict) -> list[str]:
    lines = [
        "| page | SQL before → after | kB before → after | p50 ms before → after "
        "| CPU ms/req before → after | CPU × floor before → after |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    later = {page["page"]: figures(page) for page in after["pages"]}
    for page in before["pages"]:
        b, a = figures(page), later.get(page["page"])
        if a is None:
            continue
        lines.append(
            f"| {page['page']} | {b['queries']} → {a['queries']} | {b['kb']:,.1f} → "
            f"{a['kb']:,.1f} | {b['p50']:,.0f} → {a['p50']:,.0f} | {cell(b['cpu'], ',.0f')} → "
            f"{cell(a['cpu'], ',.0f')} | {cell(b['xfloor'], '.1f')} → {cell(a['xfloor'], '.1f')} |"
        )
    return lines


def main(paths: list[str]) -> None:
    reports = [load(path) for path in paths]
    for report in reports:
        data = report["data"]
        print(
            f"{report['database']}, {report['scale']} ({data['registrations']:,} registrations, "
            f"{data['on_the_district_plan']:,} on huyen's plan, a council of "
            f"{data['council_entries']:,} entries), {report['date']}, {report['git']}; "
            f"{report['machine']}; workers' peak memory "
            + ", ".join(f"{mb:.0f} MB" for mb in report["worker_peak_memory_mb"].values() if mb)
        )
    print()
    lines = compared(*reports) if len(reports) == 2 else single(reports[0])
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
