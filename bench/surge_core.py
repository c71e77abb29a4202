"""The deadline surge (``bench/surge``): simulated commune officers draft and submit
registrations at once against ``thidua serve`` (gunicorn, the production configuration) on
127.0.0.1, then the database is checked: every submission the server confirmed is there
exactly once, sent, with its attachment.

Everything Django does runs in child processes with the instance's own environment (a data
folder in a temporary directory, SQLite there or a new PostgreSQL database): ``python
bench/surge_core.py prepare|verify`` and ``thidua serve``. The officers are threads of this
process speaking HTTP through urllib, each with its own cookies, as a browser would: log in,
open the registration form, fill it, attach a small PDF, save the draft, send it.

``run()`` is the whole benchmark; ``tests/bench/test_surge.py`` runs it at a tiny size.
"""

import argparse
import contextlib
import datetime
import hashlib
import http.cookiejar
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

PASSWORD = "surge-officer-2026"  # noqa: S105 (the simulated officers' password, loopback only)
DISTRICT = "Krông Năng"
# A real one-page PDF (the attachment each registration carries), made unique per submission.
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
    b"0000000058 00000 n \n0000000115 00000 n \n"
    b"trailer << /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n"
)
FILLED = {
    "lead_name": "Y Thuê Niê",
    "lead_position": "Chi hội trưởng",
    "summary": "Trồng sắn cao sản, liên kết tiêu thụ với nhà máy.",
    "applied_when": "Tháng 4 - 12/2026",
    "applied_where": "Các thôn của xã",
    "applied_work": "Trồng trọt",
    "expected_results": "Tăng thu nhập 20%.",
}


def attachment(name: str) -> bytes:
    return PDF + f"% {name}\n".encode()


def submission_name(index: int) -> str:
    return f"Mô hình thi đua số {index + 1}"


# --- the instance (child processes) --------------------------------------------------------


def environment(data_dir: Path, port: int, database_url: str | None, workers: int) -> dict:
    """Production settings on loopback: plain HTTP, so cookies without the Secure flag."""
    variables = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DEBUG", "MEDIA_ROOT", "STATIC_ROOT", "THIDUA_TASKS"}
    }
    variables.update(
        {
            "DJANGO_SETTINGS_MODULE": "thidua.config.settings",
            "THIDUA_DATA_DIR": str(data_dir),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://thidua.example.vn",  # what e-mails would link to
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "THIDUA_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            # Thousands of officers log in from one address here: the per-address throttle is
            # for the internet, not for this machine talking to itself.
            "THIDUA_LOGIN_FAILURES_PER_ADDRESS": "1000000",
        }
    )
    if database_url:
        variables["DATABASE_URL"] = database_url
    return variables


