"""The idea box (initiatives/views/ideas.py): public, spam-protected, turned into registrations."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from tests.helpers import login
from thidua.initiatives.models import Idea, IdeaState, Registration, RegistrationState
from thidua.org.models import Role


def idea_post(client, unit, *, started=None, **changes):
    data = {
        "name": "Y Blúp",
        "phone": "0912 345 678",
        "idea": "Làm sân phơi chung cho buôn để giảm hao hụt sắn.",
        "website": "",
        "started": signing.dumps(
            started if started is not None else time.time() - 60, salt="idea-form"
        ),
    }
    data.update(changes)
    return client.post(reverse("initiatives:idea_new", args=[unit.pk]), data)


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
