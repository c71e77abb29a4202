"""The live server's requests in flight, so a test's database is emptied only once the server
has answered what the closed browser had already sent (an autosave typed at the last moment
would otherwise write into the flush, breaking its foreign keys)."""

import threading
import time

_lock = threading.Lock()
_in_flight = 0
POLL = 0.01  # seconds


class CountRequests:
    """Django middleware (the live server's only, outermost): counts requests in flight."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _in_flight
        with _lock:
            _in_flight += 1
        try:
            return self.get_response(request)
        finally:
            with _lock:
                _in_flight -= 1


def wait_until_idle(*, settle: float = 0.1, timeout: float = 10.0) -> None:
    """Return once no request has been in flight for ``settle`` seconds (a request a tab sent
    just before it closed may reach the server a moment later), or after ``timeout``."""
    deadline = time.monotonic() + timeout
    quiet = 0.0
    while quiet < settle and time.monotonic() < deadline:
        time.sleep(POLL)
        with _lock:
            busy = _in_flight > 0
        quiet = 0.0 if busy else quiet + POLL
