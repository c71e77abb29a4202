"""Benchmark: the CPU time of ``documents.xlsx.render_xlsx`` on the tables the exports make, and
optionally the same with the renderer of an earlier commit, checking both write the same file.

Run:  uv run python bench/bench_xlsx.py                     (this tree's renderer)
      uv run python bench/bench_xlsx.py --against 722245b   (and that commit's, side by side)
      uv run python bench/bench_xlsx.py --only table --repeat 1

The tables are generated (seeded): a wide list of 10,000 rows of Vietnamese text, numbers,
dates, formula-looking text and empty cells; the results roll-up of a province (12 districts,
300 communes) and of the country (63 provinces, 756 districts, 10,584 communes), with indented
units, bold subtotals and SUM formulas; a district's registration list (5,000 registrations, the
export's 23 columns). Figures are CPU time (``time.process_time``) of the whole render, saving
included, median of ``--repeat`` runs: on a shared machine wall time is noise.
"""

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE = "src/thidua/documents/xlsx.py"

WORDS = (  # noqa: SIM905 (a phrase reads better than a list of words)
    "mô hình sáng kiến ý tưởng mới trồng mì sắn an toàn liên kết tiêu thụ sổ tay điện tử ghi "
    "chép chi phí sản xuất nhóm chợ nông sản kết nối người bán mua chi hội nông dân nuôi bò "
    "vỗ béo giúp nhau giảm nghèo ủ phân hữu cơ vi sinh phụ phẩm tủ sách khuyến nông nhà văn "
    "hóa buôn đường giao thông nông thôn nước sạch hộ gia đình tổ hợp tác xã"
).split()
PEOPLE = ["Y Đức Niê", "Nguyễn Văn Hùng", "H'Hen Ksơr", "Trần Thị Mỹ Lệ", "Lê Quang Vũ"]
ODD = ["=1+1", "-5 hộ", "+84 912 345 678", "@SUM(A1)", '=HYPERLINK("http://x")']


