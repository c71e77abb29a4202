"""The official list of registrations (initiatives/exports.py) as XLSX and DOCX: issued by the
unit that acts, holding what that unit counts, with what it does not count listed apart."""

import io

import pytest
from django.urls import reverse
from docx import Document

from tests.documents.reading import bordered, lines
from tests.documents.test_frame import check_signature_kept_with_the_text
from tests.helpers import docx, login, registration_form, workbook
from tests.plans import generated
from thidua.documents.dates import BLANK
from thidua.documents.lists import render_list_docx
from thidua.initiatives.domain.listing import list_plans, own_plan, registrations_for_list
from thidua.initiatives.domain.registrations import registration_save, registration_submit
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.exports import (
    PRINT_COLUMNS,
    STATE_WORDS,
    acting_units,
    official_list,
    print_table,
)
from thidua.initiatives.models import Registration
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.models import Role
from thidua.plans.domain.defaults import header_lines, issuer_code, signature_lines
from thidua.plans.models import PlanState


def test_exports_are_real_files_with_every_registration(
    client, cast, make_registration, tree, open_plan
):
    first = make_registration(name="Trồng sắn cao sản")
    first = registration_save(
        actor=None, registration=first, version=first.version, fields={"households": 1500}
    )
    registration_submit(actor=None, registration=first)
    registration_submit(
        actor=None, registration=make_registration(tree.commune_b, name="=1+1 máy tách hạt")
    )
    make_registration(name="Bản nháp chưa gửi")
    login(client, cast["district"])
    sheet = workbook(client.get(reverse("initiatives:export_xlsx", args=[open_plan.pk]))).active
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "TT")
    headers = [c.value for c in sheet[header_row]]
    assert "Tên mô hình, sáng kiến, ý tưởng mới" in headers
    assert "Tính mới" in headers
    assert sheet.freeze_panes == f"A{header_row + 1}"
    names = [
        sheet.cell(r, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1).value
        for r in range(header_row + 1, sheet.max_row)
    ]
    assert names == ["Trồng sắn cao sản", "=1+1 máy tách hạt"]
    # Under the list, a totals row adds up households, area and cost (documents/xlsx.py).
    households = sheet.cell(sheet.max_row, headers.index("Số hộ tham gia") + 1)
    assert sheet.cell(sheet.max_row, 1).value == "Cộng"
    letter = households.column_letter
    assert households.value == f"=SUM({letter}{header_row + 1}:{letter}{header_row + 2})"
    assert sheet.cell(header_row + 1, households.column).value == 1500
    assert sheet.cell(header_row + 1, households.column).number_format == "#,##0"
    assert (
        sheet.cell(
            header_row + 2, headers.index("Tên mô hình, sáng kiến, ý tưởng mới") + 1
        ).data_type
        == "s"
    )
    document = docx(client.get(reverse("initiatives:export_docx", args=[open_plan.pk])))
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    assert "DANH SÁCH" in texts
    assert "Trồng sắn cao sản" in texts
    assert "Bản nháp chưa gửi" not in texts
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape


def test_control_characters_pasted_from_pdf_do_not_break_the_docx(
    client, cast, make_registration, open_plan
):
    draft = make_registration()
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        registration_form(draft, name="Mô hình\x01 nuôi\x08 dê", submit="1"),
    )
    login(client, cast["district"])
    response = client.get(reverse("initiatives:export_docx", args=[open_plan.pk]))
    assert response.status_code == 200
    assert Registration.objects.get(pk=draft.pk).name == "Mô hình nuôi dê"


# --- generated worlds: every list is the acting unit's ---------------------------------------

OWN_COUNTED = {RegistrationState.SUBMITTED, RegistrationState.RECEIVED, RegistrationState.ACCEPTED}
RECEIVED = {RegistrationState.RECEIVED, RegistrationState.ACCEPTED}


