"""The fund's pages: who may do what (the permissions matrix), recording through the forms
(amounts typed the Vietnamese way; bad input answered in words and nothing changed; a form
sent twice records once), corrections, donors, the public transparency page and its consent
rule, and queries that do not grow with the rows."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.fund.conftest import DAY
from tests.helpers import login, vietnamese
from thidua.fund.domain.ledger import (
    contribution_record,
    disbursement_record,
    donor_create,
    donor_update,
    entry_reverse,
    fund_create,
    national_record,
)
from thidua.fund.enums import DonorKind, EntryKind
from thidua.fund.models import Donor, Entry, Fund
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def once(response) -> str:
    """The one-time token of the page's form."""
    found = re.search(r'name="once" value="([0-9a-f]{32})"', response.content.decode())
    assert found, "the form carries no one-time token"
    return found.group(1)


# --- the permissions matrix ----------------------------------------------------------------

# who → the status of: viewing the district's fund, its record form, opening a fund there.
# The district's office and the province above it record; opening a fund is for
# administrators; a viewer of the district reads; communes below and another district do
# not even see it (404); the council role has nothing to do with the fund.
MATRIX = {
    "district_admin": (200, 200, 302),
    "district": (200, 200, 403),
    "viewer": (200, 403, 403),
    "province": (200, 200, 302),
    "officer_a": (404, 404, 404),
    "outsider": (404, 404, 404),
    "chair": (403, 403, 403),
}


@pytest.fixture
def people(who, make_person, tree):
    who.viewer = make_person("xem_huyen", Role.VIEWER, tree.district)
    return who


@pytest.mark.parametrize("person", sorted(MATRIX))
def test_who_may_see_record_and_open_a_fund(client, people, fund, person):
    view, record, manage = MATRIX[person]
    login(client, getattr(people, person))
    assert client.get(reverse("fund:fund_detail", args=[fund.pk])).status_code == view
    assert client.get(reverse("fund:unit", args=[fund.unit_id])).status_code == view
    assert client.get(reverse("fund:ledger_xlsx", args=[fund.pk])).status_code == view
    assert client.get(reverse("fund:donors", args=[fund.unit_id])).status_code == view
    url = reverse("fund:entry_add", args=[fund.pk, EntryKind.NATIONAL])
    assert client.get(url).status_code == record
    opened = client.post(
        reverse("fund:fund_create", args=[fund.unit_id]), {"name": f"Quỹ của {person}"}
    )
    assert opened.status_code == manage
    assert Fund.objects.filter(name=f"Quỹ của {person}").exists() == (manage == 302)


@pytest.mark.parametrize("person", ["viewer", "officer_a", "chair"])
def test_those_who_may_not_record_change_nothing(client, people, funded, donor, person):
    login(client, getattr(people, person))
    before = Entry.objects.count()
    client.post(
        reverse("fund:entry_add", args=[funded.pk, EntryKind.NATIONAL]),
        {"amount_vnd": "1.000", "occurred_on": "01/06/2022"},
    )
    client.post(
        reverse("fund:entry_reverse", args=[funded.pk, funded.entries.get().pk]),
        {"reason": "Sai", "occurred_on": "01/06/2022"},
    )
    client.post(
        reverse("fund:donors", args=[funded.unit_id]),
        {"name": "Người lạ", "kind": DonorKind.INDIVIDUAL},
    )
    client.post(
        reverse("fund:donor_edit", args=[donor.pk]),
        {"name": "Đổi tên", "kind": DonorKind.INDIVIDUAL},
    )
    assert Entry.objects.count() == before
    assert not Donor.objects.filter(name__in=["Người lạ", "Đổi tên"]).exists()


