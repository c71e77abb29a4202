"""The page benchmark (``bench/run``): the key pages of issue 13 measured against ``thidua
serve`` (gunicorn, 2 workers, the production settings on plain HTTP) on 127.0.0.1, over the
data of ``thidua bench_data``.

Three child processes do what needs Django, in the instance's own environment (a data folder,
SQLite there or a PostgreSQL database): ``prepare`` (migrate, collect the static files,
generate the data: skipped when the folder holds it already), ``pages`` (migrate again, in
case the code brought a migration since; then the pages to measure and, for each, its SQL
queries and size, counted in-process with Django's test client) and ``thidua serve``. This
process is the clients: each account logs in once over HTTP; then, page by page, requests
one after the other (p50/p95, and the server's CPU per request from the workers' /proc
counters), then 8 clients at once for a bounded time (throughput, p95). The workers' peak
memory is read from /proc at the end.

The floor is ``/bench/floor/`` (floor_settings.py): a bare view behind the same middleware;
every page's CPU and p50 are also given as a multiple of it, which survives a noisy machine
better than milliseconds do.
"""

import argparse
import contextlib
import datetime
import gzip
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from http import HTTPStatus
from pathlib import Path

from surge_core import environment, form_with, free_port, percentile, serving

HERE = Path(__file__).resolve().parent
CLOCK = os.sysconf("SC_CLK_TCK")
MINIMUM_REQUESTS, MINIMUM_SECONDS, CHEAP_REQUESTS = 3, 1.0, 300
SLOW = 5.0  # seconds: a page slower than this is not warmed twice nor sent 8 at once


# --- in the children (Django) -------------------------------------------------------------


def _setup() -> None:
    import django  # noqa: PLC0415 (set up in the child, with the instance's environment)

    django.setup()


def prepare(scale: str, per_commune: str, seed: int, open_deadlines: bool = False) -> dict:
    """(In the child.) Migrate, collect the static files and generate the data, once."""
    _setup()
    from django.core.management import call_command  # noqa: PLC0415

    from thidua.demo.bench.data import generate  # noqa: PLC0415

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    low, _dash, high = per_commune.partition("-")
    began = time.monotonic()
    summary = generate(
        scale,
        seed=seed,
        per_commune=(int(low), int(high or low)),
        open_deadlines=open_deadlines,
    )
    summary["seconds"] = round(time.monotonic() - began, 1)
    return summary


def pages(summary_file: str, only: str = "") -> dict:
    """(In the child.) The pages to measure, each with who opens it, its status, its SQL
    queries, its size and its size compressed."""
    _setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415
    from django.db.models import Count  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    from thidua.initiatives.models import Registration, RegistrationState  # noqa: PLC0415
    from thidua.org.models import Person  # noqa: PLC0415
    from thidua.review.models import CouncilMember  # noqa: PLC0415

    call_command("migrate", interactive=False, verbosity=0)
    summary = json.loads(Path(summary_file).read_text(encoding="utf-8"))
    plans, council = summary["plans_by_role"], summary["council"]["id"]
    top = summary["top_admin"]
    district, province, top_plan = plans["district"], plans["province"], plans["top"]
    huyen = Person.objects.get(username="huyen")
    xa_unit = Person.objects.get(username="xa").memberships.get().unit
    in_district = Registration.objects.filter(plan_id=district)
    received = in_district.filter(state=RegistrationState.RECEIVED).order_by("id").first()
    draft = (
        Registration.objects.filter(unit=xa_unit, state=RegistrationState.DRAFT)
        .order_by("id")
        .first()
    )
    busiest = (
        CouncilMember.objects.filter(council_id=council)
        .annotate(n=Count("assignments"))
        .order_by("-n", "id")
        .select_related("person")
        .first()
    )
    listed = [
        ("floor (bare view, same middleware)", "/bench/floor/", "huyen"),
        ("home / to-do (commune)", "/", "xa"),
        ("home / to-do (district)", "/", "huyen"),
        ("registration list, first page", f"/plans/{district}/registrations/", "huyen"),
        (
            "registration list, filtered",
            f"/plans/{district}/registrations/?state={RegistrationState.RECEIVED}",
            "huyen",
        ),
        ("registration list, page 2", f"/plans/{district}/registrations/?page=2", "huyen"),
        ("search (registrations)", "/search/?q=m%C3%B4+h%C3%ACnh+nu%C3%B4i+b%C3%B2", "huyen"),
        ("registration detail", f"/registrations/{received.pk}/", "huyen"),
        ("registration form (edit a draft)", f"/registrations/{draft.pk}/edit/", "xa"),
        ("registration form (new)", f"/plans/{district}/register/", "xa"),
        ("council: scoring queue", f"/councils/{council}/queue/", busiest.person.username),
        ("council: ranking", f"/councils/{council}/ranking/", top),
        ("council: council page", f"/councils/{council}/", top),
        ("council: decision page", f"/councils/{council}/decision/", top),
        ("compliance table (top plan)", f"/plans/{top_plan}/compliance/", top),
        ("province roll-up", f"/plans/{province}/rollup/", "tinh"),
        # The national roll-up (issue 13: at most 5 s), its provinces on one line each.
        ("national roll-up", f"/plans/{top_plan}/rollup/", top),
        ("public plan", f"/public/plans/{plans['national']}/", None),
        ("public idea box", "/ideas/", None),
        ("district list as DOCX", f"/plans/{district}/registrations.docx", "huyen"),
        ("district list as XLSX", f"/plans/{district}/registrations.xlsx", "huyen"),
    ]
    clients = {}
    rows = []
    for name, url, username in listed:
        if only and only not in name and not name.startswith("floor"):
            continue
        if username not in clients:
            client = Client(SERVER_NAME="127.0.0.1")
            if username:
                client.force_login(Person.objects.get(username=username))
            clients[username] = client
        with CaptureQueriesContext(connection) as queries:
            response = clients[username].get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        rows.append(
            {
                "page": name,
                "url": url,
                "user": username,
                "status": response.status_code,
                "queries": len(queries),
                "bytes": len(body),
                "gzip_bytes": len(gzip.compress(body, 6)),
            }
        )
    return {
        "pages": rows,
        "registrations_on_district_plan": in_district.count(),
        "district_user": huyen.username,
    }


