"""The council page's page of excluded pairs written in Python rather than through the
template engine, in the markup the template gave (``tests/review/views/
test_exclusion_rows.py`` compares them over generated pairs, in both languages).

Why: fifty rows of member, entry, unit and reason, with a translated entry number each,
cost about 3 ms of the page's 25 through the engine (a ``blocktranslate`` per row).
"""

from collections.abc import Iterable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from thidua.review.domain.conflicts import Excluded
from thidua.review.views.ranking_rows import _text


def render_exclusions(pairs: Iterable[Excluded]) -> SafeString:
    """The ``<tr>``s of a page of excluded pairs: who, which entry (its unit and number), why."""
    member, entry, why = _text(_("Member")), _text(_("Entry")), _text(_("Why"))
    html = []
    for pair in pairs:
        registration = pair.registration
        number = _("no. %(number)s") % {"number": _text(registration.pk)}
        html.append(
            f'<tr data-exclusion="{_text(pair.member.pk)}-{_text(registration.pk)}">'
            f'<td data-label="{member}">{_text(pair.member.person.get_full_name())}</td>'
            f'<td data-label="{entry}">{_text(registration.name)} <span class="muted">'
            f"({_text(registration.unit.full_name)} · {number})</span></td>"
            f'<td data-label="{why}">{_text(pair.why)}</td></tr>'
        )
    return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)
