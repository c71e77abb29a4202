"""The council's files (review/exports.py): the score table, minutes, decision and certificates."""

import datetime
from decimal import Decimal

from django.urls import reverse

from tests.helpers import docx, login, score_all, workbook
from thidua.review.domain.councils import assign, council_set_state, registration_numbers
from thidua.review.domain.decisions import decision_record, proposal_set
from thidua.review.models import CouncilState, Outcome


def test_blind_score_table_export_hides_units_until_decided(client, council, entry, tree):
    item = entry(tree.commune_b, name="Ý tưởng kín")
    council.blind = True
    council.save()
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [15] * 5)
    login(client, "chutich")
    sheet = workbook(client.get(reverse("review:scores_xlsx", args=[council.pk]))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Ý tưởng kín" in values
    assert f"Hồ sơ số {registration_numbers(council)[item.pk]}" in values
    assert not any(isinstance(v, str) and "Ea Ly" in v for v in values)
    assert Decimal("75") in [Decimal(str(v)) for v in values if isinstance(v, int | float)]


def test_council_documents_are_real_and_follow_the_format(client, council, entry, tree):
    honoured = entry(tree.commune_b, name="Mô hình nuôi dê")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", honoured, [18] * 5)
    score_all(council, "thuky", honoured, [17] * 5)
    login(client, "chutich")
    assert client.get(reverse("review:decision_docx", args=[council.pk])).status_code == 404
    client.post(reverse("review:council_closed", args=[council.pk]))
    minutes = docx(client.get(reverse("review:minutes_docx", args=[council.pk])))
    cells = [c.text for t in minutes.tables for r in t.rows for c in r.cells]
    assert "BIÊN BẢN" in [p.text for p in minutes.paragraphs]
    assert "Mô hình nuôi dê" in cells
    assert "87,5" in cells  # mean of 90 and 85, decimal comma
    council.refresh_from_db()
    proposal_set(actor=None, council=council, registration=honoured, outcome=Outcome.COMMENDED)
    decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=datetime.date(2022, 6, 15),
    )
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    texts = [p.text for p in decision.paragraphs] + [
        c.text for t in decision.tables for r in t.rows for c in r.cells
    ]
    assert "QUYẾT ĐỊNH" in texts
    assert "Số 02-QĐ/HNDH" in "\n".join(texts)
    assert "Căn cứ Kế hoạch số 01-KH/HNDH ngày 08/3/2022" in "\n".join(texts)
    assert "Mô hình nuôi dê" in texts
    certificates = docx(client.get(reverse("review:certificates_docx", args=[council.pk])))
    section = certificates.sections[0]
    assert section.page_width > section.page_height
    assert "GIẤY KHEN" in [p.text for p in certificates.paragraphs]
    assert any("Mô hình nuôi dê" in p.text for p in certificates.paragraphs)


# --- each outcome its own article and document (issue #10, defect 5) ---------------------


