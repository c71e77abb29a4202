"""``table_rows`` (core/table_rows.py) writes what a template loop of ``<td data-label>``
cells wrote, value for value: generated rows of numbers (big, negative, decimal, float),
dates and moments, text with markup and Vietnamese, safe HTML, None, lazy labels, in both
languages and time zones."""

import datetime
import random
from decimal import Decimal

import pytest
from django.template import engines
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

from tests.core.test_widgets import text
from thidua.core.table_rows import Column, shown, table_rows

TEMPLATE = (
    '{% for row in rows %}<tr{% if classes %} class="{{ row.css }}"{% endif %}>'
    '{% for label, value in row.cells %}<td data-label="{{ label }}">{{ value }}</td>{% endfor %}'
    "</tr>{% endfor %}"
)


def value(chance: random.Random):
    return chance.choice(
        [
            lambda: chance.randint(-(10**12), 10**12),
            lambda: chance.randint(0, 99),
            lambda: chance.choice([True, False]),
            lambda: Decimal(chance.randint(-(10**6), 10**6)) / 100,
            lambda: chance.uniform(-1000, 1000),
            lambda: None,
            lambda: text(chance),
            lambda: mark_safe(f'<span class="badge">{chance.randint(0, 9)}</span>'),  # noqa: S308
            lambda: datetime.date(2026, chance.randint(1, 12), chance.randint(1, 28)),
            lambda: datetime.datetime(2026, 7, 1, chance.randint(0, 23), tzinfo=datetime.UTC),
            lambda: "",
        ]
    )()


def lazy_label(chance: random.Random):
    label = text(chance)
    return chance.choice([label, lazy(lambda: label, str)()])


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_rows_are_the_template_loops(seed, language):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    width = chance.randint(1, 7)
    columns = [Column(lazy_label(chance), lambda row, i=i: row[i]) for i in range(width)]
    rows = [[value(chance) for _ in range(width)] for _ in range(chance.randint(0, 6))]
    classes = chance.choice([True, False])
    zone = chance.choice(["Asia/Ho_Chi_Minh", "UTC"])
    with translation.override(language), override_settings(TIME_ZONE=zone):
        timezone.activate(zone)
        try:
            expected = (
                engines["django"]
                .from_string(TEMPLATE)
                .render(
                    {
                        "classes": classes,
                        "rows": [
                            {
                                "css": f"status--{row[0]}",
                                "cells": [(c.label, v) for c, v in zip(columns, row, strict=True)],
                            }
                            for row in rows
                        ],
                    }
                )
            )
            written = table_rows(
                rows, columns, row_class=(lambda row: f"status--{row[0]}") if classes else None
            )
        finally:
            timezone.deactivate()
    assert written == expected


def test_a_value_is_escaped_unless_safe_and_an_int_is_not_grouped():
    assert shown("<b>Ea Bá</b>") == "&lt;b&gt;Ea Bá&lt;/b&gt;"
    assert shown(mark_safe("<b>x</b>")) == "<b>x</b>"
    with translation.override("vi"):
        assert shown(1500000) == "1500000"
        assert shown(Decimal("30.5")) == "30,5"
    with translation.override("en"), override_settings(USE_THOUSAND_SEPARATOR=True):
        # the short cut for whole numbers gives way to Django's own grouping
        assert shown(1500000) == "1,500,000"