def phrase(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def value(rng: random.Random) -> object:
    """A cell of the wide table: mostly text and numbers, some dates, odd text and gaps."""
    roll = rng.random()
    if roll < 0.35:
        return phrase(rng, 2, 25)
    if roll < 0.55:
        return rng.randint(0, 5_000_000)
    if roll < 0.62:
        return Decimal(rng.randint(0, 100_000)) / 100
    if roll < 0.70:
        return date(2025, rng.randint(1, 12), rng.randint(1, 28))
    if roll < 0.74:
        return datetime(2025, rng.randint(1, 12), rng.randint(1, 28), 8, 30, tzinfo=UTC)
    if roll < 0.78:
        return rng.choice(ODD)
    if roll < 0.82:
        return f"{phrase(rng, 2, 6)}\n{phrase(rng, 2, 6)}"
    return None


def wide_table(xlsx, rng: random.Random, rows: int = 10_000, width: int = 12):
    columns = [xlsx.XlsxColumn("TT", 5, wrap=False)] + [
        xlsx.XlsxColumn(phrase(rng, 1, 4), rng.choice([10, 14, 20, 30, 45]), wrap=i % 3 != 0)
        for i in range(1, width)
    ]
    columns[-1] = xlsx.XlsxColumn("Số hộ", 10, wrap=False, number_format="#,##0", total=True)
    data = [
        [number] + [value(rng) for _ in range(width - 2)] + [rng.randint(0, 500)]
        for number in range(1, rows + 1)
    ]
    return {"title": "DANH SÁCH", "columns": columns, "rows": data}


def rollup_table(xlsx, rng: random.Random, fanout: list[int]):
    """The shape of ``results.exports.rollup_xlsx``: each unit's line, indented by depth, then
    a bold subtotal of each unit with units under it (its line and its children's lines or
    subtotals), the total last. ``fanout``: how many units each level has under each unit."""
    figures = 17
    columns = [xlsx.XlsxColumn("Đơn vị", 34), xlsx.XlsxColumn("Tình trạng báo cáo", 15)] + [
        xlsx.XlsxColumn(phrase(rng, 1, 5), rng.choice([8, 11, 14, 16])) for _ in range(figures)
    ]
    rows: list[list] = []
    levels = ["Cả nước", "Tỉnh", "Huyện", "Xã"]

    def unit(depth: int) -> int:
        """The unit's line, its units' and its subtotal; the index of what sums it up."""
        name = f"{levels[depth + 3 - len(fanout)]} {phrase(rng, 1, 3)}"
        reported = rng.random() < 0.9
        values = [
            (rng.randint(0, 300) if i % 5 else Decimal(rng.randint(0, 9999)) / 10)
            if reported
            else None
            for i in range(figures)
        ]
        state = rng.choice(["Đúng hạn", "Trễ hạn"]) if reported else "Chưa báo cáo"
        rows.append([xlsx.Cell(name, indent=depth), state, *values])
        own = len(rows) - 1
        if depth == len(fanout):
            return own
        under = [unit(depth + 1) for _ in range(fanout[depth])]
        total = xlsx.SumOf((own, *under))
        rows.append(
            [
                xlsx.Cell(f"Cộng {name}", bold=True, indent=depth),
                xlsx.Cell(f"{len(under)}/{len(under)} đã báo cáo", bold=True),
                *(xlsx.Cell(total, bold=True) for _ in range(figures)),
            ]
        )
        return len(rows) - 1

    unit(0)
    return {
        "title": "TỔNG HỢP KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA",
        "subtitle_lines": ["Kế hoạch số 115-KH/HNDTW: thực hiện phong trào thi đua năm 2025"],
        "columns": columns,
        "rows": rows,
        "sheet_name": "Tổng hợp",
    }


def registrations_table(xlsx, rng: random.Random, count: int = 5_000):
    """The shape of ``initiatives.exports.xlsx_table``: 20 columns and 3 criteria."""
    titles = [
        ("TT", 5), ("Đơn vị", 24), ("Loại", 12), ("Tên", 36), ("Người chủ trì", 24),
        ("Người thực hiện", 30), ("Mô tả tóm tắt", 50), ("Tiêu chí 1", 36), ("Tiêu chí 2", 36),
        ("Tiêu chí 3", 36), ("Thời gian áp dụng", 18), ("Địa điểm áp dụng", 24),
        ("Công việc áp dụng", 30), ("Dự kiến kết quả", 40), ("Số hộ tham gia", 10),
        ("Diện tích (ha)", 10), ("Thay đổi sản lượng, thu nhập", 20), ("Kinh phí (đồng)", 14),
        ("Gắn với cuộc vận động", 30), ("Trạng thái", 14), ("Ngày gửi", 12), ("Trễ hạn", 8),
        ("Nhập từ phiếu giấy", 10),
    ]  # fmt: skip
    totalled = {"Số hộ tham gia", "Diện tích (ha)", "Kinh phí (đồng)"}
    columns = [xlsx.XlsxColumn(t, w, total=t in totalled) for t, w in titles]
    rows = []
    for number in range(1, count + 1):
        implementers = "\n".join(rng.choice(PEOPLE) for _ in range(rng.randint(0, 4)))
        rows.append(
            [
                number, f"Xã {phrase(rng, 1, 3)}", rng.choice(["Mô hình", "Sáng kiến"]),
                phrase(rng, 4, 14), rng.choice(PEOPLE), implementers, phrase(rng, 20, 80),
                phrase(rng, 5, 40), phrase(rng, 5, 40), "", "Năm 2025", phrase(rng, 2, 5),
                phrase(rng, 5, 20), phrase(rng, 10, 40), rng.randint(0, 200),
                rng.choice([None, rng.randint(0, 500) / 10]), phrase(rng, 2, 8),
                rng.randint(0, 90_000_000), "", "Đã tiếp nhận",
                datetime(2025, 3, rng.randint(1, 28), 9, tzinfo=UTC), rng.choice(["", "x"]), "",
            ]
        )  # fmt: skip
    return {"title": "DANH SÁCH ĐĂNG KÝ", "columns": columns, "rows": rows}


SHAPES = {
    "table": ("10,000 rows × 12 columns", wide_table),
    "rollup-province": (
        "roll-up of a province (12 districts, 300 communes)",
        lambda xlsx, rng: rollup_table(xlsx, rng, [12, 25]),
    ),
    "rollup-national": (
        "roll-up of the country (63 × 12 × 14 = 10,584 communes)",
        lambda xlsx, rng: rollup_table(xlsx, rng, [63, 12, 14]),
    ),
    "registrations": ("a district's registration list (5,000 × 23)", registrations_table),
}


def load(source: str, name: str):
    """The renderer module from a file's text (an earlier commit's)."""
    path = Path(tempfile.mkdtemp(prefix="bench-xlsx-")) / f"{name}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def measure(xlsx, shape: str, repeat: int) -> tuple[float, bytes]:
    times = []
    for _ in range(repeat):
        fields = SHAPES[shape][1](xlsx, random.Random(13))  # noqa: S311 (repeatable data)
        start = time.process_time()
        data = xlsx.render_xlsx(**fields)
        times.append(time.process_time() - start)
    return statistics.median(times), data


def parts(data: bytes) -> dict[str, bytes]:
    """The package's parts but its dates (docProps/core.xml holds the time of writing)."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", help="a commit whose renderer to measure as well")
    parser.add_argument("--only", choices=SHAPES, action="append")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from thidua.documents import xlsx  # noqa: PLC0415 (this tree's, whatever is installed)

    before = None
    if args.against:
        source = subprocess.run(  # noqa: S603 (git on our own repository)
            ["git", "show", f"{args.against}:{MODULE}"],  # noqa: S607
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        before = load(source, "xlsx_before")
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds, median of {args.repeat}")
    for shape in args.only or SHAPES:
        now, data = measure(xlsx, shape, args.repeat)
        line = f"{SHAPES[shape][0]:<55} {len(data) / 1024:>7,.0f} kB  now {now:6.2f} s"
        if before is not None:
            then, old = measure(before, shape, args.repeat)
            same = "same parts" if parts(old) == parts(data) else "PARTS DIFFER"
            line += f"  {args.against} {then:6.2f} s  ×{then / now:4.1f}  {same}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
