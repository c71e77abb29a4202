"""The unit tree (org/models/units.py): paths, subtree and ancestors, full names, validity."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.org.models import Unit

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


def test_active_on_a_day_picks_the_structure_in_force(phu_yen):
    song_hinh_units = Unit.objects.filter(name="Sông Hinh", level=3)
    assert song_hinh_units.active_on(datetime.date(2022, 3, 8)).get().valid_to == datetime.date(
        2025, 6, 30
    )
    assert song_hinh_units.active_on(datetime.date(2026, 11, 29)).get().valid_from == REFORM