def child(command: str, variables: dict, *arguments: str, timeout: int = 3600) -> dict:
    """``python bench/pages_core.py <command>`` in the instance's environment: its JSON."""
    result = subprocess.run(  # noqa: S603 (this file, our interpreter)
        [sys.executable, __file__, command, *arguments],
        env=variables,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench {command} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the clients (this process) -----------------------------------------------------------


class Session:
    """One account's cookies; requests over a fresh connection each (gunicorn's sync workers
    close it after each answer anyway)."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port, self.cookies = port, dict(cookies or {})

    def get(self, url: str, timeout: float = 60) -> tuple[int, bytes]:
        return self.send("GET", url, timeout=timeout)

    def send(self, method, url, body=None, headers=None, timeout: float = 60):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            sent = {"Host": "127.0.0.1", "Accept-Encoding": "identity", **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, url, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _eq, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, content
        finally:
            connection.close()

    def log_in(self, username: str, password: str) -> None:
        _status, page = self.get("/accounts/login/")
        form = form_with(page.decode(), "username")
        fields = {**form["fields"], "username": username, "password": password}
        status, _page = self.send(
            "POST",
            "/accounts/login/",
            body=urllib.parse.urlencode(fields).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{self.port}/accounts/login/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{username} could not log in (HTTP {status})")


def workers(master: int) -> list[int]:
    try:
        found = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in found]


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def worker_peaks(master: int, peaks: dict) -> dict:
    """Each worker's peak memory so far (a worker killed and replaced keeps its figure)."""
    found = dict(peaks)
    for pid in workers(master):
        found[str(pid)] = max(found.get(str(pid), 0), peak_memory_mb(pid) or 0)
    return found


def peak_memory_mb(pid: int) -> float | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def sequential(session: Session, url: str, master: int, *, requests: int, seconds: float):
    """Two warm-up requests, then requests one after the other (``_more``): latencies,
    statuses, CPU of the workers per request."""
    for _warm in range(2):  # a page slower than SLOW is warm after one
        began = time.perf_counter()
        if _status(session, url) != HTTPStatus.OK or time.perf_counter() - began > SLOW:
            break
    latencies, statuses = [], {}
    before, pids = cpu_ticks(workers(master)), workers(master)
    began = time.monotonic()
    while _more(len(latencies), time.monotonic() - began, requests, seconds):
        start = time.perf_counter()
        status = _status(session, url)
        latencies.append(time.perf_counter() - start)
        statuses[status] = statuses.get(status, 0) + 1
    # A worker replaced meanwhile (a timeout) took its counters with it: CPU unknown then.
    ticks = cpu_ticks(pids) - before if workers(master) == pids else None
    return {
        "count": len(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "cpu_ms": None if ticks is None else ticks * 1000 / CLOCK / len(latencies),
        "statuses": {str(k): v for k, v in statuses.items()},
    }


def _status(session: "Session", url: str):
    """The answer's status, or the error's name (a timeout, a worker killed mid-answer)."""
    try:
        return session.get(url)[0]
    except OSError as error:
        return type(error).__name__


def _more(count: int, elapsed: float, requests: int, seconds: float) -> bool:
    """At least one request, three unless ``seconds`` have passed, up to ``requests`` within
    ``seconds``; and a cheap page goes on for a second (up to 300 requests), so its CPU is
    not a tick or two of /proc's 10 ms clock."""
    if count < 1 or (count < MINIMUM_REQUESTS and elapsed < seconds):
        return True
    if elapsed < MINIMUM_SECONDS and count < CHEAP_REQUESTS:
        return True
    return count < requests and elapsed < seconds


def concurrent(cookies: dict, port: int, url: str, *, clients: int, seconds: float):
    """``clients`` threads with the same session, each sending the next request as soon as
    it has its answer, for ``seconds``: throughput and latencies."""
    latencies, errors, lock = [], [], threading.Lock()
    start = threading.Barrier(clients)
    deadline = [0.0]

    def work():
        session = Session(port, cookies)
        start.wait()
        while time.monotonic() < deadline[0]:
            began = time.perf_counter()
            try:
                status, _body = session.get(url)
            except OSError as error:
                status = type(error).__name__
            took = time.perf_counter() - began
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    errors.append(status)

    deadline[0] = time.monotonic() + seconds
    threads = [threading.Thread(target=work) for _i in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "completed": len(latencies),
        "per_second": len(latencies) / elapsed if elapsed else 0.0,
        "p95_ms": percentile(latencies, 0.95) * 1000 if latencies else None,
        "errors": len(errors),
    }


# --- the run ------------------------------------------------------------------------------


def run(options) -> dict:
    data_dir = Path(options.data) if options.data else Path(tempfile.mkdtemp(prefix="thidua-b-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    prepared = data_dir / "prepared.json"
    port = free_port()
    with contextlib.ExitStack() as stack:
        database_url = None
        if prepared.exists():
            database_url = json.loads(prepared.read_text(encoding="utf-8")).get("database_url")
        elif options.postgres:
            database_url = stack.enter_context(
                postgres_database(options.postgres, keep=bool(options.data), scale=options.scale)
            )
        elif os.environ.get("DATABASE_URL"):
            database_url = os.environ["DATABASE_URL"]
        variables = environment(data_dir, port, database_url, options.workers)
        variables["DJANGO_SETTINGS_MODULE"] = "floor_settings"
        source = checkout(options.commit, data_dir) if options.commit else None
        variables["PYTHONPATH"] = os.pathsep.join(
            [str(HERE), *filter(None, [source, os.environ.get("PYTHONPATH")])]
        )
        if not prepared.exists():
            say(f"generating the {options.scale} data in {data_dir} …")
            summary = child(
                "prepare",
                variables,
                options.scale,
                options.per_commune,
                str(options.seed),
                *(["open"] if options.open else []),
            )
            summary["database_url"] = database_url
            prepared.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
            say(f"  done in {summary['seconds']} s")
        summary = json.loads(prepared.read_text(encoding="utf-8"))
        if summary.get("open_deadlines", False) != options.open:
            raise SystemExit(
                f"{data_dir} holds data with open deadlines {summary.get('open_deadlines')}: "
                "give --open as it was generated, or another --data"
            )
        # Counted once per version of the code (``--commit``): a run again reuses them.
        version, which = options.commit or "working-tree", options.only or "all"
        counted = data_dir / f"pages-{version}-{which}.json"
        if options.commit and counted.exists():
            listed = json.loads(counted.read_text(encoding="utf-8"))
        else:
            say("counting each page's queries in-process …")
            listed = child("pages", variables, str(prepared), options.only or "")
            counted.write_text(json.dumps(listed, ensure_ascii=False), encoding="utf-8")
        chosen = [
            p
            for p in listed["pages"]
            if p["page"].startswith("floor") or not options.only or options.only in p["page"]
        ]
        say("serving (thidua serve, gunicorn) …")
        server = stack.enter_context(serving(variables, port, data_dir / "gunicorn.log"))
        time.sleep(1)
        sessions = {None: Session(port)}
        for page in chosen:
            if page["user"] not in sessions:
                sessions[page["user"]] = Session(port)
                sessions[page["user"]].log_in(page["user"], summary["password"])
        peaks = {}
        for page in chosen:
            say(f"  {page['page']} …")
            session = sessions[page["user"]]
            page["sequential"] = sequential(
                session, page["url"], server.pid, requests=options.requests, seconds=options.seconds
            )
            peaks.update(worker_peaks(server.pid, peaks))
            if page["sequential"]["p50_ms"] > SLOW * 1000:
                page["concurrent"] = {"skipped": f"p50 over {SLOW:.0f} s: 8 clients would queue"}
            elif options.concurrent > 0:
                page["concurrent"] = concurrent(
                    session.cookies,
                    port,
                    page["url"],
                    clients=options.clients,
                    seconds=options.concurrent,
                )
        memory = worker_peaks(server.pid, peaks)
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "git": f"{options.commit} (git archive)" if options.commit else git_head(),
        "scale": summary["scale"],
        "per_commune": options.per_commune,
        "open_deadlines": summary.get("open_deadlines", False),
        "database": "PostgreSQL" if summary.get("database_url") else "SQLite",
        "workers": options.workers,
        "data": {
            "registrations": summary["registrations"]["total"],
            "on_the_district_plan": listed["registrations_on_district_plan"],
            "council_entries": summary["council"]["entries"],
            "council_sheets": summary["council"]["sheets"],
            "plans": summary["plans"],
            "reports": summary["reports"]["reports"],
            "generated_in_s": summary["seconds"],
        },
        "pages": ratios(chosen),
        "worker_peak_memory_mb": memory,
        "data_dir": str(data_dir),
    }


@contextlib.contextmanager
def postgres_database(base_url: str, *, keep: bool, scale: str):
    """A new PostgreSQL database for the run: its URL; dropped after unless ``keep``."""
    parts = urllib.parse.urlsplit(base_url)
    name = f"thidua_bench_{scale}_{uuid.uuid4().hex[:8]}"
    connection = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    connection += ["-U", parts.username or "postgres"]
    subprocess.run(["createdb", *connection, name], check=True)  # noqa: S603, S607
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        if not keep:
            subprocess.run(  # noqa: S603 (PostgreSQL's own tool)
                ["dropdb", "--force", *connection, name],  # noqa: S607
                check=False,
                capture_output=True,
            )


def ratios(pages: list[dict]) -> list[dict]:
    floor = next(p for p in pages if p["page"].startswith("floor"))["sequential"]
    for page in pages:
        measured = page["sequential"]
        cpu = measured["cpu_ms"]
        measured["cpu_x_floor"] = cpu / floor["cpu_ms"] if cpu and floor["cpu_ms"] else None
        measured["p50_x_floor"] = measured["p50_ms"] / floor["p50_ms"]
    return pages


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} cores, load average {load[0]:.1f} at the start of the report "
        f"(shared with other work), Python {sys.version.split()[0]}"
    )


def checkout(commit: str, data_dir: Path) -> str:
    """``src/`` as it was at ``commit`` (``git archive``, the working tree untouched), for
    measuring a before and an after from the same checkout: the path to put first on
    ``PYTHONPATH``, ahead of the installed package."""
    revision = subprocess.run(  # noqa: S603 (git, with our own arguments)
        ["git", "-C", str(HERE), "rev-parse", "--short", commit],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    target = data_dir / f"src-{revision}"
    if not target.exists():
        target.mkdir()
        archive = subprocess.run(  # noqa: S603 (git, with our own arguments)
            ["git", "-C", str(HERE.parent), "archive", revision, "src"],  # noqa: S607
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)  # noqa: S603, S607
    return str(target / "src")


def git_head() -> str:
    result = subprocess.run(  # noqa: S603 (git, with our own arguments)
        ["git", "-C", str(HERE), "log", "-1", "--format=%h %cI"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    changed = subprocess.run(  # noqa: S603 (git, with our own arguments)
        ["git", "-C", str(HERE), "status", "--short", "--", "../src"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split("\n")
    # The server runs the working tree: say when it differs from the commit.
    changed = [line[3:] for line in changed if line.strip()]
    note = f" + {len(changed)} changed files under src/" if changed else ""
    return result.stdout.strip() + note


def table(report: dict) -> str:
    data = report["data"]
    lines = [
        f"{report['date']}, {report['machine']}; {report['git']}",
        f"{report['database']}, scale {report['scale']} ({report['per_commune']} per commune): "
        f"{data['registrations']} registrations ({data['on_the_district_plan']} on huyen's "
        f"plan), council of {data['council_entries']} entries and {data['council_sheets']} "
        f"sheets; {'every deadline ten days ahead; ' if report.get('open_deadlines') else ''}"
        f"thidua serve, {report['workers']} workers",
        "",
        f"{'page':<36} {'st':>3} {'SQL':>5} {'kB':>7} {'gz kB':>6} {'p50':>8} {'p95':>8} "
        f"{'CPU':>7} {'CPU×fl':>7} {'p50×fl':>7} {'req/s@8':>8} {'p95@8':>8}",
    ]
    for page in report["pages"]:
        seq, conc = page["sequential"], page.get("concurrent") or {}
        statuses = set(seq["statuses"])
        status = str(page["status"]) if statuses <= {str(page["status"])} else "/".join(statuses)
        lines.append(
            f"{page['page'][:36]:<36} {status:>3} {page['queries']:>5} "
            f"{page['bytes'] / 1024:>7.1f} {page['gzip_bytes'] / 1024:>6.1f} "
            f"{seq['p50_ms']:>6.0f}ms {seq['p95_ms']:>6.0f}ms {_ms(seq['cpu_ms'])} "
            f"{_x(seq['cpu_x_floor'])} {_x(seq['p50_x_floor'])} "
            f"{conc.get('per_second', float('nan')):>8.1f} "
            f"{conc.get('p95_ms') or float('nan'):>6.0f}ms"
            + (f"  errors@8: {conc['errors']}" if conc.get("errors") else "")
        )
    memory = ", ".join(f"{mb:.0f} MB" for mb in report["worker_peak_memory_mb"].values() if mb)
    lines.append(f"\nworkers' peak memory (VmHWM): {memory}")
    if len(report["worker_peak_memory_mb"]) > report["workers"]:
        lines.append("  (more workers than started: gunicorn replaced some, e.g. after a timeout)")
    return "\n".join(lines)


def _ms(value) -> str:
    return f"{value:>5.0f}ms" if value is not None else f"{'-':>7}"


def _x(value) -> str:
    return f"{value:>6.1f}×" if value is not None else f"{'-':>7}"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=["district", "province", "national"], default="district")
    parser.add_argument("--per-commune", default="1-3", help="registrations per commune (1-3)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--postgres",
        nargs="?",
        const="postgres://postgres@127.0.0.1:5432/",
        help="a new PostgreSQL database on this server (kept with --data, else dropped); "
        "DATABASE_URL, when set, names an existing empty one instead",
    )
    parser.add_argument(
        "--data", help="the instance's folder, kept; when it holds data already, it is reused"
    )
    parser.add_argument("--requests", type=int, default=30, help="sequential requests a page (30)")
    parser.add_argument("--seconds", type=float, default=20, help="at most, sequentially (20)")
    parser.add_argument("--concurrent", type=float, default=20, help="seconds at 8 clients (20)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument(
        "--commit",
        help="serve src/ as of this commit (git archive into the folder), not the working tree",
    )
    parser.add_argument("--only", help="only the pages whose name contains this (and the floor)")
    parser.add_argument(
        "--quick", action="store_true", help="10 requests or 8 s a page, 5 s at 8 clients"
    )
    parser.add_argument(
        "--open",
        action="store_true",
        help="data whose deadlines are all ten days ahead: the pages while a round is open",
    )
    parser.add_argument("--json", type=Path, help="write the figures here (default: the folder)")
    options = parser.parse_args(argv)
    if options.quick:
        options.requests, options.seconds, options.concurrent = 10, 8, 5
    report = run(options)
    print(table(report))
    target = options.json or Path(report["data_dir"]) / (
        f"bench-{report['scale']}-{report['database'].lower()}-"
        f"{datetime.datetime.now(datetime.UTC):%Y%m%d-%H%M}.json"
    )
    target.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nJSON: {target}")
    bad = [p["page"] for p in report["pages"] if p["status"] != HTTPStatus.OK]
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "prepare":
        opened = sys.argv[5:6] == ["open"]
        print(json.dumps(prepare(*sys.argv[2:4], int(sys.argv[4]), opened), ensure_ascii=False))
    elif len(sys.argv) > 1 and sys.argv[1] == "pages":
        print(json.dumps(pages(*sys.argv[2:4]), ensure_ascii=False))
    else:
        sys.exit(main())
