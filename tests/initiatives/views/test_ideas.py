"""The idea box (initiatives/views/ideas.py): public, spam-protected, turned into registrations."""

import time

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import CLIENT_EXAMPLES, login
from tests.strategies import nfc
from tests.typed import idea_typed
from thidua.initiatives.domain.ideas import idea_dismiss, idea_send
from thidua.initiatives.models import Idea, IdeaState, Registration, RegistrationState
from thidua.initiatives.views.ideas import form_token
from thidua.org.models import Role, normalise_phone


def idea_post(client, unit, *, started=None, token=None, address="127.0.0.1", **changes):
    data = {
        "name": "Y Blúp",
        "phone": "0912 345 678",
        "idea": "Làm sân phơi chung cho buôn để giảm hao hụt sắn.",
        "website": "",
        "started": token or form_token(started if started is not None else time.time() - 60),
    }
    data.update(changes)
    return client.post(reverse("initiatives:idea_new", args=[unit.pk]), data, REMOTE_ADDR=address)


def test_a_farmer_sends_an_idea_without_an_account(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a)
    response = idea_post(client, tree.commune_a)
    assert response.status_code == 200
    assert "Cảm ơn bạn" in response.content.decode()
    idea = Idea.objects.get()
    assert (idea.unit, idea.phone, idea.state) == (tree.commune_a, "0912345678", IdeaState.NEW)
    assert officer.notifications.filter(message__contains="hộp ý tưởng").exists()


@pytest.mark.parametrize(
    "spam",
    [
        {"website": "http://spam.example"},  # the hidden field bots fill in
        {"started": None},  # a form never rendered: no valid signature
    ],
)
def test_spam_is_refused_and_nothing_is_stored(client, tree, spam):
    if "started" in spam:
        response = client.post(
            reverse("initiatives:idea_new", args=[tree.commune_a.pk]),
            {
                "name": "Bot",
                "phone": "0912345678",
                "idea": "Mua ngay",
                "website": "",
                "started": "x",
            },
        )
    else:
        response = idea_post(client, tree.commune_a, **spam)
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_a_form_sent_faster_than_a_person_types_is_refused(client, tree):
    idea_post(client, tree.commune_a, started=time.time())
    assert not Idea.objects.exists()


def test_a_flood_from_one_address_is_stopped(client, tree):
    for _ in range(5):
        idea_post(client, tree.commune_a)
    response = idea_post(client, tree.commune_a)
    assert "quá nhiều ý tưởng" in response.content.decode()
    assert Idea.objects.count() == 5


def test_bad_phone_gets_a_message(client, tree):
    response = idea_post(client, tree.commune_a, phone="12")
    assert "9 đến 11 chữ số" in response.content.decode()
    assert not Idea.objects.exists()


def test_officer_turns_an_idea_into_a_draft_keeping_the_proposer(
    client, tree, make_person, open_plan
):
    idea_post(client, tree.commune_a)
    idea = Idea.objects.get()
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "xa")
    inbox = client.get(reverse("initiatives:idea_inbox", args=[tree.commune_a.pk])).content.decode()
    assert "Làm sân phơi chung" in inbox
    response = client.post(
        reverse("initiatives:idea_convert", args=[idea.pk]), {"plan": open_plan.pk}
    )
    registration = Registration.objects.get()
    assert response["Location"] == reverse("initiatives:registration_edit", args=[registration.pk])
    assert registration.proposal == idea
    assert registration.lead_name == "Y Blúp"
    assert registration.state == RegistrationState.DRAFT
    idea.refresh_from_db()
    assert idea.state == IdeaState.CONVERTED


def test_another_commune_cannot_read_the_idea_box(client, tree, make_person):
    idea_post(client, tree.commune_a)
    make_person("xb", Role.OFFICER, tree.commune_b)
    login(client, "xb")
    inbox = client.get(reverse("initiatives:idea_inbox", args=[tree.commune_a.pk]))
    assert inbox.status_code == 404
    assert "Không tìm thấy trang" in inbox.content.decode()
    assert "Làm sân phơi chung" not in inbox.content.decode()
    idea = Idea.objects.get()
    assert client.post(reverse("initiatives:idea_dismiss", args=[idea.pk])).status_code == 404
    idea.refresh_from_db()
    assert idea.state == IdeaState.NEW  # still in Ea Bá's box


