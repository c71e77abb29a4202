"""The unit tree: paths, subtree queries, validity and history over a reorganisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.org.domain.admin_units import load_admin_units
from thidua.org.domain.history import units_over_time
from thidua.org.domain.units import unit_create
from thidua.org.models import Succession, Unit, UnitKind

REFORM = datetime.date(2025, 7, 1)


def test_paths_nest_and_subtree_is_one_query(tree):
    assert tree.branch_a.path.startswith(tree.commune_a.path)
    with CaptureQueriesContext(connection) as queries:
        names = set(tree.district.descendants().values_list("name", flat=True))
    assert len(queries) == 1
    assert names == {"Sông Hinh", "Ea Bá", "Ea Ly", "Thôn 1", "Thôn 2"}


def test_ancestors_read_from_the_path(tree):
    assert [u.name for u in tree.branch_a.ancestors()] == [
        "Việt Nam",
        "Phú Yên",
        "Sông Hinh",
        "Ea Bá",
    ]


def test_full_names_follow_the_association_style(tree):
    assert tree.province.full_name == "Hội Nông dân tỉnh Phú Yên"
    assert tree.district.full_name == "Hội Nông dân huyện Sông Hinh"
    assert tree.branch_a.full_name == "Chi hội Thôn 1"
    assert tree.other_commune.full_name == "Hội Nông dân Phường 1"
    assert tree.central.full_name == "Trung ương Hội Nông dân Việt Nam"


def test_a_unit_cannot_sit_at_or_above_its_parents_level(tree):
    with pytest.raises(ValidationError):
        unit_create(actor=None, parent=tree.commune_a, name="X", kind=UnitKind.DISTRICT)


def test_validity_period_must_not_end_before_it_starts(tree):
    with pytest.raises(ValidationError):
        unit_create(
            actor=None,
            parent=tree.district,
            name="Sai",
            kind=UnitKind.COMMUNE,
            valid_from=datetime.date(2025, 7, 1),
            valid_to=datetime.date(2025, 6, 1),
        )


@pytest.fixture
def phu_yen(db):
    load_admin_units(old_provinces={"54"})
    return Unit.objects.get(level=1, code="54")


def test_phu_yen_loads_in_both_structures_with_its_successions(phu_yen):
    song_hinh = Unit.objects.get(level=2, code="561")
    assert song_hinh.parent == phu_yen
    assert song_hinh.valid_to == datetime.date(2025, 6, 30)
    communes = list(song_hinh.children.values_list("name", flat=True))
    assert len(communes) == 11
    assert "Hai Riêng" in communes
    successors = set(
        Succession.objects.filter(predecessor__parent=song_hinh).values_list(
            "successor__name", flat=True
        )
    )
    assert successors == {"Sông Hinh", "Ea Ly", "Đức Bình", "Ea Bá"}
    ea_bar = Succession.objects.filter(predecessor__name="Ea Bar", predecessor__parent=song_hinh)
    assert sorted(ea_bar.values_list("kind", "is_main", "successor__name")) == [
        ("split", False, "Ea Ly"),
        ("split", True, "Ea Bá"),
    ]
    dak_lak = Unit.objects.get(level=1, code="66", valid_from=REFORM)
    assert Succession.objects.filter(predecessor=phu_yen, successor=dak_lak, kind="merge").exists()


def test_loading_twice_changes_nothing(phu_yen):
    before = Unit.objects.count()
    assert load_admin_units(old_provinces={"54"}) == {"units": 0, "successions": 0}
    assert Unit.objects.count() == before


def test_a_report_over_a_period_shows_old_and_new_units(phu_yen):
    dak_lak = Unit.objects.get(level=1, code="66", valid_from=REFORM)
    in_2022 = set(
        units_over_time(dak_lak, datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
        .filter(level=3)
        .values_list("name", flat=True)
    )
    in_2026 = set(
        units_over_time(dak_lak, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
        .filter(level=3)
        .values_list("name", flat=True)
    )
    spanning = units_over_time(dak_lak, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert "Hai Riêng" in in_2022
    assert "Đức Bình" not in in_2022
    assert "Đức Bình" in in_2026
    assert "Hai Riêng" not in in_2026
    names = set(spanning.filter(level=3).values_list("name", flat=True))
    assert {"Hai Riêng", "Đức Bình"} <= names


def test_active_on_a_day_picks_the_structure_in_force(phu_yen):
    song_hinh_units = Unit.objects.filter(name="Sông Hinh", level=3)
    assert song_hinh_units.active_on(datetime.date(2022, 3, 8)).get().valid_to == datetime.date(
        2025, 6, 30
    )
    assert song_hinh_units.active_on(datetime.date(2026, 11, 29)).get().valid_from == REFORM
