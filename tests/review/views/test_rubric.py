"""The rubric page (review/views/rubric.py): weights, bands and grades as data, locked once used."""

from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tests.helpers import login, score_all
from thidua.org.models import Role
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.ranking import ranking
from thidua.review.models import CouncilState

D = Decimal


def test_rubric_is_data_weights_bands_and_classes(
    client, council, entry, tree, open_plan, make_person
):
    make_person("quantri", Role.ADMIN, tree.district)
    login(client, "quantri")
    criteria = list(open_plan.criteria.all())
    data = {"grades": "Xuất sắc: 95\nĐạt: 40\nKhông đạt: 0"}
    for c in criteria:
        data[f"weight_{c.pk}"] = "2" if c.position == 1 else "1"
        data[f"bands_{c.pk}"] = "18-20: hoàn toàn mới\n0-17: cải tiến" if c.position == 1 else ""
    bad = {**data, f"bands_{criteria[0].pk}": "25-30: quá điểm tối đa"}
    response = client.post(reverse("review:rubric", args=[open_plan.pk]), bad)
    assert "Dòng 1" in response.content.decode()
    assert not criteria[0].bands.exists()
    client.post(reverse("review:rubric", args=[open_plan.pk]), data)
    assert [str(b) for b in criteria[0].bands.all()] == ["18–20: hoàn toàn mới", "0–17: cải tiến"]
    item = entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [20, 10, 10, 10, 10])
    row = ranking(council, [item])[0]
    assert row.score == D("80.00")  # 20 × 2 + 40
    assert row.grade == "Đạt"
    locked = client.post(reverse("review:rubric", args=[open_plan.pk]), data)
    assert "không thể thay đổi" in locked.content.decode()


def test_rubric_weight_accepts_a_decimal_comma(client, tree, open_plan, make_person):
    make_person("quantri", Role.ADMIN, tree.district)
    login(client, "quantri")
    criteria = list(open_plan.criteria.all())
    data = {"grades": "Đạt: 40\nKhông đạt: 0"}
    for c in criteria:
        data[f"weight_{c.pk}"] = "1,5" if c.position == 1 else "1"
        data[f"bands_{c.pk}"] = ""
    client.post(reverse("review:rubric", args=[open_plan.pk]), data)
    assert [c.weight for c in open_plan.criteria.order_by("position")][:2] == [
        D("1.5"),
        D("1"),
    ]


def test_the_band_hint_follows_each_criterions_maximum(client, open_plan, make_person, tree):
    make_person("quantri", Role.ADMIN, tree.district)
    login(client, "quantri")
    first = open_plan.criteria.get(position=1)
    first.max_points = 10
    first.save()
    page = client.get(reverse("review:rubric", args=[open_plan.pk])).content.decode()
    assert "27-30" not in page
    with translation.override("vi"):
        label = _("Bands of “%(name)s” (0–%(max)d), one per line: “%(example)s: meaning”")
        for criterion in open_plan.criteria.all():
            example = "9-10" if criterion.pk == first.pk else "18-20"
            expected = label % {
                "name": criterion.name,
                "max": criterion.max_points,
                "example": example,
            }
            assert escape(expected) in page
