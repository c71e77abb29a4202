"""What may run as a job, and what a job makes. Each app registers its kinds in its own
``jobs.py`` (found at start-up by ``apps.py``):

    @job_kind("initiatives.list_docx")
    def list_docx(job, progress) -> Made: ...

A kind reads ``job.params`` as ``job.requested_by``, through the same selectors and access
checks as the page it stands for, reports ``progress(done, total)`` as it goes and returns
what it made. A ``ValidationError``, ``PermissionDenied`` or ``Http404`` it raises is said on
the job's page; nothing else is expected."""

from collections.abc import Callable
from dataclasses import dataclass, field

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Made:
    """A file to download (an export)."""

    content: bytes
    name: str
    content_type: str
    rows: int


@dataclass(frozen=True)
class Outcome:
    """A result to read (an import): what was done, the rows that were wrong, where to go."""

    summary: str
    problems: list[tuple[int, str]] = field(default_factory=list)
    url: str = ""


KINDS: dict[str, Callable] = {}


def job_kind(name: str):
    def register(run: Callable) -> Callable:
        if name in KINDS:
            raise ValueError(f"job kind {name!r} registered twice")
        KINDS[name] = run
        run.kind_name = name
        return run

    return register
