"""Where units lie and the replication map (replication/geography.py), and the shipped data
file (replication/data/unit_points.csv) against the units of org/data."""

import csv
from pathlib import Path

from lxml import etree

from tests.helpers import successor
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.replication import geography
from thidua.replication.geography import Marker, map_svg, outline, place_of

ORG_DATA = Path(geography.__file__).resolve().parent.parent / "org" / "data"
SVG = "{http://www.w3.org/2000/svg}"


def test_every_unit_of_both_structures_has_a_point_in_vietnam_within_its_box():
    places = geography._places()
    for structure in ("legacy", "current"):
        with (ORG_DATA / f"units_{structure}.csv").open(encoding="utf-8") as source:
            for row in csv.DictReader(source):
                place = places[(structure, row["level"], row["code"])]
                assert 6 < place.lat < 24, row
                assert 102 < place.lon < 118, row  # the islands: Hoàng Sa, Trường Sa
                assert place.south <= place.lat <= place.north, row
                assert place.west <= place.lon <= place.east, row


def test_a_commune_a_branch_and_a_new_commune_are_placed(tree):
    ea_ba = place_of(tree.commune_a)
    assert (ea_ba.lat, ea_ba.lon) == (13.010, 108.820)  # legacy ward 22216
    assert place_of(tree.branch_a) == ea_ba  # a branch sits at its commune
    assert place_of(tree.central) is None
    hand_made = unit_create(actor=None, parent=tree.district, name="Ea Mới", kind=UnitKind.COMMUNE)
    assert place_of(hand_made) is None
    new = successor(tree.province, tree.commune_a)
    new.code = "22225"  # today's Ea Bá in the current structure (also an old code: Ea Bar)
    assert geography.structure_of(new) == "current"
    assert place_of(new) != place_of(tree.commune_a)


def test_the_outline_holds_every_commune_of_the_area(tree):
    shape = outline([tree.commune_a, tree.commune_b])
    assert len(shape) >= 4
    lats = [lat for lat, _lon in shape]
    lons = [lon for _lat, lon in shape]
    for commune in (tree.commune_a, tree.commune_b):
        p = place_of(commune)
        assert min(lats) <= p.lat <= max(lats)
        assert min(lons) <= p.lon <= max(lons)


def test_the_map_marks_the_origin_and_the_copies_and_says_them_in_words(tree):
    hostile = unit_create(
        actor=None,
        parent=tree.district,
        name="<script>x</script>",
        kind=UnitKind.COMMUNE,
        code="22228",
    )
    svg = map_svg(
        title="Bản đồ",
        area=tree.district,
        markers=[
            Marker(unit=tree.commune_a, label="xã Ea Bá", kind="origin"),
            Marker(unit=hostile, label=hostile.area_name, kind="replicated"),
            Marker(unit=tree.other_commune, label="Phường 1", kind="replicated"),
        ],
    )
    assert "<script>" not in svg
    root = etree.fromstring(svg.encode())
    assert root.find(f"{SVG}polygon[@class='outline']") is not None
    marked = {g.get("data-unit"): g.get("class") for g in root.iter(f"{SVG}g")}
    assert marked == {
        str(tree.commune_a.pk): "marker marker--origin",
        str(hostile.pk): "marker marker--replicated",
    }
    desc = root.find(f"{SVG}desc").text
    assert "xã Ea Bá" in desc
    assert "&lt;script&gt;" not in desc
    assert "Phường 1" in desc
    # Ea Ly, in the district but not marked, is a plain dot.
    assert root.find(f"{SVG}circle[@data-unit='{tree.commune_b.pk}']") is not None
