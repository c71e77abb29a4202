"""A save goes through only over the version the person saw."""

import pytest
from django.core.exceptions import ValidationError

from thidua.core.versions import StaleEdit, update_if_current
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration

EDITABLE = (RegistrationState.DRAFT, RegistrationState.RETURNED)


def test_current_version_is_saved_and_moves_on(make_registration):
    registration = make_registration(complete=False)
    update_if_current(
        Registration,
        pk=registration.pk,
        version=registration.version,
        editable=EDITABLE,
        fields={"name": "Mô hình mới"},
        refused="không",
    )
    saved = Registration.objects.get(pk=registration.pk)
    assert (saved.name, saved.version) == ("Mô hình mới", registration.version + 1)


def test_an_older_version_changes_nothing(make_registration):
    registration = make_registration(complete=False)
    with pytest.raises(StaleEdit):
        update_if_current(
            Registration,
            pk=registration.pk,
            version=registration.version - 1,
            editable=EDITABLE,
            fields={"name": "Ghi đè"},
            refused="không",
        )
    assert Registration.objects.get(pk=registration.pk).name == registration.name


def test_a_row_no_longer_editable_is_refused_with_the_message(make_registration):
    registration = make_registration(complete=False)
    with pytest.raises(ValidationError) as refused:
        update_if_current(
            Registration,
            pk=registration.pk,
            version=registration.version,
            editable=(RegistrationState.RETURNED,),
            fields={"name": "Ghi đè"},
            refused="Phiếu này không còn sửa được.",
        )
    assert refused.value.messages == ["Phiếu này không còn sửa được."]
    assert Registration.objects.get(pk=registration.pk).name == registration.name
