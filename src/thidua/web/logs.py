"""The server log: a refusal (403, 404, a suspicious request) is one line, not a traceback.

Django logs these with the exception that caused them, so every 403 of an ordinary user
filled the log with a stack trace. The traceback is for bugs (500), which keep theirs.
"""

import logging


class OneLineRefusals(logging.Filter):
    """Drops the traceback of records about answers below 500 and of Django's security log."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        refusal = (status is not None and status < 500) or record.name.startswith("django.security")
        if refusal and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True
