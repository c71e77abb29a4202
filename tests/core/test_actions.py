"""What a page's button does around its domain call (core/actions.py)."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from thidua.core.actions import act_on_form


class NameForm(forms.Form):
    name = forms.CharField()


def refuse(error):
    def change():
        raise error

    return change


@pytest.mark.parametrize(
    ("error", "on_field", "above"),
    [
        (ValidationError("Không được."), [], ["Không được."]),
        (ValidationError({"name": "Tên trùng."}), ["Tên trùng."], []),
        # A reason about a field the form does not show goes above it (no error page).
        (ValidationError({"valid_to": "Ngày sai."}), [], ["Ngày sai."]),
        (
            ValidationError({"name": "Tên trùng.", "__all__": "Không được."}),
            ["Tên trùng."],
            ["Không được."],
        ),
    ],
)
def test_a_refusal_lands_on_the_form_where_it_belongs(error, on_field, above):
    form = NameForm({"name": "Ea Bá"})
    assert form.is_valid()
    assert act_on_form(form, refuse(error)) is None
    assert form.errors.get("name", []) == on_field
    assert form.non_field_errors() == above


def test_a_change_done_returns_what_it_made():
    form = NameForm({"name": "Ea Bá"})
    assert form.is_valid()
    assert act_on_form(form, lambda: form.cleaned_data["name"]) == "Ea Bá"
    assert not form.errors
