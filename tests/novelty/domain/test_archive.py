import json

import pytest
from openpyxl import Workbook

from thidua.novelty.domain.archive import ArchiveImportError, archive_import
from thidua.novelty.domain.checks import find
from thidua.novelty.domain.files import UnreadableFileError, read
from thidua.novelty.models import PastInitiative
from thidua.search.models import Entry


def test_an_import_with_bad_rows_imports_nothing_and_names_each_row(db, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "title,description,unit,year,recognised\n"
        "Nuôi ong lấy mật dưới tán cà phê,Đặt thùng ong,Ea Bá,2021,có\n"
        ",Không có tên,Ea Ly,2020,không\n"
        "Trồng nấm rơm,Rơm rạ,Ea Ly,năm ngoái,có\n"
        "Nuôi dế,Thùng xốp,Ea Ly,2019,chắc\n",
        encoding="utf-8",
    )

    with pytest.raises(ArchiveImportError) as refused:
        archive_import(actor=None, rows=read(path))

    assert [number for number, _ in refused.value.errors] == [3, 4, 5]
    assert PastInitiative.objects.count() == 0
    assert Entry.objects.filter(kind="archive").count() == 0


def test_csv_xlsx_and_jsonl_import_alike_and_are_found_at_once(db, tmp_path):
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(
        "\ufefftên,mô tả,đơn vị,năm,công nhận,nguồn\n"
        "Nuôi ong lấy mật dưới tán cà phê,Đặt thùng ong mùa hoa,Ea Bá,2021,có,Sổ 2021\n",
        encoding="utf-8",
    )
    book = Workbook()
    book.active.append(["title", "description", "unit", "year", "recognised"])
    book.active.append(["Trồng nấm rơm trong nhà lưới", "Tận dụng rơm rạ", "Ea Ly", 2020, "no"])
    book.save(tmp_path / "b.xlsx")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"title": "Nuôi dế trong thùng xốp", "year": 2019, "recognised": True}) + "\n",
        encoding="utf-8",
    )

    for name in ("a.csv", "b.xlsx", "c.jsonl"):
        archive_import(actor=None, rows=read(tmp_path / name), source=name)

    rows = {p.title: (p.unit_name, p.year, p.recognised) for p in PastInitiative.objects.all()}
    assert rows == {
        "Nuôi ong lấy mật dưới tán cà phê": ("Ea Bá", 2021, True),
        "Trồng nấm rơm trong nhà lưới": ("Ea Ly", 2020, False),
        "Nuôi dế trong thùng xốp": ("", 2019, True),
    }
    assert find("nuoi de trong thung xop")[0].title == "Nuôi dế trong thùng xốp"


def test_a_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(UnreadableFileError):
        read(path)
