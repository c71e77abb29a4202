"""The ranking's rows written in Python (review/views/ranking_rows.py) give the markup the
template gave: generated rows (blind councils or not, missing figures, disputes, names with
markup characters and diacritics) against the rows as review/ranking.html wrote them."""

import random
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from thidua.initiatives.models import Registration
from thidua.org.enums import UnitKind, UnitLevel
from thidua.org.models import Unit
from thidua.plans.models import Criterion
from thidua.review.domain.ranking import Ranked
from thidua.review.views.ranking_rows import render_rows

# The rows as review/ranking.html wrote them before ranking_rows.py.
ROWS_TEMPLATE = """{% load i18n %}{% translate "Rank" as rank_label %}{% translate "Entry" as entry_label %}{% translate "Score" as score_label %}{% translate "Class" as class_label %}{% translate "Scoresheets" as sheets_label %}{% for row in rows %}<tr{% if row.disputed %} class="is-disputed"{% endif %}>
  <td data-label="{{ rank_label }}">{{ row.rank|default:"—" }}</td>
  <td data-label="{{ entry_label }}">{% if hide_names %}{% blocktranslate trimmed with number=row.registration_no %}Entry no. {{ number }}{% endblocktranslate %}: {{ row.registration.name }}{% else %}{{ row.registration.name }}<br><span class="muted">{{ row.registration.unit.full_name }} · {% blocktranslate trimmed with number=row.registration.pk %}no. {{ number }}{% endblocktranslate %}</span>{% endif %}</td>
  {% for criterion, mean in row.means %}<td data-label="{{ criterion.name }}">{{ mean|number }}</td>{% endfor %}
  <td data-label="{{ score_label }}"><strong>{{ row.score|number|default:"—" }}</strong>{% if row.disputed %} <span class="badge badge--late">{% blocktranslate trimmed with spread=row.spread|number %}members differ by {{ spread }}{% endblocktranslate %}</span>{% endif %}</td>
  <td data-label="{{ class_label }}">{{ row.grade|default:"—" }}</td>
  <td data-label="{{ sheets_label }}">{{ row.totals|length }}/{{ row.assigned }}</td>
</tr>{% endfor %}"""  # noqa: E501 (the template's lines as they were)

TRICKY = ["<b>", "&amp;", '"', "'", "Đông Hòa", "Ea Bá", "mô hình", "x < y > z", "{{ a }}", " "]


def text(chance: random.Random) -> str:
    return "".join(chance.choice(TRICKY) for _ in range(chance.randint(1, 5))).strip() or "a"


def figure(chance: random.Random) -> Decimal | None:
    if chance.random() < 0.2:
        return None
    return Decimal(chance.randint(0, 100_000)) / chance.choice([1, 10, 100])


def generated(chance: random.Random, criteria: list[Criterion]) -> list[Ranked]:
    rows = []
    for number in range(chance.randint(0, 50)):
        unit = Unit(name=text(chance), kind=UnitKind.COMMUNE, level=UnitLevel.COMMUNE)
        registration = Registration(pk=number * 7 + 1, name=text(chance), unit=unit)
        rows.append(
            Ranked(
                registration=registration,
                totals=[figure(chance) for _ in range(chance.randint(0, 4))],
                criterion_means={c.pk: figure(chance) for c in criteria if chance.random() < 0.8},
                score=figure(chance),
                spread=figure(chance) or Decimal(0),
                disputed=chance.random() < 0.3,
                rank=chance.choice([None, 0, *range(1, 60)]),
                grade=chance.choice(["", "A", "Xuất sắc", "<b>"]),
                assigned=chance.randint(0, 20),
            )
        )
    return rows


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("language", ["vi", "en"])
def test_generated_rows_are_the_rows_the_template_wrote(seed, language):
    chance = random.Random(seed)  # noqa: S311 (seeded test data)
    criteria = [Criterion(pk=pk, name=text(chance)) for pk in range(1, chance.randint(1, 6))]
    rows = generated(chance, criteria)
    hide_names = chance.random() < 0.5
    numbers = {r.registration.pk: n for n, r in enumerate(rows, 1) if chance.random() < 0.9}
    with translation.override(language):
        written = render_rows(rows, criteria, hide_names=hide_names, numbers=numbers)
        for row in rows:  # what the view gave the template
            row.registration_no = numbers.get(row.registration.pk)
            row.means = [(c, row.criterion_means.get(c.pk)) for c in criteria]
        expected = Template(ROWS_TEMPLATE).render(Context({"rows": rows, "hide_names": hide_names}))
    assert written == expected
