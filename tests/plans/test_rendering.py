"""A plan as an official document (plans/rendering.py): the seed plan as a DOCX that reads like
the original, downloaded from its page."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from tests.helpers import docx, login
from thidua.documents.docx import render_docx
from thidua.org.models import Role
from thidua.plans.domain.plans import plan_correct, plan_issue, plan_record_issued, plan_update
from thidua.plans.models import Plan
from thidua.plans.rendering import official_document, plan_for_rendering
from thidua.plans.seed_loader import load_plan, read


@pytest.fixture
def seed_plan(tree):
    province_plan = load_plan(read("plan_283.json"), unit=tree.province)
    return load_plan(
        read("plan_115.json"), unit=tree.district, parent=province_plan, child_plan_deadline=True
    )


def all_text(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return [t.strip() for t in texts if t.strip()]


def test_seed_plan_docx_contains_every_section_and_numbered_point(seed_plan):
    plan = plan_for_rendering(Plan.objects.all()).get(pk=seed_plan.pk)
    document = Document(io.BytesIO(render_docx(official_document(plan))))
    texts = all_text(document)
    joined = "\n".join(texts)
    data = read("plan_115.json")
    headings = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    positions = [texts.index(h) for h in headings]
    assert positions == sorted(positions)
    for section in data["sections"]:
        for paragraph in section["paragraphs"]:
            assert paragraph in joined
        for number, point in enumerate(section["points"], start=1):
            if point["title"]:
                assert f"{number}. {point['title']}" in texts
            for index, paragraph in enumerate(point["paragraphs"]):
                expected = (
                    f"{number}. {paragraph}" if not point["title"] and index == 0 else paragraph
                )
                assert expected in texts, expected
    assert "Số 115-KH/HNDH" in texts
    assert "Sông Hinh, ngày 08 tháng 3 năm 2022" in texts
    assert "BCH HỘI NÔNG DÂN\nHUYỆN SÔNG HINH" in joined  # broken before the place
    assert data["basis"][0]["text"] in texts
    for recipient in data["recipients"]:
        assert f"- {recipient}" in texts
    signature = [
        t for t in texts if t in {"T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "(Đã ký)", "Bá Minh Hiếu"}
    ]
    assert signature == ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "(Đã ký)", "Bá Minh Hiếu"]
    assert texts[-1] == "Bá Minh Hiếu" or "Bá Minh Hiếu" in texts[-6:]


def test_seed_plan_docx_page_and_fonts(seed_plan):
    plan = plan_for_rendering(Plan.objects.all()).get(pk=seed_plan.pk)
    document = Document(io.BytesIO(render_docx(official_document(plan))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # The format's ranges (Word stores margins in twips: allow 0.1 mm of rounding).
    assert 19.9 <= section.top_margin.mm <= 25.1
    assert 19.9 <= section.bottom_margin.mm <= 25.1
    assert 29.9 <= section.left_margin.mm <= 35.1
    assert 14.9 <= section.right_margin.mm <= 20.1
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_plan_page_offers_the_docx_and_it_opens(client, seed_plan, make_person, tree):
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "xa")
    page = client.get(reverse("plans:plan_detail", args=[seed_plan.pk])).content.decode()
    assert "Sông Hinh, ngày 08 tháng 3 năm 2022" in page
    assert "IV. TỔ CHỨC THỰC HIỆN" in page
    response = client.get(reverse("plans:plan_docx", args=[seed_plan.pk]))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert 'filename="ke-hoach-115-kh-hndh.docx"' in response["Content-Disposition"]
    assert (
        "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20115-KH-HNDH.docx"
        in response["Content-Disposition"]
    )
    assert "Số 115-KH/HNDH" in all_text(docx(response))


def test_draft_docx_has_a_blank_number_and_the_draft_mark(make_plan, tree):
    plan = plan_for_rendering(Plan.objects.all()).get(pk=make_plan().pk)
    document = Document(io.BytesIO(render_docx(official_document(plan))))
    texts = all_text(document)
    assert any(t.startswith("Số") and t.endswith("-KH/HNDH") and "  " in t for t in texts)
    header_text = " ".join(
        p.text for s in document.sections for p in s.first_page_header.paragraphs
    )
    assert "DỰ THẢO" in header_text


def stamped(plan) -> str:
    """The mark at the top of the plan's printed pages, if any."""
    loaded = plan_for_rendering(Plan.objects.all()).get(pk=plan.pk)
    document = Document(io.BytesIO(render_docx(official_document(loaded))))
    header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    return " ".join(header.split())


def test_only_a_plan_issued_with_its_signers_name_prints_as_final(make_plan, tree):
    draft = make_plan()
    assert stamped(draft) == "2 DỰ THẢO"  # the page number, then the mark
    issued = plan_issue(actor=None, plan=make_plan(), issued_on=datetime.date(2022, 3, 8))
    assert stamped(issued) == "2"
    assert official_document(issued).is_final
    # A plan recorded from paper without its signer's name is no final document here.
    paper = plan_update(actor=None, plan=make_plan(), signer_name="")
    paper = plan_record_issued(
        actor=None, plan=paper, number=40, issued_on=datetime.date(2022, 3, 9)
    )
    assert stamped(paper) == "2 DỰ THẢO"
    correction = plan_issue(
        actor=None, plan=plan_correct(actor=None, plan=issued), issued_on=datetime.date(2022, 3, 10)
    )
    assert stamped(Plan.objects.get(pk=issued.pk)) == "2 ĐÃ ĐƯỢC THAY THẾ"
    assert stamped(correction) == "2"
