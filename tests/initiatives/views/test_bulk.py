"""Receiving and returning several registrations at once (initiatives/views/bulk.py)."""

from html import unescape

from django.urls import reverse

from tests.helpers import login, vietnamese
from thidua.initiatives.domain.registrations import registration_receive, registration_submit
from thidua.initiatives.models import Registration, RegistrationState, Transition
from thidua.org.models import Role


def sent(make_registration, unit, name):
    return registration_submit(actor=None, registration=make_registration(unit, name=name))


def test_the_district_receives_several_at_once_and_hears_what_was_refused_and_why(
    client, tree, make_person, make_registration, open_plan
):
    make_person("huyen", Role.OFFICER, tree.district)
    first = sent(make_registration, tree.commune_a, "Mô hình nuôi dê")
    second = sent(make_registration, tree.commune_b, "Mô hình trồng sắn")
    done_before = registration_receive(
        actor=None, registration=sent(make_registration, tree.commune_a, "Mô hình cà phê")
    )
    login(client, "huyen")
    url = reverse("initiatives:registrations_bulk", args=[open_plan.pk])
    selected = [first.pk, second.pk, done_before.pk, 999_999]
    response = client.post(
        url,
        {"registration": selected, "action": "receive", "state": RegistrationState.SUBMITTED},
        follow=True,
    )
    assert response.redirect_chain[-1][0].endswith(f"?state={RegistrationState.SUBMITTED}")
    states = dict(Registration.objects.values_list("pk", "state"))
    assert states[first.pk] == states[second.pk] == RegistrationState.RECEIVED
    # Each went through the domain: its own transition in the history.
    assert Transition.objects.filter(to_state=RegistrationState.RECEIVED).count() == 3
    page = unescape(response.content.decode())
    assert 'role="status">' in page
    assert "Mô hình nuôi dê; Mô hình trồng sắn" in page
    assert f"Mô hình cà phê: {vietnamese('already received')}" in page
    not_found = vietnamese("not found in this plan's list")
    assert f"#999999: {not_found}" in page
    assert 'role="alert">' in page


def test_return_with_one_reason_and_what_is_not_yours_is_refused(
    client, tree, make_person, make_registration, open_plan
):
    make_person("xa", Role.OFFICER, tree.commune_a)  # a commune does not receive its own
    ours = sent(make_registration, tree.commune_a, "Mô hình nuôi dê")
    other = sent(make_registration, tree.commune_b, "Mô hình trồng sắn")
    login(client, "xa")
    url = reverse("initiatives:registrations_bulk", args=[open_plan.pk])
    page = client.post(
        url, {"registration": [ours.pk], "action": "return", "reason": "Thiếu ảnh."}, follow=True
    ).content.decode()
    assert f"Mô hình nuôi dê: {vietnamese('not yours to receive or return')}" in page
    # Ea Ly's registration is not even visible to Ea Bá: named by its number only.
    page = client.post(
        url, {"registration": [other.pk], "action": "return", "reason": "Thiếu ảnh."}, follow=True
    ).content.decode()
    assert "Mô hình trồng sắn" not in page
    client.logout()
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    refused = client.post(url, {"registration": [ours.pk, other.pk], "action": "return"})
    assert refused.status_code == 302
    assert not Registration.objects.filter(state=RegistrationState.RETURNED).exists()
    client.post(
        url, {"registration": [ours.pk, other.pk], "action": "return", "reason": "Thiếu ảnh."}
    )
    returned = Registration.objects.filter(state=RegistrationState.RETURNED)
    assert set(returned.values_list("return_reason", flat=True)) == {"Thiếu ảnh."}
    assert returned.count() == 2


def test_the_list_offers_the_checkboxes_and_the_form_works_without_script(
    client, tree, make_person, make_registration, open_plan
):
    registration = sent(make_registration, tree.commune_a, "Mô hình nuôi dê")
    make_registration(tree.commune_b, name="Bản nháp")  # a draft: not shown to the district
    make_person("huyen", Role.OFFICER, tree.district)
    login(client, "huyen")
    listing = reverse("initiatives:registration_list", args=[open_plan.pk])
    page = client.get(listing, {"state": RegistrationState.SUBMITTED}).content.decode()
    action = reverse("initiatives:registrations_bulk", args=[open_plan.pk])
    assert f'<form method="post" action="{action}"' in page
    assert f'name="registration" value="{registration.pk}"' in page
    assert 'name="action" value="receive"' in page
    assert 'name="action" value="return"' in page
