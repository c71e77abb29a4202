"""The registration list's cards written in Python rather than through the template engine,
in the markup the template gave (the forms' widgets likewise: ``core/widgets.py``).

Why: at national size a district's list page cost about 30 ms of CPU, of which the 50 cards
through the engine took about 9 ms (a node per field per card, each label looked up through
the model's choices, an include per card for the state badges). Here they cost well under a
millisecond. Each page reads only the columns a card shows (tuples, no registrations built).
Every value written goes through ``html.escape``, as the templates' autoescaping did.
"""

import datetime
from dataclasses import dataclass
from html import escape

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from thidua.initiatives.enums import Kind, RegistrationState
from thidua.org.models import Unit

# What a card shows, in the order of ``Card``'s fields; the unit's name is made from its
# name, kind and level (``Unit.full_name``).
COLUMNS = (
    "pk",
    "name",
    "kind",
    "state",
    "is_late",
    "entered_by_office",
    "first_submitted_at",
    "unit__name",
    "unit__kind",
    "unit__level",
)
# The registrations a district may receive or return from the list (views/bulk.py).
SELECTABLE = (RegistrationState.SUBMITTED, RegistrationState.RECEIVED)


@dataclass(frozen=True)
class Card:
    pk: int
    name: str
    kind: str
    state: str
    is_late: bool
    entered_by_office: bool
    first_submitted_at: datetime.datetime | None
    unit_name: str


def rows(registrations: QuerySet) -> QuerySet:
    """``registrations`` as the tuples a card is made of (the paginator slices a page)."""
    return registrations.values_list(*COLUMNS)


def cards(page_rows) -> list[Card]:
    """The cards of a page's tuples; a unit's name made once per unit."""
    names: dict[tuple, str] = {}
    made = []
    for *fields, unit_name, unit_kind, unit_level in page_rows:
        key = (unit_name, unit_kind, unit_level)
        if key not in names:
            names[key] = Unit(name=unit_name, kind=unit_kind, level=unit_level).full_name
        made.append(Card(*fields, unit_name=names[key]))
    return made


def render_cards(shown: list[Card], *, selectable: bool) -> SafeString:
    """The cards' ``<li>``s; ``selectable``: those sent or received get a checkbox for the
    bulk actions."""
    kinds = {value: escape(str(label)) for value, label in Kind.choices}
    states = {value: escape(str(label)) for value, label in RegistrationState.choices}
    late = f' <span class="badge badge--late">{escape(_("late"))}</span>'
    paper = f' <span class="badge">{escape(_("from paper"))}</span>'
    select = escape(_("Select"))
    # reverse() once, the pk put in its place: fifty reverse() calls cost more than the cards.
    before, _marker, after = reverse("initiatives:registration_detail", args=[987654321]).partition(
        "987654321"
    )
    html = []
    for card in shown:
        name = escape(card.name)
        sent = card.first_submitted_at
        checkbox = (
            f'<label class="choice card__select"><input type="checkbox" name="registration" '
            f'value="{card.pk}"> {select}<span class="visually-hidden">: {name}</span></label>'
            if selectable and card.state in SELECTABLE
            else ""
        )
        html.append(
            f'\n  <li class="card">\n    <a class="card__title" href="{escape(before)}{card.pk}'
            f'{escape(after)}">{name}</a>\n    <p class="card__meta">{escape(card.unit_name)} · '
            f"{kinds.get(card.kind, escape(card.kind))} · "
            f'<span class="badge badge--{escape(card.state)}">'
            f"{states.get(card.state, escape(card.state))}</span>"
            f"{late if card.is_late else ''}{paper if card.entered_by_office else ''}\n"
            f"{f' · {timezone.localtime(sent):%d/%m/%Y}' if sent else ''}</p>\n"
            f"    {checkbox}\n  </li>"
        )
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)
