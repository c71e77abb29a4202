"""A plan copied (plans/domain/copies.py): a correction keeps its own words; a unit's own plan
on the basis of the one above carries its basis, content and deadlines and speaks as that unit."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.plans import generated
from thidua.org.domain.units import unit_create
from thidua.plans.domain.defaults import (
    governing_body,
    header_lines,
    signature_lines,
    subordinates,
)
from thidua.plans.domain.plans import (
    plan_correct,
    plan_create_child,
    plan_issue,
    plan_set_body,
    plan_update,
)
from thidua.plans.models import Plan, PlanState
from thidua.plans.seed_loader import load_plan, read

MARCH_8 = datetime.date(2022, 3, 8)


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
    assert child.state == PlanState.DRAFT
    assert [s.heading for s in child.sections.all()] == [s.heading for s in parent.sections.all()]


def parent_voice(plan) -> list[str]:
    """The sentences in which `plan`'s issuer speaks of itself or to its own units."""
    organisation = [s for s in plan.sections.all() if "TỔ CHỨC THỰC HIỆN" in s.heading.upper()]
    return [
        *[line for line in plan.preamble.splitlines() if line],
        *[line for line in plan.closing.splitlines() if line],
        *[line for s in organisation for line in s.body.splitlines() if line],
    ]


def check_speaks_as_its_unit(child, parent) -> None:
    unit, above = child.unit, parent.unit
    body = governing_body(unit)
    assert (child.superior_line, child.issuer_line) == header_lines(unit)
    assert child.place == unit.name
    assert (child.signing_authority, child.signer_title) == signature_lines(unit)
    # The parent's signer does not sign the unit's plan: a draft names nobody until the unit
    # does, and an issued one names its own.
    if child.state == PlanState.DRAFT:
        assert (child.signer_name, child.is_signed) == ("", False)
    else:
        assert child.signer_name.strip()
    assert child.preamble.startswith(f"{body} xây dựng ")
    assert body in child.closing
    texts = "\n".join([child.preamble, child.closing, *(s.body for s in child.sections.all())])
    # Nothing the parent's issuer said of itself or to its units is carried over …
    for sentence in parent_voice(parent):
        assert sentence not in texts, sentence
    assert governing_body(above) not in texts
    # … the units addressed are the child's own …
    below = subordinates(unit, parent.period_start, parent.period_end)
    if below:
        assert f"đề nghị {below} tổ chức" in child.closing
    # … and the organisation section answers to the parent's unit by its deadlines.
    (organisation,) = [s for s in child.sections.all() if "TỔ CHỨC THỰC HIỆN" in s.heading.upper()]
    assert f"về {above.full_name} trước ngày 10/4/" in organisation.body
    assert f"Báo cáo kết quả thực hiện về {above.full_name} trước ngày 25/10/" in organisation.body
    assert not organisation.points.exists()
    # The rest of the content is the parent's, for the unit to adapt.
    kept = [(s.heading, s.body) for s in child.sections.all() if s.pk != organisation.pk]
    assert kept == [
        (s.heading, s.body) for s in parent.sections.all() if "TỔ CHỨC" not in s.heading.upper()
    ]


@pytest.mark.parametrize("seed", range(4))
def test_every_units_own_plan_speaks_as_that_unit(db, seed):
    world = generated.build(seed)
    children = [
        *(world.plans[d.pk] for d in world.districts),  # on the province's
        *world.own_plans.values(),  # the communes', on their district's
    ]
    assert children
    for child in children:
        parent = child.bases.get().parent
        check_speaks_as_its_unit(Plan.objects.get(pk=child.pk), parent)
    # A branch's own plan, on its commune's, too.
    issued = [p for p in world.own_plans.values() if p.state == PlanState.ISSUED]
    if not issued:
        commune = world.communes[0]
        own = plan_create_child(actor=None, parent=world.plans[commune.parent_id], unit=commune)
        issued = [plan_issue(actor=None, plan=plan_update(actor=None, plan=own, signer_name="A"))]
    commune_plan = issued[0]
    branch = unit_create(actor=None, parent=commune_plan.unit, name="Buôn Mới", kind="branch")
    own = plan_create_child(actor=None, parent=commune_plan, unit=branch)
    check_speaks_as_its_unit(own, commune_plan)
    assert own.issuer_line.startswith("CHI HỘI")


