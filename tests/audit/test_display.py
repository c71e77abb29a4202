"""The log reads as words: labels and choice names, never column names or raw values."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.audit.display import readable_changes, state_label
from thidua.audit.models import AuditEntry
from thidua.core.numbers import format_number
from thidua.initiatives.domain.registrations import registration_receive, registration_submit
from thidua.initiatives.models import Registration


def _last(registration) -> AuditEntry:
    return AuditEntry.objects.filter(object_id=str(registration.pk)).latest("id")


def test_a_transition_reads_as_state_labels(make_registration, officer):
    registration = registration_submit(actor=None, registration=make_registration())
    registration_receive(actor=officer, registration=registration)
    with translation.override("vi"):
        changes = readable_changes(_last(registration))
        label = state_label(_last(registration))
    assert [(c.label, c.before, c.after) for c in changes] == [
        ("Trạng thái", "đã gửi", "đã tiếp nhận")
    ]
    assert label == "đã tiếp nhận"


def test_a_creation_hides_bookkeeping_and_names_fields(make_registration):
    registration = make_registration(complete=False)
    entry = AuditEntry.objects.filter(object_id=str(registration.pk)).earliest("id")
    with translation.override("en"):
        labels = {c.label for c in readable_changes(entry)}
    assert labels
    assert not labels & {"id", "version", "state", "updated_at"}
    assert all(label[:1].isupper() for label in labels)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(
    late=st.booleans(),
    households=st.integers(min_value=0, max_value=10**9),
    area=st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_values_read_as_words_and_vietnamese_numbers(late, households, area):
    entry = AuditEntry(
        content_type=ContentType.objects.get_for_model(Registration),
        before={},
        after={"is_late": late, "households": households, "area_ha": str(area)},
    )
    rows = {c.label: c.after for c in readable_changes(entry)}
    assert len(rows) == 3
    assert all(label[:1].isupper() and "_" not in label for label in rows)
    values = list(rows.values())
    assert str(_("yes") if late else _("no")) in values
    assert format_number(households) in values
    assert format_number(area) in values


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(
    before=st.dictionaries(
        st.sampled_from(["households", "state", "name", "late"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    ),
    after=st.dictionaries(
        st.sampled_from(["households", "state", "name", "late"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    ),
)
def test_any_stored_values_are_shown_without_error(before, after):
    entry = AuditEntry(
        content_type=ContentType.objects.get_for_model(Registration), before=before, after=after
    )
    for change in readable_changes(entry):
        assert isinstance(change.after, str)
        assert change.before is None or isinstance(change.before, str)


def test_a_recorded_name_that_is_a_reverse_relation_reads_as_a_plain_label(tree):
    """A domain function may record a list under the name of a reverse relation (a plan's
    ``deadlines``): shown with its name, not a crash of the log page."""
    entry = AuditEntry.objects.create(
        action="update",
        content_type=ContentType.objects.get_for_model(type(tree.district)),
        object_id=str(tree.district.pk),
        object_repr="Sông Hinh",
        before={"children": []},
        after={"children": [{"name": "Ea Bá", "code": "22216"}, "Ea Ly"]},
    )
    changes = [(c.label, c.after) for c in readable_changes(entry)]
    assert changes == [("Children", "Ea Bá, 22216, Ea Ly")]
