"""The council page's excluded pairs written in Python (review/views/ranking_rows.py)
give the markup the template gave: generated pairs (names and reasons with markup
characters and diacritics, the chair's own reasons) against the rows as
review/council_detail.html wrote them, in both languages."""

import random

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.review.views.test_ranking_rows import text
from thidua.initiatives.models import Registration
from thidua.org.enums import UnitKind, UnitLevel
from thidua.org.models import Person, Unit
from thidua.review.domain.conflicts import WHY, Excluded
from thidua.review.models import CouncilMember
from thidua.review.views.ranking_rows import render_exclusions

# The rows as review/council_detail.html wrote them before it was written in Python.
ROWS_TEMPLATE = """{% load i18n %}{% translate "Member" as member_label %}{% translate "Entry" as entry_label %}{% translate "Why" as why_label %}{% for pair in excluded %}<tr data-exclusion="{{ pair.member.pk }}-{{ pair.registration.pk }}"><td data-label="{{ member_label }}">{{ pair.member.person.get_full_name }}</td><td data-label="{{ entry_label }}">{{ pair.registration.name }} <span class="muted">({{ pair.registration.unit.full_name }} · {% blocktranslate trimmed with number=pair.registration.pk %}no. {{ number }}{% endblocktranslate %})</span></td><td data-label="{{ why_label }}">{{ pair.why }}</td></tr>{% endfor %}"""  # noqa: E501 (the template's line as it was)


def generated(chance: random.Random) -> list[Excluded]:
    pairs = []
    for number in range(chance.randint(0, 50)):
        person = Person(first_name=text(chance), last_name=text(chance))
        member = CouncilMember(pk=chance.randint(1, 40), person=person)
        kind = chance.choice([UnitKind.COMMUNE, UnitKind.DISTRICT, UnitKind.BRANCH])
        unit = Unit(name=text(chance), kind=kind, level=chance.choice(list(UnitLevel)))
        registration = Registration(pk=number * 113 + 1, name=text(chance), unit=unit)
        why = chance.choice([*(str(reason) for reason in WHY.values()), text(chance)])
        pairs.append(Excluded(member, registration, why))
    return pairs


@pytest.mark.parametrize("seed", range(20))
def test_generated_pairs_are_written_as_the_template_wrote_them(seed):
    template = Template(ROWS_TEMPLATE)
    for language in ("vi", "en"):
        with translation.override(language):
            pairs = generated(random.Random(seed))  # noqa: S311 (seeded test data)
            expected = template.render(Context({"excluded": pairs}))
            assert render_exclusions(pairs) == expected
