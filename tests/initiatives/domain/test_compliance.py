"""Registration compliance (initiatives/domain/compliance.py): the province's view by district."""

from django.urls import reverse

from tests.helpers import login, province_plan_above
from thidua.initiatives.domain.registrations import registration_submit


def test_the_province_compliance_rolls_communes_up_by_district(
    client, cast, make_registration, tree, open_plan
):
    province_plan = province_plan_above(open_plan, tree)
    registration_submit(actor=None, registration=make_registration(tree.commune_a))
    login(client, cast["province"])
    response = client.get(reverse("initiatives:compliance", args=[province_plan.pk]))
    groups = response.context["report"].groups
    assert [(g.unit.name, g.units, g.late, g.missing) for g in groups] == [("Sông Hinh", 2, 1, 1)]
    assert "Theo đơn vị trực thuộc" in response.content.decode()