def test_the_public_sees_only_the_transparency_pages(client, funded):
    for url in (
        reverse("fund:index"),
        reverse("fund:unit", args=[funded.unit_id]),
        reverse("fund:fund_detail", args=[funded.pk]),
        reverse("fund:donors", args=[funded.unit_id]),
        reverse("fund:ledger_xlsx", args=[funded.pk]),
    ):
        answer = client.get(url)
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("login"))
    assert client.get(reverse("fund:public")).status_code == 200
    assert client.get(reverse("fund:public_unit", args=[funded.unit_id])).status_code == 200


def test_the_menu_leads_to_the_funds(client, people, funded):
    login(client, people.district)
    home = client.get(reverse("fund:index"))
    assert funded.name in text_of(home)
    assert f'href="{reverse("fund:unit", args=[funded.unit_id])}"' in home.content.decode()


# --- recording through the pages -------------------------------------------------------


def test_a_contribution_typed_the_vietnamese_way(client, who, fund, donor):
    login(client, who.district)
    url = reverse("fund:entry_add", args=[fund.pk, EntryKind.CONTRIBUTION])
    sent = client.post(
        url,
        {
            "once": once(client.get(url)),
            "donor": donor.pk,
            "holding": "money",
            "amount_vnd": "1.500.000",
            "occurred_on": "01/06/2022",
            "reference": "Phiếu thu số 01/PT",
        },
    )
    assert sent.status_code == 302
    entry = Entry.objects.get()
    assert (entry.amount_vnd, entry.occurred_on, entry.recorded_by) == (
        1_500_000,
        DAY,
        who.district,
    )
    page = text_of(client.get(sent["Location"]))
    assert "1.500.000" in page
    assert donor.name in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1.500,5", "“%(typed)s” is not a whole number: write it without a decimal part."),
        ("một triệu", "“%(typed)s” is not a number. Write for example 1.500.000 or 30,5."),
        ("0", "The amount must be more than 0 đồng."),
    ],
)
def test_a_badly_typed_amount_is_answered_and_nothing_changes(client, who, funded, typed, message):
    login(client, who.district)
    answer = client.post(
        reverse("fund:entry_add", args=[funded.pk, EntryKind.NATIONAL]),
        {"amount_vnd": typed, "occurred_on": "01/06/2022"},
    )
    assert answer.status_code == 400
    said = vietnamese(message)
    assert (said % {"typed": typed} if "%(typed)s" in said else said) in text_of(answer)
    assert Entry.objects.count() == 1


def test_paying_more_than_the_fund_holds_is_answered_on_the_form(client, who, funded, commended):
    login(client, who.district)
    url = reverse("fund:entry_add", args=[funded.pk, EntryKind.DISBURSEMENT])
    form = client.get(url)
    assert commended[0].registration.name in text_of(form)
    answer = client.post(
        url,
        {
            "proposal": commended[0].pk,
            "holding": "money",
            "amount_vnd": "12.000.000",
            "occurred_on": "02/06/2022",
        },
    )
    assert answer.status_code == 400
    assert "10.000.000" in text_of(answer)
    assert "12.000.000" in text_of(answer)
    assert Entry.objects.count() == 1


def test_a_form_sent_twice_records_once(client, who, funded):
    login(client, who.district)
    url = reverse("fund:entry_add", args=[funded.pk, EntryKind.NATIONAL])
    data = {"once": once(client.get(url)), "amount_vnd": "2.000.000", "occurred_on": "01/06/2022"}
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert funded.entries.filter(kind=EntryKind.NATIONAL).count() == 1


def test_an_unknown_kind_of_entry_is_not_found(client, who, fund):
    login(client, who.district)
    assert client.get(reverse("fund:entry_add", args=[fund.pk, "loan"])).status_code == 404


