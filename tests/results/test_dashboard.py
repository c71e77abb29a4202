"""The dashboard (results/dashboard.py): every chart with its numbers, and its CSV."""

import xml.etree.ElementTree as ET

from django.urls import reverse

from tests.helpers import filled, login
from thidua.org.models import Role
from thidua.results.domain.reports import report_open, report_submit


def test_dashboard_draws_every_chart_with_its_numbers_and_csv(client, reporting, tree, make_person):
    report_submit(
        actor=None, report=filled(report_open(actor=None, plan=reporting, unit=tree.commune_a))
    )
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    response = client.get(reverse("results:dashboard", args=[reporting.pk]))
    charts = response.context["charts"]
    assert [c.key for c in charts] == [
        "registrations",
        "on_time",
        "reports",
        "results",
        "scores",
        "years",
    ]
    for chart in charts:
        ET.fromstring(chart.svg)  # noqa: S314 (our own output): well-formed SVG
    by_key = {c.key: c for c in charts}
    assert by_key["registrations"].rows == [
        ["Hội Nông dân xã Ea Bá", 0, 0, 2, 0, 0],
        ["Hội Nông dân xã Ea Ly", 0, 0, 1, 0, 0],
    ]
    assert by_key["results"].rows[2] == ["hoàn thành", 2]
    assert by_key["years"].rows == [["2022", 3]]
    csv_text = client.get(reverse("results:dashboard", args=[reporting.pk]), {"csv": "reports"})
    assert csv_text["Content-Type"].startswith("text/csv")
    assert "chưa báo cáo,1" in csv_text.content.decode()
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    client.logout()
    login(client, "xa_a")
    assert client.get(reverse("results:dashboard", args=[reporting.pk])).status_code == 403


def test_the_numbers_under_each_chart_are_written_the_vietnamese_way(
    client, reporting, tree, make_person
):
    """No report sent: the implementation chart has no data ("—"), not zero initiatives."""
    make_person("huyen", Role.VIEWER, tree.district)
    login(client, "huyen")
    response = client.get(reverse("results:dashboard", args=[reporting.pk]))
    by_key = {c.key: c for c in response.context["charts"]}
    assert [row[1] for row in by_key["results"].rows] == [None] * 4
    page = response.content.decode()
    assert "<td>hoàn thành</td><td>—</td>" in page
    assert "<td>Hội Nông dân xã Ea Bá</td><td>0</td><td>0</td><td>2</td>" in page
