"""Shared fixtures: a small tree of units and a fixed cast of people per role.

Phú Yên (province)
├── Sông Hinh (district)
│   ├── Ea Bá (commune A)  ── Thôn 1 (branch)
│   └── Ea Ly (commune B)  ── Thôn 2 (branch)
└── Tuy Hòa (another district) ── Phường 1

Plans, registrations and a council come on top: `make_plan`, `open_plan` (issued, asking each
commune for one registration), `make_registration`, `entry` (a received registration) and
`council` (chair, secretary and a member who also works in Ea Bá).
"""

import datetime
import os
from types import SimpleNamespace

import pytest

from tests.helpers import COMPLETE, PASSWORD
from thidua.initiatives.domain.registrations import (
    registration_create,
    registration_receive,
    registration_save,
    registration_submit,
)
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.domain.units import unit_create
from thidua.org.models import Person, Role, UnitKind
from thidua.plans.domain.plans import (
    end_of_day,
    plan_create,
    plan_issue,
    plan_set_body,
    plan_set_list,
)
from thidua.plans.models import DeadlineKind, LatePolicy
from thidua.review.domain.councils import council_create, member_add
from thidua.review.models import MemberRole


def pytest_xdist_auto_num_workers(config):
    """``-n auto``: a process per core and one more. The browser tests' processes mostly
    wait (for Chromium, the live server, the autosave's pause): the extra process fills
    those waits with the other tests (the suite on two cores: 7:24 with two processes, 6:40
    with three; four fight over the cores, 7:45)."""
    return (os.cpu_count() or 1) + 1


# A test reaches the database through one of these fixtures (or the ``django_db`` mark).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "django_db_setup",  # a module's data loaded once (django_db_blocker.unblock)
        "live_server",
    }
)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="run only the tests that use the database: CI's pass on PostgreSQL (the others "
        "say the same on any database and ran in the pass on SQLite)",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    elsewhere = [
        item
        for item in items
        if not DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        and item.get_closest_marker("django_db") is None
    ]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        skipped = set(elsewhere)
        items[:] = [item for item in items if item not in skipped]


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # The real hasher is slow on purpose; tests check behaviour, not key stretching.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client speaks plain HTTP and nothing has run collectstatic.
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def tree(db):
    central = unit_create(actor=None, parent=None, name="Việt Nam", kind=UnitKind.CENTRAL)
    province = unit_create(
        actor=None, parent=central, name="Phú Yên", kind=UnitKind.PROVINCE, code="54"
    )
    district = unit_create(
        actor=None, parent=province, name="Sông Hinh", kind=UnitKind.DISTRICT, code="561"
    )
    commune_a = unit_create(
        actor=None, parent=district, name="Ea Bá", kind=UnitKind.COMMUNE, code="22216"
    )
    commune_b = unit_create(
        actor=None, parent=district, name="Ea Ly", kind=UnitKind.COMMUNE, code="22237"
    )
    other_district = unit_create(
        actor=None, parent=province, name="Tuy Hòa", kind=UnitKind.CITY, code="555", level=2
    )
    return SimpleNamespace(
        central=central,
        province=province,
        district=district,
        commune_a=commune_a,
        commune_b=commune_b,
        branch_a=unit_create(actor=None, parent=commune_a, name="Thôn 1", kind=UnitKind.BRANCH),
        branch_b=unit_create(actor=None, parent=commune_b, name="Thôn 2", kind=UnitKind.BRANCH),
        other_district=other_district,
        other_commune=unit_create(
            actor=None, parent=other_district, name="Phường 1", kind=UnitKind.WARD
        ),
    )


@pytest.fixture
def make_person(db):
    """make_person("name", role, unit) → a person holding that role there."""
    counter = iter(range(1, 10_000))

    def make(username: str, role: Role | None = None, unit=None, **extra):
        person = person_create(
            actor=None,
            username=username,
            full_name=extra.pop("full_name", f"Người thử {next(counter)}"),
            password=PASSWORD,
            **extra,
        )
        if role is not None:
            membership_grant(actor=None, person=person, unit=unit, role=role)
        return person

    return make


@pytest.fixture
def superuser(db):
    return Person.objects.create_superuser(
        username="root", email="root@example.vn", password=PASSWORD, full_name="Quản trị"
    )


