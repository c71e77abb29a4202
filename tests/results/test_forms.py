"""The report form's own checks (results/forms.py), as the edit page shows them."""

from django.urls import reverse

from tests.helpers import login, report_form
from thidua.org.models import Role


def test_a_stopped_initiative_needs_its_reason(client, reporting, tree, make_person):
    make_person("xa_a", Role.OFFICER, tree.commune_a)
    login(client, "xa_a")
    client.post(reverse("results:open", args=[reporting.pk, tree.commune_a.pk]))
    report = reporting.reports.get()
    data = report_form(report, achievements="X")
    for result in report.results.all():
        data[f"r{result.registration_id}-progress"] = "stopped"
    response = client.post(reverse("results:report_edit", args=[report.pk]), data)
    assert "Hãy ghi lý do dừng." in response.content.decode()
    assert not report.results.filter(progress="stopped").exists()
