"""SVG charts: well-formed, proportional, escaped, accessible; no database needed."""

import itertools
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest

from thidua.core.charts import (
    EMPTY,
    NO_DATA,
    PALETTE,
    WIDTH,
    Series,
    bar_chart,
    format_number,
    histogram,
    percent_bar,
)

SVG = "{http://www.w3.org/2000/svg}"
UNITS = [
    "Hội Nông dân xã Đức Bình Đông",
    "Hội Nông dân xã Ea Bá",
    "Hội Nông dân thị trấn Hai Riêng",
]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 -- our own output, parsed to prove it is well-formed
    assert root.tag == f"{SVG}svg"
    return root


def bars(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}rect"))


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def width(rect: ET.Element) -> float:
    return float(rect.get("width"))


def linear(colour: str) -> list[float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    r, g, b = linear(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65), to measure how far apart two colours look."""
    r, g, b = linear(colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    fx, fy, fz = (
        t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in (x, y, z)
    )
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1_500_000, "", "1.500.000"),
        (2.5, "", "2,5"),
        (3.0, "", "3"),
        (1234.567, "", "1.234,57"),
        (0, "", "0"),
        (85, "%", "85%"),
        (1_500_000, "đ", "1.500.000 đ"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(value, unit, expected):
    assert format_number(value, unit) == expected


def test_one_bar_per_value_and_none_draws_a_dash_not_a_zero_bar():
    series = [
        Series("Kế hoạch", [10, None, 30], PALETTE[0]),
        Series("Đạt", [5, 0, None], PALETTE[1]),
    ]
    root = parse(bar_chart(title="Sáng kiến", labels=UNITS, series=series))
    assert len(bars(root)) == 4  # a zero is data: its bar is drawn, zero wide
    assert texts(root).count(NO_DATA) == 2
    assert sorted(width(r) for r in bars(root))[0] == 0


def test_bar_widths_are_proportional_to_values():
    values = [10, 20, 40, 5, 2.5]
    series = [Series("Điểm", values, PALETTE[0])]
    widths = [
        width(r) for r in bars(parse(bar_chart(title="Điểm", labels=UNITS * 2, series=series)))
    ]
    longest = max(widths)
    for value, bar in zip(values, widths, strict=True):
        assert bar == pytest.approx(longest * value / 40, abs=1)


def test_max_value_sets_the_scale_and_longer_bars_are_clipped():
    series = [Series("Tỉ lệ", [50, 100, 150], PALETTE[0])]
    chart = bar_chart(title="Tỉ lệ", labels=UNITS, series=series, unit="%", max_value=100)
    half, full, over = (width(r) for r in bars(parse(chart)))
    assert half == pytest.approx(full / 2, abs=1)
    assert over == full
    assert "150%" in texts(parse(chart))


def test_grouped_bars_sit_side_by_side_and_are_thinner():
    one = parse(bar_chart(title="T", labels=UNITS, series=[Series("A", [1, 2, 3], PALETTE[0])]))
    two = parse(
        bar_chart(
            title="T",
            labels=UNITS,
            series=[Series("A", [1, 2, 3], PALETTE[0]), Series("B", [3, 2, 1], PALETTE[1])],
        )
    )
    assert float(bars(two)[0].get("height")) < float(bars(one)[0].get("height"))
    first, second = bars(two)[:2]
    assert float(second.get("y")) >= float(first.get("y")) + float(first.get("height"))
    assert len(list(two.iter(f"{SVG}circle"))) == 2  # legend, only with several series
    assert not list(one.iter(f"{SVG}circle"))


def test_stacked_segments_add_up_to_the_row_total():
    series = [
        Series("Cấp xã", [10, 20, None], PALETTE[0]),
        Series("Cấp huyện", [5, None, None], PALETTE[1]),
        Series("Cấp tỉnh", [15, 20, None], PALETTE[2]),
    ]
    root = parse(bar_chart(title="Khen thưởng", labels=UNITS, series=series, stacked=True))
    rows = defaultdict(list)
    for rect in bars(root):
        rows[rect.get("y")].append(rect)
    assert [len(row) for row in rows.values()] == [3, 2]  # the None segments and row are absent
    totals = []
    for row in rows.values():
        for left, right in itertools.pairwise(row):
            assert float(left.get("x")) + width(left) == pytest.approx(float(right.get("x")))
        totals.append(sum(width(r) for r in row))
    assert totals[1] == pytest.approx(totals[0] * 40 / 30, abs=1)
    assert {"30", "40", NO_DATA} <= set(texts(root))
    assert "tổng 30" in root.find(f"{SVG}desc").text


def test_text_is_escaped():
    nasty = ['<script>alert("x")</script>', "Tom & Jerry", "Nói \"hay\" 'đó'"]
    svg = bar_chart(
        title="A & B <i>",
        labels=nasty,
        series=[Series("<b>x</b>", [1, 2, 3], '"red'), Series("y", [1, 2, 3], PALETTE[1])],
        unit="<u>",
    )
    assert "<script" not in svg
    assert "<b>" not in svg
    assert "<i>" not in svg
    root = parse(svg)
    assert set(nasty) <= set(texts(root))
    assert root.find(f"{SVG}title").text == "A & B <i>"
    assert bars(root)[0].get("fill") == '"red'
    for chart in (
        histogram(title="<script>", values=[1], bins=[(0, 2)], color=PALETTE[0], unit="<s>"),
        percent_bar(title="&", parts=[("<script>", 1, PALETTE[0])]),
    ):
        assert "<script" not in chart
        parse(chart)


def test_title_and_desc_name_the_image():
    chart = bar_chart(
        title="Kinh phí vận động",
        labels=UNITS,
        series=[Series("Kinh phí", [1_500_000, None, 2.5], PALETTE[0])],
        unit="đ",
    )
    root = parse(chart)
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("preserveAspectRatio") == "xMinYMin meet"
    assert root.get("viewBox").startswith(f"0 0 {WIDTH} ")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text == "Kinh phí vận động"
    assert f"{UNITS[0]}: 1.500.000 đ." in desc.text
    assert f"{UNITS[1]}: không có số liệu." in desc.text
    assert f"{UNITS[2]}: 2,5 đ." in desc.text
    assert "1.500.000 đ" in texts(root)
    assert {"0", "800.000", "1.600.000"} <= set(texts(root))  # the axis ends on a round number


def test_two_charts_on_one_page_have_different_ids():
    series = [Series("A", [1], PALETTE[0])]
    first = parse(bar_chart(title="Một", labels=["x"], series=series))
    second = parse(bar_chart(title="Hai", labels=["x"], series=series))
    assert first.find(f"{SVG}title").get("id") != second.find(f"{SVG}title").get("id")


def test_long_labels_wrap_onto_lines_that_fit_a_phone():
    label = "Hội Nông dân xã Đức Bình Đông, huyện Sông Hinh, tỉnh Phú Yên (chi hội thôn 1)"
    root = parse(
        bar_chart(title="T", labels=[label], series=[Series("A", [1], PALETTE[0])], width=360)
    )
    wrapped = next(t for t in root.iter(f"{SVG}text") if "Đức Bình" in "".join(t.itertext()))
    lines = [span.text for span in wrapped.iter(f"{SVG}tspan")]
    assert len(lines) > 1
    assert " ".join(lines) == label


@pytest.mark.parametrize(
    "chart",
    [
        bar_chart(title="Kinh phí", labels=UNITS, series=[Series("A", [1, 2, 3], PALETTE[0])]),
        histogram(title="Điểm", values=[55, 60, 80], bins=[(50, 60), (60, 70)], color=PALETTE[0]),
        percent_bar(title="Nộp báo cáo", parts=[("Đúng hạn", 1, PALETTE[2])]),
    ],
    ids=["bars", "histogram", "percent"],
)
def test_no_text_is_under_12_px_on_a_phone(chart):
    """At 360 px the chart is shown 328 px wide (the page's margins): every text reads at
    12 px or more (the SVG scales its units down by 328 / WIDTH)."""
    root = parse(chart)
    sizes = [float(t.get("font-size")) for t in root.iter(f"{SVG}text") if t.get("font-size")]
    assert sizes
    assert min(sizes) * 328 / WIDTH >= 12


def test_palette_colours_reach_3_to_1_on_white_and_differ():
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's example
    assert len(PALETTE) == 6
    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 3, colour
    for a, b in itertools.combinations(PALETTE, 2):
        delta_e = sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5
        assert delta_e > 25, (a, b)  # 2.3 is just noticeable; these differ at a glance


def test_histogram_counts_values_per_bin():
    values = [55, 60, 65, 79.9, 80, 85, 90, 100, 101, 40]  # 101 and 40 fall outside every bin
    bins = [(50, 60), (60, 70), (70, 80), (80, 90), (90, 100)]
    root = parse(
        histogram(title="Điểm chấm", values=values, bins=bins, color=PALETTE[2], unit="điểm")
    )
    heights = [float(r.get("height")) for r in bars(root)]
    counts = [1, 2, 1, 2, 2]  # the last bin keeps its upper bound (100)
    assert heights == pytest.approx([max(heights) * c / 2 for c in counts], abs=1)
    shown = texts(root)
    assert [t for t in shown if t.isdigit()] == [str(c) for c in counts]
    assert {"50–60", "80–90", "90–100"} <= set(shown)
    assert "Khoảng 60–70 điểm: 2." in root.find(f"{SVG}desc").text


def test_percent_bar_fills_the_width_and_percentages_add_to_100():
    parts = [("Đúng hạn", 1, PALETTE[2]), ("Trễ hạn", 1, PALETTE[1]), ("Chưa nộp", 1, PALETTE[5])]
    root = parse(percent_bar(title="Nộp báo cáo", parts=parts))
    rects = bars(root)
    assert len(rects) == 3
    full = WIDTH - 2 * float(rects[0].get("x"))
    assert sum(width(r) for r in rects) == pytest.approx(full, abs=0.05)
    percents = [int(p) for p in re.findall(r"\((\d+)%\)", " ".join(texts(root)))]
    assert percents == [34, 33, 33]
    assert "Đúng hạn: 1 (34%)" in texts(root)


def test_percent_bar_skips_empty_parts_but_lists_them():
    parts = [("Đúng hạn", 7, PALETTE[2]), ("Trễ hạn", 0, PALETTE[1]), ("Chưa nộp", 1, PALETTE[5])]
    root = parse(percent_bar(title="Nộp báo cáo", parts=parts))
    assert len(bars(root)) == 2
    assert "Trễ hạn: 0 (0%)" in texts(root)
    assert sum(int(p) for p in re.findall(r"\((\d+)%\)", " ".join(texts(root)))) == 100


@pytest.mark.parametrize(
    "chart",
    [
        lambda: bar_chart(title="T", labels=[], series=[]),
        lambda: bar_chart(title="T", labels=UNITS, series=[Series("A", [None] * 3, PALETTE[0])]),
        lambda: bar_chart(title="T", labels=UNITS, series=[]),
        lambda: histogram(title="T", values=[], bins=[(0, 1)], color=PALETTE[0]),
        lambda: histogram(title="T", values=[1], bins=[], color=PALETTE[0]),
        lambda: percent_bar(title="T", parts=[]),
        lambda: percent_bar(title="T", parts=[("Đúng hạn", 0, PALETTE[0])]),
    ],
)
def test_empty_input_says_there_is_no_data(chart):
    root = parse(chart())
    assert EMPTY in texts(root)
    assert not bars(root)
    assert root.find(f"{SVG}title").text == "T"
