"""Units over time (org/domain/history.py): a report over a period shows old and new units."""

import datetime

from thidua.org.domain.history import units_over_time
from thidua.org.models import Unit

REFORM = datetime.date(2025, 7, 1)


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