def _decided(council, items, outcomes, *, present=3, decided_on=datetime.date(2022, 10, 25)):
    """Score every item (chair and secretary), close, propose `outcomes`, pass the vote."""
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for number, item in enumerate(items):
        score_all(council, "chutich", item, [19 - number] * 5)
        score_all(council, "thuky", item, [18 - number] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    for item, outcome in zip(items, outcomes, strict=True):
        proposal_set(actor=None, council=council, registration=item, outcome=outcome)
    decision_record(
        actor=None,
        council=council,
        present=present,
        votes_for=present,
        votes_against=0,
        decided_on=decided_on,
    )
    council.refresh_from_db()
    return council


def _articles(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.startswith("Điều ")]


def test_each_outcome_has_its_article_and_the_right_certificate(client, council, entry, tree):
    nominated = entry(tree.commune_b, name="Tổ hợp tác trồng mì")
    commended = entry(tree.commune_b, name="Sổ tay điện tử")
    recognised = entry(tree.commune_a, name="Ủ phân hữu cơ")
    declined = entry(tree.commune_b, name="Tủ sách khuyến nông")
    _decided(
        council,
        [nominated, commended, recognised, declined],
        [Outcome.NOMINATED, Outcome.COMMENDED, Outcome.RECOGNISED, Outcome.NONE],
    )
    login(client, "chutich")
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    articles = _articles(decision)
    assert [a[:8] for a in articles] == ["Điều 1. ", "Điều 2. ", "Điều 3. ", "Điều 4. "]
    assert articles[0].startswith("Điều 1. Công nhận 01 mô hình, sáng kiến, ý tưởng mới")
    assert articles[1].startswith("Điều 2. Khen thưởng 01 mô hình, sáng kiến, ý tưởng mới")
    assert articles[2].startswith(
        "Điều 3. Đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xét tặng Giải thưởng "
        "“Người Việt đoàn kết sáng tạo” cho 01 mô hình, sáng kiến, ý tưởng mới"
    )
    assert articles[3] == "Điều 4. Quyết định có hiệu lực kể từ ngày ký."
    body = [p.text for p in decision.paragraphs]
    # What the commendation gives, and who carries the decision out.
    assert any(
        t.startswith("Hình thức khen thưởng: tặng Giấy khen của Ban Thường vụ") for t in body
    )
    carried_out = body[body.index(articles[3]) + 1]
    assert "có tên tại Điều 1, Điều 2 và Điều 3 căn cứ Quyết định thi hành./." in carried_out
    assert "Như Điều 4;" in "\n".join(c.text for t in decision.tables for c in t._cells)
    # The annex: one part per honouring article, each listing its own registrations.
    parts = [t for t in decision.tables if t.rows[0].cells[0].text == "TT"]
    names = [[row.cells[1].text for row in part.rows[1:]] for part in parts]
    assert names == [["Ủ phân hữu cơ"], ["Sổ tay điện tử"], ["Tổ hợp tác trồng mì"]]
    assert "Tủ sách khuyến nông" not in "\n".join(
        body + [c.text for t in decision.tables for c in t._cells]
    )

    certificates = docx(client.get(reverse("review:certificates_docx", args=[council.pk])))
    titles = [p.text for p in certificates.paragraphs if p.text.startswith("GIẤY")]
    assert titles == ["GIẤY CHỨNG NHẬN", "GIẤY KHEN"]
    printed = "\n".join(p.text for p in certificates.paragraphs)
    assert "“Ủ phân hữu cơ”" in printed
    assert "“Sổ tay điện tử”" in printed
    assert "Tổ hợp tác trồng mì" not in printed  # a nomination is no district award
    assert "Tủ sách khuyến nông" not in printed


def test_the_commendation_states_the_prize_money_the_council_records(client, council, entry, tree):
    council.commendation_amount = 500_000
    council.save()
    first = entry(tree.commune_b, name="Mô hình nuôi dê")
    second = entry(tree.commune_b, name="Mô hình nuôi bò")
    _decided(council, [first, second], [Outcome.COMMENDED, Outcome.COMMENDED])
    login(client, "chutich")
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    articles = _articles(decision)
    assert len(articles) == 2
    assert articles[0].startswith("Điều 1. Khen thưởng 02 mô hình, sáng kiến, ý tưởng mới")
    body = [p.text for p in decision.paragraphs]
    award = body[body.index(articles[0]) + 1]
    assert award == (
        "Hình thức khen thưởng: tặng Giấy khen của Ban Thường vụ Hội Nông dân huyện Sông Hinh, "
        "kèm theo tiền thưởng 500.000 đồng cho mỗi mô hình, sáng kiến, ý tưởng mới "
        "(tổng cộng 1.000.000 đồng)."
    )


# --- the minutes (issue #10, defect 7) ---------------------------------------------------


def test_minutes_are_the_district_councils_with_its_meeting_times_and_final_only_after_the_vote(
    client, council, entry, tree
):
    item = entry(tree.commune_b, name="Mô hình nuôi dê")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    login(client, "chutich")
    draft = docx(client.get(reverse("review:minutes_docx", args=[council.pk])))
    issuer = [" ".join(p.text.split()) for p in draft.tables[0].rows[0].cells[0].paragraphs]
    assert issuer[:2] == ["HỘI NÔNG DÂN HUYỆN SÔNG HINH", "HỘI ĐỒNG ĐÁNH GIÁ"]
    assert "DỰ THẢO" in draft.sections[0].first_page_header.paragraphs[0].text
    assert any(p.text.startswith("Vào lúc …… giờ ……,") for p in draft.paragraphs)

    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.COMMENDED)
    decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=datetime.date(2022, 10, 20),
        started_at=datetime.time(14, 0),
        ended_at=datetime.time(16, 30),
    )
    final = docx(client.get(reverse("review:minutes_docx", args=[council.pk])))
    body = [p.text for p in final.paragraphs]
    assert any(t.startswith("Vào lúc 14 giờ 00, ngày 20 tháng 10 năm 2022,") for t in body)
    assert "Biên bản kết thúc lúc 16 giờ 30 cùng ngày./." in body
    assert "DỰ THẢO" not in "".join(
        p.text
        for s in final.sections
        for p in (*s.header.paragraphs, *s.first_page_header.paragraphs)
    )
