"""Loading the national units (org/domain/admin_units.py): Phú Yên in both structures, once."""

import datetime

from thidua.org.domain.admin_units import load_admin_units
from thidua.org.models import Succession, Unit

REFORM = datetime.date(2025, 7, 1)


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
