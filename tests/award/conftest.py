from types import SimpleNamespace

import pytest

from tests.replication.decided import honoured_entries
from thidua.org.domain.people import membership_grant
from thidua.org.models import Role


@pytest.fixture
def honoured(council, entry, tree):
    """(Ea Bá's model, nominated for the national award; Ea Ly's entry, not honoured)."""
    return honoured_entries(council, entry, tree)


@pytest.fixture
def levels(tree, make_person, officer):
    """One officer at each level of the nomination's way, and one beside it."""
    district = make_person("huyen", Role.OFFICER, tree.district, full_name="Văn phòng huyện")
    # The district's office administers it too, as the demo's: it runs the council's decision.
    membership_grant(actor=None, person=district, unit=tree.district, role=Role.ADMIN)
    return SimpleNamespace(
        commune=officer,  # Ea Bá, the registering unit
        district=district,
        province=make_person("tinh", Role.OFFICER, tree.province, full_name="Văn phòng tỉnh"),
        national=make_person("tw", Role.OFFICER, tree.central, full_name="Văn phòng Trung ương"),
        outsider=make_person("tuyhoa", Role.OFFICER, tree.other_district, full_name="Tuy Hòa"),
        district_viewer=make_person("xem", Role.VIEWER, tree.district, full_name="Người xem"),
    )
