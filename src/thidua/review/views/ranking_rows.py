"""The council's long lists written in Python rather than through the template engine, in
the markup the templates gave: the ranking's rows and the council page's excluded pairs
(``tests/review/views/test_ranking_rows.py`` and ``test_exclusion_rows.py`` compare them over
generated rows, in both languages).

Why: a page of 50 rows with five criteria is some 1,500 variable lookups and 300 number
filters through the engine, about a third of the ranking's CPU at national size; fifty
excluded pairs, with a translated entry number each, cost 1.9 ms against 0.9 here. Each
value goes through what the template did to it: ``localize`` and escaping, the ``number``
filter, ``default:"—"`` (``core/table_rows.py: shown``).
"""

from collections.abc import Iterable, Sequence

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from thidua.core.table_rows import shown
from thidua.core.template_filters import number
from thidua.plans.models import Criterion
from thidua.review.domain.conflicts import Excluded
from thidua.review.domain.ranking import Ranked

NONE = "—"
DISPUTED = ' class="is-disputed"'


def render_rows(
    rows: Sequence[Ranked],
    criteria: Sequence[Criterion],
    *,
    hide_names: bool,
    numbers: dict[int, int],
) -> SafeString:
    """The ``<tr>``s of a page of the ranking; ``hide_names``: a blind council's entries by
    their number (``numbers``: registration id → the number the council knows it by)."""
    labels = {
        key: shown(label)
        for key, label in (
            ("rank", _("Rank")),
            ("entry", _("Entry")),
            ("score", _("Score")),
            ("class", _("Class")),
            ("sheets", _("Scoresheets")),
        )
    }
    names = [shown(criterion.name) for criterion in criteria]
    known_as, numbered, differ = (
        _("Entry no. %(number)s"),
        _("no. %(number)s"),
        _("members differ by %(spread)s"),
    )
    html = []
    for row in rows:
        registration = row.registration
        if hide_names:
            number_known = known_as % {"number": shown(numbers.get(registration.pk))}
            entry = f"{number_known}: {shown(registration.name)}"
        else:
            entry = (
                f'{shown(registration.name)}<br><span class="muted">'
                f"{shown(registration.unit.full_name)} · "
                f"{numbered % {'number': shown(registration.pk)}}</span>"
            )
        means = "".join(
            f'<td data-label="{name}">{shown(number(row.criterion_means.get(criterion.pk)))}</td>'
            for criterion, name in zip(criteria, names, strict=True)
        )
        disputed = (
            ' <span class="badge badge--late">'
            f"{differ % {'spread': shown(number(row.spread))}}</span>"
            if row.disputed
            else ""
        )
        html.append(
            f"<tr{DISPUTED if row.disputed else ''}>\n"
            f'  <td data-label="{labels["rank"]}">{shown(row.rank or NONE)}</td>\n'
            f'  <td data-label="{labels["entry"]}">{entry}</td>\n'
            f"  {means}\n"
            f'  <td data-label="{labels["score"]}"><strong>{shown(number(row.score) or NONE)}'
            f"</strong>{disputed}</td>\n"
            f'  <td data-label="{labels["class"]}">{shown(row.grade or NONE)}</td>\n'
            f'  <td data-label="{labels["sheets"]}">{len(row.totals)}/{shown(row.assigned)}</td>\n'
            f"</tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)


def render_exclusions(pairs: Iterable[Excluded]) -> SafeString:
    """The ``<tr>``s of a page of excluded pairs: who, which entry (its unit and number), why."""
    member, entry, why = shown(_("Member")), shown(_("Entry")), shown(_("Why"))
    html = []
    for pair in pairs:
        registration = pair.registration
        number = _("no. %(number)s") % {"number": shown(registration.pk)}
        html.append(
            f'<tr data-exclusion="{shown(pair.member.pk)}-{shown(registration.pk)}">'
            f'<td data-label="{member}">{shown(pair.member.person.get_full_name())}</td>'
            f'<td data-label="{entry}">{shown(registration.name)} <span class="muted">'
            f"({shown(registration.unit.full_name)} · {number})</span></td>"
            f'<td data-label="{why}">{shown(pair.why)}</td></tr>'
        )
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)
