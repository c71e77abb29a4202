"""Deleting a draft and merging two drafts of the same unit and plan
(initiatives/domain/drafts.py, issue #11 item 4): a deleted draft leaves every list and
count, and stays in the audit log; a merge keeps everything either draft held."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import jpeg
from thidua.audit.models import AuditEntry
from thidua.initiatives.domain.compliance import compliance
from thidua.initiatives.domain.drafts import registration_delete, registration_merge
from thidua.initiatives.domain.files import registration_file_add
from thidua.initiatives.domain.ideas import idea_convert, idea_send
from thidua.initiatives.domain.registrations import registration_save, registration_submit
from thidua.initiatives.models import Registration, RegistrationState
from thidua.initiatives.models.ideas import IdeaState


def logged(registration):
    """The audit log's entries on ``registration``."""
    return AuditEntry.objects.filter(
        content_type__app_label="initiatives",
        content_type__model="registration",
        object_id=str(registration.pk),
    )


def test_a_deleted_draft_leaves_the_lists_and_counts_and_stays_in_the_audit_log(
    tree, open_plan, make_registration
):
    kept = make_registration(name="Nuôi dê")
    twice = make_registration(name="Nuôi dê (bấm hai lần)")
    row = next(r for r in compliance(open_plan).rows if r.unit == tree.commune_a)
    assert row.drafts == 2
    registration_delete(actor=None, registration=twice)
    assert list(open_plan.registrations.all()) == [kept]
    assert list(Registration.objects.filter(unit=tree.commune_a)) == [kept]
    row = next(r for r in compliance(open_plan).rows if r.unit == tree.commune_a)
    assert row.drafts == 1
    assert row.by_state == {RegistrationState.DRAFT: 1}
    entry = logged(twice).latest("id")
    assert entry.after["state"] == RegistrationState.DELETED
    deleted = Registration.all_objects.get(pk=twice.pk)  # kept, out of sight
    assert deleted.state == RegistrationState.DELETED
    assert deleted.transitions.get().to_state == RegistrationState.DELETED


def test_only_a_draft_may_be_deleted_and_a_second_delete_changes_nothing(make_registration):
    sent = registration_submit(actor=None, registration=make_registration())
    with pytest.raises(ValidationError):
        registration_delete(actor=None, registration=sent)
    draft = make_registration()
    registration_delete(actor=None, registration=draft)
    registration_delete(actor=None, registration=draft)  # a double click
    assert Registration.all_objects.get(pk=draft.pk).transitions.count() == 1
    assert Registration.objects.get(pk=sent.pk).state == RegistrationState.SUBMITTED


def test_deleting_a_draft_made_from_an_idea_gives_the_idea_back_to_the_inbox(tree, open_plan):
    idea = idea_send(
        unit=tree.commune_a, name="Y Blúp", phone="0912345678", idea="Sân phơi.", address="x"
    )
    draft = idea_convert(actor=None, idea=idea, plan=open_plan)
    registration_delete(actor=None, registration=draft)
    idea.refresh_from_db()
    assert idea.state == IdeaState.NEW
    assert Registration.all_objects.get(pk=draft.pk).proposal is None


def test_a_merge_keeps_what_either_draft_held(tree, open_plan, make_registration):
    kept = make_registration(complete=False, name="Nuôi dê sinh sản")
    other = make_registration(name="Nuôi dê")  # complete: a summary, arguments, Nguyễn Văn A
    kept = registration_save(
        actor=None,
        registration=kept,
        version=kept.version,
        fields={"applied_where": "Thôn 3", "households": 12},
        implementers=[{"name": "Trần Thị B", "position_unit": "Hội viên", "role": "Nuôi"}],
    )
    registration_file_add(
        actor=None,
        registration=other,
        upload=SimpleUploadedFile("chuong.jpg", jpeg()),
        kind="photo",
        title="Chuồng dê",
    )
    registration_merge(actor=None, kept=kept, other=other)
    kept = Registration.objects.get(pk=kept.pk)
    assert kept.name == "Nuôi dê sinh sản"  # the kept one's own text wins
    assert kept.applied_where == "Thôn 3"
    assert kept.households == 12
    assert kept.summary == other.summary  # empty in the kept one: brought over
    assert kept.lead_name == other.lead_name
    assert [i.name for i in kept.implementers.all()] == ["Trần Thị B", "Nguyễn Văn A"]
    assert [f.title for f in kept.files.all()] == ["Chuồng dê"]
    assert all(a.text == "Lập luận." for a in kept.arguments.all())
    assert Registration.all_objects.get(pk=other.pk).state == RegistrationState.DELETED
    assert list(open_plan.registrations.all()) == [kept]
    assert any(str(other.pk) in entry.note and other.name in entry.note for entry in logged(kept))
    assert logged(other).filter(after__state=RegistrationState.DELETED).exists()


def test_only_two_drafts_of_the_same_unit_and_plan_are_merged(tree, make_registration):
    kept = make_registration()
    for other in (
        make_registration(tree.commune_b),
        registration_submit(actor=None, registration=make_registration()),
        kept,
    ):
        with pytest.raises(ValidationError):
            registration_merge(actor=None, kept=kept, other=other)
    assert Registration.objects.count() == 3
