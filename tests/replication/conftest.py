import pytest

from tests.replication.decided import honoured_entries
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind


@pytest.fixture
def honoured(council, entry, tree):
    """(Ea Bá's nominated model, Ea Ly's entry the council did not honour)."""
    return honoured_entries(council, entry, tree)


@pytest.fixture
def ea_ly(tree, make_person):
    """An officer of Ea Ly (commune B), whose commune may replicate Ea Bá's model."""
    return make_person("ealy", Role.OFFICER, tree.commune_b, full_name="Y Ly Niê")


@pytest.fixture
def ea_bia(tree):
    """A third commune of the district, with a branch."""
    commune = unit_create(
        actor=None, parent=tree.district, name="Ea Bia", kind=UnitKind.COMMUNE, code="22228"
    )
    unit_create(actor=None, parent=commune, name="Buôn Mùi", kind=UnitKind.BRANCH)
    return commune