def test_a_communes_plan_on_the_seed_plan_no_longer_speaks_as_the_district(tree):
    province_plan = load_plan(read("plan_283.json"), unit=tree.province)
    seed = load_plan(
        read("plan_115.json"), unit=tree.district, parent=province_plan, child_plan_deadline=True
    )
    child = plan_create_child(actor=None, parent=seed, unit=tree.commune_a)
    assert child.preamble == (
        "Ban Thường vụ Hội Nông dân xã Ea Bá xây dựng Kế hoạch thực hiện phong trào thi đua "
        "“Sông Hinh đoàn kết sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc "
        "tế” năm 2022, cụ thể như sau:"
    )
    everything = "\n".join(
        [child.preamble, child.closing]
        + [s.body for s in child.sections.all()]
        + [p.body for s in child.sections.all() for p in s.points.all()]
    )
    assert "Ban Thường vụ Hội Nông dân huyện xây dựng" not in everything
    assert "đề nghị Hội Nông dân các xã, thị trấn" not in everything
    assert "gửi về Hội Nông dân huyện (qua Văn phòng Huyện hội)" not in everything
    organisation = child.sections.get(heading="TỔ CHỨC THỰC HIỆN")
    assert organisation.body.splitlines() == [
        "Các chi hội căn cứ nội dung kế hoạch này và tình hình thực tế của đơn vị tổ chức triển "
        "khai thực hiện; đề xuất mô hình, sáng kiến, ý tưởng mới về Ban Thường vụ Hội Nông dân "
        "xã Ea Bá.",
        "Ban Thường vụ Hội Nông dân xã Ea Bá theo dõi, đôn đốc việc thực hiện; gửi kế hoạch và "
        "danh sách đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới về Hội Nông dân huyện Sông "
        "Hinh trước ngày 10/4/2022.",
        "Báo cáo kết quả thực hiện về Hội Nông dân huyện Sông Hinh trước ngày 25/10/2022.",
    ]
    # The movement's content is the district's, as the commune adapts it.
    tasks = child.sections.get(heading="NHIỆM VỤ VÀ GIẢI PHÁP")
    assert [p.title for p in tasks.points.all()] == [
        p["title"] for p in read("plan_115.json")["sections"][2]["points"]
    ]
    with pytest.raises(ValidationError, match="người ký"):
        plan_issue(actor=None, plan=child)


def test_a_plan_without_an_organisation_section_gets_one_for_the_unit(make_plan, tree):
    parent = make_plan()
    plan_set_body(actor=None, plan=parent, source="# NỘI DUNG\nThi đua sáng tạo.")
    parent = plan_issue(actor=None, plan=parent, issued_on=MARCH_8)
    child = plan_create_child(actor=None, parent=parent, unit=tree.commune_a)
    assert [s.heading for s in child.sections.all()] == ["NỘI DUNG", "TỔ CHỨC THỰC HIỆN"]
    assert "Hội Nông dân huyện Sông Hinh" in child.sections.last().body


def test_a_correction_keeps_its_own_words(make_plan):
    plan = plan_update(actor=None, plan=make_plan(), preamble="Lời mở đầu của huyện.")
    issued = plan_issue(actor=None, plan=plan, issued_on=MARCH_8)
    correction = plan_correct(actor=None, plan=issued)
    assert correction.preamble == "Lời mở đầu của huyện."
    assert correction.signer_name == issued.signer_name
    assert [s.body for s in correction.sections.all()] == [s.body for s in issued.sections.all()]
