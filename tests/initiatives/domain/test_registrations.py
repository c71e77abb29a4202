"""The registration's life (initiatives/domain/registrations.py): draft, submitted, received or
returned, revised, accepted; deadlines and paper forms."""

import datetime
import unicodedata

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thidua.audit.models import AuditEntry
from thidua.core.versions import StaleEdit
from thidua.initiatives.domain.registrations import (
    registration_accept,
    registration_receive,
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.initiatives.models import Registration, RegistrationState
from thidua.notify.models import Notification
from thidua.org.models import Role
from thidua.plans.models import LatePolicy


def test_new_registration_has_an_argument_field_per_criterion_of_its_plan(
    make_registration, open_plan
):
    registration = make_registration(complete=False)
    assert registration.state == RegistrationState.DRAFT
    assert [a.criterion.name for a in registration.arguments.order_by("criterion__position")] == [
        c.name for c in open_plan.criteria.all()
    ]


def test_incomplete_registration_cannot_be_sent_and_says_what_is_missing(make_registration):
    registration = make_registration(complete=False)
    with pytest.raises(ValidationError) as error:
        registration_submit(actor=None, registration=registration)
    assert {"summary", "applied_where", "expected_results", "lead_name"} <= set(
        error.value.message_dict
    )
    assert any(key.startswith("arg_") for key in error.value.message_dict)
    assert Registration.objects.get(pk=registration.pk).state == RegistrationState.DRAFT


def test_full_workflow_records_who_and_when_and_notifies_the_other_side(
    make_registration, make_person, tree, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    officer = make_person("xa", Role.OFFICER, tree.commune_a, email="xa@example.vn")
    district = make_person("huyen", Role.OFFICER, tree.district, email="huyen@example.vn")
    registration = make_registration(actor=officer)
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_submit(actor=officer, registration=registration)
    assert registration.state == RegistrationState.SUBMITTED
    assert Notification.objects.filter(recipient=district).count() == 1
    assert mail.outbox[-1].to == ["huyen@example.vn"]
    registration = registration_return(
        actor=district, registration=registration, reason="Bổ sung số hộ."
    )
    assert registration.state == RegistrationState.RETURNED
    assert registration.return_reason == "Bổ sung số hộ."
    assert Notification.objects.filter(
        recipient=officer, message__contains="Bổ sung số hộ."
    ).exists()
    registration = registration_save(
        actor=officer,
        registration=registration,
        version=registration.version,
        fields={"households": 30},
    )
    registration = registration_submit(actor=officer, registration=registration)
    registration = registration_receive(actor=district, registration=registration)
    registration = registration_accept(actor=district, registration=registration)
    steps = list(registration.transitions.values_list("from_state", "to_state", "actor__username"))
    assert steps == [
        ("draft", "submitted", "xa"),
        ("submitted", "returned", "huyen"),
        ("returned", "submitted", "xa"),
        ("submitted", "received", "huyen"),
        ("received", "accepted", "huyen"),
    ]
    entries = AuditEntry.objects.filter(
        content_type__model="registration", object_id=str(registration.pk), action="transition"
    )
    assert entries.count() == 5


def test_submitting_twice_records_one_submission(make_registration):
    registration = make_registration()
    registration_submit(actor=None, registration=registration)
    again = registration_submit(actor=None, registration=registration)
    assert again.state == RegistrationState.SUBMITTED
    assert again.transitions.count() == 1


def test_returning_needs_a_reason(make_registration):
    registration = registration_submit(actor=None, registration=make_registration())
    with pytest.raises(ValidationError):
        registration_return(actor=None, registration=registration, reason="  ")
    assert Registration.objects.get(pk=registration.pk).state == RegistrationState.SUBMITTED


def test_accepting_a_draft_is_refused(make_registration):
    with pytest.raises(ValidationError):
        registration_accept(actor=None, registration=make_registration())


def test_a_stale_edit_is_refused_and_changes_nothing(make_registration):
    registration = make_registration()
    version = registration.version
    registration_save(
        actor=None, registration=registration, version=version, fields={"name": "Tab một"}
    )
    with pytest.raises(StaleEdit):
        registration_save(
            actor=None, registration=registration, version=version, fields={"name": "Tab hai"}
        )
    assert Registration.objects.get(pk=registration.pk).name == "Tab một"


def test_sent_registration_cannot_be_edited(make_registration):
    registration = registration_submit(actor=None, registration=make_registration())
    with pytest.raises(ValidationError):
        registration_save(
            actor=None,
            registration=registration,
            version=registration.version,
            fields={"name": "Sửa"},
        )


def test_after_the_deadline_the_plan_marks_late(make_registration):
    # The fixture plan's registration deadline is 10/4/2022: today is long after it.
    registration = registration_submit(actor=None, registration=make_registration())
    assert registration.is_late
    assert registration.transitions.get().is_late


def test_after_the_deadline_the_plan_may_refuse(make_registration, open_plan):
    open_plan.late_registrations = LatePolicy.BLOCK
    open_plan.save()
    registration = make_registration()
    with pytest.raises(ValidationError) as error:
        registration_submit(actor=None, registration=registration)
    assert "10/04/2022" in " ".join(error.value.messages)
    assert Registration.objects.get(pk=registration.pk).state == RegistrationState.DRAFT


def test_before_the_deadline_it_is_on_time(make_registration, open_plan):
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + datetime.timedelta(days=3)
    deadline.save()
    registration = registration_submit(actor=None, registration=make_registration())
    assert not registration.is_late


def test_paper_form_entered_by_the_district_is_judged_by_its_date(
    make_registration, paper_form, tree
):
    make_registration()
    paper = paper_form(tree.commune_b)
    paper = registration_submit(actor=None, registration=paper, sent_on=datetime.date(2022, 4, 9))
    assert paper.entered_by_office
    assert not paper.is_late
    # The commune can still correct it until the district receives it.
    paper = registration_save(
        actor=None, registration=paper, version=paper.version, fields={"households": 12}
    )
    assert paper.households == 12


def test_saving_the_same_form_again_rewrites_no_argument_or_implementer(make_registration):
    """A form sends every field at each save (and autosave): what did not change is not
    written again, what changed is, and the audit entry says which."""
    registration = make_registration()
    arguments = {a.criterion_id: a.text for a in registration.arguments.all()}
    implementers = list(registration.implementers.values("name", "position_unit", "role"))

    def save(**changes):
        with CaptureQueriesContext(connection) as captured:
            saved = registration_save(
                actor=None,
                registration=Registration.objects.get(pk=registration.pk),
                version=Registration.objects.get(pk=registration.pk).version,
                fields={},
                arguments={**arguments, **changes.get("arguments", {})},
                implementers=changes.get("implementers", implementers),
            )
        # Each write as its verb and table: 'UPDATE "initiatives_argument"'.
        writes = [" ".join(q["sql"].replace(" FROM ", " ").split()[:2]) for q in captured]
        return saved, [w for w in writes if w.startswith(("UPDATE", "DELETE", "INSERT"))]

    _saved, writes = save()
    assert not [w for w in writes if "initiatives_argument" in w or "implementer" in w]
    criterion = next(iter(arguments))
    saved, writes = save(
        arguments={criterion: "Lập luận mới."},
        implementers=[{"name": "Trần Thị B", "position_unit": "Hội viên", "role": "Làm"}],
    )
    assert writes.count('UPDATE "initiatives_argument"') == 1
    assert 'DELETE "initiatives_implementer"' in writes
    assert saved.arguments.get(criterion_id=criterion).text == "Lập luận mới."
    assert list(saved.implementers.values_list("name", flat=True)) == ["Trần Thị B"]
    entry = AuditEntry.objects.filter(object_id=registration.pk).latest("pk")
    assert entry.after["arguments"][str(criterion)] == "Lập luận mới."


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("Lê Văn Minh", "le van minh"), ("LÊ VĂN MINH", "le van minh"), ("Đào Thị Ý", "dao thi y")],
)
def test_the_leads_and_implementers_names_are_kept_folded_for_the_councils(
    make_registration, typed, folded
):
    """A council finds its members' own work by name, typed any way (NFD too), and the list's
    text box a registration by its name: the folded columns follow every save (a conditional
    UPDATE, which calls no save()), the implementers' too (written in bulk)."""
    registration = make_registration()
    saved = registration_save(
        actor=None,
        registration=registration,
        version=registration.version,
        fields={
            "lead_name": unicodedata.normalize("NFD", typed),
            "name": f"Mô hình của {typed}",
        },
        implementers=[{"name": typed, "position_unit": "", "role": "Làm"}],
    )
    saved.refresh_from_db()
    assert saved.lead_search_name == folded
    assert saved.search_name == f"mo hinh cua {folded}"  # the list's text box reads it
    assert list(saved.implementers.values_list("search_name", flat=True)) == [folded]
