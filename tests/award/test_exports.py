"""The nomination dossier as the district sends it (award/exports.py with
documents/award.py): the cover letter in the official format, then the dossier with the
entry, its five criteria, results, the council's scores, the replication, the photos and the
unit's endorsement, opened back and checked."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.shared import Mm

from tests.documents.reading import bordered, font_of, is_plain_docx, lines, printed_runs, texts
from tests.helpers import docx, jpeg, login
from thidua.award.domain.nominations import (
    nomination_prepare,
    nomination_send,
    nomination_update,
)
from thidua.award.exports import HEADINGS, dossier
from thidua.documents.award import render_dossier_docx
from thidua.initiatives.domain.files import registration_file_add
from thidua.replication.domain.replications import replication_adopt, replication_report

AWARD = "Giải thưởng “Người Việt đoàn kết sáng tạo”"


@pytest.fixture
def nomination(honoured, tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    model, _other = honoured
    registration_file_add(
        actor=None,
        registration=model,
        upload=SimpleUploadedFile("ruong-san.jpg", jpeg()),
        kind="photo",
        title="Ruộng sắn của tổ hợp tác",
    )
    replication = replication_adopt(
        actor=None,
        registration=model,
        unit=tree.commune_b,
        started_on=datetime.date(2022, 9, 1),
        households=15,
        branches=[tree.branch_b],
    )
    replication_report(
        actor=None,
        replication=replication,
        results="Năng suất 32 tấn/ha",
        results_on=datetime.date(2023, 5, 1),
        households=21,
    )
    made = nomination_prepare(actor=None, registration=model)
    nomination_update(
        actor=None,
        nomination=made,
        endorsement="Hội Nông dân xã Ea Bá xác nhận nội dung hồ sơ là đúng sự thật.",
        endorser="Chủ tịch Hội Nông dân xã Ea Bá, Y Thuê Niê",
    )
    made.refresh_from_db()
    return made


def test_the_draft_dossier_holds_every_part_in_the_official_format(nomination):
    data = render_dossier_docx(dossier(nomination))
    assert is_plain_docx(data)
    document = Document(BytesIO(data))
    body = texts(document)
    # The cover letter: a submission to the province's standing committee, a draft until sent.
    cover = body.index("TỜ TRÌNH")
    assert body[cover + 1] == f"Về việc đề nghị xét tặng {AWARD}"
    assert body[cover + 2] == "cho mô hình “Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ”"
    assert "Kính gửi: Ban Thường vụ Hội Nông dân tỉnh Phú Yên" in body
    assert "DỰ THẢO" in document.sections[0].first_page_header.paragraphs[0].text
    assert lines(document.tables[0].rows[0].cells[0])[-1] == "Số      -TTr/HNDH"
    # The dossier: a section of its own, numbered from 1, its parts in order.
    assert len(document.sections) == 2
    start = body.index("HỒ SƠ ĐỀ NGHỊ XÉT TẶNG")
    assert body[start + 1 : start + 3] == [
        AWARD,
        "“Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ”",
    ]
    headings = [t for t in body[start:] if t[:3] in {"I. ", "II.", "III", "IV.", "V. ", "VI."}]
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    assert headings == [f"{n}. {h}" for n, h in zip(numerals, HEADINGS, strict=True)]
    criteria = list(nomination.council.plan.criteria.order_by("position"))
    assert len(criteria) == 5
    for number, criterion in enumerate(criteria, start=1):
        assert any(t.startswith(f"{number}. {criterion.name}: ") for t in body[start:])
    assert "Đơn vị: Hội Nông dân xã Ea Bá." in body
    # The scores (one row per criterion, the means) and the replication (Ea Ly, its results).
    tables = bordered(document)
    cover_table, scores, replication = tables
    assert [c.text for c in scores.rows[0].cells] == [
        "TT",
        "Tiêu chí",
        "Điểm tối đa",
        "Điểm bình quân",
    ]
    assert [row.cells[1].text for row in scores.rows[1:]] == [c.name for c in criteria]
    assert scores.rows[1].cells[3].text == "18,5"  # the chair's 19 and the secretary's 18
    assert [c.text for c in replication.rows[1].cells] == [
        "1",
        "Hội Nông dân xã Ea Ly",
        "01/9/2022",
        "21",
        "Năng suất 32 tấn/ha",
    ]
    assert "Mô hình trồng sắn cao sản gắn với liên kết tiêu thụ" in [
        c.text for c in cover_table.rows[1].cells
    ]
    # The photo, embedded at its width, with its caption; the endorsement, signed.
    (picture,) = document.inline_shapes
    assert picture.width == Mm(110)
    assert "Ruộng sắn của tổ hợp tác" in body
    assert body[-3:] == [
        "XÁC NHẬN CỦA HỘI NÔNG DÂN XÃ EA BÁ",
        "Hội Nông dân xã Ea Bá xác nhận nội dung hồ sơ là đúng sự thật.",
        "Chủ tịch Hội Nông dân xã Ea Bá, Y Thuê Niê",
    ]
    # The format: A4 portrait, Times New Roman everywhere.
    section = document.sections[1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert {font_of(run) for run in printed_runs(document)} == {"Times New Roman"}


def test_once_sent_the_cover_letter_is_numbered_dated_and_final(client, nomination, levels):
    nomination_send(actor=None, nomination=nomination, on=datetime.date(2022, 6, 2))
    login(client, levels.province)
    response = client.get(reverse("award:docx", args=[nomination.pk]))
    assert "attachment" in response["Content-Disposition"]
    document = docx(response)
    issuer = lines(document.tables[0].rows[0].cells[0])
    assert issuer[-1] == f"Số {nomination.letter_number:02d}-TTr/HNDH"
    nation = lines(document.tables[0].rows[0].cells[1])
    assert nation[-1] == "Sông Hinh, ngày 02 tháng 6 năm 2022"
    assert "DỰ THẢO" not in document.sections[0].first_page_header.paragraphs[0].text
    login(client, levels.outsider)
    assert client.get(reverse("award:docx", args=[nomination.pk])).status_code == 404
