"""A plan's life (plans/domain/plans.py): draft, issued and read-only, corrected as a new version,
closed; who may write a plan on its basis."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.core.test_uploads import PDF_BYTES
from thidua.audit.models import Action, AuditEntry
from thidua.plans.domain.plans import (
    plan_attachment_add,
    plan_close,
    plan_correct,
    plan_create_child,
    plan_issue,
    plan_set_body,
    plan_update,
)
from thidua.plans.models import PlanState

MARCH_8 = datetime.date(2022, 3, 8)


def test_new_plan_starts_as_a_draft_with_the_seeds_five_criteria(make_plan, tree):
    plan = make_plan()
    assert plan.state == PlanState.DRAFT
    assert plan.number is None
    assert [c.name for c in plan.criteria.all()] == [
        "Tính mới", "Tính phù hợp", "Tính tập thể", "Tính thiết thực, hiệu quả", "Tính kinh tế",
    ]  # fmt: skip
    assert all(c.max_points == 20 for c in plan.criteria.all())
    assert plan.superior_line == "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    assert plan.issuer_line == "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    assert plan.issuer_code == "HNDH"


def test_issuing_numbers_plans_in_sequence_and_makes_them_read_only(make_plan, tree):
    first = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    second = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    assert (first.number, second.number) == (1, 2)
    assert first.number_symbol == "01-KH/HNDH"
    assert first.state == PlanState.ISSUED
    assert first.issued_on == MARCH_8
    with pytest.raises(ValidationError):
        plan_update(actor=None, plan=first, title="Sửa sau khi ban hành")
    with pytest.raises(ValidationError):
        plan_set_body(actor=None, plan=first, source="# KHÁC")
    first.refresh_from_db()
    assert first.title == "Kế hoạch thực hiện phong trào thi đua năm 2022"


def test_a_plan_without_sections_cannot_be_issued(make_plan):
    plan = make_plan()
    plan.sections.all().delete()
    with pytest.raises(ValidationError):
        plan_issue(actor=None, plan=plan)
    plan.refresh_from_db()
    assert plan.state == PlanState.DRAFT
    assert plan.number is None


def test_correction_is_a_new_version_that_keeps_the_old_one(make_plan, make_person, tree):
    original = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    correction = plan_correct(actor=None, plan=original)
    assert correction.state == PlanState.DRAFT
    assert correction.version == 2
    assert correction.replaces == original
    assert not original.is_superseded  # until the correction is issued
    plan_update(actor=None, plan=correction, title="Kế hoạch (sửa đổi)")
    correction = plan_issue(actor=None, plan=correction, issued_on=datetime.date(2022, 3, 15))
    original.refresh_from_db()
    assert original.is_superseded
    assert original.state == PlanState.CLOSED  # nothing new is registered on the old version
    assert original.title == "Kế hoạch thực hiện phong trào thi đua năm 2022"
    assert correction.number == 2
    with pytest.raises(ValidationError):
        plan_correct(actor=None, plan=original)


def test_closing_and_every_transition_is_audited(make_plan):
    plan = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    plan_close(actor=None, plan=plan)
    states = list(
        AuditEntry.objects.filter(object_id=str(plan.pk), action="transition")
        .order_by("id")
        .values_list("after__state", flat=True)
    )
    assert states == ["issued", "closed"]
    with pytest.raises(ValidationError):
        plan_close(actor=None, plan=plan)


def test_child_plan_only_for_units_under_the_issuer(make_plan, tree):
    parent = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    with pytest.raises(ValidationError):
        plan_create_child(actor=None, parent=parent, unit=tree.other_commune)
    with pytest.raises(ValidationError):
        plan_create_child(actor=None, parent=make_plan(), unit=tree.commune_a)  # a draft


def test_attachment_goes_only_on_a_draft_and_is_audited(make_plan, open_plan):
    draft = make_plan()
    attachment = plan_attachment_add(
        actor=None, plan=draft, upload=SimpleUploadedFile("kh.pdf", PDF_BYTES), title="Phụ lục"
    )
    assert attachment.download_name == "Phụ lục.pdf"
    assert AuditEntry.objects.filter(action=Action.CREATE, object_id=str(attachment.pk)).exists()
    with pytest.raises(ValidationError):
        plan_attachment_add(
            actor=None, plan=open_plan, upload=SimpleUploadedFile("kh.pdf", PDF_BYTES), title="X"
        )
    assert not open_plan.attachments.exists()


# --- the signer ---------------------------------------------------------------------------


def test_a_plan_is_issued_only_with_its_signers_name(make_plan, tree):
    plan = plan_update(actor=None, plan=make_plan(), signer_name="  ")
    with pytest.raises(ValidationError, match="người ký"):
        plan_issue(actor=None, plan=plan, issued_on=MARCH_8)
    plan.refresh_from_db()
    assert (plan.state, plan.number) == (PlanState.DRAFT, None)
    plan = plan_update(actor=None, plan=plan, signer_name="Bá Minh Hiếu", signer_title="")
    with pytest.raises(ValidationError, match="người ký"):
        plan_issue(actor=None, plan=plan, issued_on=MARCH_8)
    plan = plan_update(actor=None, plan=plan, signer_title="CHỦ TỊCH")
    # No number was spent on the refusals.
    assert plan_issue(actor=None, plan=plan, issued_on=MARCH_8).number == 1
