"""Light, accessible SVG charts drawn on the server, readable on a 360 px phone.

Each function returns an ``<svg>`` string whose every text went through ``html.escape``
(so ``|safe`` is fine). It fills its container up to ``width`` px; fonts are a share of
the width (23 at 640, about 12 px on a phone). ``<desc>`` says every value in words.
"""

import hashlib
import html
import math
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.core import numbers
from thidua.core.text import nfc

# Okabe–Ito blue, vermilion and bluish green, then purple, magenta and slate:
# each at least 3:1 against white, and apart in hue or in saturation.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#7C3AED", "#BE185D", "#475569")
NO_DATA = "—"
EMPTY = gettext_lazy("No data yet")
INK = "#1f2937"
AXIS = "#6b7280"
PAD = 8
CHAR = 0.55  # average glyph width as a share of the font size
WIDTH = 360  # the drawing's width in SVG units: about as wide as it is shown on a phone


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | int | None]  # None: no data, drawn as "—", never as a zero bar
    color: str


def format_number(value: float, unit: str = "") -> str:
    """A chart's figure the Vietnamese way (``core.numbers``), at most two decimals, then
    the unit: "1.500.000", "2,5 ha", "40%"."""
    shown = Decimal(str(value)).quantize(Decimal("0.01")) if isinstance(value, float) else value
    text = numbers.format_number(shown)
    if not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"


def bar_chart(
    *,
    title: str,
    labels: list[str],
    series: list[Series],
    stacked: bool = False,
    unit: str = "",
    width: int = WIDTH,
    row_height: int = 28,
    max_value: float | None = None,
) -> str:
    """Horizontal bars, one row per label (label on its own line above the bars)."""
    rows = [
        [s.values[i] if i < len(s.values) else None for s in series] for i in range(len(labels))
    ]
    if all(v is None for row in rows for v in row):
        return _empty(title, width)
    totals = [_total(row) for row in rows]
    shown = totals if stacked else [v for row in rows for v in row]
    top = max_value or _nice(max((v for v in shown if v is not None), default=0))
    font, small = _sizes(width)
    reserve = max(len(format_number(v, unit)) for v in shown if v is not None) * CHAR * small
    plot = _Plot(x0=PAD, width=width - 2 * PAD - reserve - 6, top=top, unit=unit, small=small)
    out, y = _heading(title, width, font)
    if len(series) > 1:
        legend, y = _legend([(s.name, s.color) for s in series], width, small, y)
        out += legend
    count = 1 if stacked else len(series)
    band = max(row_height, count * (small + 4))
    for label, row in zip(labels, rows, strict=True):
        lines = _wrap(label, width, font)
        out.append(_text(PAD, y + font, lines, font))
        y += len(lines) * font * 1.25 + 4
        if stacked:
            out += plot.stack(row, [s.color for s in series], y, band)
        else:
            out += [
                plot.bar(v, s.color, y + k * band / count, band / count)
                for k, (s, v) in enumerate(zip(series, row, strict=True))
            ]
        y += band + font * 0.5
    out.append(plot.axis(y))
    return _svg(
        width, y + small * 2 + PAD, title, _bar_desc(labels, series, rows, stacked, unit), out
    )


def histogram(
    *,
    title: str,
    values: list[float],
    bins: list[tuple[float, float]],
    color: str,
    unit: str = "",
    width: int = WIDTH,
) -> str:
    """Vertical bars counting the values in each bin [low, high), the last one [low, high]."""
    values = [v for v in values if v is not None]
    if not values or not bins:
        return _empty(title, width)
    last = len(bins) - 1
    counts = [
        sum(lo <= v < hi or (i == last and v == hi) for v in values)
        for i, (lo, hi) in enumerate(bins)
    ]
    names = [f"{format_number(low)}–{format_number(high)}" for low, high in bins]
    font, small = _sizes(width)
    out, y = _heading(title, width, font)
    slot, height = (width - 2 * PAD) / len(bins), round(width * 0.4)
    base = y + small * 1.5 + height
    for i, (name, count) in enumerate(zip(names, counts, strict=True)):
        h = round(count / max(max(counts), 1) * height, 2)
        middle = PAD + (i + 0.5) * slot
        out.append(_rect(PAD + i * slot + slot * 0.1, base - h, slot * 0.8, h, color))
        out.append(_text(middle, base - h - 4, [format_number(count)], small, "middle"))
        size = min(small, slot / (len(name) * CHAR))
        out.append(_text(middle, base + size * 1.3, [name], size, "middle"))
    out.append(_line(PAD, base, width - PAD, base))
    if unit:
        out.append(_text(width - PAD, base + small * 2.8, [unit], small, "end", AXIS))
    suffix = f" {unit}" if unit else ""
    desc = " ".join(
        _("Range %(range)s: %(count)s.") % {"range": f"{n}{suffix}", "count": c}
        for n, c in zip(names, counts, strict=True)
    )
    summary = _("%(count)s values in all.") % {"count": len(values)}
    return _svg(width, base + small * 3.2 + PAD, title, f"{summary} {desc}", out)


