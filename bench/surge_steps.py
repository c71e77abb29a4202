"""The deadline surge's steps in one process (Django's test client, SQLite in a temporary
folder): what one submission costs the app, step by step, without a server, a load generator
or other processes competing for the cores.

Each simulated officer does what ``bench/surge`` does over HTTP (``surge_core.Officer.submit``):
open the registration form, register, attach a PDF, save the draft, send it, each POST
followed to the page it leads to. Prints the processor time and queries per submission for
each step (the first two submissions warm the process and are not counted).

Run:  uv run python bench/surge_steps.py [--submissions 22] [--profile]
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("THIDUA_DATA_DIR", tempfile.mkdtemp(prefix="thidua-surge-steps-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="thidua.config.settings",
    DEBUG="0",
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="0",
    SECURE_COOKIES="0",
)
os.environ.setdefault("SECRET_KEY", "surge-steps-" + "x" * 50)  # a throwaway instance

import surge_core  # after the environment it reads

WARM_UP = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=22)
    parser.add_argument("--profile", action="store_true", help="cProfile of the counted ones")
    arguments = parser.parse_args()
    prepared = surge_core.prepare(arguments.submissions)  # sets Django up

    from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: PLC0415 (set up above)
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    from thidua.org.models import Person  # noqa: PLC0415

    cpu: dict[str, float] = defaultdict(float)
    queries: dict[str, int] = defaultdict(int)
    client = Client()

    def step(name, request):
        start = time.process_time()
        with CaptureQueriesContext(connection) as captured:
            response = request()
        cpu[name] += time.process_time() - start
        queries[name] += len(captured)
        return response

    def submit(username: str, name: str) -> None:
        client.logout()
        client.force_login(Person.objects.get(username=username))
        start_url = f"/plans/{prepared['plan']}/register/"
        page = step("open the form", lambda: client.get(start_url)).content.decode()
        fields = surge_core.form_with(page, "name")["fields"] | {"kind": "model", "name": name}
        registered = step("register", lambda: client.post(start_url, fields, follow=True))
        edit_url = registered.redirect_chain[-1][0]
        upload = surge_core._file_form(registered.content.decode())
        pdf = SimpleUploadedFile(f"{name}.pdf", surge_core.attachment(name), "application/pdf")
        data = upload["fields"] | {"kind": "document", "title": "Thuyết minh", "file": pdf}
        attached = step("attach", lambda: client.post(upload["action"], data, follow=True))
        draft = surge_core.form_with(attached.content.decode(), "version")["fields"]
        draft |= surge_core.FILLED | {"save": "1"}
        draft |= {key: "Có tính mới, phù hợp." for key in draft if key.startswith("arg_")}
        saved = step("save the draft", lambda: client.post(edit_url, draft, follow=True))
        sending = surge_core.form_with(saved.content.decode(), "version")["fields"]
        sent = step("send", lambda: client.post(edit_url, sending | {"submit": "1"}, follow=True))
        if sent.redirect_chain[-1][0].rstrip("/").endswith("/edit"):
            raise RuntimeError(f"{name!r} was not sent: the form came back")

    officers = prepared["officers"]
    for number, username in enumerate(officers[:WARM_UP]):
        submit(username, surge_core.submission_name(number))
    cpu.clear()
    queries.clear()
    profile = cProfile.Profile() if arguments.profile else None
    if profile:
        profile.enable()
    for number, username in enumerate(officers[WARM_UP:], start=WARM_UP):
        submit(username, surge_core.submission_name(number))
    if profile:
        profile.disable()
    counted = len(officers) - WARM_UP
    for name in cpu:
        each = cpu[name] / counted * 1000
        print(f"{name:<16} {each:7.1f} ms CPU {queries[name] / counted:6.1f} queries")
    print(f"{'one submission':<16} {sum(cpu.values()) / counted * 1000:7.1f} ms CPU")
    print(f"load average: {os.getloadavg()}")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