def child(command: str, variables: dict, *arguments: str) -> dict:
    """``python bench/surge_core.py <command>`` in the instance's environment: its JSON."""
    result = subprocess.run(  # noqa: S603 (this file, our interpreter)
        [sys.executable, __file__, command, *arguments],
        env=variables,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"surge {command} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare(officers: int) -> dict:
    """(In the child.) Migrate, collect the static files, and make a province, a district of
    ``officers`` communes with one officer each, and the district's issued plan asking each
    commune for registrations, due in a month."""
    import django  # noqa: PLC0415 (set up in the child, with the instance's environment)

    django.setup()
    from django.contrib.auth.hashers import make_password  # noqa: PLC0415
    from django.core.management import call_command  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from thidua.org.domain.people import membership_grant, person_create  # noqa: PLC0415
    from thidua.org.domain.units import unit_create  # noqa: PLC0415
    from thidua.org.models import Person, Role, UnitKind  # noqa: PLC0415
    from thidua.plans.domain.plans import (  # noqa: PLC0415
        end_of_day,
        plan_create,
        plan_issue,
        plan_set_body,
        plan_set_list,
        plan_update,
    )
    from thidua.plans.models import DeadlineKind, LatePolicy  # noqa: PLC0415

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    province = unit_create(actor=None, parent=None, name="Đắk Lắk", kind=UnitKind.PROVINCE)
    district = unit_create(actor=None, parent=province, name=DISTRICT, kind=UnitKind.DISTRICT)
    usernames = []
    for number in range(officers):
        commune = unit_create(
            actor=None, parent=district, name=f"Ea Tân {number + 1}", kind=UnitKind.COMMUNE
        )
        username = f"xa{number + 1:05d}"
        person = person_create(
            actor=None, username=username, full_name=f"Cán bộ xã số {number + 1}", password=None
        )
        membership_grant(actor=None, person=person, unit=commune, role=Role.OFFICER)
        usernames.append(username)
    # One hash for all (each login still checks it): hashing thousands one by one is minutes.
    Person.objects.filter(username__in=usernames).update(password=make_password(PASSWORD))
    today = timezone.localdate()
    plan = plan_create(
        actor=None,
        unit=district,
        title=f"Kế hoạch phát động phong trào thi đua năm {today.year}",
        movement_name=f"{DISTRICT} đoàn kết sáng tạo",
        period_start=datetime.date(today.year, 1, 1),
        period_end=datetime.date(today.year, 12, 31),
        signer_name="Nguyễn Văn An",
    )
    plan_set_body(actor=None, plan=plan, source="# MỤC ĐÍCH\n## Mục đích\n- Thi đua.")
    plan_set_list(
        actor=None,
        plan=plan,
        kind="deadlines",
        rows=[
            {
                "kind": DeadlineKind.REGISTRATION,
                "label": "Đăng ký mô hình",
                "due_at": end_of_day(today + datetime.timedelta(days=30)),
            }
        ],
    )
    plan = plan_update(
        actor=None,
        plan=plan,
        quota_kinds=[UnitKind.COMMUNE],
        quota_minimum=1,
        late_registrations=LatePolicy.MARK_LATE,
    )
    plan = plan_issue(actor=None, plan=plan, issued_on=today)
    return {"plan": plan.pk, "officers": usernames}


def verify(plan_pk: int, names_file: str) -> dict:
    """(In the child.) Each name the server confirmed: present exactly once, sent, with one
    attachment whose stored bytes are the ones uploaded."""
    import django  # noqa: PLC0415 (set up in the child, with the instance's environment)

    django.setup()
    from django.db.models import Count  # noqa: PLC0415

    from thidua.initiatives.enums import RegistrationState  # noqa: PLC0415
    from thidua.initiatives.models import Registration  # noqa: PLC0415

    confirmed = json.loads(Path(names_file).read_text(encoding="utf-8"))
    registrations = Registration.objects.filter(plan_id=plan_pk)
    counts = dict(registrations.values_list("name").annotate(n=Count("pk")))
    problems = {"missing": [], "duplicated": [], "not_sent": [], "attachment": []}
    sent = {
        RegistrationState.SUBMITTED,
        RegistrationState.RECEIVED,
        RegistrationState.ACCEPTED,
    }
    for name in confirmed:
        if counts.get(name, 0) == 0:
            problems["missing"].append(name)
    for name, number in counts.items():
        if number > 1:
            problems["duplicated"].append(name)
    for registration in registrations.filter(name__in=confirmed).prefetch_related("files"):
        if registration.state not in sent:
            problems["not_sent"].append(registration.name)
        files = list(registration.files.all())
        expected = hashlib.sha256(attachment(registration.name)).hexdigest()
        if len(files) != 1 or hashlib.sha256(files[0].file.read()).hexdigest() != expected:
            problems["attachment"].append(registration.name)
    return {
        "registrations": registrations.count(),
        "confirmed": len(confirmed),
        "present_once_with_attachment": len(confirmed)
        - len(set().union(*map(set, problems.values()))),
        "problems": {key: value[:10] for key, value in problems.items()},
        "problem_counts": {key: len(value) for key, value in problems.items()},
    }


# --- the officers (threads of this process) ------------------------------------------------


class Forms(HTMLParser):
    """The forms of a page: action, enctype, and the fields with the values the page gives
    them (a <template>'s fields excluded: a script clones them, a browser does not send them)."""

    def __init__(self):
        super().__init__()
        self.forms, self._template, self._textarea, self._select = [], 0, None, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "template":
            self._template += 1
        if self._template:
            return
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "fields": {}})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    fields[name] = attributes.get("value", "on")
                elif kind == "radio":
                    fields.setdefault(name, attributes.get("value", ""))
            elif kind not in {"submit", "button", "file"}:
                fields[name] = attributes.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            value = attributes.get("value", "")
            if "selected" in attributes or (self._select not in fields and value):
                fields[self._select] = value

    def handle_endtag(self, tag):
        if tag == "template":
            self._template -= 1
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def form_with(page: str, field_name: str) -> dict:
    parser = Forms()
    parser.feed(page)
    for form in parser.forms:
        if field_name in form["fields"]:
            return form
    raise AssertionError(f"no form with {field_name!r} on the page")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content, content_type) in files.items():
        quoted = urllib.parse.quote(filename)
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f"filename*=UTF-8''{quoted}\r\nContent-Type: {content_type}\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Tally:
    """What the officers saw, shared between the threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict = field(default_factory=dict)  # step → [seconds]
    submissions: list = field(default_factory=list)  # seconds from opening the form to sent
    confirmed: list = field(default_factory=list)  # names the server answered "sent" for
    errors: list = field(default_factory=list)
    next_index: int = 0

    def take(self, total: int, deadline: float) -> int | None:
        with self.lock:
            if self.next_index >= total or time.monotonic() > deadline:
                return None
            self.next_index += 1
            return self.next_index - 1

    def timed(self, step: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(step, []).append(seconds)


class Officer:
    def __init__(self, base: str, username: str, tally: Tally):
        self.base, self.username, self.tally = base, username, tally
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, step: str, url: str, data: bytes | None = None, content_type=None):
        """(final URL, page) after the redirects; the time of the whole step is kept."""
        address = urllib.parse.urljoin(self.base, url)
        request = urllib.request.Request(address, data=data)  # noqa: S310 (http on loopback)
        if content_type:
            request.add_header("Content-Type", content_type)
        start = time.monotonic()
        with self.opener.open(request, timeout=300) as response:
            page = response.read().decode()
            final = response.geturl()
        self.tally.timed(step, time.monotonic() - start)
        return final, page

    def post(self, step: str, url: str, fields: dict, files=None):
        if files:
            body, content_type = multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request(step, url, body, content_type)

    def log_in(self) -> None:
        _final, page = self.request("login page", "/accounts/login/")
        form = form_with(page, "username")
        fields = {**form["fields"], "username": self.username, "password": PASSWORD}
        final, _page = self.post("log in", "/accounts/login/", fields)
        if "/accounts/login/" in final:
            raise AssertionError(f"{self.username} could not log in")

    def submit(self, plan: int, name: str) -> None:
        """Open the form, register, attach the PDF, save the draft, send it."""
        start_url = f"/plans/{plan}/register/"
        _final, page = self.request("registration form", start_url)
        form = form_with(page, "name")
        final, page = self.post(
            "register", start_url, {**form["fields"], "kind": "model", "name": name}
        )
        match = re.search(r"/registrations/(\d+)/edit/$", final)
        if not match:
            raise AssertionError(f"registering {name!r} led to {final}")
        edit_url = match.group(0)
        upload = _file_form(page)
        final, page = self.post(
            "attach",
            upload["action"],
            {**upload["fields"], "kind": "document", "title": "Thuyết minh"},
            files={"file": (f"{name}.pdf", attachment(name), "application/pdf")},
        )
        draft = form_with(page, "version")
        fields = {**draft["fields"], **FILLED, "save": "1"}
        for key in fields:
            if key.startswith("arg_"):
                fields[key] = "Có tính mới, phù hợp với địa phương."
        final, page = self.post("save draft", edit_url, fields)
        draft = form_with(page, "version")
        fields = {**draft["fields"], "submit": "1"}
        final, page = self.post("send", edit_url, fields)
        if final.rstrip("/").endswith("/edit"):
            raise AssertionError(f"{name!r} was not sent: the form came back")

    def work(self, plan: int, total: int, deadline: float, start: threading.Barrier) -> None:
        try:
            start.wait()
            self.log_in()
        except Exception as error:
            self.tally.errors.append(f"{self.username} log in: {error!r}")
            return
        while (index := self.tally.take(total, deadline)) is not None:
            name = submission_name(index)
            began = time.monotonic()
            try:
                self.submit(plan, name)
            except Exception as error:
                with self.tally.lock:
                    self.tally.errors.append(f"{name}: {error!r}")
                continue
            with self.tally.lock:
                self.tally.submissions.append(time.monotonic() - began)
                self.tally.confirmed.append(name)


def _file_form(page: str) -> dict:
    parser = Forms()
    parser.feed(page)
    for form in parser.forms:
        if "/files/" in form["action"]:
            return form
    raise AssertionError("no upload form on the registration's page")


# --- the run ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(variables: dict, port: int, log: Path):
    """``thidua serve`` (gunicorn) until the block ends."""
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", "from thidua.config.cli import main; main()", "serve"],
            env=variables,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            ready_by = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/accounts/login/", timeout=5
                    ):
                        break
                except OSError as error:
                    if server.poll() is not None or time.monotonic() > ready_by:
                        message = "thidua serve did not start:\n" + log.read_text()
                        raise RuntimeError(message) from error
                    time.sleep(0.2)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=60)


@contextlib.contextmanager
def postgres_database(base_url: str):
    """A new PostgreSQL database for the run (dropped after): its URL."""
    parts = urllib.parse.urlsplit(base_url)
    name = f"thidua_surge_{uuid.uuid4().hex[:10]}"
    connection = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    connection += ["-U", parts.username or "postgres"]
    subprocess.run(["createdb", *connection, name], check=True)  # noqa: S603, S607
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        subprocess.run(  # noqa: S603 (PostgreSQL's own tool)
            ["dropdb", "--force", *connection, name],  # noqa: S607
            check=False,
            capture_output=True,
        )


def cpu_seconds(pid: int) -> float:
    """Processor time (user + system) of a live process and its live children, from /proc
    (0 where /proc is missing): where the surge's time went, the app or the database."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, pending, seen = 0.0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def database_backends(name: str) -> dict[int, float]:
    """The PostgreSQL backends serving database ``name`` now: pid → processor seconds."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if command.startswith("postgres: ") and f" {name} " in command:
            found[int(entry.name)] = cpu_seconds(int(entry.name))
    return found


class DatabaseCpu(threading.Thread):
    """Samples the backends of database ``name`` every second until ``stop()``: their total
    processor time, those that closed during the run included (connections are renewed
    every DATABASE_CONN_MAX_AGE seconds)."""

    def __init__(self, name: str | None):
        super().__init__(daemon=True)
        self.name, self.seen, self.done = name, {}, threading.Event()

    def run(self) -> None:
        while self.name and not self.done.wait(1.0):
            self.seen.update(database_backends(self.name))

    def stop(self) -> float:
        self.done.set()
        self.join()
        if self.name:
            self.seen.update(database_backends(self.name))
        return sum(self.seen.values())


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Result:
    database: str
    total: int
    clients: int
    workers: int
    seconds: float
    submitted: int
    errors: list
    submission_p50: float
    submission_p95: float
    steps: dict  # step → (count, p50, p95)
    check: dict
    server_cpu: float = 0.0  # seconds of processor time: gunicorn's master and workers
    database_cpu: float = 0.0  # PostgreSQL's backends of the run's database (0 on SQLite)

    @property
    def throughput(self) -> float:
        return self.submitted / self.seconds if self.seconds else 0.0

    def report(self) -> str:
        lines = [
            f"database: {self.database}; {self.clients} officers at once, "
            f"{self.total} submissions asked, gunicorn workers: {self.workers}",
            f"sent: {self.submitted} in {self.seconds:.1f} s = {self.throughput:.2f} per second; "
            f"errors: {len(self.errors)}",
            f"one submission (form, register, attach, save, send): "
            f"p50 {self.submission_p50:.2f} s, p95 {self.submission_p95:.2f} s",
        ]
        for step, (count, p50, p95) in self.steps.items():
            lines.append(f"  {step:<18} {count:6d} requests  p50 {p50:6.2f} s  p95 {p95:6.2f} s")
        counts = self.check["problem_counts"]
        lines.append(
            f"in the database: {self.check['present_once_with_attachment']} of "
            f"{self.check['confirmed']} confirmed submissions present exactly once, sent, "
            f"with their attachment ({self.check['registrations']} registrations of the plan); "
            + ", ".join(f"{key}: {value}" for key, value in counts.items())
        )
        if self.submitted:
            lines.append(
                f"processor time: app servers {self.server_cpu:.0f} s "
                f"({self.server_cpu / self.submitted * 1000:.0f} ms a submission), "
                f"database {self.database_cpu:.0f} s"
            )
        lines.extend(f"  error: {error}" for error in self.errors[:5])
        return "\n".join(lines)


def run(
    *,
    total: int,
    clients: int,
    minutes: float,
    workers: int = 3,
    postgres: str | None = None,
    work_dir: Path | None = None,
) -> Result:
    clients = min(clients, total)
    temporary = None if work_dir else tempfile.TemporaryDirectory(prefix="thidua-surge-")
    data_dir = Path(work_dir or temporary.name)
    port = free_port()
    try:
        with contextlib.ExitStack() as stack:
            database_url = stack.enter_context(postgres_database(postgres)) if postgres else None
            variables = environment(data_dir, port, database_url, workers)
            prepared = child("prepare", variables, str(clients))
            server = stack.enter_context(serving(variables, port, data_dir / "gunicorn.log"))
            database_name = (
                urllib.parse.urlsplit(database_url).path.strip("/") if database_url else None
            )
            tally = Tally()
            start = threading.Barrier(clients)
            database_cpu = DatabaseCpu(database_name)
            database_cpu.start()
            began = time.monotonic()
            deadline = began + minutes * 60
            threads = [
                threading.Thread(
                    target=Officer(f"http://127.0.0.1:{port}", username, tally).work,
                    args=(prepared["plan"], total, deadline, start),
                )
                for username in prepared["officers"]
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - began
            server_cpu = cpu_seconds(server.pid)
            database_cpu = database_cpu.stop()
            names = data_dir / "confirmed.json"
            names.write_text(json.dumps(tally.confirmed, ensure_ascii=False), encoding="utf-8")
            check = child("verify", variables, str(prepared["plan"]), str(names))
    finally:
        if temporary:
            temporary.cleanup()
    return Result(
        database="PostgreSQL" if postgres else "SQLite",
        total=total,
        clients=clients,
        workers=workers,
        seconds=seconds,
        submitted=len(tally.confirmed),
        errors=tally.errors,
        submission_p50=statistics.median(tally.submissions) if tally.submissions else 0.0,
        submission_p95=percentile(tally.submissions, 0.95),
        steps={
            step: (len(values), statistics.median(values), percentile(values, 0.95))
            for step, values in tally.latencies.items()
        },
        check=check,
        server_cpu=server_cpu,
        database_cpu=database_cpu,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/surge", description=__doc__.split("\n\n")[0])
    parser.add_argument("--total", type=int, default=200, help="submissions (default 200)")
    parser.add_argument("--clients", type=int, default=200, help="officers at once (200)")
    parser.add_argument("--minutes", type=float, default=10, help="stop starting after (10)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument(
        "--postgres",
        nargs="?",
        const="postgres://postgres@127.0.0.1:5432/",
        help="run on a new PostgreSQL database on this server (default: the local one)",
    )
    parser.add_argument("--keep", type=Path, help="keep the instance in this folder")
    options = parser.parse_args(argv)
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
    result = run(
        total=options.total,
        clients=options.clients,
        minutes=options.minutes,
        workers=options.workers,
        postgres=options.postgres,
        work_dir=options.keep,
    )
    print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores")
    print(result.report())
    counts = result.check["problem_counts"]
    return 0 if not result.errors and not any(counts.values()) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in {"prepare", "verify"}:
        answer = (
            prepare(int(sys.argv[2]))
            if sys.argv[1] == "prepare"
            else verify(int(sys.argv[2]), sys.argv[3])
        )
        print(json.dumps(answer, ensure_ascii=False))
    else:
        sys.exit(main())
