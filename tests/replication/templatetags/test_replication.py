"""Replication on the model's public page, in one include line
(replication/templatetags/replication.py): the communes and the map for anyone, the way to
record one for an officer who may."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from lxml import html

from thidua.replication.domain.replications import replication_adopt


def _render(registration, user) -> html.HtmlElement:
    request = RequestFactory().get("/")
    request.user = user
    text = render_to_string(
        "replication/_public.html", {"registration": registration, "request": request}
    )
    return html.fromstring(f"<div>{text}</div>")


def test_anyone_sees_where_it_is_replicated_and_an_officer_may_record_one(
    honoured, tree, ea_bia, make_person
):
    model, other = honoured
    assert _render(model, AnonymousUser()).text_content().strip() == ""
    replication_adopt(
        actor=None,
        registration=model,
        unit=tree.commune_b,
        started_on=datetime.date(2022, 9, 1),
        households=12,
    )
    page = _render(model, AnonymousUser())
    (item,) = page.xpath("//ul[@data-list='public-replications']/li")
    assert tree.commune_b.full_name in item.text_content()
    assert page.xpath("//svg//g[contains(@class, 'marker--replicated')]")
    assert not page.xpath("//a[contains(@href, '/adopt/')]")
    officer = make_person("eabia", "officer", ea_bia)
    assert page_links(_render(model, officer)) == [f"/replication/models/{model.pk}/adopt/"]
    assert _render(other, officer).text_content().strip() == ""  # not honoured: nothing


def page_links(page) -> list[str]:
    return page.xpath("//a/@href")