def percent_bar(*, title: str, parts: list[tuple[str, int, str]], width: int = WIDTH) -> str:
    """One 100 % stacked bar (e.g. on time / late / missing), legend with counts and %."""
    names, counts, colors = (
        (list(column) for column in zip(*parts, strict=True)) if parts else ([],) * 3
    )
    total = sum(counts)
    if total <= 0:
        return _empty(title, width)
    font, small = _sizes(width)
    out, y = _heading(title, width, font)
    plot = _Plot(x0=PAD, width=width - 2 * PAD, top=total, unit="", small=small)
    out += plot.stack([c or None for c in counts], colors, y, font * 2, labelled=False)
    said = [
        f"{n}: {format_number(c)} ({p}%)"
        for n, c, p in zip(names, counts, _percents(counts), strict=True)
    ]
    legend, y = _legend(list(zip(said, colors, strict=True)), width, small, y + font * 2.5)
    desc = _("Total %(total)s.") % {"total": format_number(total)} + " " + "; ".join(said) + "."
    return _svg(width, y + PAD, title, desc, out + legend)


@dataclass
class _Plot:
    """Maps values to bar lengths and draws the bars of one row."""

    x0: float
    width: float
    top: float
    unit: str
    small: int

    def x(self, value: float) -> float:
        return self.x0 + round(min(max(value, 0), self.top) / self.top * self.width, 2)

    def value_label(self, x: float, y: float, height: float, value: float | None) -> str:
        text = NO_DATA if value is None else format_number(value, self.unit)
        return _text(x + 4, y + height / 2 + self.small * 0.35, [text], self.small)

    def bar(self, value, color, y, slot) -> str:
        end = self.x0 if value is None else self.x(value)
        rect = "" if value is None else _rect(self.x0, y + 1, end - self.x0, slot - 2, color)
        return rect + self.value_label(end, y, slot, value)

    def stack(self, row, colors, y, band, *, labelled=True) -> list[str]:
        out, start, running = [], self.x0, 0
        for value, color in zip(row, colors, strict=True):
            if value is not None:
                running += value
                end = self.x(running)
                out.append(_rect(start, y + 1, end - start, band - 2, color, stroke=True))
                start = end
        if labelled:
            out.append(self.value_label(start, y, band, _total(row)))
        return out

    def axis(self, y: float) -> str:
        ticks = [self.top * k / 2 for k in range(3)]
        marks = [
            _text(self.x(t), y + self.small * 1.3, [format_number(t)], self.small, anchor, AXIS)
            for t, anchor in zip(ticks, ("start", "middle", "end"), strict=True)
        ]
        return _line(self.x0, y, self.x0 + self.width, y) + "".join(marks)


def _total(row):
    present = [v for v in row if v is not None]
    return sum(present) if present else None


def _nice(value: float) -> float:
    """The scale's end: the value rounded up to 1, 1.2, 1.6, 2, 3, 4, 5, 6 or 8 × 10ⁿ."""
    if value <= 0:
        return 1
    step = 10 ** math.floor(math.log10(value))
    return next(m * step for m in (1, 1.2, 1.6, 2, 3, 4, 5, 6, 8, 10) if m * step >= value)


