"""What an autosave answers (core/autosave.py): the new version when saved, a 409 that
autosave.js keeps the typed text on when someone saved in between or the row may no longer
change, and the form's errors when it was refused."""

import json

from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.core import autosave
from thidua.initiatives.domain.registrations import registration_save, registration_submit
from thidua.initiatives.models import Registration

STALE = "Người khác vừa lưu phiếu này."


def save(registration, version: int, summary: str):
    return lambda: registration_save(
        actor=None, registration=registration, version=version, fields={"summary": summary}
    )


def current(registration):
    return lambda: Registration.objects.get(pk=registration.pk).version


def answered(response) -> dict:
    return json.loads(response.content)


def test_a_save_answers_the_new_version_and_when_it_was_saved(make_registration):
    registration = make_registration()
    seen = registration.version
    response = autosave.answer(
        save(registration, seen, "Đang gõ"), stale=STALE, current_version=current(registration)
    )
    body = answered(response)
    assert response.status_code == 200
    assert body["version"] == seen + 1
    assert {"saved_at", "saved_at_display"} <= set(body)
    assert Registration.objects.get(pk=registration.pk).summary == "Đang gõ"


def test_a_save_over_an_older_version_answers_409_and_the_version_to_compare_with(
    make_registration,
):
    registration = make_registration()
    first = registration.version
    save(registration, first, "Bản thứ nhất")()

    response = autosave.answer(
        save(registration, first, "Bản cũ hơn"),
        stale=STALE,
        current_version=current(registration),
    )

    assert response.status_code == 409
    assert answered(response) == {"message": STALE, "current_version": first + 1}
    assert Registration.objects.get(pk=registration.pk).summary == "Bản thứ nhất"


def test_a_row_that_may_no_longer_change_answers_409_with_the_reason(make_registration):
    registration = registration_submit(actor=None, registration=make_registration())

    response = autosave.answer(
        save(registration, registration.version, "Quá muộn"),
        stale=STALE,
        current_version=current(registration),
    )

    assert response.status_code == 409
    body = answered(response)
    assert body["message"] != STALE
    assert "current_version" not in body  # not a newer version to compare with: a refusal
    assert Registration.objects.get(pk=registration.pk).summary != "Quá muộn"


def test_a_refused_draft_answers_400_with_the_errors():
    response = autosave.invalid({"households": ["“1,5” không phải số nguyên."]})
    assert response.status_code == 400
    assert answered(response) == {"errors": {"households": ["“1,5” không phải số nguyên."]}}


class SummaryForm(forms.Form):
    version = forms.IntegerField()
    summary = forms.CharField(max_length=20)


class CountForm(forms.Form):
    households = forms.IntegerField(required=False)


def answer_typed(registration, data: dict, **kwargs):
    """An edit page's autosave of ``data``: its summary form and a second form beside it."""
    form, second = SummaryForm(data), CountForm(data)
    return autosave.answer_forms(
        [form, second],
        lambda: save(registration, form.cleaned_data["version"], form.cleaned_data["summary"])(),
        row=registration,
        stale=STALE,
        **kwargs,
    )


@given(summary=st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy", min_size=1, max_size=20))
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_valid_forms_save_and_answer_the_new_version(make_registration, summary):
    registration = make_registration()
    seen = registration.version

    response = answer_typed(registration, {"version": seen, "summary": summary})

    assert response.status_code == 200
    assert answered(response)["version"] == seen + 1
    assert Registration.objects.get(pk=registration.pk).summary == summary


def test_an_invalid_form_answers_400_with_the_first_forms_errors_and_saves_nothing(
    make_registration,
):
    registration = make_registration()
    before = registration.summary

    response = answer_typed(registration, {"version": registration.version, "summary": "x" * 21})

    assert response.status_code == 400
    assert set(answered(response)["errors"]) == {"summary"}
    assert Registration.objects.get(pk=registration.pk).summary == before


def test_an_invalid_second_form_refuses_too_with_the_errors_the_page_gives(make_registration):
    registration = make_registration()
    data = {"version": registration.version, "summary": "Được", "households": "1,5"}

    response = answer_typed(registration, data, errors=lambda: {"households": ["bad"]})

    assert response.status_code == 400
    assert answered(response) == {"errors": {"households": ["bad"]}}
    assert Registration.objects.get(pk=registration.pk).version == registration.version


def test_forms_typed_over_an_older_version_answer_409_with_the_rows_version_now(
    make_registration,
):
    registration = make_registration()
    first = registration.version
    save(registration, first, "Bản thứ nhất")()

    response = answer_typed(registration, {"version": first, "summary": "Bản cũ"})

    assert response.status_code == 409
    assert answered(response) == {"message": STALE, "current_version": first + 1}
