"""The registration list's repeated parts written in Python rather than through the template
engine: its cards and its forms' widgets, in the markup the templates gave.

Why: at national size a district's list page cost about 30 ms of CPU, of which the 50 cards
through the engine took about 9 ms (a node per field per card, each label looked up through
the model's choices, an include per card for the state badges) and the filters' 70-odd
``<option>``s about 5 ms (two includes per option); the registration form's 50-odd inputs
about 2 ms of its ~23. Here each costs well under a millisecond.
Each page reads only the columns a card shows (tuples, no registrations built). Every value
written goes through ``html.escape``, as the templates' autoescaping did.
"""

import datetime
from dataclasses import dataclass
from html import escape

from django.db.models import QuerySet
from django.forms.renderers import DjangoTemplates
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
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


class WidgetsInPython(DjangoTemplates):
    """Django's form renderer, except that the common widgets are written here: a
    ``<select>`` of plain options, an ``<input>`` (text, hidden, number, checkbox …) and a
    ``<textarea>``, to the character what Django's templates give (each option followed by
    its file's last line break, the whole stripped as the renderer strips it), without an
    include per option or per input. Anything else goes to the templates. A form or a
    formset takes it as ``form.renderer = WIDGETS``."""

    SELECT = "django/forms/widgets/select.html"
    OPTION = "django/forms/widgets/select_option.html"
    TEXTAREA = "django/forms/widgets/textarea.html"
    # The widgets whose template is only ``{% include "django/forms/widgets/input.html" %}``
    # (tests/initiatives/views/test_page_parts.py checks it).
    INPUTS = frozenset(
        f"django/forms/widgets/{name}.html"
        for name in (
            *("checkbox", "color", "date", "datetime", "email", "hidden", "number"),
            *("password", "search", "tel", "text", "time", "url"),
        )
    )

    def render(self, template_name, context, request=None):
        widget = context.get("widget") or {}
        if template_name in self.INPUTS and _plain(widget.get("value")):
            value = widget["value"]
            given = "" if value is None else f' value="{_text(value)}"'
            return (
                f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
                f"{given}{_attrs(widget['attrs'])}>"
            )
        if template_name == self.TEXTAREA and _plain(widget.get("value")):
            value = widget["value"]
            return (
                f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
                f"{_text(value) if value else ''}</textarea>"
            )
        if template_name == self.SELECT:
            return self._select(widget) or super().render(template_name, context, request)
        return super().render(template_name, context, request)

    def _select(self, widget) -> str | None:
        """The ``<select>``, or None when an option is not plain text (the templates')."""
        groups = widget["optgroups"]
        if not all(
            option["template_name"] == self.OPTION
            and isinstance(option["label"], str | Promise)
            and isinstance(option["value"], str | int)
            for _group, options, _index in groups
            for option in options
        ):
            return None
        html = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group, options, _index in groups:
            if group:
                html.append(f'\n  <optgroup label="{_text(group)}">')
            html.extend(
                f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
                for option in options
            )
            if group:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return "".join(html)


def _plain(value) -> bool:
    """A widget's value as a string or nothing (what ``format_value`` gives): the templates
    would localise anything else."""
    return value is None or isinstance(value, str)


def _text(value) -> str:
    """A value as the templates write it: text escaped unless it is already safe HTML."""
    return str(value) if hasattr(value, "__html__") else escape(str(value))


def _attrs(attrs: dict) -> str:
    """Django's attrs.html: `` name="value"``, a bare `` name`` for True, nothing for False."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


WIDGETS = WidgetsInPython()