BODY = """# MỤC ĐÍCH, YÊU CẦU
## Mục đích
- Tăng cường công tác tuyên truyền.
## Yêu cầu
- Đi vào thực chất.
# NỘI DUNG
Phát động phong trào thi đua.
##
Thi đua nâng cao chất lượng.
# TỔ CHỨC THỰC HIỆN
Các xã, thị trấn xây dựng kế hoạch.
"""


@pytest.fixture
def make_plan(tree):
    """make_plan(unit=…) → a draft plan with a body and the seed's deadlines."""

    def make(unit=None, title="Kế hoạch thực hiện phong trào thi đua năm 2022", actor=None):
        plan = plan_create(
            actor=actor,
            unit=unit or tree.district,
            title=title,
            movement_name="Sông Hinh đoàn kết sáng tạo",
            period_start=datetime.date(2022, 1, 1),
            period_end=datetime.date(2022, 12, 31),
            signer_name="Bá Minh Hiếu",  # an issued plan names its signer
        )
        plan_set_body(actor=actor, plan=plan, source=BODY)
        plan_set_list(
            actor=actor,
            plan=plan,
            kind="deadlines",
            rows=[
                {
                    "kind": DeadlineKind.REGISTRATION,
                    "label": "Đăng ký mô hình",
                    "due_at": end_of_day(datetime.date(2022, 4, 10)),
                },
                {
                    "kind": DeadlineKind.REPORT,
                    "label": "Báo cáo kết quả",
                    "due_at": end_of_day(datetime.date(2022, 10, 25)),
                },
            ],
        )
        return plan

    return make


@pytest.fixture
def open_plan(make_plan, tree):
    """An issued district plan asking every commune for one registration, due 10/4/2022."""
    plan = make_plan()
    plan.quota_kinds = [UnitKind.COMMUNE, UnitKind.TOWNSHIP]
    plan.quota_minimum = 1
    plan.late_registrations = LatePolicy.MARK_LATE
    plan.save()
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 8))


@pytest.fixture
def make_registration(open_plan, tree):
    def make(unit=None, *, complete=True, name="Mô hình trồng sắn cao sản", actor=None):
        registration = registration_create(
            actor=actor, plan=open_plan, unit=unit or tree.commune_a, kind="model", name=name
        )
        if complete:
            registration = registration_save(
                actor=actor,
                registration=registration,
                version=registration.version,
                fields=COMPLETE,
                arguments={a.criterion_id: "Lập luận." for a in registration.arguments.all()},
                implementers=[{"name": "Nguyễn Văn A", "position_unit": "Hội viên", "role": "Làm"}],
            )
        return registration

    return make


@pytest.fixture
def entry(make_registration):
    """make(unit) → a received registration: an entry the council evaluates."""

    def make(unit=None, name="Mô hình trồng sắn cao sản", **kwargs):
        registration = registration_submit(
            actor=None, registration=make_registration(unit, name=name, **kwargs)
        )
        return registration_receive(actor=None, registration=registration)

    return make


@pytest.fixture
def council(open_plan, tree, make_person):
    """A council of three: chair (district), secretary (district), member from commune A."""
    chair = make_person("chutich", Role.COUNCIL, tree.district, full_name="Chủ Tịch")
    secretary = make_person("thuky", Role.COUNCIL, tree.district, full_name="Thư Ký")
    member = make_person("thanhvien", Role.COUNCIL, tree.district, full_name="Thành Viên A")
    membership_grant(actor=None, person=member, unit=tree.commune_a, role=Role.OFFICER)
    created = council_create(actor=None, plan=open_plan, name="Hội đồng đánh giá")
    member_add(actor=None, council=created, person=chair, role=MemberRole.CHAIR)
    member_add(actor=None, council=created, person=secretary, role=MemberRole.SECRETARY)
    member_add(actor=None, council=created, person=member, role=MemberRole.MEMBER)
    return created


@pytest.fixture
def officer(tree, make_person):
    """Nguyễn Thị Hoa, officer of Ea Bá, with an e-mail address and a phone number."""
    return make_person(
        "xa",
        Role.OFFICER,
        tree.commune_a,
        full_name="Nguyễn Thị Hoa",
        email="hoa@example.vn",
        phone="0905 000 003",
    )
