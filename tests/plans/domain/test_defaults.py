"""What a unit's documents say of it (plans/domain/defaults.py): its header lines, who signs
for it, how it names itself and the units under it, its number's code; and the texts in which
a unit's own plan, written on another's basis, speaks as that unit."""

import datetime

import pytest

from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.plans.domain.defaults import (
    child_texts,
    governing_body,
    header_lines,
    issuer_code,
    plan_initial,
    plan_phrase,
    signature_lines,
    subordinates,
)
from thidua.plans.domain.numbering import numbering_rule_update
from thidua.plans.models import NumberingRule

YEAR = (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))


def test_each_level_has_its_own_header_lines(tree):
    assert header_lines(tree.province) == (
        "TW HỘI NÔNG DÂN VIỆT NAM",
        "BCH HỘI NÔNG DÂN TỈNH PHÚ YÊN",
    )
    assert header_lines(tree.district) == (
        "HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
    )
    assert header_lines(tree.commune_a) == (
        "HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        "BCH HỘI NÔNG DÂN XÃ EA BÁ",
    )
    # A branch has no executive committee ("BCH") of its own.
    assert header_lines(tree.branch_a) == ("HỘI NÔNG DÂN XÃ EA BÁ", "CHI HỘI NÔNG DÂN THÔN 1")


def test_who_signs_and_who_speaks_for_each_level(tree):
    for unit in (tree.province, tree.district, tree.commune_a):
        assert signature_lines(unit) == ("T/M BAN THƯỜNG VỤ", "CHỦ TỊCH")
        assert governing_body(unit) == f"Ban Thường vụ {unit.full_name}"
    assert signature_lines(tree.branch_a) == ("T/M BAN CHI HỘI", "CHI HỘI TRƯỞNG")
    assert governing_body(tree.branch_a) == "Ban Chi hội Nông dân Thôn 1"
    group = unit_create(actor=None, parent=tree.branch_a, name="Tổ 3", kind=UnitKind.GROUP)
    assert signature_lines(group) == ("", "TỔ TRƯỞNG")
    assert governing_body(group) == "Tổ hội Nông dân Tổ 3"


def test_a_unit_names_the_units_under_it_as_they_were_during_the_plan(tree):
    assert subordinates(tree.province, *YEAR) == "Hội Nông dân các huyện, thành phố"
    assert subordinates(tree.district, *YEAR) == "Hội Nông dân các xã"
    unit_create(actor=None, parent=tree.district, name="Hai Riêng", kind=UnitKind.TOWNSHIP)
    unit_create(
        actor=None,
        parent=tree.district,
        name="Đã giải thể",
        kind=UnitKind.WARD,
        valid_to=datetime.date(2021, 12, 31),
    )
    assert subordinates(tree.district, *YEAR) == "Hội Nông dân các xã, thị trấn"
    assert subordinates(tree.commune_a, *YEAR) == "các chi hội"
    assert subordinates(tree.branch_a, *YEAR) == ""


def test_the_issuer_code_is_read_without_writing(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert issuer_code(tree.commune_a) == "HNDX"
    assert not NumberingRule.objects.filter(unit=tree.commune_a).exists()
    numbering_rule_update(
        actor=None, unit=tree.commune_a, issuer_code="HNDEABA", restart="year", term=""
    )
    assert issuer_code(tree.commune_a) == "HNDEABA"


def test_a_new_plan_is_signed_as_its_unit_signs(tree):
    today = datetime.date(2026, 3, 1)
    assert plan_initial(tree.district, today)["signing_authority"] == "T/M BAN THƯỜNG VỤ"
    initial = plan_initial(tree.branch_a, today)
    assert (initial["signing_authority"], initial["signer_title"]) == BRANCH
    assert initial["issuer_line"] == "CHI HỘI NÔNG DÂN THÔN 1"


BRANCH = ("T/M BAN CHI HỘI", "CHI HỘI TRƯỞNG")


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        (
            "Kế hoạch thực hiện phong trào thi đua năm 2022",
            "Kế hoạch thực hiện phong trào thi đua năm 2022",
        ),
        ("kế hoạch tổ chức thi đua", "Kế hoạch tổ chức thi đua"),
        ("Thực hiện phong trào thi đua", "Kế hoạch thực hiện phong trào thi đua"),
    ],
)
def test_a_plan_names_itself(make_plan, title, phrase):
    assert plan_phrase(make_plan(title=title)) == phrase


def test_a_communes_own_plan_speaks_as_the_commune_to_its_branches(open_plan, tree):
    texts = child_texts(open_plan, tree.commune_a)
    assert texts["preamble"] == (
        "Ban Thường vụ Hội Nông dân xã Ea Bá xây dựng Kế hoạch thực hiện phong trào thi đua "
        "năm 2022, cụ thể như sau:"
    )
    assert texts["closing"] == (
        "Trên đây là Kế hoạch thực hiện phong trào thi đua năm 2022 của Ban Thường vụ Hội Nông "
        "dân xã Ea Bá, đề nghị các chi hội tổ chức triển khai thực hiện tốt nội dung kế hoạch "
        "này./."
    )
    assert texts["organisation"] == [
        "Các chi hội căn cứ nội dung kế hoạch này và tình hình thực tế của đơn vị tổ chức triển "
        "khai thực hiện; đề xuất mô hình, sáng kiến, ý tưởng mới về Ban Thường vụ Hội Nông dân "
        "xã Ea Bá.",
        "Ban Thường vụ Hội Nông dân xã Ea Bá theo dõi, đôn đốc việc thực hiện; gửi kế hoạch và "
        "danh sách đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới về Hội Nông dân huyện Sông "
        "Hinh trước ngày 10/4/2022.",
        "Báo cáo kết quả thực hiện về Hội Nông dân huyện Sông Hinh trước ngày 25/10/2022.",
    ]


def test_a_unit_with_no_units_under_it_addresses_its_members(open_plan, tree):
    bare = unit_create(actor=None, parent=tree.district, name="Ea Trol", kind=UnitKind.COMMUNE)
    texts = child_texts(open_plan, bare)
    assert "đề nghị cán bộ, hội viên tổ chức" in texts["closing"]
    assert all("chi hội" not in line for line in texts["organisation"])
    assert len(texts["organisation"]) == 2
