"""Registration pages cost the same number of queries with 3 rows as with 12."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.pages.world import LAST_COMMUNE, PDF, client_for, grower, last, png_bytes, together
from thidua.initiatives.domain.ideas import idea_send
from thidua.initiatives.domain.registrations import (
    registration_return,
    registration_save,
    registration_submit,
)
from thidua.org.models import Role


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


@pytest.mark.parametrize(
    ("name", "queries", "shows"),
    [
        # the page, its total, the unit filter's units (two) and the plan's campaigns
        ("initiatives:registration_list", 11, last("Mô hình đã gửi số", "Bản nháp số")),
        # … filtered by state, outcome and kind
        (
            "initiatives:registration_list?state=submitted&outcome=undecided&kind=model",
            11,
            last("Mô hình đã gửi số"),
        ),
        # the rows with their implementers, campaigns and arguments, as the list narrows them
        ("initiatives:registration_list?download=xlsx", 12, last("Mô hình đã gửi số")),
        ("initiatives:registration_list?download=csv&state=draft", 12, last("Bản nháp số")),
        # the plan tree, every unit's quota and counts, the page's rows and the deadline in
        # one statement, then the page's units (50 a page)
        ("initiatives:compliance", 8, last("Hội Nông dân xã Ea Tam")),
        # … filtered by state of compliance and by a unit's name typed without its accents
        ("initiatives:compliance?state=late&q=EA+TAM", 8, last("Hội Nông dân xã Ea Tam")),
        # the acting unit, the plans of the movement (initiatives/exports.py) and the count
        # that decides whether a worker makes the file (initiatives/jobs.py)
        ("initiatives:export_xlsx", 14, last("Mô hình đã gửi số")),
        # … and the issuer's code and the registration deadline
        ("initiatives:export_docx", 13, last("Mô hình đã gửi số")),
    ],
)
def test_registrations_of_the_plan(world, communes, same_queries, name, queries, shows):
    """The district's list, compliance table and exports of every commune's registrations."""
    name, _sep, query = name.partition("?")
    same_queries(
        reverse(name, args=[world.plan.pk]) + (f"?{query}" if query else ""),
        queries,
        by="district",
        grow=registrations(world, communes),
        shows=shows,
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


@pytest.mark.parametrize(
    ("who", "name", "queries", "shows"),
    [
        ("district", "initiatives:registration_detail", 11, ["Người thực hiện số", "Tệp số"]),
        (
            "officer_a",
            "initiatives:registration_edit",
            13,
            ["Người thực hiện số", "Tệp số", "Cán bộ xã số"],
        ),
    ],
)
def test_registration_worked_on(world, same_queries, who, name, queries, shows):
    """The page of a registration with many implementers, files, sendings and leads."""
    registration, grow = worked_on(world)
    same_queries(
        reverse(name, args=[registration.pk]),
        queries,
        by=getattr(world.who, who),
        grow=grow,
        shows=last(*shows),
    )


def test_idea_inbox(world, same_queries):
    grow = grower(
        lambda i: idea_send(
            unit=world.tree.commune_a,
            name=f"Người gửi số {i}",
            phone="0912 345 678",
            idea=f"Ý tưởng số {i}: làm sân phơi chung.",
            address=f"203.0.113.{i}",
        )
    )
    same_queries(
        reverse("initiatives:idea_inbox", args=[world.tree.commune_a.pk]),
        9,  # + the automated sends refused in the last 30 days, and the page's total
        by="officer_a",
        grow=grow,
        shows=last("Ý tưởng số"),
    )
    same_queries(
        reverse("initiatives:idea_inbox", args=[world.tree.commune_a.pk]) + "?state=new",
        9,
        by="officer_a",
        grow=grow,
        shows=last("Ý tưởng số"),
    )


def test_registration_start(world, communes, same_queries):
    """The district may register for any of its communes: one choice each."""
    same_queries(
        reverse("initiatives:start", args=[world.plan.pk]),
        7,
        by="district",
        grow=communes,
        shows=LAST_COMMUNE,
    )


def test_idea_choose(world, communes, same_queries):
    """A farmer looks for their commune by name."""
    same_queries(
        reverse("initiatives:idea_choose"),
        1,
        grow=communes,
        query={"q": "Ea Tam"},
        shows=LAST_COMMUNE,
    )


def test_compliance_of_the_province(world, districts, province_plan, same_queries):
    """The province sees its districts' totals, each with its communes."""
    same_queries(
        reverse("initiatives:compliance", args=[province_plan.pk]),
        8,
        by="province",
        grow=districts,
        shows=last("Hội Nông dân huyện Krông Pa", "Hội Nông dân xã Ia Rmok"),
    )


def test_registration_list_of_a_merged_commune(world, communes, merged_commune, same_queries):
    """The officer of a commune formed on 1/7/2025 reads what the communes it succeeded
    registered in 2022, drafts included: they are its archive (read, never written)."""
    _, officer, merge = merged_commune
    same_queries(
        reverse("initiatives:registration_list", args=[world.plan.pk]),
        11,  # as the district's: every generation of successions is read with the roles
        by=officer,
        grow=together(registrations(world, communes), merge),
        shows=last("Mô hình đã gửi số", "Bản nháp số"),
    )
