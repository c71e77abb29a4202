"""What an autosave answers (core/autosave.py): the new version when saved, a 409 that
autosave.js keeps the typed text on when someone saved in between or the row may no longer
change, and the form's errors when it was refused."""

import json

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
