"""Fixtures of the page tests: the story (its uploads in a temporary folder), and the measure of
a page's queries at two sizes of data."""

import datetime
import io
import zipfile
from html import unescape

import pytest

from tests.helpers import completed, filled, merge, successor
from tests.pages.world import World, grower
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.plans.domain.plans import plan_create_child, plan_issue, plan_update
from thidua.results.domain.reports import report_open, report_submit

# A page is measured with a few rows, then with four times as many: the same number of
# queries both times, or the page does one more query per row (N+1) somewhere.
SIZES = (3, 12)


@pytest.fixture
def world(db, request):
    return World(request)


@pytest.fixture
def communes(world):
    """communes(n) → n more communes of Sông Hinh ("Ea Tam 0" …), made through unit_create."""
    return grower(
        lambda i: unit_create(
            actor=None, parent=world.tree.district, name=f"Ea Tam {i}", kind=UnitKind.COMMUNE
        )
    )


@pytest.fixture
def merged_commune(world, communes):
    """(commune, officer, merge): "Ea Bá Mới", a commune of Sông Hinh formed on 1/7/2025,
    its officer, and merge(n), which merges the first n communes of ``communes`` into it."""
    merged = successor(world.tree.district, name="Ea Bá Mới")
    officer = world._fixture("make_person")("xa_moi", Role.OFFICER, merged, full_name="Xã Mới")
    return merged, officer, grower(lambda i: merge(communes(i + 1)[i], into=merged))


@pytest.fixture
def province_plan(world):
    """The province's plan, issued, asking every commune for one registration."""
    plan = world._make_plan(unit=world.tree.province, title="Kế hoạch thi đua của tỉnh")
    plan_update(actor=None, plan=plan, quota_kinds=[UnitKind.COMMUNE], quota_minimum=1)
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 2, 20))


@pytest.fixture
def districts(world, province_plan):
    """districts(n): n more districts of Phú Yên ("Krông Pa 0" …), each with its own plan
    written on the province's, and one commune that sent a registration and its report."""

    def make(i):
        district = unit_create(
            actor=None, parent=world.tree.province, name=f"Krông Pa {i}", kind=UnitKind.DISTRICT
        )
        plan = plan_create_child(actor=None, parent=province_plan, unit=district)
        plan = plan_update(actor=None, plan=plan, signer_name="Nguyễn Văn An")  # needed to issue
        plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 1))
        commune = unit_create(
            actor=None, parent=district, name=f"Ia Rmok {i}", kind=UnitKind.COMMUNE
        )
        registration = registration_create(
            actor=None, plan=plan, unit=commune, kind="model", name=f"Mô hình của huyện {i}"
        )
        registration_submit(actor=None, registration=completed(registration))
        report = filled(report_open(actor=None, plan=plan, unit=commune))
        return report_submit(actor=None, report=report)

    return grower(make)


@pytest.fixture
def same_queries(client, world, django_assert_num_queries):
    """same_queries(url, n, by=…, grow=…, shows=…): with ``grow(size)`` rows for each size
    of SIZES, GET ``url`` costs exactly ``n`` queries, answers 200 and shows ``shows(size)``.
    ``by`` is who asks (a Person, or the name of one of ``world.who``; nobody when None).
    ``url`` may be a function of the size that builds what it needs (an issued plan cannot
    grow, so each size gets its own).

    The first measured request follows an unmeasured one, so that what Django caches for
    the process (content types …) is not counted against the page.
    """

    def check(url, expected, *, shows, by=None, grow=lambda size: None, query=None, sizes=SIZES):
        if by is not None:
            client.force_login(getattr(world.who, by) if isinstance(by, str) else by)
        for size in sizes:
            grow(size)
            target = url(size) if callable(url) else url
            if size == sizes[0]:
                client.get(target, query)
            with django_assert_num_queries(expected):
                response = client.get(target, query)
            assert response.status_code == 200, response
            text = content_of(response)
            for wanted in shows(size):
                assert wanted in text, f"{wanted!r} is not on {target} with {size} rows"
        return response

    return check


def content_of(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/"):
        return unescape(data.decode())
    return readable(data)


def readable(data: bytes) -> str:
    """The text of a DOCX or XLSX download, to look for a row in it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return unescape(
            " ".join(
                archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml")
            )
        )


@pytest.fixture
def reporting(world, communes):
    """grow(n): n more communes, each with a registration sent and its report sent."""

    def make(i):
        unit = communes(i + 1)[i]
        registration_submit(
            actor=None, registration=world._make_registration(unit, name=f"Mô hình số {i}")
        )
        report = filled(report_open(actor=None, plan=world.plan, unit=unit))
        return report_submit(actor=None, report=report)

    return grower(make)