def _percents(counts: list[int]) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder)."""
    raw = [c * 100 / sum(counts) for c in counts]
    whole = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - whole[i], reverse=True)
    for i in order[: 100 - sum(whole)]:
        whole[i] += 1
    return whole


def _say(value, unit):
    return str(_("no data")) if value is None else format_number(value, unit)


def _bar_desc(labels, series, rows, stacked, unit) -> str:
    sentences = []
    for label, row in zip(labels, rows, strict=True):
        if len(series) == 1:
            said = _say(row[0], unit)
        else:
            said = "; ".join(f"{s.name} {_say(v, unit)}" for s, v in zip(series, row, strict=True))
            said += (
                "; " + _("total %(total)s") % {"total": _say(_total(row), unit)} if stacked else ""
            )
        sentences.append(f"{label}: {said}.")
    return " ".join(sentences)


def _sizes(width: int) -> tuple[int, int]:
    # Drawn WIDTH units wide and shown 328 px (a 360 px phone) to 448 px wide (the CSS caps
    # it at 28rem), a chart's text is never under 12 px: 14 units at the smallest.
    font = max(15, round(width / 24))
    return font, max(14, round(font * 0.9))


def _wrap(text: str, width: float, font: float) -> list[str]:
    """Greedy word wrap by an estimate of the glyph width (SVG text does not wrap)."""
    limit, lines = max(int((width - 2 * PAD) / (CHAR * font)), 8), []
    for word in nfc(text).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _heading(title: str, width: int, font: int) -> tuple[list[str], float]:
    lines = _wrap(title, width, font)
    return [_text(PAD, PAD + font, lines, font, weight="600")], PAD + len(lines) * font * 1.25 + 8


def _legend(items, width, size, y) -> tuple[list[str], float]:
    """Dots and names, flowing onto more lines when they do not fit."""
    out, x, y = [], PAD, y + size
    for name, color in items:
        step = size * 1.4 + len(nfc(name)) * CHAR * size
        if x > PAD and x + step > width - PAD:
            x, y = PAD, y + size * 1.5
        out.append(
            f'<circle cx="{_n(x + size / 2)}" cy="{_n(y - size * 0.35)}" '
            f'r="{_n(size * 0.4)}" fill="{_esc(color)}"/>'
        )
        out.append(_text(x + size * 1.1, y, [name], size))
        x += step + size
    return out, y + size


def _esc(text) -> str:
    return html.escape(nfc(str(text)))


def _n(number: float) -> str:
    return f"{number:.2f}".rstrip("0").rstrip(".")


def _text(x, y, lines, size, anchor="start", fill=None, weight=None) -> str:
    attrs = f'x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"'
    attrs += f' text-anchor="{anchor}"' if anchor != "start" else ""
    attrs += f' fill="{fill}"' if fill else ""
    attrs += f' font-weight="{weight}"' if weight else ""
    if len(lines) == 1:
        return f"<text {attrs}>{_esc(lines[0])}</text>"
    spans = "".join(
        f'<tspan x="{_n(x)}" dy="{"0" if i == 0 else "1.25em"}">{_esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f"<text {attrs}>{spans}</text>"


def _rect(x, y, width, height, color, *, stroke=False) -> str:
    edge = ' stroke="#fff" stroke-width="1"' if stroke else ""
    return (
        f'<rect class="bar" x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" '
        f'height="{_n(height)}" fill="{_esc(color)}"{edge}/>'
    )


def _line(x1, y1, x2, y2) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{AXIS}" stroke-width="1"/>'
    )


def _empty(title: str, width: int) -> str:
    font, _ = _sizes(width)
    out, y = _heading(title, width, font)
    out.append(_text(PAD, y + font, [EMPTY], font, fill=AXIS))
    return _svg(width, y + font * 2, title, EMPTY, out)


def _svg(width, height, title, desc, body) -> str:
    content = "".join(body)
    uid = "chart-" + hashlib.sha256(f"{title}\n{desc}\n{content}".encode()).hexdigest()[:10]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_n(height)}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" '
        f'role="img" aria-labelledby="{uid}-t {uid}-d" font-family="system-ui, sans-serif" '
        f'fill="{INK}"><title id="{uid}-t">{_esc(title)}</title>'
        f'<desc id="{uid}-d">{_esc(desc)}</desc>{content}</svg>'
    )
