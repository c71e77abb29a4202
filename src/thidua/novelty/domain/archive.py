"""The archive of past initiatives: importing a list, all or nothing, and how the search
index holds it (the kind ``archive``, registered from ``apps.py``)."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.audit.log import record
from thidua.audit.models import Action
from thidua.core import text
from thidua.novelty.domain.files import Row
from thidua.novelty.models import PastInitiative
from thidua.org import access
from thidua.search.domain.kinds import Spec
from thidua.search.enums import Kind

YES = {"1", "x", "yes", "true", "co", "y", "da cong nhan", "cong nhan"}
NO = {"", "0", "no", "false", "khong", "n", "chua"}
FIRST_YEAR = 1945


class ArchiveImportError(ValueError):
    """Some rows are wrong: nothing was imported. ``errors``: (row number, message)."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__(f"{len(errors)} rows refused")
        self.errors = errors


@dataclass(frozen=True)
class Parsed:
    title: str
    description: str
    unit_name: str
    year: int | None
    recognised: bool
    source: str


def _visible(user) -> QuerySet:
    if access.can_anywhere(user, "novelty.view"):
        return PastInitiative.objects.all()
    return PastInitiative.objects.none()


def _context(past: PastInitiative) -> str:
    return " · ".join(str(part) for part in (past.unit_name, past.year) if part)


SPEC = Spec(
    kind=Kind.ARCHIVE,
    model=PastInitiative,
    visible=_visible,
    related=(),
    document=lambda past: (past.title, [past.description, past.unit_name, past.source]),
    title=str,
    context=_context,
    url=lambda past: reverse("novelty:past_detail", args=[past.pk]),
    excerpt=lambda past: past.description,
    order=("-year", "-id"),
    fields=frozenset({"title", "description", "unit_name", "source"}),
    similar=lambda past: (past.title, past.description),
)


def parse(row: Row, default_source: str = "") -> tuple[Parsed | None, list[str]]:
    """One row checked: the values, or the reasons it is refused."""
    if "__error__" in row.values:
        return None, [_("not a JSON object")]
    values = row.values
    errors = []
    title = text.nfc(values.get("title", ""))
    if not title:
        errors.append(_("the title is missing"))
    elif len(title) > PastInitiative._meta.get_field("title").max_length:
        errors.append(_("the title is longer than 500 characters"))
    year = None
    raw_year = values.get("year", "").strip()
    if raw_year:
        try:
            year = int(float(raw_year))  # a spreadsheet gives 2022.0
        except ValueError:
            year = None
        if year is None or not FIRST_YEAR <= year <= datetime.date.today().year + 1:
            errors.append(_("the year %(year)s is not a year") % {"year": raw_year})
            year = None
    recognised_raw = text.fold(values.get("recognised", ""))
    if recognised_raw not in YES | NO:
        errors.append(
            _("'recognised' must be yes or no, not %(value)s") % {"value": values.get("recognised")}
        )
    parsed = Parsed(
        title=title,
        description=text.nfc(values.get("description", "")),
        unit_name=text.nfc(values.get("unit", ""))[:300],
        year=year,
        recognised=recognised_raw in YES,
        source=text.nfc(values.get("source", "") or default_source)[:300],
    )
    return (None if errors else parsed), errors


@transaction.atomic
def archive_import(*, actor, rows: list[Row], source: str = "") -> list[PastInitiative]:
    """Add the rows to the archive, all of them or none: any wrong row refuses the whole
    list (``ArchiveImportError`` with every row's reasons). Side effects: the rows, their index
    entries (through the search receivers), one audit entry per row."""
    parsed, errors = [], []
    for row in rows:
        values, problems = parse(row, source)
        errors += [(row.number, problem) for problem in problems]
        if values is not None:
            parsed.append(values)
    if not rows:
        errors.append((0, _("the file holds no initiative")))
    if errors:
        raise ArchiveImportError(errors)
    created = []
    for values in parsed:
        past = PastInitiative.objects.create(imported_by=actor, **values.__dict__)
        record(actor=actor, action=Action.IMPORT, instance=past)
        created.append(past)
    return created