def test_a_correction_through_the_page(client, who, funded):
    login(client, who.district)
    first = funded.entries.get()
    url = reverse("fund:entry_reverse", args=[funded.pk, first.pk])
    assert "10.000.000" in text_of(client.get(url))
    sent = client.post(url, {"reason": "Nhầm nhà tài trợ", "occurred_on": "02/06/2022"})
    assert sent.status_code == 302
    correction = funded.entries.get(sequence=2)
    assert (correction.reverses, correction.balance_vnd) == (first, 0)
    page = client.get(sent["Location"]).content.decode()
    # The corrected entry can no longer be corrected; the correction says what it corrects.
    assert url not in page
    assert "Nhầm nhà tài trợ" in page


def test_a_correction_without_a_reason_is_answered(client, who, funded):
    login(client, who.district)
    first = funded.entries.get()
    answer = client.post(
        reverse("fund:entry_reverse", args=[funded.pk, first.pk]),
        {"reason": "", "occurred_on": "02/06/2022"},
    )
    assert answer.status_code == 400
    assert Entry.objects.count() == 1


def test_a_new_donor_and_a_change_of_consent(client, who, tree):
    login(client, who.district)
    url = reverse("fund:donors", args=[tree.district.pk])
    sent = client.post(
        url,
        {
            "once": once(client.get(url)),
            "name": "Hợp tác xã Ea Bá",
            "kind": DonorKind.ORGANISATION,
            "named_publicly": "on",
            "consent_note": "Biên bản ngày 3/3/2022",
        },
    )
    assert sent.status_code == 302
    donor = Donor.objects.get(name="Hợp tác xã Ea Bá")
    assert donor.named_publicly
    edit = reverse("fund:donor_edit", args=[donor.pk])
    assert client.post(edit, {"name": donor.name, "kind": donor.kind}).status_code == 302
    donor.refresh_from_db()
    assert not donor.named_publicly


def test_opening_a_fund_with_a_name_already_taken_is_answered(client, who, fund):
    login(client, who.district_admin)
    answer = client.post(reverse("fund:fund_create", args=[fund.unit_id]), {"name": fund.name})
    assert answer.status_code == 200
    assert vietnamese("This unit already has a fund with that name.") in text_of(answer)
    assert Fund.objects.count() == 1


# --- the roll-up -----------------------------------------------------------------------


def test_the_unit_page_rolls_the_communes_funds_up(client, who, funded, tree, donor):
    commune = fund_create(actor=None, unit=tree.commune_a, name="Quỹ xã Ea Bá")
    contribution_record(actor=None, fund=commune, donor=donor, amount_vnd=700_000, occurred_on=DAY)
    national_record(actor=None, fund=commune, amount_vnd=200_000, occurred_on=DAY)
    login(client, who.province)
    page = client.get(reverse("fund:unit", args=[tree.district.pk]))
    content = page.content.decode()
    total = re.search(r'data-line="subtotal".*?</tr>', content, re.S).group(0)
    assert figure(total, "received") == "10.700.000"
    assert figure(total, "national") == "200.000"
    assert figure(total, "balance") == "10.500.000"
    # A year without entries: nothing received, nothing left at its end.
    empty = client.get(reverse("fund:unit", args=[tree.district.pk]), {"year": 2021})
    total = re.search(r'data-line="subtotal".*?</tr>', empty.content.decode(), re.S).group(0)
    assert figure(total, "received") == figure(total, "balance") == "0"


def figure(row: str, name: str) -> str:
    return re.search(rf'data-measure="{name}"[^>]*>([^<]*)<', row).group(1)


# --- the public page and the donors' consent ----------------------------------------------


