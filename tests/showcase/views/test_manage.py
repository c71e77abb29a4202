"""The offices' pages (showcase/views/manage.py): who may publish, choose the example of the
month, write and review stories; and what a post changes."""

import datetime

import pytest
from django.urls import reverse

from tests.helpers import login
from thidua.org.models import Role
from thidua.showcase.enums import PublicationState, Sector, StoryState
from thidua.showcase.models import Publication, Story


@pytest.fixture
def people(make_person, tree):
    return {
        "district": make_person("huyen1", Role.OFFICER, tree.district),
        "colleague": make_person("huyen2", Role.OFFICER, tree.district),
        "viewer": make_person("xem", Role.VIEWER, tree.district),
        "commune": make_person("xa1", Role.OFFICER, tree.commune_a),
        "outsider": make_person("ngoai", Role.OFFICER, tree.other_district),
    }


def test_who_may_open_the_district_publicity_page(client, world_of, people, tree):
    world_of(n=1)
    url = reverse("showcase:manage", args=[tree.district.pk])
    expected = {"district": 200, "colleague": 200, "viewer": 403, "commune": 404, "outsider": 404}
    for who, status in expected.items():
        login(client, people[who])
        assert client.get(url).status_code == status, who
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_publishing_through_the_page_and_refusals_change_nothing(client, world_of, people, tree):
    world = world_of(n=1)
    hidden = Publication.objects.get(state=PublicationState.WITHDRAWN)
    url = reverse("showcase:publish", args=[tree.district.pk, hidden.registration_id])
    login(client, people["commune"])
    assert client.post(url, {"sector": Sector.CROPS}).status_code == 404
    login(client, people["viewer"])
    assert client.post(url, {"sector": Sector.CROPS}).status_code == 403
    hidden.refresh_from_db()
    assert hidden.state == PublicationState.WITHDRAWN
    login(client, people["district"])
    page = client.get(reverse("showcase:manage", args=[tree.district.pk])).content.decode()
    assert hidden.registration.name in page
    client.post(url, {"sector": Sector.FORESTRY})
    hidden.refresh_from_db()
    assert (hidden.state, hidden.sector) == (PublicationState.PUBLISHED, Sector.FORESTRY)
    assert client.get(reverse("showcase:model", args=[hidden.pk])).status_code == 200
    assert world.published


def test_a_story_written_on_the_page_is_published_by_a_colleague(client, world_of, people, tree):
    world_of(n=1)
    login(client, people["district"])
    response = client.post(
        reverse("showcase:story_new", args=[tree.district.pk]),
        {"title": "Nhà nông sáng tạo", "body": "Nội dung.", "publish_on": "2022-07-01"},
    )
    story = Story.objects.get(title="Nhà nông sáng tạo")
    assert response.url == reverse("showcase:story_edit", args=[story.pk])
    client.post(reverse("showcase:story_submit", args=[story.pk]))
    page = client.get(reverse("showcase:story_edit", args=[story.pk])).content.decode()
    assert reverse("showcase:story_publish", args=[story.pk]) not in page  # not its author
    client.post(reverse("showcase:story_publish", args=[story.pk]))
    story.refresh_from_db()
    assert story.state == StoryState.SUBMITTED
    login(client, people["colleague"])
    client.post(reverse("showcase:story_publish", args=[story.pk]))
    story.refresh_from_db()
    assert story.state == StoryState.PUBLISHED
    client.logout()
    assert client.get(reverse("showcase:story", args=[story.pk])).status_code == 200


def test_a_commune_writes_no_story_and_an_outsider_reviews_none(client, world_of, people, tree):
    world = world_of(n=1)
    login(client, people["commune"])
    assert client.get(reverse("showcase:story_new", args=[tree.commune_a.pk])).status_code == 403
    submitted = world.stories["submitted"]
    login(client, people["outsider"])
    response = client.post(reverse("showcase:story_publish", args=[submitted.pk]))
    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.state == StoryState.SUBMITTED


def test_the_example_of_the_month_is_chosen_on_the_page(client, world_of, people, tree):
    world = world_of(n=2)
    login(client, people["district"])
    chosen = world.published[1]
    client.post(
        reverse("showcase:highlight", args=[tree.district.pk]),
        {"month": "2026-12", "publication": chosen.pk, "note": "Nhiều hộ học tập."},
    )
    assert chosen.highlights.get().month == datetime.date(2026, 12, 1)


def test_a_story_saved_over_a_version_someone_else_saved_keeps_theirs_and_says_so(
    client, world_of, people, tree
):
    world_of(n=1)
    login(client, people["district"])
    client.post(
        reverse("showcase:story_new", args=[tree.district.pk]),
        {"title": "Bản đầu", "body": "Nội dung.", "publish_on": "2022-07-01"},
    )
    story = Story.objects.get(title="Bản đầu")
    url = reverse("showcase:story_edit", args=[story.pk])
    seen = {"body": "Nội dung.", "publish_on": "2022-07-01", "version": story.version}

    response = client.post(url, {**seen, "title": "Bản thứ hai"})
    assert response.status_code == 302
    assert response.url == url
    stale = client.post(url, {**seen, "title": "Bản cũ hơn"})  # the version seen before

    assert stale.status_code == 409
    assert stale.context["form"]["title"].value() == "Bản cũ hơn"  # the typed text is kept
    assert [m.level_tag for m in stale.context["messages"]][-1] == "warning"
    story.refresh_from_db()
    assert story.title == "Bản thứ hai"
    story.state = StoryState.SUBMITTED
    story.save()
    assert client.get(url).context["form"] is None  # sent for review: shown, not changed
