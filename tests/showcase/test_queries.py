"""The showcase list and a model page cost the same number of queries with 3 published
models as with 12 (no query per model, photo or event)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from thidua.showcase.domain.publications import publication_publish, publication_withdraw


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_showcase_and_a_model_page_cost_the_same_whatever_the_number_of_models(
    client, world_of
):
    world = world_of(n=12, seed=4)
    later = world.published[3:]
    for publication in later:
        publication_withdraw(actor=None, publication=publication)
    first = world.published[0]
    pages = [
        reverse("showcase:showcase"),
        reverse("showcase:showcase") + "?q=mo+hinh&year=2022",
        reverse("showcase:model", args=[first.pk]),
        reverse("showcase:stories"),
        reverse("showcase:story", args=[world.stories["published"].pk]),
    ]
    small = {url: queries(client, url) for url in pages}
    for publication in later:
        publication_publish(
            actor=None, registration=publication.registration, sector=publication.sector
        )
    large = {url: queries(client, url) for url in pages}
    assert large == small, (small, large)
    assert len(client.get(pages[0]).context["page"].object_list) == 12
    assert small[pages[0]] <= 12, small  # and few, whatever the number
