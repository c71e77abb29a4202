"""Sending a unit's work up (plans/domain/sending.py): late or on time, refused when blocked,
the first sending kept, and a second sender changing nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.audit.models import AuditEntry
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration
from thidua.plans.domain.sending import send_to_unit_above
from thidua.plans.enums import LatePolicy

DUE = timezone.make_aware(datetime.datetime(2022, 4, 10, 17))


# make_registration is a factory: each example makes its own registration.
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    hours=st.integers(min_value=-72, max_value=72),
    policy=st.sampled_from(list(LatePolicy)),
    sent_before=st.booleans(),
)
def test_sending_marks_late_blocks_or_sends_once(make_registration, hours, policy, sent_before):
    registration = make_registration()
    plan = registration.plan
    plan.late_registrations = policy
    first = DUE - datetime.timedelta(days=3) if sent_before else None
    Registration.objects.filter(pk=registration.pk).update(first_submitted_at=first)
    registration.refresh_from_db()
    sent_at = DUE + datetime.timedelta(hours=hours)
    late = sent_at > DUE
    entries = AuditEntry.objects.count()

    seen_by_another = Registration.objects.get(pk=registration.pk)

    def send(instance=registration):
        return send_to_unit_above(
            actor=None,
            instance=instance,
            to=RegistrationState.SUBMITTED,
            plan=plan,
            sent_at=sent_at,
            due=DUE,
            refused="closed",
        )

    if late and policy == LatePolicy.BLOCK:
        with pytest.raises(ValidationError, match="closed"):
            send()
        assert Registration.objects.get(pk=registration.pk).state == RegistrationState.DRAFT
        assert AuditEntry.objects.count() == entries
        return
    assert send() is late
    stored = Registration.objects.get(pk=registration.pk)
    assert stored.state == RegistrationState.SUBMITTED
    assert stored.is_late is late
    assert stored.submitted_at == sent_at
    assert stored.first_submitted_at == (first or sent_at)
    assert stored.version == registration.version + 1
    # Another request that read the draft before: the row moved on, it writes nothing.
    assert send(seen_by_another) is None
    assert AuditEntry.objects.count() == entries + 1
