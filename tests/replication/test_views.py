"""The replication pages (replication/views.py): who may open them, a commune recording a
replication and its results, the model's list and map, the district's models spread or not,
and queries that do not grow with the rows."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import html

from tests.helpers import login, vietnamese
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.replication.domain.replications import replication_adopt
from thidua.replication.enums import ReplicationState
from thidua.replication.models import Replication


def _adopt(model, unit, **changes):
    fields = {"started_on": datetime.date(2022, 9, 1), "households": 12} | changes
    return replication_adopt(actor=None, registration=model, unit=unit, **fields)


def _page(response):
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def test_a_commune_records_a_replication_and_the_map_shows_it(client, honoured, tree, ea_ly):
    model, _other = honoured
    login(client, ea_ly)
    page = _page(client.get(reverse("replication:model", args=[model.pk])))
    assert page.xpath(
        "//svg//g[@data-unit=$u][contains(@class, 'marker--origin')]", u=str(tree.commune_a.pk)
    )
    assert not page.xpath("//svg//g[contains(@class, 'marker--replicated')]")
    form = _page(client.get(reverse("replication:adopt", args=[model.pk])))
    once = form.xpath("//input[@name='once']/@value")[0]
    assert form.xpath("//select[@name='unit']/option/text()") == [tree.commune_b.full_name]
    response = client.post(
        reverse("replication:adopt", args=[model.pk]),
        {
            "once": once,
            "unit": tree.commune_b.pk,
            "started_on": "2022-09-01",
            "branches": [tree.branch_b.pk],
            "households": "1.250",
            "scale": "40 ha",
            "adjustments": "Giống KM94",
        },
    )
    replication = Replication.objects.get()
    assert response.url == reverse("replication:detail", args=[replication.pk])
    assert replication.households == 1250
    assert replication.scale == "40 ha"
    assert list(replication.branches.all()) == [tree.branch_b]
    page = _page(client.get(reverse("replication:model", args=[model.pk])))
    marker = page.xpath(
        "//svg//g[@data-unit=$u][contains(@class, 'marker--replicated')]", u=str(tree.commune_b.pk)
    )
    assert marker
    # the name as read (its white halo underneath is hidden from screen readers)
    assert marker[0].xpath("string(.//*[local-name()='text'][not(@aria-hidden)])") == (
        tree.commune_b.area_name
    )
    row = page.xpath(
        "//table[@data-list='replications']//tr[@data-unit=$u]", u=str(tree.commune_b.pk)
    )[0]
    assert "Thôn 2" in row.text_content()
    assert "1.250" in row.text_content()
    # The same form sent again makes nothing more.
    client.post(
        reverse("replication:adopt", args=[model.pk]), {"once": once, "unit": tree.commune_b.pk}
    )
    assert Replication.objects.count() == 1


def test_bad_input_is_said_and_changes_nothing(client, honoured, tree, ea_ly):
    model, _other = honoured
    login(client, ea_ly)
    next_month = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        reverse("replication:adopt", args=[model.pk]),
        {"unit": tree.commune_b.pk, "started_on": str(next_month), "households": "12"},
    )
    assert vietnamese("The date cannot be in the future.") in response.content.decode()
    assert not Replication.objects.exists()


def test_the_unit_records_its_results_and_others_only_read_them(
    client, honoured, tree, ea_ly, officer
):
    model, _other = honoured
    replication = _adopt(model, tree.commune_b)
    url = reverse("replication:detail", args=[replication.pk])
    login(client, officer)  # Ea Bá reads its model's replications, records nothing for Ea Ly
    page = _page(client.get(url))
    assert not page.xpath("//form[.//textarea[@name='results']]")
    assert client.post(url, {"results_on": "2023-05-01", "results": "x"}).status_code == 404
    login(client, ea_ly)
    response = client.post(url, {"results_on": "2023-05-01", "results": "", "households": ""})
    assert vietnamese("Describe the results.") in response.content.decode()
    client.post(
        url, {"results_on": "2023-05-01", "results": "Năng suất 32 tấn/ha", "households": "18"}
    )
    replication.refresh_from_db()
    assert replication.state == ReplicationState.EFFECTIVE
    assert replication.results_households == 18


def test_outsiders_are_refused(client, honoured, tree, make_person):
    model, other = honoured
    replication = _adopt(model, tree.commune_b)
    outsider = make_person("tuyhoa", Role.OFFICER, tree.other_district)
    login(client, outsider)
    for url in (
        reverse("replication:model", args=[model.pk]),
        reverse("replication:adopt", args=[model.pk]),
        reverse("replication:detail", args=[replication.pk]),
        reverse("replication:area", args=[tree.district.pk]),
    ):
        assert client.get(url).status_code in (403, 404), url
    # A model the council did not honour has no replication page, even for its district.
    login(client, make_person("huyen", Role.OFFICER, tree.district))
    assert client.get(reverse("replication:model", args=[other.pk])).status_code == 404
    # Ea Bá cannot record that it replicates its own model.
    login(client, make_person("eaba", Role.OFFICER, tree.commune_a))
    assert client.get(reverse("replication:adopt", args=[model.pk])).status_code == 404


def test_the_district_sees_which_models_spread_and_which_did_not(
    client, honoured, council, entry, tree, make_person, ea_bia
):
    model, _other = honoured
    _adopt(model, tree.commune_b, households=10)
    _adopt(model, ea_bia, households=5)
    login(client, make_person("huyen", Role.OFFICER, tree.district))
    response = client.get(reverse("replication:index"))
    assert response.url == reverse("replication:area", args=[tree.district.pk])
    page = _page(client.get(response.url))
    spread = page.xpath("//table[@data-list='spread']//tr[@data-registration]")
    assert [r.get("data-registration") for r in spread] == [str(model.pk)]
    assert "15" in spread[0].text_content()
    assert page.xpath("//svg//g[contains(@class, 'marker--replicated')]/@data-unit") == sorted(
        [str(tree.commune_b.pk), str(ea_bia.pk)], key=lambda pk: pk != str(ea_bia.pk)
    )


def test_a_commune_finds_its_districts_honoured_models_to_replicate(client, honoured, tree, ea_ly):
    model, _other = honoured
    login(client, ea_ly)
    response = client.get(reverse("replication:index"))
    assert response.url == reverse("replication:area", args=[tree.district.pk])
    page = _page(client.get(response.url))
    assert page.xpath("//ul[@data-list='not-spread']/li/a/@href") == [
        reverse("replication:model", args=[model.pk])
    ]
    # Its own commune's area too; not a sibling's, nor the other district's.
    assert client.get(reverse("replication:area", args=[tree.commune_b.pk])).status_code == 200
    assert client.get(reverse("replication:area", args=[tree.commune_a.pk])).status_code == 404
    assert client.get(reverse("replication:area", args=[tree.other_district.pk])).status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_queries_do_not_grow_with_the_replications(client, honoured, tree, make_person):
    model, _other = honoured
    login(client, make_person("huyen", Role.OFFICER, tree.district))
    counts = []
    made = 0
    for size in (2, 8):
        while made < size:
            commune = unit_create(
                actor=None, parent=tree.district, name=f"Ea Tam {made}", kind=UnitKind.COMMUNE
            )
            unit_create(actor=None, parent=commune, name="Thôn 1", kind=UnitKind.BRANCH)
            _adopt(model, commune, branches=list(commune.children.all()))
            made += 1
        counts.append(
            (
                _queries(client, reverse("replication:model", args=[model.pk])),
                _queries(client, reverse("replication:area", args=[tree.district.pk])),
            )
        )
    assert counts[0] == counts[1]
