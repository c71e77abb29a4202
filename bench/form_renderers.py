#!/usr/bin/env python3
"""CPU per request of pages under Django's form renderer and the project's (core/widgets.py),
alternated in one process so that the machine's drift falls on both alike.

    uv run python bench/form_renderers.py /tmp/national-copy tw=/councils/1/ huyen=/plans/329/

Each page (username=path) is requested by Django's test client over the data of `bench/run`:
six rounds of five requests under each renderer; the medians are printed.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from surge_core import environment  # noqa: E402

RENDERERS = {
    "Django's templates": "django.forms.renderers.DjangoTemplates",
    "Python widgets": "thidua.core.widgets.WidgetsInPython",
}


def main() -> int:
    data, pages = Path(sys.argv[1]), [arg.split("=", 1) for arg in sys.argv[2:]]
    summary = json.loads((data / "prepared.json").read_text(encoding="utf-8"))
    os.environ.update(environment(data, 0, summary.get("database_url"), 1))
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    import django  # noqa: PLC0415

    django.setup()
    from django.test import Client, override_settings  # noqa: PLC0415

    from thidua.org.models import Person  # noqa: PLC0415

    clients = {}
    for username, _path in pages:
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(Person.objects.get(username=username))
    cpu = {(path, name): [] for _user, path in pages for name in RENDERERS}
    for _round in range(6):
        for name, renderer in RENDERERS.items():
            with override_settings(FORM_RENDERER=renderer):
                for username, path in pages:
                    client = clients[username]
                    client.get(path)  # warm-up
                    start = time.process_time()
                    for _ in range(5):
                        client.get(path)
                    cpu[(path, name)].append((time.process_time() - start) / 5 * 1000)
    print("| page | " + " | ".join(RENDERERS) + " |")
    print("|---|" + "---:|" * len(RENDERERS))
    for _user, path in pages:
        figures = " | ".join(f"{statistics.median(cpu[(path, n)]):.1f} ms" for n in RENDERERS)
        print(f"| {path} | {figures} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
