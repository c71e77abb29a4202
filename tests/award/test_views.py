"""The nomination's pages (award/views.py): who may see the dossier and who may take which
step in each state (the permissions matrix, every step posted by every person), the page
showing the dossier, and the links from the council's decision and the plan's roll-up."""

import datetime

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from tests.helpers import login, vietnamese
from thidua.award.domain.nominations import (
    nomination_decide,
    nomination_endorse,
    nomination_prepare,
    nomination_send,
    nomination_update,
)
from thidua.award.enums import NominationState as S
from thidua.award.models import Nomination
from thidua.org.domain.units import unit_create
from thidua.org.models import UnitKind
from thidua.replication.domain.replications import replication_adopt

ACTIONS = {
    "save": {"endorsement": "Đã xác nhận lại.", "endorser": "Chủ tịch"},
    "send": {},
    "endorse": {"note": "Đồng ý"},
    "return": {"reason": "Bổ sung hồ sơ"},
    "decide": {"outcome": S.AWARDED.value, "decided_on": "2022-11-20", "note": "QĐ 120"},
}
# Who may take which step in each state: the level holding the dossier, or one above it.
MATRIX = {
    S.PREPARING: {
        "save": {"district", "province", "national"},
        "send": {"district", "province", "national"},
    },
    S.AT_PROVINCE: {"endorse": {"province", "national"}, "return": {"province", "national"}},
    S.AT_NATIONAL: {"return": {"national"}, "decide": {"national"}},
    S.AWARDED: {},
}
PEOPLE = ("commune", "district", "district_viewer", "province", "national", "outsider")
SEES = {"commune", "district", "district_viewer", "province", "national"}


def _at(state, model):
    """A nomination of ``model`` taken to ``state`` through the domain."""
    nomination = nomination_prepare(actor=None, registration=model)
    nomination_update(
        actor=None, nomination=nomination, endorsement="Xác nhận.", endorser="Chủ tịch xã"
    )
    nomination.refresh_from_db()
    if state == S.PREPARING:
        return nomination
    nomination_send(actor=None, nomination=nomination, on=datetime.date(2022, 6, 1))
    if state != S.AT_PROVINCE:
        nomination_endorse(actor=None, nomination=nomination)
    if state == S.AWARDED:
        nomination_decide(
            actor=None, nomination=nomination, awarded=True, decided_on=datetime.date(2022, 11, 1)
        )
    return nomination


def _effect(nomination) -> tuple:
    n = Nomination.objects.get(pk=nomination.pk)
    return n.state, n.endorsement


def test_the_permissions_matrix(client, honoured, levels):
    """Every person posts every step in each state on the way (each post rolled back): the
    steps of the matrix move the dossier, the others are refused and change nothing."""
    model, _other = honoured
    nomination = _at(S.PREPARING, model)
    page = reverse("award:nomination", args=[nomination.pk])
    for state in MATRIX:
        _advance(nomination, state)
        for who in PEOPLE:
            client.force_login(getattr(levels, who))
            assert (client.get(page).status_code == 200) == (who in SEES), (state, who)
            for action, data in ACTIONS.items():
                allowed = who in MATRIX[state].get(action, set())
                before = _effect(nomination)
                with transaction.atomic():
                    response = client.post(reverse(f"award:{action}", args=[nomination.pk]), data)
                    changed = _effect(nomination) != before
                    transaction.set_rollback(True)
                if allowed:
                    assert response.status_code == 302, (state, who, action)
                    assert changed, (state, who, action)
                else:
                    assert response.status_code in (403, 404), (state, who, action)
                    assert not changed, (state, who, action)


def _advance(nomination, state) -> None:
    """Take the nomination one step on, to ``state``, through the domain."""
    nomination.refresh_from_db()
    if state == S.AT_PROVINCE:
        nomination_send(actor=None, nomination=nomination, on=datetime.date(2022, 6, 1))
    elif state == S.AT_NATIONAL:
        nomination_endorse(actor=None, nomination=nomination)
    elif state == S.AWARDED:
        nomination_decide(
            actor=None, nomination=nomination, awarded=True, decided_on=datetime.date(2022, 11, 1)
        )
    nomination.refresh_from_db()
    assert nomination.state == state


def test_the_district_opens_the_dossier_from_the_decision_and_sends_it(
    client, honoured, council, levels
):
    model, _other = honoured
    login(client, levels.commune)
    assert client.post(reverse("award:prepare", args=[model.pk])).status_code == 403
    login(client, levels.district)
    page = html.fromstring(client.get(reverse("review:decision", args=[council.pk])).content)
    (button,) = page.xpath("//ul[@data-list='award-dossiers']//form/@action")
    assert button == reverse("award:prepare", args=[model.pk])
    response = client.post(button)
    nomination = Nomination.objects.get()
    assert response.url == reverse("award:nomination", args=[nomination.pk])
    response = client.post(reverse("award:send", args=[nomination.pk]))
    shown = html.fromstring(client.get(reverse("award:nomination", args=[nomination.pk])).content)
    shown = shown.text_content()
    assert vietnamese("The dossier needs the unit's endorsement before it is sent.") in shown
    client.post(reverse("award:save", args=[nomination.pk]), ACTIONS["save"])
    client.post(reverse("award:send", args=[nomination.pk]))
    assert Nomination.objects.get().state == S.AT_PROVINCE
    page = html.fromstring(client.get(reverse("award:nomination", args=[nomination.pk])).content)
    headings = page.xpath("//article[@class='dossier']//h3/text()")
    assert headings[:2] == ["I. THÔNG TIN CHUNG", "II. NỘI DUNG VÀ CÁC TIÊU CHÍ"]
    assert "Đã xác nhận lại." in page.xpath("string(//article[@class='dossier'])")
    # The decision page now links the dossier.
    page = html.fromstring(client.get(reverse("review:decision", args=[council.pk])).content)
    assert page.xpath("//ul[@data-list='award-dossiers']//a/@href") == [
        reverse("award:nomination", args=[nomination.pk])
    ]


def test_the_roll_up_shows_the_units_nominations(client, honoured, levels, open_plan):
    model, _other = honoured
    nomination = _at(S.AT_NATIONAL, model)
    login(client, levels.district)
    page = html.fromstring(client.get(reverse("results:rollup", args=[open_plan.pk])).content)
    (item,) = page.xpath("//ul[@data-list='award-nominations']/li")
    assert item.get("data-nomination") == str(nomination.pk)
    assert model.name in item.text_content()
    assert (
        str(S.AT_NATIONAL.label) in item.text_content()
        or vietnamese("endorsed by the province, at the national level") in item.text_content()
    )


def test_the_dossier_page_queries_do_not_grow_with_the_replications(client, honoured, levels):
    model, _other = honoured
    nomination = _at(S.PREPARING, model)
    login(client, levels.district)
    url = reverse("award:nomination", args=[nomination.pk])
    counts = []
    for size in (2, 6):
        while model.replications.count() < size:
            number = model.replications.count()
            commune = unit_create(
                actor=None, parent=model.unit.parent, name=f"Ea Tam {number}", kind=UnitKind.COMMUNE
            )
            replication_adopt(
                actor=None,
                registration=model,
                unit=commune,
                started_on=datetime.date(2022, 9, 1),
                households=10,
            )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