def related(world, plan, registration) -> bool:
    """The test's own record of which plans' registrations a list on `plan` gathers: the
    registrations answer a district's plan (or today's province's); a list on the province's
    plan gathers every district's, a list on a commune's own plan its district's."""
    answered = registration.plan_id
    if plan.pk == answered:
        return True
    if plan.pk == world.province_plan.pk:
        return answered != world.today_plan.pk
    parent = plan.bases.get().parent_id if plan.bases.exists() else None
    return plan.unit.level == 3 and parent == answered


def table_rows(table) -> list[list[str]]:
    """The rows of a bordered table below its heading row, not its units' heading rows."""
    width = len(table.columns)
    return [[c.text for c in row.cells] for row in table.rows[1:] if len(row._tr.tc_lst) == width]


def check_list(world, plan, unit):
    """Check `unit`'s list on `plan`; the list, for the caller to see what was covered."""
    plans = list_plans(plan)
    registrations = list(registrations_for_list(plans, unit, Registration.objects.all()))
    doc = official_list(plan, unit, registrations, plans=plans)

    # Issued by the acting unit: its header, its number's symbol, its place, its signer.
    own = own_plan(plans, unit)
    assert (doc.superior, doc.issuer) == header_lines(unit)
    assert doc.number == f"Số{BLANK}-DS/{issuer_code(unit)}"
    assert doc.place == unit.name
    assert (doc.signature.authority, doc.signature.title) == signature_lines(unit)
    assert doc.signature.signer == (own.signer_name if own else "")
    if own is not None:
        assert own.state != PlanState.DRAFT
        assert own.unit_id == unit.pk

    # It holds the registrations of the unit's subtree on the movement's plans, drafts aside,
    # each once: counted if the unit has it (sent, or received from below), else listed apart.
    expected = {
        r.pk: Registration.objects.get(pk=r.pk)
        for r in world.registrations
        if r.unit.path.startswith(unit.path)
        and related(world, plan, r)
        and Registration.objects.get(pk=r.pk).state != RegistrationState.DRAFT
    }
    assert {r.pk for r in registrations} == set(expected)
    counted = [
        r
        for r in expected.values()
        if r.state in (OWN_COUNTED if r.unit_id == unit.pk else RECEIVED)
    ]
    assert sorted(row[1] for row in doc.rows) == sorted(r.name for r in counted)
    others = [row for part in doc.parts for row in part.rows]
    assert sorted(row[2] for row in others) == sorted(
        r.name for r in expected.values() if r not in counted
    )
    for row in others:
        (r,) = [r for r in expected.values() if r.name == row[2]]
        assert row[4].startswith(STATE_WORDS[r.state])

    # Numbered 1, 2, 3 … in every table, with no gap.
    assert [row[0] for row in doc.rows] == [str(n) for n in range(1, len(doc.rows) + 1)]
    for part in doc.parts:
        assert [row[0] for row in part.rows] == [str(n) for n in range(1, len(part.rows) + 1)]

    # Final only when it names its signer and, gathering, once registration is closed.
    assert doc.is_final == (bool(doc.signature.signer) and not doc.watermark)

    # The file says the same, its issuer lines broken between words.
    document = Document(io.BytesIO(render_list_docx(doc)))
    superior, issuer, star, number = lines(document.tables[0].cell(0, 0))
    assert " ".join(superior.split()) == doc.superior
    assert " ".join(issuer.split()) == doc.issuer
    for line in [*superior.split("\n"), *issuer.split("\n")]:
        assert len(line.split()) >= 2, line
    assert (star, number) == ("*", doc.number)
    main, *rest = bordered(document)
    assert table_rows(main) == doc.rows
    assert [table_rows(t) for t in rest] == [part.rows for part in doc.parts]
    check_signature_kept_with_the_text(document)
    return doc