def test_the_public_page_names_only_the_donors_who_agreed(client, funded, donor, shy_donor, tree):
    contribution_record(
        actor=None,
        fund=funded,
        donor=shy_donor,
        amount_vnd=3_000_000,
        occurred_on=DAY,
        description="Bà Trần Thị Mận ủng hộ",
        reference="Phiếu thu số 02/PT",
    )
    donor_update(actor=None, donor=shy_donor, contact="Buôn Mùi, 0905 111 222")
    url = reverse("fund:public_unit", args=[tree.district.pk])
    page = client.get(url)
    content = page.content.decode()
    assert donor.name in text_of(page)
    assert "10.000.000" in text_of(page)
    # The benefactor is counted, never named: not her name, her contact nor what was typed
    # with her entry.
    for secret in ("Mận", "0905 111 222", "Phiếu thu số 02/PT"):
        assert secret not in content
    assert 'data-unnamed="1"' in content
    assert "3.000.000" in text_of(page)
    # The business withdraws its consent: the page no longer names it.
    donor_update(actor=None, donor=donor, named_publicly=False)
    again = client.get(url).content.decode()
    assert donor.name not in again
    assert 'data-unnamed="2"' in again


def test_the_public_page_shows_what_went_to_which_commended_initiative(
    client, funded, commended, tree
):
    disbursement_record(
        actor=None, fund=funded, proposal=commended[0], amount_vnd=3_000_000, occurred_on=DAY
    )
    page = text_of(client.get(reverse("fund:public_unit", args=[tree.district.pk])))
    assert commended[0].registration.name in page
    assert "3.000.000" in page
    assert "7.000.000" in page  # the balance
    assert "QĐ/HNDH" in page  # the council's decision
    assert commended[0].council.decision.decided_on.strftime("%d/%m/%Y") in page


def test_the_public_page_of_a_unit_without_funds_is_not_found(client, tree):
    assert client.get(reverse("fund:public_unit", args=[tree.commune_b.pk])).status_code == 404


def test_the_public_index_lists_the_units_with_funds(client, funded):
    page = text_of(client.get(reverse("fund:public")))
    assert funded.unit.full_name in page


# --- queries that do not grow with the rows ----------------------------------------------


def _grow(tree, donor, start: int, count: int) -> None:
    """``count`` more communes, each with a fund that received and sent money."""
    for i in range(start, start + count):
        unit = unit_create(
            actor=None, parent=tree.district, name=f"Ea Tam {i}", kind=UnitKind.COMMUNE
        )
        fund = fund_create(actor=None, unit=unit, name=f"Quỹ xã Ea Tam {i}")
        contribution_record(actor=None, fund=fund, donor=donor, amount_vnd=1_000, occurred_on=DAY)
        national_record(actor=None, fund=fund, amount_vnd=500, occurred_on=DAY)
        giver = donor_create(
            actor=None, unit=tree.district, name=f"Nhà hảo tâm {i}", kind=DonorKind.BENEFACTOR
        )
        contribution_record(actor=None, fund=fund, donor=giver, amount_vnd=100, occurred_on=DAY)


@pytest.mark.parametrize(
    ("name", "args", "by"),
    [
        ("fund:unit", lambda f: [f.unit_id], "district"),
        ("fund:rollup_xlsx", lambda f: [f.unit_id], "district"),
        ("fund:fund_detail", lambda f: [f.pk], "district"),
        ("fund:ledger_xlsx", lambda f: [f.pk], "district"),
        ("fund:public_unit", lambda f: [f.unit_id], None),
        ("fund:index", lambda f: [], "district"),
    ],
)
def test_pages_cost_the_same_queries_with_more_rows(
    client, who, tree, funded, donor, name, args, by
):
    if by is not None:
        login(client, getattr(who, by))
    url = reverse(name, args=args(funded))
    counts = []
    for start, count in ((0, 2), (2, 6)):
        _grow(tree, donor, start, count)
        for _i in range(count):  # the district's own ledger grows too, corrections included
            sent = national_record(actor=None, fund=funded, amount_vnd=2, occurred_on=DAY)
            entry_reverse(actor=None, entry=sent, reason="Sai", occurred_on=DAY)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_the_date_is_today_by_default(client, who, fund):
    login(client, who.district)
    form = client.get(reverse("fund:entry_add", args=[fund.pk, EntryKind.NATIONAL]))
    assert f'value="{datetime.date.today().isoformat()}"' in form.content.decode()
