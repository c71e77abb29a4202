"""``{% field %}`` (core/widgets.py: field_html) writes what the included template it
replaced wrote, to the character: generated forms of every kind of field, bound or not,
valid or not, with help texts and required marks, in both languages."""

import random

import pytest
from django import forms
from django.template import engines
from django.utils import translation
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

from tests.core.test_widgets import TRICKY, Choices, Typed, text
from thidua.core.widgets import field_html

# includes/field.html as it was: the markup the pages' styles, scripts and accessibility
# tests were written against.
TEMPLATE = (
    "{% load i18n %}{% if field.widget_type == 'radioselect' or field.widget_type == "
    "'checkboxselectmultiple' %}<fieldset class=\"field field--choices{% if field.errors %} "
    'field--error{% endif %}"{% if field.help_text %} aria-describedby="{{ field.auto_id }}'
    '_helptext"{% endif %}>\n'
    '  <legend>{{ field.label }}{% if field.field.required %} <span class="required" '
    'aria-hidden="true">*</span>{% endif %}</legend>\n'
    '  {% for choice in field %}<label class="choice" for="{{ choice.id_for_label }}">'
    "{{ choice.tag }} {{ choice.choice_label }}</label>{% endfor %}\n"
    '{% else %}<div class="field{% if field.errors %} field--error{% endif %}'
    "{% if field.widget_type == 'checkbox' %} field--checkbox{% endif %}\">\n"
    "  {% if field.widget_type == 'checkbox' %}{{ field }} <label for=\"{{ field.id_for_label }}"
    '">{{ field.label }}</label>\n'
    '  {% else %}<label for="{{ field.id_for_label }}">{{ field.label }}{% if '
    'field.field.required %} <span class="required" aria-hidden="true">*</span>{% endif %}'
    "</label>\n"
    "  {{ field }}{% endif %}\n"
    "{% endif %}\n"
    '  {% if field.help_text %}<div class="help" id="{{ field.auto_id }}_helptext">'
    "{{ field.help_text }}</div>{% endif %}\n"
    '  {% for error in field.errors %}<p class="error" id="{{ field.auto_id }}_error">'
    "{{ error }}</p>{% endfor %}\n"
    "{% if field.widget_type == 'radioselect' or field.widget_type == "
    "'checkboxselectmultiple' %}</fieldset>{% else %}</div>{% endif %}\n"
)


# A help text given as lazy safe HTML, as Django gives the rules of a new password.
RULES = lazy(mark_safe, str)("<ul><li>Ít nhất 8 ký tự & không chỉ số.</li></ul>")


class Described(forms.Form):
    """Required and optional fields with tricky labels and help texts (lazy safe HTML too),
    a lone checkbox."""

    def __init__(self, *args, chance: random.Random, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(chance.randint(1, 4)):
            kind = chance.choice(
                [forms.CharField, forms.IntegerField, forms.BooleanField, forms.DateField]
            )
            self.fields[f"d{number}"] = kind(
                label=text(chance),
                help_text=chance.choice(["", text(chance), RULES]),
                required=chance.random() < 0.5,
            )


def forms_of(seed: int, data) -> list[forms.Form]:
    made = [
        Typed(data),
        Choices(data, chance=random.Random(seed)),  # noqa: S311 (seeded test data)
        Described(data, chance=random.Random(seed)),  # noqa: S311 (seeded test data)
        Typed(data, auto_id=False),
        Typed(data, prefix="rows-0"),
    ]
    for form in made:
        form.is_valid()
    return made


@pytest.mark.parametrize("seed", range(40))
def test_generated_fields_are_what_the_template_wrote(seed):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    data = None
    if chance.random() < 0.8:
        values = ["", "1", "x", "<b>", "on", "12/03/2022", *TRICKY]
        data = {name: chance.choice(values) for name in Typed.base_fields}
        data |= {f"d{n}": chance.choice(values) for n in range(4)}
        data |= {f"c{n}": chance.sample(["1", "2", "<b>"], chance.randint(0, 2)) for n in range(4)}
    template = engines["django"].from_string(TEMPLATE)
    for language in ("vi", "en"):
        with translation.override(language):
            for form in forms_of(seed, data):
                for name in form.fields:
                    expected = template.render({"field": form[name]})
                    assert field_html(form[name]) == expected, (name, expected)


def test_the_tag_writes_the_field():
    form = Typed({"number": "x"})
    page = engines["django"].from_string("{% field form.number %}").render({"form": form})
    assert page == field_html(form["number"])
    assert 'class="field field--error"' in page
