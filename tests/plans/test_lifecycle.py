"""A plan's life: draft, issued with a number, corrected as a new version, closed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.audit.models import AuditEntry
from thidua.plans.domain.cascade import cascade
from thidua.plans.domain.numbering import numbering_rule_for
from thidua.plans.domain.plans import (
    plan_close,
    plan_correct,
    plan_create_child,
    plan_issue,
    plan_set_body,
    plan_update,
)
from thidua.plans.models import DeadlineKind, PlanStatus, Restart

MARCH_8 = datetime.date(2022, 3, 8)


def test_new_plan_starts_as_a_draft_with_the_seeds_five_criteria(make_plan, tree):
    plan = make_plan()
    assert plan.status == PlanStatus.DRAFT
    assert plan.number is None
    assert [c.name for c in plan.criteria.all()] == [
        "Tính mới", "Tính phù hợp", "Tính tập thể", "Tính thiết thực, hiệu quả", "Tính kinh tế",
    ]  # fmt: skip
    assert all(c.max_points == 20 for c in plan.criteria.all())
    assert plan.superior_line == "HỘI NÔNG DÂN TỈNH PHÚ YÊN"
    assert plan.issuer_line == "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    assert plan.issuer_code == "HNDH"


def test_body_text_becomes_numbered_sections_and_points(make_plan):
    plan = make_plan()
    sections = list(plan.sections.prefetch_related("points"))
    assert [s.heading for s in sections] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert [p.title for p in sections[0].points.all()] == ["Mục đích", "Yêu cầu"]
    assert sections[1].body == "Phát động phong trào thi đua."
    assert [p.body for p in sections[1].points.all()] == ["Thi đua nâng cao chất lượng."]


def test_issuing_numbers_plans_in_sequence_and_makes_them_read_only(make_plan, tree):
    first = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    second = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    assert (first.number, second.number) == (1, 2)
    assert first.number_symbol == "01-KH/HNDH"
    assert first.status == PlanStatus.ISSUED
    assert first.issued_on == MARCH_8
    with pytest.raises(ValidationError):
        plan_update(actor=None, plan=first, title="Sửa sau khi ban hành")
    with pytest.raises(ValidationError):
        plan_set_body(actor=None, plan=first, source="# KHÁC")
    first.refresh_from_db()
    assert first.title == "Kế hoạch thực hiện phong trào thi đua năm 2022"


def test_numbers_restart_each_year_unless_the_unit_numbers_by_term(make_plan, tree):
    plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2022, 12, 30))
    assert plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2023, 1, 3)).number == 1
    rule = numbering_rule_for(tree.district)
    rule.restart, rule.term = Restart.TERM, "2023-2028"
    rule.save()
    plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2023, 6, 1))
    assert plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2024, 2, 1)).number == 2


def test_units_number_independently(make_plan, tree):
    assert plan_issue(actor=None, plan=make_plan(tree.district), issued_on=MARCH_8).number == 1
    commune_plan = plan_issue(actor=None, plan=make_plan(tree.commune_a), issued_on=MARCH_8)
    assert commune_plan.number_symbol == "01-KH/HNDX"


def test_a_plan_without_sections_cannot_be_issued(make_plan):
    plan = make_plan()
    plan.sections.all().delete()
    with pytest.raises(ValidationError):
        plan_issue(actor=None, plan=plan)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert plan.number is None


def test_correction_is_a_new_version_that_keeps_the_old_one(make_plan, make_person, tree):
    original = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    correction = plan_correct(actor=None, plan=original)
    assert correction.status == PlanStatus.DRAFT
    assert correction.version == 2
    assert correction.replaces == original
    assert not original.is_superseded  # until the correction is issued
    plan_update(actor=None, plan=correction, title="Kế hoạch (sửa đổi)")
    correction = plan_issue(actor=None, plan=correction, issued_on=datetime.date(2022, 3, 15))
    original.refresh_from_db()
    assert original.is_superseded
    assert original.status == PlanStatus.CLOSED  # nothing new is registered on the old version
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
        .values_list("after__status", flat=True)
    )
    assert states == ["issued", "closed"]
    with pytest.raises(ValidationError):
        plan_close(actor=None, plan=plan)


def test_child_plan_carries_the_basis_and_the_deadlines(make_plan, tree):
    parent = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    child = plan_create_child(actor=None, parent=parent, unit=tree.commune_a)
    basis = child.bases.get()
    assert basis.parent == parent
    assert basis.text.startswith("Căn cứ Kế hoạch số 01-KH/HNDH ngày 08/3/2022 của")
    assert [(d.kind, d.due_at) for d in child.deadlines.all()] == [
        (d.kind, d.due_at) for d in parent.deadlines.all()
    ]
    assert child.issuer_line == "BCH HỘI NÔNG DÂN XÃ EA BÁ"
    assert child.superior_line == "HỘI NÔNG DÂN HUYỆN SÔNG HINH"
    assert child.status == PlanStatus.DRAFT
    assert [s.heading for s in child.sections.all()] == [s.heading for s in parent.sections.all()]


def test_child_plan_only_for_units_under_the_issuer(make_plan, tree):
    parent = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    with pytest.raises(ValidationError):
        plan_create_child(actor=None, parent=parent, unit=tree.other_commune)
    with pytest.raises(ValidationError):
        plan_create_child(actor=None, parent=make_plan(), unit=tree.commune_a)  # a draft


def test_cascade_shows_on_time_late_draft_and_missing(make_plan, tree):
    from thidua.org.domain.units import unit_create
    from thidua.org.models import UnitKind
    from thidua.plans.domain.plans import plan_record_issued

    commune_c = unit_create(actor=None, parent=tree.district, name="Ea Trol", kind=UnitKind.COMMUNE)
    commune_d = unit_create(
        actor=None, parent=tree.district, name="Sơn Giang", kind=UnitKind.COMMUNE
    )
    parent = plan_issue(actor=None, plan=make_plan(), issued_on=MARCH_8)
    on_time = plan_create_child(actor=None, parent=parent, unit=tree.commune_a)
    plan_record_issued(actor=None, plan=on_time, number=7, issued_on=datetime.date(2022, 4, 10))
    late = plan_create_child(actor=None, parent=parent, unit=tree.commune_b)
    plan_record_issued(actor=None, plan=late, number=3, issued_on=datetime.date(2022, 4, 11))
    plan_create_child(actor=None, parent=parent, unit=commune_c)
    rows = {row.unit.name: row for row in cascade(parent)}
    assert {name: row.state for name, row in rows.items()} == {
        "Ea Bá": "on_time",
        "Ea Ly": "late",
        "Ea Trol": "draft",
        "Sơn Giang": "missing",
    }
    assert rows["Sơn Giang"].overdue
    assert rows["Ea Trol"].overdue
    assert not rows["Ea Bá"].overdue
    assert commune_d.pk == rows["Sơn Giang"].unit.pk


def test_cascade_prefers_the_child_plan_deadline(make_plan, tree):
    from thidua.plans.domain.cascade import due_date
    from thidua.plans.domain.plans import end_of_day, plan_set_list

    plan = make_plan()
    rows = [
        {"kind": d.kind, "label": d.label, "due_at": d.due_at} for d in plan.deadlines.all()
    ] + [
        {
            "kind": DeadlineKind.CHILD_PLAN,
            "label": "Kế hoạch của đơn vị",
            "due_at": end_of_day(datetime.date(2022, 3, 31)),
        }
    ]
    plan_set_list(actor=None, plan=plan, kind="deadlines", rows=rows)
    assert due_date(plan) == datetime.date(2022, 3, 31)
