"""Where units lie, and the map of a model's replications: an SVG drawn on the server from
the points shipped in `data/unit_points.csv` (no tile server, no network: it works offline).

The data gives each province, district and ward of both structures a point and a box (see
`data/README.md`). An area's outline is the convex hull of the boxes of the communes in it:
an approximation, the source having no boundaries, but the communes sit where they are. A
branch or group has no point of its own: it is drawn at its commune's.
"""

import csv
import functools
import hashlib
import html
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from thidua.core.text import nfc
from thidua.initiatives.models import Registration
from thidua.org.domain.admin_units import REFORM_DATE
from thidua.org.models import Unit, UnitLevel
from thidua.replication.models import Replication

DATA = Path(__file__).resolve().parent / "data" / "unit_points.csv"
LEVEL_NAMES = {
    UnitLevel.PROVINCE: "province",
    UnitLevel.DISTRICT: "district",
    UnitLevel.COMMUNE: "ward",
}
WIDTH = 360  # SVG units: about as wide as a phone shows it
PAD = 14
FONT = 12
OUTLINE = "#e8efe6"
EDGE = "#6b7280"
OTHER = "#9ca3af"
REPLICATED = "#0072B2"  # Okabe–Ito blue, as the charts
ORIGIN = "#D55E00"  # vermilion
INK = "#1f2937"


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    south: float
    west: float
    north: float
    east: float


@functools.cache
def _places() -> dict[tuple[str, str, str], Place]:
    with DATA.open(encoding="utf-8", newline="") as source:
        return {
            (row["structure"], row["level"], row["code"]): Place(
                *(float(row[k]) for k in ("lat", "lon", "south", "west", "north", "east"))
            )
            for row in csv.DictReader(source)
        }


def structure_of(unit: Unit) -> str:
    """ "current" for the units of the structure in force from 1/7/2025, else "legacy"."""
    return "current" if unit.valid_from and unit.valid_from >= REFORM_DATE else "legacy"


def place_of(unit: Unit) -> Place | None:
    """The unit's point and box; a branch's or group's are its commune's (read through the
    parents, so select them). None for a unit the data does not know (a central unit, one
    made by hand without a code)."""
    while unit is not None and unit.level > UnitLevel.COMMUNE:
        unit = unit.parent
    if unit is None or unit.level not in LEVEL_NAMES or not unit.code:
        return None
    return _places().get((structure_of(unit), LEVEL_NAMES[unit.level], unit.code))


def communes_of(area: Unit) -> list[Unit]:
    """The commune-level units of an area (itself, if it is one), in Vietnamese order; none
    for the whole country (thousands of dots say nothing on a phone)."""
    if area.level < UnitLevel.PROVINCE:
        return []
    if area.level >= UnitLevel.COMMUNE:
        return [area]
    return list(area.descendants().filter(level=UnitLevel.COMMUNE).in_vietnamese_order())


