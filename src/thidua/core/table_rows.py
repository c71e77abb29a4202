"""Long tables written in Python rather than through the template engine, in the markup a
template loop gives (``tests/core/test_table_rows.py`` holds them to it).

Why: the engine resolves, localises and escapes each ``{{ value }}`` of a cell and its
``data-label`` one node at a time, some 10 µs each; the national compliance table (63
provinces and a page of 50 units, seven cells a row) spent about 10 ms of its 25 there.
Here a label is translated and escaped once per table and a value is written as
``{{ value }}`` would write it (``shown``).
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime


def shown(value: Any) -> str:
    """``value`` as ``{{ value }}`` writes it: in local time, localised, then escaped unless
    it is safe HTML already."""
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)  # what localize gives, without reading the language's formats
    return conditional_escape(localize(template_localtime(value)))


@dataclass(frozen=True)
class Column:
    """A column of a table: its heading, also the cell's ``data-label`` (the phone's stacked
    rows show it), and what a row's cell holds (written with ``shown``: safe HTML stays)."""

    label: Any
    value: Callable[[Any], Any]


def table_rows(
    rows: Iterable[Any],
    columns: Sequence[Column],
    *,
    row_class: Callable[[Any], str] | None = None,
) -> SafeString:
    """The ``<tr>``s of ``rows``, a ``<td data-label="…">`` per column; ``row_class``: the
    row's class attribute, if any."""
    cells = [(f'<td data-label="{shown(column.label)}">', column.value) for column in columns]
    html = []
    for row in rows:
        opening = "<tr>" if row_class is None else f'<tr class="{shown(row_class(row))}">'
        html.append(
            opening + "".join(f"{cell}{shown(value(row))}</td>" for cell, value in cells) + "</tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped by shown)
