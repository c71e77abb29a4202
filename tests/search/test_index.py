"""The index follows every write (save, conditional UPDATE, transition, delete, bulk load of
units) and `thidua search_rebuild` writes it again from the records."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import cast_of
from thidua.initiatives.domain.registrations import registration_save, registration_submit
from thidua.org.domain.people import person_update
from thidua.org.domain.units import unit_update
from thidua.plans.domain.plans import plan_issue, plan_update
from thidua.results.domain.reports import report_open, report_save
from thidua.search.domain.query import search
from thidua.search.enums import Kind
from thidua.search.models import Entry


def titles(text, user, kind):
    return [hit.title for hit in search(text, user, kinds=[kind])]


@pytest.fixture
def cast(make_person, tree):
    return cast_of(make_person, tree, "officer_a", "district_admin", "province")


def test_renaming_a_person_or_a_unit_changes_what_is_found(cast, superuser, tree, officer):
    person_update(actor=None, person=officer, full_name="Trần Thị Hoa")
    unit_update(actor=None, unit=tree.commune_b, name="Ea Lê")

    assert titles("nguyen thi hoa", superuser, Kind.PERSON) == []
    assert titles("tran thi hoa", superuser, Kind.PERSON) == ["Trần Thị Hoa"]
    assert titles("ea le", superuser, Kind.UNIT) == ["Hội Nông dân xã Ea Lê"]
    assert titles("ea ly", superuser, Kind.UNIT) == []


def test_a_logged_in_person_is_not_indexed_again(officer, django_assert_num_queries):
    officer.last_login = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    with django_assert_num_queries(1):  # the UPDATE, nothing for the index
        officer.save(update_fields=["last_login"])


def test_issuing_a_plan_makes_it_found_by_its_number(cast, make_plan):
    plan = make_plan(title="Kế hoạch phát động thi đua")
    plan_update(actor=None, plan=plan, title="Kế hoạch phát động thi đua năm 2022")
    assert titles("phat dong 2022", cast["district_admin"], Kind.PLAN) == [
        "Kế hoạch phát động thi đua năm 2022"
    ]

    issued = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 1))

    number = issued.number_symbol  # "01-KH/HNDH": set by a conditional UPDATE (transition)
    assert titles(number, cast["officer_a"], Kind.PLAN) == [str(issued)]


def test_a_report_saved_as_typed_is_found_by_its_text(cast, open_plan, tree):
    report = report_open(actor=None, plan=open_plan, unit=tree.commune_a)
    report_save(
        actor=None,
        report=report,
        version=report.version,
        fields={"lessons": "Phải liên kết với hợp tác xã đầu ra."},
        results={},
    )

    hits = search("hop tac xa dau ra", cast["officer_a"], kinds=[Kind.REPORT])
    assert [hit.pk for hit in hits] == [report.pk]
    assert search("hop tac xa", cast["province"], kinds=[Kind.REPORT]) == []  # a draft


def test_a_deleted_record_leaves_the_index(superuser, tree, make_registration):
    registration = make_registration(name="Mô hình tạm")
    registration.arguments.all().delete()
    registration.delete()
    assert not Entry.objects.filter(kind=Kind.REGISTRATION, object_id=registration.pk).exists()
    assert search("mo hinh tam", superuser) == []


def test_the_rebuild_command_writes_the_index_again(cast, superuser, make_registration, officer):
    make_registration(name="Mô hình trồng sắn")
    Entry.objects.all().delete()
    assert search("nguyen", superuser) == []

    out = io.StringIO()
    call_command("search_rebuild", stdout=out)

    assert "registration: 1" in out.getvalue()
    assert titles("nguyen thi hoa", superuser, Kind.PERSON) == ["Nguyễn Thị Hoa"]
    assert titles("trong san", cast["officer_a"], Kind.REGISTRATION) == ["Mô hình trồng sắn"]
    assert Entry.objects.filter(kind=Kind.UNIT).count() == 9  # the tree of tests/conftest.py

    call_command("search_rebuild", "person", stdout=io.StringIO())  # one kind
    assert titles("nguyen thi hoa", superuser, Kind.PERSON) == ["Nguyễn Thị Hoa"]


def _index_writes(queries) -> list[str]:
    """The statements that wrote an entry (Django's INSERT, whatever the quoting)."""
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"]
        .upper()
        .startswith(('INSERT INTO "SEARCH_ENTRY"', "INSERT INTO SEARCH_ENTRY"))
    ]


def test_a_registration_saved_then_sent_is_written_to_the_index_once(cast, make_registration):
    registration = make_registration(name="Mô hình trồng sắn")  # complete, a draft

    with CaptureQueriesContext(connection) as queries:
        saved = registration_save(
            actor=None,
            registration=registration,
            version=registration.version,
            fields={"name": "Mô hình nuôi cá lồng"},
        )
        registration_submit(actor=None, registration=saved)

    assert len(_index_writes(queries)) == 1  # the save; the transition changed no word
    assert titles("ca long", cast["province"], Kind.REGISTRATION) == ["Mô hình nuôi cá lồng"]
    entry = Entry.objects.get(kind=Kind.REGISTRATION, object_id=registration.pk)
    assert entry.title == " mo hinh nuoi ca long "


def test_a_save_that_changes_no_searched_word_writes_no_entry(cast, make_registration):
    registration = make_registration(name="Mô hình trồng sắn")
    entry = Entry.objects.get(kind=Kind.REGISTRATION, object_id=registration.pk)

    with CaptureQueriesContext(connection) as queries:
        registration_save(
            actor=None,
            registration=registration,
            version=registration.version,
            fields={"name": "Mô hình trồng sắn", "households": 120},
        )

    assert _index_writes(queries) == []
    assert Entry.objects.get(kind=Kind.REGISTRATION, object_id=registration.pk) == entry
    assert titles("trong san", cast["officer_a"], Kind.REGISTRATION) == ["Mô hình trồng sắn"]
