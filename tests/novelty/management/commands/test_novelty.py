import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from thidua.novelty.models import PastInitiative


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("novelty", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_then_check_a_batch_as_json_and_xlsx(db, tmp_path):
    archive = tmp_path / "past.jsonl"
    archive.write_text(
        "\n".join(
            json.dumps(item, ensure_ascii=False)
            for item in [
                {
                    "title": "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học",
                    "description": "Vỗ béo bò thịt bằng thân ngô ủ chua, đệm lót sinh học.",
                    "unit": "Hội Nông dân xã Ea Bá",
                    "year": 2022,
                    "recognised": "có",
                },
                {"title": "Câu lạc bộ phụ nữ tiết kiệm vốn xoay vòng", "year": 2020},
            ]
        ),
        encoding="utf-8",
    )
    out, _ = run("import", str(archive))
    assert "imported 2" in out
    batch = tmp_path / "batch.csv"
    batch.write_text(
        "title,description\n"
        "mo hinh nuoi bo vo beo an toan sinh hoc,vo beo bo thit bang than ngo u chua\n"
        "Đội bóng chuyền hơi của phụ nữ,Rèn luyện sức khỏe\n",
        encoding="utf-8",
    )

    out, err = run("check", str(batch), "--top", "1")
    answer = json.loads(out)
    assert [entry["row"] for entry in answer] == [2, 3]
    assert answer[0]["flagged"]
    assert answer[0]["matches"][0]["title"] == "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học"
    assert answer[0]["matches"][0]["unit"] == "Hội Nông dân xã Ea Bá"
    assert not answer[1]["flagged"]
    assert "flagged 1" in err

    sheet = tmp_path / "answer.xlsx"
    run("check", str(batch), "--format", "xlsx", "--output", str(sheet))
    values = [c for row in load_workbook(sheet).active.iter_rows(values_only=True) for c in row]
    assert "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học" in values


def test_an_import_with_a_bad_row_says_which_and_imports_nothing(db, tmp_path):
    path = tmp_path / "past.csv"
    path.write_text("title,year\nNuôi dế,2019\n,2020\nNuôi ếch,hai nghìn\n", encoding="utf-8")

    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("novelty", "import", str(path), stdout=StringIO(), stderr=err)
    assert "row 3:" in err.getvalue()
    assert "row 4:" in err.getvalue()
    assert PastInitiative.objects.count() == 0
