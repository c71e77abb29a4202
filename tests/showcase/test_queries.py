"""The showcase list and a model page cost the same number of queries with 3 published
models as with 12 (no query per model, photo or event)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import edit_page_costs, login
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


def test_a_storys_edit_page_and_its_save_cost_the_same_whatever_the_number_of_models(
    client, world_of
):
    """The edit page lists every published model of the unit to link; reading it, saving it
    and a save over an older version cost as many queries with 3 models as with 12."""
    world = world_of(n=12, seed=4)
    later = world.published[3:]
    for publication in later:
        publication_withdraw(actor=None, publication=publication)
    story = world.stories["draft"]
    url = reverse("showcase:story_edit", args=[story.pk])
    login(client, world.office)

    def costs() -> dict:
        typed = {
            "publish_on": "2022-07-01",
            "models_linked": [p.pk for p in world.published[:2]],
        }
        return edit_page_costs(client, url, kept=("title", "summary", "body"), typed=typed)

    small = costs()
    for publication in later:
        publication_publish(
            actor=None, registration=publication.registration, sector=publication.sector
        )
    large = costs()
    assert large == small == {"page": 8, "save": 14, "stale": 13}, (small, large)
    assert len(client.get(url).context["form"].fields["models_linked"].choices) == 12
