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