def outline(communes: list[Unit]) -> list[tuple[float, float]]:
    """The convex hull, as (lat, lon) points, of the boxes of these communes."""
    corners = set()
    for commune in communes:
        p = place_of(commune)
        if p is not None:
            corners.update(
                {(p.south, p.west), (p.south, p.east), (p.north, p.west), (p.north, p.east)}
            )
    return _hull(sorted(corners))


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; the points sorted."""
    if len(points) < 3:
        return points

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    upper: list = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


@dataclass(frozen=True)
class Marker:
    unit: Unit  # the commune (or branch) drawn
    label: str
    kind: str  # "origin" or "replicated"


def map_svg(*, title: str, area: Unit, markers: list[Marker]) -> str:
    """The area's outline, every commune in it as a small grey dot, the model's own commune
    as a vermilion diamond and the communes that replicated it as blue dots with their names.
    Its ``<desc>`` names every marked commune in words; every text is escaped."""
    communes = communes_of(area)
    shape = outline(communes)
    marked = [(m, place_of(m.unit)) for m in markers]
    marked = [(m, p) for m, p in marked if p is not None]
    points = [(lat, lon) for lat, lon in shape] + [(p.lat, p.lon) for _m, p in marked]
    dots = [(c, place_of(c)) for c in communes]
    points += [(p.lat, p.lon) for _c, p in dots if p is not None]
    unplaced = [m.label for m in markers if place_of(m.unit) is None]
    desc = _describe(area, markers, unplaced)
    if not points:
        return _svg(WIDTH, FONT * 3, title, desc, [_text(PAD, FONT * 2, desc, fill=EDGE)])
    south, north = min(p[0] for p in points), max(p[0] for p in points)
    west, east = min(p[1] for p in points), max(p[1] for p in points)
    squash = math.cos(math.radians((south + north) / 2))  # a degree of longitude is shorter
    span_x = max((east - west) * squash, 1e-3)
    span_y = max(north - south, 1e-3)
    scale = (WIDTH - 2 * PAD) / max(span_x, span_y * 0.9)
    height = span_y * scale + 2 * PAD + FONT

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return PAD + (lon - west) * squash * scale, PAD + (north - lat) * scale

    out = []
    if len(shape) >= 3:
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in (xy(*p) for p in shape))
        out.append(
            f'<polygon class="outline" points="{path}" fill="{OUTLINE}" stroke="{EDGE}" '
            'stroke-width="1" stroke-dasharray="4 3"/>'
        )
    taken = {m.unit.pk for m, _p in marked}
    for commune, p in dots:
        if p is None or commune.pk in taken:
            continue
        x, y = xy(p.lat, p.lon)
        out.append(
            f'<circle class="commune" data-unit="{commune.pk}" cx="{_n(x)}" cy="{_n(y)}" r="2.5" '
            f'fill="#fff" stroke="{OTHER}"><title>{_esc(commune.area_name)}</title></circle>'
        )
    for marker, p in marked:
        x, y = xy(p.lat, p.lon)
        if marker.kind == "origin":
            r = 6
            shape_svg = (
                f'<polygon points="{_n(x)},{_n(y - r)} {_n(x + r)},{_n(y)} {_n(x)},{_n(y + r)} '
                f'{_n(x - r)},{_n(y)}" fill="{ORIGIN}" stroke="#fff"/>'
            )
        else:
            shape_svg = (
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="5" fill="{REPLICATED}" stroke="#fff"/>'
            )
        anchor = "end" if x > WIDTH * 0.62 else "start"
        dx = -8 if anchor == "end" else 8
        out.append(
            f'<g class="marker marker--{marker.kind}" data-unit="{marker.unit.pk}">{shape_svg}'
            f"{_text(x + dx, y + FONT * 0.35, marker.label, anchor=anchor, halo=True)}</g>"
        )
    return _svg(WIDTH, height, title, desc, out)


def _describe(area: Unit, markers: list[Marker], unplaced: list[str]) -> str:
    origin = [m.label for m in markers if m.kind == "origin"]
    copies = [m.label for m in markers if m.kind == "replicated"]
    parts = [_("Map of %(area)s.") % {"area": area.area_name}]
    if origin:
        parts.append(_("The model comes from %(units)s.") % {"units": ", ".join(origin)})
    if copies:
        parts.append(_("Replicated in %(units)s.") % {"units": ", ".join(copies)})
    else:
        parts.append(_("Not replicated anywhere yet."))
    if unplaced:
        missing = ", ".join(unplaced)
        parts.append(_("Not on the map (no coordinates): %(units)s.") % {"units": missing})
    return " ".join(parts)


def _esc(text) -> str:
    return html.escape(nfc(str(text)))


def _n(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _text(x, y, text, *, anchor="start", fill=INK, halo=False) -> str:
    place = f'x="{_n(x)}" y="{_n(y)}" font-size="{FONT}" text-anchor="{anchor}"'
    # A white halo keeps a name readable over the outline's edge and the other dots: the
    # name drawn first with a white stroke (hidden from screen readers), then over it.
    # (The paint-order attribute would do it in one, but HTML does not allow it.)
    under = (
        f'<text {place} fill="#fff" stroke="#fff" stroke-width="3" aria-hidden="true">'
        f"{_esc(text)}</text>"
        if halo
        else ""
    )
    return f'{under}<text {place} fill="{fill}">{_esc(text)}</text>'


def _svg(width, height, title, desc, body) -> str:
    content = "".join(body)
    uid = "map-" + hashlib.sha256(f"{title}\n{desc}\n{content}".encode()).hexdigest()[:10]
    return (
        f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" font-family="system-ui, sans-serif">'
        f'<title id="{uid}-t">{_esc(title)}</title><desc id="{uid}-d">{_esc(desc)}</desc>'
        f"{content}</svg>"
    )


def model_map(registration: Registration, replications: list[Replication]) -> str:
    """The map of a model: the area of the unit that honoured it, the model's own commune
    and the communes replicating it."""
    area = registration.plan.unit
    markers = [Marker(unit=registration.unit, label=registration.unit.area_name, kind="origin")]
    markers += [
        Marker(unit=r.unit, label=r.unit.area_name, kind="replicated") for r in replications
    ]
    title = _("Where “%(model)s” has been replicated") % {"model": registration.name}
    return map_svg(title=title, area=area, markers=markers)
