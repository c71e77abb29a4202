"""Registration pages cost the same number of queries with 3 rows as with 12."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.pages.world import PDF, client_for, grower, last, png_bytes
from thidua.initiatives.domain.ideas import idea_send
from thidua.initiatives.domain.registrations import (
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.org.domain.units import succession_record, unit_create
from thidua.org.models import Role, SuccessionKind, UnitKind

REORGANISED = datetime.date(2025, 7, 1)


def registrations(world, communes):
    """grow(n): n more communes, each with a registration sent and one still a draft."""

    def make(i):
        unit = communes(i + 1)[i]
        registration_submit(
            actor=None,
            registration=world._make_registration(unit, name=f"Mô hình đã gửi số {i}"),
        )
        return world._make_registration(unit, name=f"Bản nháp số {i}")

    return grower(make)


def test_registration_list(client, world, communes, same_queries):
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:registration_list", args=[world.plan.pk]),
        8,
        grow=registrations(world, communes),
        shows=lambda size: [f"Mô hình đã gửi số {size - 1}", f"Bản nháp số {size - 1}"],
    )


def test_compliance(client, world, communes, same_queries):
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:compliance", args=[world.plan.pk]),
        12,
        grow=registrations(world, communes),
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_export_xlsx(client, world, communes, same_queries):
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:export_xlsx", args=[world.plan.pk]),
        14,  # the acting unit and the plans of the movement (initiatives/exports.py)
        grow=registrations(world, communes),
        shows=last("Mô hình đã gửi số"),
    )


def test_export_docx(client, world, communes, same_queries):
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:export_docx", args=[world.plan.pk]),
        15,  # … and the issuer's code and the registration deadline
        grow=registrations(world, communes),
        shows=last("Mô hình đã gửi số"),
    )


def worked_on(world):
    """grow(n): Ea Bá's registration with n implementers, n files (photos and PDFs), sent
    and returned until it has n steps in its history, and n officers who may lead it."""
    registration = world._make_registration(world.tree.commune_a, name="Mô hình nuôi ong")
    uploader = client_for(world.who.officer_a)
    make_person = world._fixture("make_person")

    def upload(i):
        photo = i % 2 == 0
        uploader.post(
            reverse("initiatives:file_add", args=[registration.pk]),
            {
                "kind": "photo" if photo else "document",
                "title": f"Tệp số {i}",
                "file": SimpleUploadedFile(
                    f"tep-{i}.png" if photo else f"tep-{i}.pdf",
                    png_bytes((64, 48)) if photo else PDF,
                ),
            },
        )

    files = grower(upload)
    people = grower(
        lambda i: make_person(
            f"canbo{i}", Role.OFFICER, world.tree.commune_a, full_name=f"Cán bộ xã số {i}"
        )
    )

    def grow(size):
        nonlocal registration
        registration.refresh_from_db()
        registration = registration_save(
            actor=None,
            registration=registration,
            version=registration.version,
            fields={},
            implementers=[
                {"name": f"Người thực hiện số {i}", "position_unit": "Hội viên", "role": "Làm"}
                for i in range(size)
            ],
        )
        files(size)
        people(size)
        while registration.transitions.count() < size:
            registration = registration_submit(actor=None, registration=registration)
            registration = registration_return(
                actor=None, registration=registration, reason="Bổ sung ảnh."
            )

    return registration, grow


def test_registration_detail(client, world, same_queries):
    registration, grow = worked_on(world)
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:registration_detail", args=[registration.pk]),
        12,
        grow=grow,
        shows=lambda size: [f"Người thực hiện số {size - 1}", f"Tệp số {size - 1}"],
    )


def test_registration_edit(client, world, same_queries):
    registration, grow = worked_on(world)
    client.force_login(world.who.officer_a)
    same_queries(
        reverse("initiatives:registration_edit", args=[registration.pk]),
        15,
        grow=grow,
        shows=lambda size: [
            f"Người thực hiện số {size - 1}",
            f"Tệp số {size - 1}",
            f"Cán bộ xã số {size - 1}",
        ],
    )


def test_idea_inbox(client, world, same_queries):
    grow = grower(
        lambda i: idea_send(
            unit=world.tree.commune_a,
            name=f"Người gửi số {i}",
            phone="0912 345 678",
            idea=f"Ý tưởng số {i}: làm sân phơi chung.",
            address=f"203.0.113.{i}",
        )
    )
    client.force_login(world.who.officer_a)
    same_queries(
        reverse("initiatives:idea_inbox", args=[world.tree.commune_a.pk]),
        9,  # + the automated sends refused in the last 30 days
        grow=grow,
        shows=last("Ý tưởng số"),
    )


def test_registration_start(client, world, communes, same_queries):
    """The district may register for any of its communes: one choice each."""
    client.force_login(world.who.district)
    same_queries(
        reverse("initiatives:start", args=[world.plan.pk]),
        8,
        grow=communes,
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_idea_choose(client, world, communes, same_queries):
    """A farmer looks for their commune by name."""
    same_queries(
        reverse("initiatives:idea_choose"),
        1,
        grow=communes,
        query={"q": "Ea Tam"},
        shows=last("Hội Nông dân xã Ea Tam"),
    )


def test_compliance_of_the_province(client, world, districts, province_plan, same_queries):
    """The province sees its districts' totals, each with its communes."""
    client.force_login(world.who.province)
    same_queries(
        reverse("initiatives:compliance", args=[province_plan.pk]),
        13,
        grow=districts,
        shows=lambda size: [
            f"Hội Nông dân huyện Krông Pa {size - 1}",
            f"Hội Nông dân xã Ia Rmok {size - 1}",
        ],
    )


def test_registration_list_of_a_merged_commune(client, world, communes, same_queries):
    """The officer of a commune formed on 1/7/2025 reads what the communes it succeeded
    registered in 2022, drafts included: they are its archive (read, never written)."""
    merged = unit_create(
        actor=None,
        parent=world.tree.district,
        name="Ea Bá Mới",
        kind=UnitKind.COMMUNE,
        valid_from=REORGANISED,
    )
    officer = world._fixture("make_person")("xa_moi", Role.OFFICER, merged, full_name="Xã Mới")
    grow_registrations = registrations(world, communes)
    merge = grower(
        lambda i: succession_record(
            actor=None,
            predecessor=communes(i + 1)[i],
            successor=merged,
            kind=SuccessionKind.MERGE,
            date=REORGANISED,
        )
    )

    def grow(size):
        grow_registrations(size)
        merge(size)

    client.force_login(officer)
    same_queries(
        reverse("initiatives:registration_list", args=[world.plan.pk]),
        9,
        grow=grow,
        shows=lambda size: [f"Mô hình đã gửi số {size - 1}", f"Bản nháp số {size - 1}"],
    )