def test_the_same_form_sent_twice_gives_one_idea(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a)
    token = form_token(time.time() - 60)
    first = idea_post(client, tree.commune_a, token=token)
    second = idea_post(client, tree.commune_a, token=token)
    assert "Cảm ơn bạn" in first.content.decode()
    assert "Cảm ơn bạn" in second.content.decode()
    assert Idea.objects.count() == 1
    assert officer.notifications.count() == 1


def test_a_flood_across_communes_is_stopped_at_the_same_limit(client, tree):
    for i in range(5):
        idea_post(client, tree.commune_a if i % 2 else tree.commune_b)
    response = idea_post(client, tree.other_commune)
    assert "quá nhiều ý tưởng" in response.content.decode()
    assert Idea.objects.count() == 5


def test_the_office_is_notified_at_most_three_times_an_hour(client, tree, make_person):
    officer = make_person("xa", Role.OFFICER, tree.commune_a)
    for i in range(5):
        idea_post(client, tree.commune_a, address=f"10.0.0.{i}")
    assert Idea.objects.filter(unit=tree.commune_a).count() == 5
    assert officer.notifications.count() == 3


def test_refused_robots_are_counted_for_the_commune(client, tree, make_person):
    make_person("xa", Role.OFFICER, tree.commune_a)
    idea_post(client, tree.commune_a, website="http://spam.example")
    idea_post(client, tree.commune_a, started=time.time())  # faster than anyone types
    login(client, "xa")
    page = client.get(reverse("initiatives:idea_inbox", args=[tree.commune_a.pk]))
    assert not Idea.objects.exists()
    assert "Hộp đã chặn 2 lần gửi tự động trong 30 ngày qua." in page.content.decode()


@CLIENT_EXAMPLES
@given(data=st.data())
def test_an_idea_typed_is_stored_as_typed(client, tree, data):
    """A name, a phone number written any common way and the idea, generated (the browser
    types two of these: tests/browser/test_forms_round_trip.py); each from an address of
    its own, as farmers' phones are."""
    typed = data.draw(idea_typed())
    sent = Idea.objects.count()
    response = idea_post(client, tree.commune_a, address=f"203.0.113.{sent + 1}", **typed)
    assert "Cảm ơn bạn" in response.content.decode()
    assert Idea.objects.count() == sent + 1
    stored = Idea.objects.order_by("-pk").first()
    assert (stored.name, stored.phone, stored.text) == (
        nfc(typed["name"]),
        normalise_phone(typed["phone"]),
        nfc(typed["idea"]),
    )


def test_the_idea_box_shows_50_a_page_with_the_total_and_filters_by_state(
    client, tree, make_person
):
    officer = make_person("xa_a", Role.OFFICER, tree.commune_a)
    ideas = [
        idea_send(
            unit=tree.commune_a,
            name=f"Người gửi {n}",
            phone="0912 345 678",
            idea=f"Ý tưởng số {n}",
            address=f"203.0.{n // 5}.{n}",  # a few a connection: under the hourly limit
        )
        for n in range(52)
    ]
    idea_dismiss(actor=None, idea=ideas[0])
    login(client, officer)
    url = reverse("initiatives:idea_inbox", args=[tree.commune_a.pk])
    first = client.get(url)
    text = first.content.decode()
    assert len(first.context["ideas"]) == 50
    assert "52" in text.split('class="count">')[1].split("</p>")[0]
    assert "Ý tưởng số 51" in text  # the newest first
    assert len(client.get(url, {"page": 2}).context["ideas"]) == 2
    dismissed = client.get(url, {"state": IdeaState.DISMISSED})
    assert [idea.text for idea in dismissed.context["ideas"]] == ["Ý tưởng số 0"]
    assert len(client.get(url, {"state": IdeaState.NEW}).context["ideas"]) == 50
    assert "?state=new&amp;page=2" in client.get(url, {"state": IdeaState.NEW}).content.decode()
