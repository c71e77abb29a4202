"""Registration pages: the permission matrix, bad input, autosave, conflicts, exports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tests.conftest import PASSWORD
from thidua.initiatives.domain.registrations import registration_submit
from thidua.initiatives.models import Registration, RegistrationFile, State
from thidua.org.models import Role
from thidua.plans.models import LatePolicy


@pytest.fixture
def cast(tree, make_person):
    return {
        "officer_a": make_person("xa_a", Role.OFFICER, tree.commune_a),
        "viewer_a": make_person("xem_a", Role.VIEWER, tree.commune_a),
        "officer_b": make_person("xa_b", Role.OFFICER, tree.commune_b),
        "district": make_person("huyen", Role.OFFICER, tree.district),
        "province": make_person("tinh", Role.VIEWER, tree.province),
        "province_officer": make_person("tinh_cb", Role.OFFICER, tree.province),
        "outsider": make_person("khac", Role.ADMIN, tree.other_district),
    }


def login(client, person):
    assert client.login(username=person.username, password=PASSWORD)


def form_data(registration, **changes):
    data = {
        "version": registration.version,
        "kind": registration.kind,
        "name": registration.name,
        "lead_name": registration.lead_name,
        "lead_position": registration.lead_position,
        "summary": registration.summary,
        "applied_when": registration.applied_when,
        "applied_where": registration.applied_where,
        "applied_work": registration.applied_work,
        "expected_results": registration.expected_results,
        "households": "",
        "area_ha": "",
        "income_change": "",
        "cost_vnd": "",
        "implementers-TOTAL_FORMS": "0",
        "implementers-INITIAL_FORMS": "0",
    }
    for argument in registration.arguments.all():
        data[f"arg_{argument.criterion_id}"] = argument.text
    data.update(changes)
    return data


MATRIX = {
    # person: (sees A's draft, sees A's sent registration, may edit A's draft)
    "officer_a": (200, 200, True),
    "viewer_a": (404, 200, False),
    "officer_b": (404, 404, False),
    "district": (200, 200, True),
    "province": (404, 200, False),
    "province_officer": (200, 200, True),
    "outsider": (404, 404, False),
}


@pytest.mark.parametrize("person", list(MATRIX))
def test_permission_matrix(client, cast, make_registration, person):
    draft = make_registration(name="Bản nháp của Ea Bá")
    sent = registration_submit(actor=None, registration=make_registration(name="Đã gửi"))
    login(client, cast[person])
    sees_draft, sees_sent, may_edit = MATRIX[person]
    assert (
        client.get(reverse("initiatives:registration_detail", args=[draft.pk])).status_code
        == sees_draft
    )
    assert (
        client.get(reverse("initiatives:registration_detail", args=[sent.pk])).status_code
        == sees_sent
    )
    edit = client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]), form_data(draft, name="Đổi tên")
    )
    assert (edit.status_code == 302) is may_edit
    assert (Registration.objects.get(pk=draft.pk).name == "Đổi tên") is may_edit


def test_commune_list_never_shows_another_communes_drafts(
    client, cast, make_registration, tree, open_plan
):
    make_registration(tree.commune_b, name="Nháp của Ea Ly")
    login(client, cast["officer_a"])
    page = client.get(
        reverse("initiatives:registration_list", args=[open_plan.pk])
    ).content.decode()
    assert "Nháp của Ea Ly" not in page
    login(client, cast["district"])
    page = client.get(
        reverse("initiatives:registration_list", args=[open_plan.pk])
    ).content.decode()
    assert "Nháp của Ea Ly" in page


def test_only_the_unit_above_receives_and_returns(client, cast, make_registration):
    sent = registration_submit(actor=None, registration=make_registration())
    login(client, cast["officer_a"])
    assert (
        client.post(reverse("initiatives:registration_receive", args=[sent.pk])).status_code == 403
    )
    login(client, cast["district"])
    client.post(
        reverse("initiatives:registration_return", args=[sent.pk]), {"reason": "Thiếu ảnh."}
    )
    sent.refresh_from_db()
    assert sent.state == State.RETURNED


def test_empty_required_fields_block_sending_with_messages_and_keep_the_draft(
    client, cast, make_registration
):
    draft = make_registration(complete=False)
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, summary="", submit="1"),
        follow=True,
    )
    page = response.content.decode()
    assert "Chưa gửi" in page
    assert Registration.objects.get(pk=draft.pk).state == State.DRAFT


def test_script_in_a_text_field_is_refused_and_nothing_changes(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, summary='Tốt <script>alert("x")</script>'),
    )
    assert response.status_code == 200
    assert "thẻ HTML" in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert Registration.objects.get(pk=draft.pk).summary == draft.summary


def test_vietnamese_number_formats_are_understood(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, cost_vnd="1.500.000", area_ha="2,5", households="30"),
    )
    draft.refresh_from_db()
    assert (draft.cost_vnd, str(draft.area_ha), draft.households) == (1_500_000, "2.50", 30)


def test_stale_edit_keeps_both_texts_and_saves_nothing(client, cast, make_registration):
    draft = make_registration()
    stale = form_data(draft, summary="Bản của tab thứ hai")
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, summary="Bản của tab thứ nhất"),
    )
    response = client.post(reverse("initiatives:registration_edit", args=[draft.pk]), stale)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Bản của tab thứ hai" in page  # what this person typed, still in the form
    assert "Bản của tab thứ nhất" in page  # the other version, shown beside it
    assert Registration.objects.get(pk=draft.pk).summary == "Bản của tab thứ nhất"


def test_autosave_saves_and_reports_the_new_version(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_autosave", args=[draft.pk])
    response = client.post(url, form_data(draft, summary="Đang gõ…"))
    assert response.status_code == 200
    assert response.json()["version"] == draft.version + 1
    conflict = client.post(url, form_data(draft, summary="Tab cũ"))
    assert conflict.status_code == 409
    assert conflict.json()["current_version"] == draft.version + 1
    assert Registration.objects.get(pk=draft.pk).summary == "Đang gõ…"


def test_submit_after_the_deadline_is_refused_when_the_plan_says_so(
    client, cast, make_registration, open_plan
):
    open_plan.late_registrations = LatePolicy.BLOCK
    open_plan.save()
    draft = make_registration()
    login(client, cast["officer_a"])
    page = client.post(
        reverse("initiatives:registration_submit", args=[draft.pk]), follow=True
    ).content.decode()
    assert "Hạn đăng ký (10/04/2022) đã qua" in page
    assert Registration.objects.get(pk=draft.pk).state == State.DRAFT


def test_double_submit_sends_once(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_submit", args=[draft.pk])
    client.post(url)
    client.post(url)
    assert Registration.objects.get(pk=draft.pk).transitions.count() == 1


def _jpeg(size=(800, 600)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_photo_upload_is_reencoded_with_a_thumbnail(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:file_add", args=[draft.pk]),
        {
            "kind": "photo",
            "title": "Ruộng sắn",
            "file": SimpleUploadedFile("IMG 2022.JPG", _jpeg()),
        },
    )
    photo = RegistrationFile.objects.get()
    assert photo.content_type == "image/jpeg"
    assert photo.file.name.startswith(f"registrations/{draft.pk}/img-2022-")
    assert photo.thumbnail
    response = client.get(reverse("initiatives:file_thumbnail", args=[draft.pk, photo.pk]))
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.jpg", b"MZ\x90\x00" + b"\x00" * 200, "không phải ảnh"),
        ("big.jpg", b"\xff\xd8\xff" + b"\x00" * (50 * 1024 * 1024), "MB"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(
    client, cast, make_registration, name, content, message
):
    draft = make_registration()
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:file_add", args=[draft.pk]),
        {"kind": "photo", "file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not RegistrationFile.objects.exists()


def test_exports_are_real_files_with_every_registration(
    client, cast, make_registration, tree, open_plan
):
    registration_submit(actor=None, registration=make_registration(name="Trồng sắn cao sản"))
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="=1+1 máy tách hạt")
    )
    make_registration(name="Bản nháp chưa gửi")
    login(client, cast["district"])
    workbook = load_workbook(
        io.BytesIO(client.get(reverse("initiatives:export_xlsx", args=[open_plan.pk])).content)
    )
    sheet = workbook.active
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "TT")
    headers = [c.value for c in sheet[header_row]]
    assert "Tên mô hình, sáng kiến, ý tưởng mới" in headers
    assert "Tính mới" in headers
    assert sheet.freeze_panes == f"A{header_row + 1}"
    names = [
        sheet.cell(r, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1).value
        for r in range(header_row + 1, sheet.max_row + 1)
    ]
    assert names == ["Trồng sắn cao sản", "=1+1 máy tách hạt"]
    assert (
        sheet.cell(
            header_row + 2, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1
        ).data_type
        == "s"
    )
    document = Document(
        io.BytesIO(client.get(reverse("initiatives:export_docx", args=[open_plan.pk])).content)
    )
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    assert "DANH SÁCH" in texts
    assert "Trồng sắn cao sản" in texts
    assert "Bản nháp chưa gửi" not in texts
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


@pytest.mark.parametrize("communes", [2, 10])
def test_compliance_and_list_query_counts_do_not_grow(
    client, cast, make_registration, tree, open_plan, communes
):
    from thidua.org.domain.units import unit_create
    from thidua.org.models import UnitKind

    for number in range(communes):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Xã {number}", kind=UnitKind.COMMUNE
        )
        registration_submit(
            actor=None, registration=make_registration(unit, name=f"Mô hình {number}")
        )
        make_registration(unit, name=f"Nháp {number}")
    login(client, cast["district"])
    counts = []
    for name in ("initiatives:compliance", "initiatives:registration_list"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=[open_plan.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] <= 16, counts
    assert counts[1] <= 12, counts


def test_compliance_table_counts_on_time_late_and_missing(
    client, cast, make_registration, tree, open_plan
):
    import datetime

    from django.utils import timezone

    late = registration_submit(actor=None, registration=make_registration(tree.commune_a))
    assert late.is_late
    deadline = open_plan.deadlines.get(kind="registration")
    deadline.due_at = timezone.now() + datetime.timedelta(days=5)
    deadline.save()
    login(client, cast["district"])
    response = client.get(reverse("initiatives:compliance", args=[open_plan.pk]))
    totals = response.context["totals"]
    assert (totals["late"], totals["missing"], totals["on_time"]) == (1, 1, 0)
    assert "5 ngày" in response.content.decode()
    login(client, cast["officer_a"])
    assert client.get(reverse("initiatives:compliance", args=[open_plan.pk])).status_code == 403


def test_lead_person_can_be_an_account_of_the_unit(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, lead=str(cast["officer_a"].pk), lead_name=""),
    )
    draft.refresh_from_db()
    assert draft.lead == cast["officer_a"]
    forged = form_data(draft, lead=str(cast["officer_b"].pk))
    response = client.post(reverse("initiatives:registration_edit", args=[draft.pk]), forged)
    assert response.status_code == 200  # not one of the unit's people: refused by the form
    draft.refresh_from_db()
    assert draft.lead == cast["officer_a"]


def test_huge_numbers_get_a_message_not_an_error(client, cast, make_registration):
    draft = make_registration()
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:registration_autosave", args=[draft.pk]),
        form_data(draft, households="99999999999999999999999"),
    )
    assert response.status_code == 400
    assert "households" in response.json()["errors"]


def test_a_multi_line_return_reason_is_mailed_on_one_subject_line(
    client, cast, make_registration, settings
):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cast["officer_a"].email = "xa@example.vn"
    cast["officer_a"].save()
    sent = registration_submit(actor=None, registration=make_registration())
    login(client, cast["district"])
    with django_capture_on_commit():
        response = client.post(
            reverse("initiatives:registration_return", args=[sent.pk]),
            {"reason": "Thiếu ảnh.\nBổ sung số hộ."},
        )
    assert response.status_code == 302
    assert "\n" not in mail.outbox[-1].subject


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_control_characters_pasted_from_pdf_do_not_break_the_docx(
    client, cast, make_registration, open_plan
):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, name="Mô hình\x01 nuôi\x08 dê", submit="1"),
    )
    login(client, cast["district"])
    response = client.get(reverse("initiatives:export_docx", args=[open_plan.pk]))
    assert response.status_code == 200
    assert Registration.objects.get(pk=draft.pk).name == "Mô hình nuôi dê"


def test_a_commune_cannot_backdate_a_paper_form(client, cast, make_registration, tree, open_plan):
    from tests.conftest import COMPLETE
    from thidua.initiatives.domain.registrations import registration_create, registration_save

    paper = registration_create(
        actor=None,
        plan=open_plan,
        unit=tree.commune_a,
        kind="idea",
        name="Phiếu giấy",
        entered_by_office=True,
    )
    paper = registration_save(
        actor=None,
        registration=paper,
        version=paper.version,
        fields=COMPLETE,
        arguments={a.criterion_id: "Có." for a in paper.arguments.all()},
    )
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_submit", args=[paper.pk]), {"sent_on": "2020-01-01"}
    )
    paper.refresh_from_db()
    assert paper.is_late  # judged by today, not by the date the commune typed


def test_a_registration_links_the_plans_campaigns_only(client, cast, make_registration, open_plan):
    from thidua.plans.models import Campaign

    ours = Campaign.objects.create(plan=open_plan, position=1, name="Giảm nghèo bền vững")
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        form_data(draft, campaigns=[str(ours.pk)]),
    )
    assert list(draft.campaigns.all()) == [ours]


def test_the_province_compliance_rolls_communes_up_by_district(
    client, cast, make_registration, tree, open_plan
):
    import datetime

    from thidua.plans.domain.plans import plan_create, plan_issue, plan_set_body
    from thidua.plans.models import PlanBasis

    province_plan = plan_create(
        actor=None,
        unit=tree.province,
        title="Kế hoạch của tỉnh",
        movement_name="Phú Yên",
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
    )
    plan_set_body(actor=None, plan=province_plan, source="# NỘI DUNG\nThi đua.")
    province_plan = plan_issue(actor=None, plan=province_plan, issued_on=datetime.date(2022, 3, 3))
    PlanBasis.objects.create(plan=open_plan, parent=province_plan, text="Căn cứ kế hoạch của tỉnh")
    registration_submit(actor=None, registration=make_registration(tree.commune_a))
    login(client, cast["province"])
    response = client.get(reverse("initiatives:compliance", args=[province_plan.pk]))
    groups = response.context["report"].groups
    assert [(g.unit.name, len(g.rows), g.count_late, g.count_missing) for g in groups] == [
        ("Sông Hinh", 2, 1, 1)
    ]
    assert "Theo đơn vị trực thuộc" in response.content.decode()
