"""What the council's meeting leaves (review/exports/meeting.py): the score table and the
minutes."""

import datetime
from decimal import Decimal

from django.urls import reverse

from tests.helpers import docx, login, score_all, seat, unanimous, workbook
from thidua.review.domain.councils import (
    assign,
    council_set_state,
    registration_numbers,
)
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
    unanimous(
        council,
        datetime.date(2022, 10, 20),
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


def test_minutes_name_who_was_absent_at_the_vote_and_claim_no_presence_before_it(
    client, council, entry, tree
):
    item = entry(tree.commune_b, name="Mô hình nuôi dê")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.COMMENDED)
    login(client, "chutich")
    draft = [
        p.text
        for p in docx(client.get(reverse("review:minutes_docx", args=[council.pk]))).paragraphs
    ]
    # Before the vote nobody knows who will come: the count is left blank, nobody is absent.
    assert "1. Thành viên Hội đồng có mặt: ……/3 đồng chí; thành phần Hội đồng gồm:" in draft
    assert "2. Vắng mặt: …… đồng chí." in draft
    decision_record(
        actor=None,
        council=council,
        present=2,
        votes_for=2,
        votes_against=0,
        decided_on=datetime.date(2022, 10, 20),
        absent=[seat(council, "thanhvien")],
    )
    response = client.get(reverse("review:minutes_docx", args=[council.pk]))
    assert response.status_code == 200
    body = [p.text for p in docx(response).paragraphs]
    assert "1. Thành viên Hội đồng có mặt: 2/3 đồng chí, gồm:" in body
    assert "2. Vắng mặt: 1 đồng chí, gồm:" in body
    assert "- Đồng chí Thành Viên A - Thành viên." in body
