"""The search page: every kind of record the person may open, grouped, or one kind by pages."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.search.domain import query
from thidua.search.enums import Kind
from thidua.search.forms import SearchForm
from thidua.search.highlight import excerpt, highlight

PER_KIND = 5  # hits of each kind on the first page; "all N" leads to that kind's pages
PER_PAGE = 20


@login_required
def results(request):
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    terms = query.terms(text)
    context = {"form": form, "text": text, "kind": kind, "searched": bool(terms)}
    if terms and kind:
        current = query.page(text, request.user, kind, request.GET.get("page"), PER_PAGE)
        current.object_list = [_shown(hit, terms) for hit in current.object_list]
        context.update(page=current, kind_label=Kind(kind).label)
    elif terms:
        groups = query.groups(text, request.user, per_kind=PER_KIND)
        context["groups"] = [
            {"group": group, "hits": [_shown(hit, terms) for hit in group.hits]} for group in groups
        ]
    return render(request, "search/results.html", context)


def _shown(hit: query.Hit, terms: list[str]) -> dict:
    return {
        "hit": hit,
        "title": highlight(hit.title, terms),
        "context": highlight(hit.context, terms),
        "excerpt": excerpt(hit.excerpt, terms),
    }
