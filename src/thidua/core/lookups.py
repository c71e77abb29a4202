"""Filtering a list by words typed in its text box, the same way on every list."""

from django.db.models import Q

from thidua.core import text


def folded_words(field: str, query: str) -> Q:
    """Every word of ``query`` starts a word of the folded column ``field`` (filled with
    `text.fold`), in any order, with or without diacritics, in any case or normalisation
    ("hoa nguy" finds "Nguyễn Thị Hoa"), as the search page matches. An empty query narrows
    nothing."""
    condition = Q()
    for word in text.search_words(query):
        condition &= Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": f" {word}"})
    return condition
