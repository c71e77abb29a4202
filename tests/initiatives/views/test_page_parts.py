"""The list's cards written in Python (initiatives/views/page_parts.py) give the markup the
template gave: generated cards against the card template the list had, names with markup
characters and diacritics alike (the widgets: tests/core/test_widgets.py)."""

import datetime
import random
import re

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from thidua.initiatives.enums import Kind, RegistrationState
from thidua.initiatives.models import Registration
from thidua.initiatives.views import page_parts
from thidua.org.enums import UnitKind, UnitLevel
from thidua.org.models import Unit

# The card as initiatives/list.html wrote it before page_parts.py.
CARD_TEMPLATE = """{% load i18n %}{% for registration in registrations %}
  <li class="card">
    <a class="card__title" href="{% url 'initiatives:registration_detail' registration.pk %}">{{ registration.name }}</a>
    <p class="card__meta">{{ registration.unit.full_name }} · {{ registration.get_kind_display }} · {% include "initiatives/_state.html" %}{% if registration.first_submitted_at %} · {{ registration.first_submitted_at|date:"d/m/Y" }}{% endif %}</p>
    {% if can_follow %}{% if registration.state == RegistrationState.SUBMITTED or registration.state == RegistrationState.RECEIVED %}<label class="choice card__select"><input type="checkbox" name="registration" value="{{ registration.pk }}"> {% translate "Select" %}<span class="visually-hidden">: {{ registration.name }}</span></label>{% endif %}{% endif %}
  </li>{% endfor %}"""  # noqa: E501 (the template's lines as they were)

TRICKY = ["<b>", "&amp;", '"', "'", "Đông Hòa", "Ea Bá", "mô hình", "x < y > z", "{{ a }}", " "]


def same(html: str) -> str:
    """Markup with its runs of white space made one: what a browser reads alike."""
    return re.sub(r"\s+", " ", str(html)).strip()


def text(chance: random.Random) -> str:
    return "".join(chance.choice(TRICKY) for _ in range(chance.randint(1, 5))).strip() or "a"


def generated(chance: random.Random, count: int) -> list[Registration]:
    kinds = [(UnitKind.COMMUNE, UnitLevel.COMMUNE), (UnitKind.WARD, UnitLevel.COMMUNE)]
    made = []
    for pk in range(1, count + 1):
        kind, level = chance.choice(kinds)
        sent = chance.choice(
            [None, timezone.now() - datetime.timedelta(hours=chance.randint(0, 5000))]
        )
        made.append(
            Registration(
                pk=pk * chance.randint(1, 999),
                name=text(chance),
                kind=chance.choice(Kind.values),
                state=chance.choice(RegistrationState.values),
                is_late=chance.random() < 0.3,
                entered_by_office=chance.random() < 0.2,
                first_submitted_at=sent,
                unit=Unit(name=text(chance), kind=kind, level=level),
            )
        )
    return made


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("language", ["vi", "en"])
def test_generated_cards_are_the_cards_the_template_wrote(seed, language):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    registrations = generated(chance, chance.randint(0, 60))
    can_follow = chance.random() < 0.5
    cards = [
        page_parts.Card(
            r.pk,
            r.name,
            r.kind,
            r.state,
            r.is_late,
            r.entered_by_office,
            r.first_submitted_at,
            unit_name=r.unit.full_name,
        )
        for r in registrations
    ]
    with translation.override(language):
        expected = Template(CARD_TEMPLATE).render(
            Context(
                {
                    "registrations": registrations,
                    "can_follow": can_follow,
                    "RegistrationState": RegistrationState,
                }
            )
        )
        written = page_parts.render_cards(cards, selectable=can_follow)
    assert same(written) == same(expected)


def test_a_units_name_on_a_card_is_the_units_full_name():
    """``cards`` makes each unit's name once from the columns read, as ``Unit.full_name``."""
    rows = [
        (1, "A", Kind.MODEL, RegistrationState.DRAFT, False, False, None, "Ea Bá", "commune", 4),
        (2, "B", Kind.IDEA, RegistrationState.SUBMITTED, True, True, None, "Ea Bá", "commune", 4),
        (3, "C", Kind.IDEA, RegistrationState.RECEIVED, False, False, None, "1", "ward", 4),
    ]
    shown = page_parts.cards(rows)
    assert [card.unit_name for card in shown] == [
        Unit(name="Ea Bá", kind="commune", level=4).full_name,
        Unit(name="Ea Bá", kind="commune", level=4).full_name,
        Unit(name="1", kind="ward", level=4).full_name,
    ]
    assert [card.pk for card in shown] == [1, 2, 3]
