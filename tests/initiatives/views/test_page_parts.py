"""The list's parts written in Python (initiatives/views/page_parts.py) give the markup the
templates gave: generated cards against the card template the list had, generated selects
against Django's own widget templates, names with markup characters and diacritics alike."""

import datetime
import random
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
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


class Generated(forms.Form):
    """Selects of every shape the list's filters use: typed values, a chosen one, attributes."""

    def __init__(self, *args, chance: random.Random, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(chance.randint(1, 4)):
            choices = [("", "tất cả")] + [
                (chance.choice([str(i), i]), text(chance)) for i in range(chance.randint(0, 30))
            ]
            field = forms.TypedChoiceField(
                choices=choices, required=chance.random() < 0.5, coerce=str
            )
            if chance.random() < 0.3:
                field.widget.attrs.update({"data-x": text(chance), "autofocus": True})
            self.fields[f"f{number}"] = field


@pytest.mark.parametrize("seed", range(30))
def test_generated_selects_are_what_djangos_templates_write(seed):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    data = None
    if chance.random() < 0.7:
        data = {f"f{n}": chance.choice(["", "1", "2", "<b>", "7"]) for n in range(4)}
    form = Generated(data, chance=random.Random(seed))  # noqa: S311 (seeded test data)
    form.is_valid()
    expected = [str(form[name]) for name in form.fields]
    quick = Generated(data, chance=random.Random(seed))  # noqa: S311 (seeded test data)
    quick.is_valid()
    quick.renderer = page_parts.WIDGETS
    assert [str(quick[name]) for name in quick.fields] == expected


class Typed(forms.Form):
    """Every kind of input the registration form and the filters hold, and some they do not."""

    text = forms.CharField(required=False, max_length=30)
    long = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    number = forms.IntegerField(required=False)
    share = forms.DecimalField(required=False, decimal_places=2)
    late = forms.BooleanField(required=False)
    mail = forms.EmailField(required=False)
    day = forms.DateField(required=False)
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "<b>")], required=False)
    radio = forms.ChoiceField(choices=[("x", "X")], widget=forms.RadioSelect, required=False)
    upload = forms.FileField(required=False)


@pytest.mark.parametrize("seed", range(30))
def test_generated_inputs_and_text_areas_are_what_djangos_templates_write(seed):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    values = ["", "1", "1.5", "<b>&amp;</b>", "x@example.vn", "12/03/2022", "on", text(chance)]
    data = None
    if chance.random() < 0.8:
        data = {name: chance.choice(values) for name in Typed.base_fields}
        data["many"] = chance.sample(["a", "b", "<c>"], chance.randint(0, 2))
    initial = {"text": text(chance), "long": text(chance), "number": 3, "late": True}
    for language in ("vi", "en"):
        with translation.override(language):
            plain = Typed(data, initial=initial)
            plain.is_valid()
            quick = Typed(data, initial=initial)
            quick.is_valid()
            plain.renderer, quick.renderer = DjangoTemplates(), page_parts.WIDGETS
            assert [str(quick[n]) for n in quick.fields] == [str(plain[n]) for n in plain.fields]


def test_the_inputs_written_in_python_are_djangos_plain_inputs():
    """Each template ``WidgetsInPython`` writes itself is, in this Django, only the include
    of input.html (a Django that changes one makes this fail, not the pages)."""
    engine = DjangoTemplates().engine
    for name in page_parts.WidgetsInPython.INPUTS:
        source = engine.get_template(name).template.source.strip()
        assert source == '{% include "django/forms/widgets/input.html" %}', name
