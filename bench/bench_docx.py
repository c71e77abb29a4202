"""Benchmark: the CPU time of ``documents.lists.render_list_docx`` on a district's registration
list, and optionally the same with the renderer of an earlier commit, checking both write the
same document.

Run:  uv run python bench/bench_docx.py                     (this tree's renderer)
      uv run python bench/bench_docx.py --against 42d4e88   (and that commit's, side by side)
      uv run python bench/bench_docx.py --only 5000 --repeat 1

The lists are generated (seeded) in the shape of ``initiatives.exports.official_list``: the
district's own table of counted registrations (6 columns) under a bold heading for each of its
communes, then the registrations it does not count (5 columns, with their state), a fifth of
them; Vietnamese text with diacritics, several lines in a cell, empty cells, formula-looking
text, long descriptions. Figures are CPU time (``time.process_time``) of the whole render,
saving included, median of ``--repeat`` runs: on a shared machine wall time is noise. An
earlier commit's renderer runs in a child process on that commit's ``src/thidua`` (``git
archive``), and the two files' parts are compared but ``docProps/core.xml`` (the time of
writing).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = (  # noqa: SIM905 (a phrase reads better than a list of words)
    "mô hình sáng kiến ý tưởng mới trồng mì sắn an toàn liên kết tiêu thụ sổ tay điện tử ghi "
    "chép chi phí sản xuất nhóm chợ nông sản kết nối người bán mua chi hội nông dân nuôi bò "
    "vỗ béo giúp nhau giảm nghèo ủ phân hữu cơ vi sinh phụ phẩm tủ sách khuyến nông nhà văn "
    "hóa buôn đường giao thông nông thôn nước sạch hộ gia đình tổ hợp tác xã"
).split()
PEOPLE = ["Y Đức Niê", "Nguyễn Văn Hùng", "H'Hen Ksơr", "Trần Thị Mỹ Lệ", "Lê Quang Vũ"]
ODD = ["=1+1", "-5 hộ", "+84 912 345 678", "@SUM(A1)", "<b>&amp;</b>"]
KINDS = ["Mô hình", "Sáng kiến", "Ý tưởng mới"]
STATES = ["Đã gửi, chưa tiếp nhận (gửi ngày 12/3/2025)", "Trả lại để bổ sung: thiếu số liệu"]
SIZES = {"500": 500, "5000": 5_000}


def phrase(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def list_fields(rng: random.Random, count: int) -> dict:
    """The fields of an ``OfficialList`` of ``count`` registrations of a district's communes."""
    communes = [f"Xã {phrase(rng, 1, 3)}" for _ in range(max(1, count // 250))]
    counted = count - count // 5
    rows, groups = [], []
    for number in range(1, counted + 1):
        unit = communes[(number - 1) * len(communes) // counted]
        if not groups or groups[-1][1] != f"Hội Nông dân {unit}":
            groups.append((len(rows), f"Hội Nông dân {unit}"))
        people = "\n".join(rng.choice(PEOPLE) for _ in range(rng.randint(1, 4)))
        when_where = "\n".join(filter(None, ["Năm 2025", rng.choice(["", phrase(rng, 2, 5)])]))
        results = rng.choice([phrase(rng, 10, 60), "", rng.choice(ODD)])
        rows.append(
            [str(number), phrase(rng, 4, 14), rng.choice(KINDS), people, when_where, results]
        )
    others = [
        [str(n), rng.choice(communes), phrase(rng, 4, 14), rng.choice(KINDS), rng.choice(STATES)]
        for n in range(1, count // 5 + 1)
    ]
    return {"rows": rows, "groups": groups, "others": others}


def build(fields: dict):
    """The ``OfficialList`` of the generated fields, with the columns of the export."""
    from thidua.documents.lists import Column, ListPart, OfficialList  # noqa: PLC0415
    from thidua.documents.official import Signature  # noqa: PLC0415 (the tree measured)

    own = [
        Column("TT", 12, "center"),
        Column("Tên mô hình, sáng kiến, ý tưởng mới", 70),
        Column("Loại", 22, "center"),
        Column("Người chủ trì; người thực hiện", 55),
        Column("Thời gian, địa điểm áp dụng", 45),
        Column("Dự kiến kết quả", 53),
    ]
    other = [
        Column("TT", 12, "center"),
        Column("Đơn vị", 45),
        Column("Tên mô hình, sáng kiến, ý tưởng mới", 80),
        Column("Loại", 22, "center"),
        Column("Trạng thái", 98),
    ]
    heading = "Các mô hình, sáng kiến, ý tưởng mới đã gửi chưa tiếp nhận (không tính):"
    return OfficialList(
        superior="HỘI NÔNG DÂN TỈNH PHÚ YÊN",
        issuer="BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
        number="Số      -DS/HNDH",
        place="Sông Hinh",
        date=date(2025, 4, 15),
        subject_lines=["Đăng ký xây dựng mô hình, sáng kiến, ý tưởng mới"],
        intro=["(Thực hiện Kế hoạch số 115-KH/HNDH ngày 08/3/2025 của Ban Thường vụ)"],
        columns=own,
        rows=fields["rows"],
        groups=fields["groups"],
        parts=[ListPart(heading=heading, columns=other, rows=fields["others"])],
        closing=[f"Danh sách gồm {len(fields['rows'])} mô hình, sáng kiến, ý tưởng mới./."],
        recipients=["Hội Nông dân tỉnh Phú Yên (b/c);", "Lưu VT."],
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Hiếu"),
    )


def measure(size: str, repeat: int) -> tuple[float, bytes]:
    from thidua.documents.lists import render_list_docx  # noqa: PLC0415 (the tree measured)

    times = []
    for _ in range(repeat):
        document = build(list_fields(random.Random(13), SIZES[size]))  # noqa: S311 (repeatable)
        start = time.process_time()
        data = render_list_docx(document)
        times.append(time.process_time() - start)
    return statistics.median(times), data


def parts(data: bytes) -> dict[str, bytes]:
    """The package's parts but its dates (docProps/core.xml holds the time of writing)."""
    with zipfile.ZipFile(BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


def source_of(commit: str) -> Path:
    """That commit's ``src`` folder, extracted into a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="bench-docx-"))
    archive = subprocess.run(  # noqa: S603 (git on our own repository)
        ["git", "archive", commit, "src/thidua"],  # noqa: S607
        cwd=ROOT, check=True, capture_output=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def child(size: str, repeat: int, out: Path) -> None:
    """Measure in this process and write the figure and the file for the parent."""
    seconds, data = measure(size, repeat)
    out.with_suffix(".docx").write_bytes(data)
    out.write_text(json.dumps({"seconds": seconds}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", help="a commit whose renderer to measure as well")
    parser.add_argument("--only", choices=SIZES, action="append")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)  # a child's tree
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(args.src or ROOT / "src"))
    if args.out:
        child(args.only[0], args.repeat, args.out)
        return
    before = source_of(args.against) if args.against else None
    print(f"load average {os.getloadavg()[0]:.1f}; CPU seconds, median of {args.repeat}")
    for size in args.only or SIZES:
        now, data = measure(size, args.repeat)
        line = f"a district's list of {SIZES[size]:>5,} registrations as DOCX"
        line += f" {len(data) / 1024:>7,.0f} kB  now {now:6.2f} s"
        if before is not None:
            out = Path(tempfile.mkdtemp(prefix="bench-docx-")) / "then.json"
            command = [sys.executable, __file__, "--src", str(before), "--out", str(out)]
            command += ["--only", size, "--repeat", str(args.repeat)]
            subprocess.run(command, check=True)  # noqa: S603 (this script)
            then = json.loads(out.read_text())["seconds"]
            old = out.with_suffix(".docx").read_bytes()
            same = "same parts" if parts(old) == parts(data) else "PARTS DIFFER"
            line += f"  {args.against} {then:6.2f} s  ×{then / now:4.1f}  {same}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
