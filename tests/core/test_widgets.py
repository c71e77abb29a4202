"""The project's form renderer (core/widgets.py) writes what Django's templates write:
generated selects, inputs and text areas against Django's own widget templates, and the
pages with forms through it against the same pages through Django's renderer."""

import random
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.urls import reverse
from django.utils import translation

from tests.helpers import login
from thidua.core.widgets import WidgetsInPython
from thidua.org.models import Role

TRICKY = ["<b>", "&amp;", '"', "'", "Đông Hòa", "Ea Bá", "mô hình", "x < y > z", "{{ a }}", " "]


def text(chance: random.Random) -> str:
    return "".join(chance.choice(TRICKY) for _ in range(chance.randint(1, 5))).strip() or "a"


def test_every_form_renders_through_it():
    assert isinstance(get_default_renderer(), WidgetsInPython)
    assert isinstance(forms.Form().renderer, WidgetsInPython)


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
    quick.renderer = WidgetsInPython()
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
            plain.renderer, quick.renderer = DjangoTemplates(), WidgetsInPython()
            assert [str(quick[n]) for n in quick.fields] == [str(plain[n]) for n in plain.fields]


class Choices(forms.Form):
    """Radio buttons and checkboxes of generated choices: typed values, tricky labels, some
    attributes, as the registration form's kinds and campaigns and the scoresheet hold."""

    def __init__(self, *args, chance: random.Random, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(chance.randint(1, 4)):
            choices = [
                (chance.choice([str(i), i, text(chance)]), text(chance))
                for i in range(chance.randint(1, 8))
            ]
            many = chance.random() < 0.5
            widget = forms.CheckboxSelectMultiple if many else forms.RadioSelect
            field = (forms.MultipleChoiceField if many else forms.ChoiceField)(
                choices=choices, widget=widget, required=chance.random() < 0.5
            )
            if chance.random() < 0.3:
                field.widget.attrs.update({"data-x": text(chance), "disabled": True})
            self.fields[f"c{number}"] = field


def rendered_choices(form) -> list[str]:
    """Each field whole, then each choice whole (in its label) and as its bare input."""
    return [
        piece
        for name in form.fields
        for piece in [str(form[name])]
        + [str(choice) for choice in form[name]]
        + [choice.tag() for choice in form[name]]
    ]


@pytest.mark.parametrize("seed", range(30))
def test_generated_radio_buttons_and_checkboxes_are_what_djangos_templates_write(seed):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    data = None
    if chance.random() < 0.7:
        picked = ["1", "2", "<b>", "Ea Bá", "x"]
        data = {f"c{n}": chance.sample(picked, chance.randint(0, 2)) for n in range(4)}
        data = {
            name: values[0] if values and chance.random() < 0.5 else values
            for name, values in data.items()
        }
    plain = Choices(data, chance=random.Random(seed))  # noqa: S311 (seeded test data)
    plain.is_valid()
    quick = Choices(data, chance=random.Random(seed))  # noqa: S311 (seeded test data)
    quick.is_valid()
    plain.renderer, quick.renderer = DjangoTemplates(), WidgetsInPython()
    assert rendered_choices(quick) == rendered_choices(plain)


class Hidden(forms.Form):
    """Hidden inputs only, as a formset's management form; ``clean`` may refuse it whole."""

    total = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        if self.cleaned_data.get("version") == "old":
            raise forms.ValidationError("Đã có người sửa <trước>.")
        return self.cleaned_data


@pytest.mark.parametrize("seed", range(30))
def test_generated_forms_whole_with_their_errors_are_what_djangos_templates_write(seed):
    """Whole forms (``str(form)``: their errors, visible fields and hidden inputs), a form of
    hidden inputs only, a formset's management form, and error lists empty or not."""
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    data = None
    if chance.random() < 0.7:
        data = {
            "total": chance.choice(["", "3", "x"]),
            "version": chance.choice(["", "1", "old", "<b>"]),
        }
    extra, rendered = chance.randint(0, 2), []
    for renderer in (DjangoTemplates(), WidgetsInPython()):
        hidden = Hidden(data, initial={"total": 2})
        typed = Typed(data and {"text": data["version"], "number": data["total"]})
        choices = Choices(data, chance=random.Random(seed))  # noqa: S311 (seeded test data)
        rows = forms.formset_factory(Hidden, extra=extra, renderer=renderer)
        formset = rows(prefix="rows")
        pieces = []
        for form in (hidden, typed, choices):
            form.renderer = renderer
            form.is_valid()
            pieces += [str(form), str(form.non_field_errors())]
            pieces += [str(form[name].errors) for name in form.fields]
        rendered.append([*pieces, str(formset.management_form), str(formset)])
    assert rendered[1] == rendered[0]


def test_the_choices_written_in_python_are_djangos_input_options():
    """The radio button's and the checkbox's templates, in this Django, are the include of
    input_option.html, which is the input in a label or bare (a Django that changes them
    makes this fail, not the pages)."""
    engine = DjangoTemplates().engine
    for name in WidgetsInPython.OPTIONS:
        source = engine.get_template(name).template.source.strip()
        assert source == '{% include "django/forms/widgets/input_option.html" %}', name
    option = engine.get_template("django/forms/widgets/input_option.html").template.source
    assert option.strip() == (
        '{% if widget.wrap_label %}<label{% if widget.attrs.id %} for="{{ widget.attrs.id }}"'
        '{% endif %}>{% endif %}{% include "django/forms/widgets/input.html" %}'
        "{% if widget.wrap_label %} {{ widget.label }}</label>{% endif %}"
    )


def test_the_inputs_written_in_python_are_djangos_plain_inputs():
    """Each template ``WidgetsInPython`` writes itself is, in this Django, only the include
    of input.html (a Django that changes one makes this fail, not the pages)."""
    engine = DjangoTemplates().engine
    for name in WidgetsInPython.INPUTS:
        source = engine.get_template(name).template.source.strip()
        assert source == '{% include "django/forms/widgets/input.html" %}', name


# The CSRF token is masked anew at each request, and a creating form carries a new one-time
# token (core/once): the only differences two renders may show.
TOKEN = re.compile(r'(name="(?:csrfmiddlewaretoken|once)" value=)"[^"]+"')


def pages_with_forms(tree, make_person, make_plan, entry, make_registration, council):
    """(who, address) of pages holding the kinds of forms people fill: the registration form
    with its criteria and implementers, the list's filters, the council's setting-up forms,
    the ranking's filters, the compliance table's filters, a plan's form."""
    office = make_person("huyen", Role.ADMIN, tree.district)
    make_person("xa", Role.OFFICER, tree.commune_a)
    received = entry(tree.commune_b, name="Sáng kiến <máy sấy> & lò")
    draft = make_registration(tree.commune_a, name='Mô hình "trồng sắn" cao sản')
    plan = received.plan
    return [
        ("xa", reverse("initiatives:registration_edit", args=[draft.pk])),
        ("xa", reverse("initiatives:start", args=[plan.pk])),
        (office, reverse("initiatives:registration_list", args=[plan.pk]) + "?state=received"),
        (office, reverse("initiatives:compliance", args=[plan.pk])),
        (office, reverse("review:council_detail", args=[council.pk]) + "?entry=s"),
        (office, reverse("review:ranking", args=[council.pk])),
        (office, reverse("plans:plan_edit", args=[make_plan(title="Kế hoạch <nháp> & thử").pk])),
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_pages_with_forms_are_those_djangos_templates_write(
    client, settings, tree, make_person, make_plan, entry, make_registration, council, language
):
    pages = pages_with_forms(tree, make_person, make_plan, entry, make_registration, council)
    client.cookies["django_language"] = language
    for who, address in pages:
        login(client, who)
        settings.FORM_RENDERER = "django.forms.renderers.DjangoTemplates"
        expected = client.get(address)
        settings.FORM_RENDERER = "thidua.core.widgets.WidgetsInPython"
        written = client.get(address)
        assert expected.status_code == written.status_code == 200, address
        assert "<form" in written.content.decode(), address
        assert TOKEN.sub(r"\1", written.content.decode()) == TOKEN.sub(
            r"\1", expected.content.decode()
        ), address