@pytest.mark.parametrize("seed", range(5))
def test_every_list_in_a_generated_province_is_the_acting_units(db, seed):
    world = generated.build(seed)
    plans = [
        world.province_plan,
        *(world.plans[d.pk] for d in world.districts),
        *world.own_plans.values(),
        world.today_plan,
    ]
    units = [
        world.province,
        *world.districts,
        *world.communes,
        world.today_province,
        *world.today_communes,
    ]
    lists = [
        check_list(world, plan, unit)
        for plan in plans
        for unit in units
        if unit.path.startswith(plan.unit.path)
    ]
    assert len(lists) > len(units)
    # Lists of every kind were checked: counting rows, listing others apart, gathering units.
    assert any(doc.rows for doc in lists)
    assert any(doc.parts for doc in lists)
    assert any(doc.groups for doc in lists)
    assert any(doc.rows and not doc.groups for doc in lists)  # a commune's own


@pytest.mark.parametrize("seed", range(3))
def test_whoever_downloads_it_the_list_is_issued_by_the_unit_they_act_for(db, seed):
    world = generated.build(seed)
    commune = world.communes[0]
    district = commune.parent
    officer = person_create(actor=None, username="xa", full_name="Cán bộ xã", password="x" * 20)
    membership_grant(actor=None, person=officer, unit=commune, role=Role.OFFICER)
    province = person_create(actor=None, username="tinh", full_name="Cán bộ", password="x" * 20)
    membership_grant(actor=None, person=province, unit=world.province, role=Role.VIEWER)
    for plan in [world.province_plan, world.plans[district.pk]]:
        # A commune's officer acts for the commune on the plans above it …
        assert acting_units(officer, plan) == [commune]
        # … and the province reads a district's list as the district issued it.
        assert acting_units(province, plan) == [plan.unit]
    if commune.pk in world.own_plans:
        assert acting_units(officer, world.own_plans[commune.pk]) == [commune]
    assert acting_units(officer, world.today_plan) == []

    # An officer of today's commune acts for it today, and for the communes it succeeded on
    # the plans of 2022, those where the role was given first.
    today = world.today_communes[0]
    successor = person_create(actor=None, username="moi", full_name="Cán bộ", password="x" * 20)
    membership_grant(actor=None, person=successor, unit=today, role=Role.OFFICER)
    assert acting_units(successor, world.today_plan) == [today]
    older = {s.predecessor_id for s in today.successions_in.all()}
    for district_unit in world.districts:
        acting = acting_units(successor, world.plans[district_unit.pk])
        assert {u.pk for u in acting} == {
            c.pk for c in world.communes if c.pk in older and c.parent_id == district_unit.pk
        }


# --- the printed XLSX -------------------------------------------------------------------

A4_LANDSCAPE_MM = 297
MM_PER_CHARACTER = 1.9  # an Excel column width unit, in Times New Roman 12 at 96 dpi, generously


def test_the_list_to_print_fits_a_landscape_page_at_a_readable_size(
    client, cast, entry, tree, open_plan
):
    entry(name="Trồng sắn cao sản")
    login(client, cast["district"])
    url = reverse("initiatives:export_xlsx", args=[open_plan.pk])
    sheet = workbook(client.get(url, {"columns": "print"})).active
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "TT")
    assert [c.value for c in sheet[header_row]] == [title for title, _width in PRINT_COLUMNS]
    assert sheet.page_setup.orientation == "landscape"
    widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[header_row]]
    margins = (sheet.page_margins.left + sheet.page_margins.right) * 25.4
    scale = min(1, (A4_LANDSCAPE_MM - margins) / (sum(widths) * MM_PER_CHARACTER))
    assert 12 * scale >= 10  # printed at 10 pt or more, not at about 3 pt
    # Every column of the full table, 25 and more, would print at a third of that.
    full = workbook(client.get(url)).active
    assert full.max_column >= 25
    assert sheet.cell(header_row + 1, 3).value == "Trồng sắn cao sản"


def test_the_list_to_print_numbers_its_rows_without_gaps(make_registration, entry, tree):
    entries = [entry(name=f"Mô hình {n}") for n in range(3)]
    columns, rows = print_table(entries)
    assert [row[0] for row in rows] == [1, 2, 3]
    assert len(columns) == len(PRINT_COLUMNS) == len(rows[0])
