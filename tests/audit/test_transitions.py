"""A state changes once, and only the change that happened is audited."""

from django.db.models import F

from thidua.audit.models import Action, AuditEntry
from thidua.audit.transitions import transition
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration


def _entries(registration):
    return AuditEntry.objects.filter(
        action=Action.TRANSITION, object_id=str(registration.pk), after__state="returned"
    )


def test_transition_changes_the_state_and_writes_one_entry(make_registration, tree):
    registration = make_registration(complete=False)
    changed = transition(
        actor=None,
        instance=registration,
        to=RegistrationState.RETURNED,
        unit=registration.unit,
        changes={"return_reason": "Thiếu lập luận", "version": F("version") + 1},
        after={"reason": "Thiếu lập luận"},
    )
    stored = Registration.objects.get(pk=registration.pk)
    assert changed
    assert (stored.state, stored.return_reason) == ("returned", "Thiếu lập luận")
    assert stored.version == registration.version + 1
    entry = _entries(registration).get()
    assert entry.before == {"state": "draft"}
    assert entry.after == {"state": "returned", "reason": "Thiếu lập luận"}


def test_a_second_identical_transition_changes_and_writes_nothing(make_registration):
    registration = make_registration(complete=False)
    first = Registration.objects.get(pk=registration.pk)
    second = Registration.objects.get(pk=registration.pk)  # a double click: same state seen
    assert transition(actor=None, instance=first, to="returned", unit=first.unit)
    assert not transition(actor=None, instance=second, to="returned", unit=second.unit)
    assert _entries(registration).count() == 1


def test_where_guards_the_version_the_person_saw(make_registration):
    registration = make_registration(complete=False)
    stale = registration.version - 1
    assert not transition(
        actor=None,
        instance=registration,
        to="returned",
        unit=registration.unit,
        where={"version": stale},
    )
    assert Registration.objects.get(pk=registration.pk).state == "draft"
    assert not _entries(registration).exists()
