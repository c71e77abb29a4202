"""Creating forms are carried out once (core/once.py): the page hands out a one-time token
with each creating form, and a second POST of the same form (a double click, the browser's
back button and "send again") leads to what the first one made, instead of making it twice.
"""

import re
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.helpers import jpeg, login, vietnamese
from thidua.core.once import SingleUseForm
from thidua.initiatives.domain.ideas import idea_send
from thidua.initiatives.models import Registration
from thidua.org.models import Membership, Person, Role, Unit
from thidua.plans.models import Plan
from thidua.review.models import Council, Exclusion, MemberRole

TOKEN = re.compile(r'<input type="hidden" name="once" value="([0-9a-f]{32})"')


def token_on(client, url) -> str:
    """The one-time token of the creating form on the page at ``url``."""
    found = TOKEN.findall(client.get(url).content.decode())
    assert len(found) == 1, f"{url} has {len(found)} one-time tokens"
    return found[0]


@pytest.fixture
def admin(client, tree, make_person):
    person = make_person("huyen_admin", Role.ADMIN, tree.district)
    login(client, person)
    return person


def test_a_unit_sent_twice_is_created_once_and_the_second_post_shows_it(client, tree, admin):
    url = reverse("org:unit_create_child", args=[tree.district.pk])
    data = {"name": "Ea Trol", "kind": "commune", "code": "", "once": token_on(client, url)}
    first = client.post(url, data)
    second = client.post(url, data)
    assert Unit.objects.filter(parent=tree.district, name="Ea Trol").count() == 1
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    shown = client.get(second["Location"]).content.decode()
    assert vietnamese("This form had already been sent: here is what it made.") in shown


def test_a_form_refused_with_errors_may_be_corrected_and_sent_with_the_same_token(
    client, tree, admin
):
    url = reverse("org:unit_create_child", args=[tree.district.pk])
    token = token_on(client, url)
    refused = client.post(url, {"name": "", "kind": "commune", "once": token})
    assert refused.status_code == 200
    assert token in refused.content.decode()  # the page keeps it for the corrected post
    created = client.post(url, {"name": "Ea Trol", "kind": "commune", "once": token})
    assert created.status_code == 302
    assert Unit.objects.filter(name="Ea Trol").count() == 1


def test_an_account_sent_twice_is_created_once(client, tree, admin):
    url = reverse("org:unit_person_create", args=[tree.commune_a.pk])
    data = {"full_name": "Trần Văn Nam", "username": "nam", "role": "officer"}
    data["once"] = token_on(client, url)
    first, second = client.post(url, data), client.post(url, data)
    assert Person.objects.filter(username="nam").count() == 1
    assert second.status_code == 302  # not "this username is taken"
    assert second["Location"] == first["Location"]


def test_a_role_granted_twice_is_granted_once(client, tree, admin, make_person):
    colleague = make_person("xa_b", Role.OFFICER, tree.commune_b)
    url = reverse("org:unit_membership_add", args=[tree.commune_a.pk])
    data = {"login": "xa_b", "role": "viewer", "once": token_on(client, url)}
    client.post(url, data)
    client.post(url, data)
    assert Membership.objects.filter(person=colleague, unit=tree.commune_a).count() == 1


def test_a_plan_sent_twice_is_created_once(client, tree, admin):
    url = reverse("plans:plan_create", args=[tree.district.pk])
    page = client.get(url)
    form = page.context["form"]
    data = {
        name: form[name].value() or ""
        for name in form.fields
        if name not in ("quota_kinds", "is_signed")
    }
    data |= {
        "title": "Kế hoạch thi đua chuyên đề",
        "movement_name": "Nông dân thi đua sản xuất giỏi",
        "subject": "Thi đua sản xuất",
        "period_start": "01/01/2026",
        "period_end": "31/12/2026",
        "quota_minimum": "1",
        "signer_title": "CHỦ TỊCH",
    }
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == 302, first.context["form"].errors
    assert Plan.objects.filter(title="Kế hoạch thi đua chuyên đề").count() == 1
    assert second["Location"] == first["Location"]


def test_a_communes_own_plan_asked_twice_is_made_once(client, tree, open_plan, officer):
    login(client, officer)
    detail = reverse("plans:plan_detail", args=[open_plan.pk])
    data = {"unit": tree.commune_a.pk, "once": token_on(client, detail)}
    url = reverse("plans:plan_child", args=[open_plan.pk])
    first, second = client.post(url, data), client.post(url, data)
    assert Plan.objects.filter(unit=tree.commune_a).count() == 1
    assert second["Location"] == first["Location"]


def test_an_idea_converted_twice_is_registered_once(client, tree, open_plan, officer):
    idea = idea_send(
        unit=tree.commune_a, name="Y Blúp", phone="0912345678", idea="Sân phơi.", address="x"
    )
    login(client, officer)
    inbox = reverse("initiatives:idea_inbox", args=[tree.commune_a.pk])
    data = {"plan": open_plan.pk, "once": token_on(client, inbox)}
    url = reverse("initiatives:idea_convert", args=[idea.pk])
    first, second = client.post(url, data), client.post(url, data)
    assert Registration.objects.filter(proposal=idea).count() == 1
    assert second["Location"] == first["Location"]


def test_someone_elses_token_is_no_way_to_their_result(client, tree, admin, make_person):
    url = reverse("org:unit_create_child", args=[tree.district.pk])
    token = token_on(client, url)
    client.post(url, {"name": "Ea Trol", "kind": "commune", "once": token})
    other = Client()
    login(other, make_person("huyen_admin2", Role.ADMIN, tree.district))
    response = other.post(url, {"name": "Ea Trol 2", "kind": "commune", "once": token})
    assert response.status_code == 302
    assert Unit.objects.filter(name="Ea Trol 2").exists()


def test_a_post_without_a_token_works_as_before(client, tree, admin):
    url = reverse("org:unit_create_child", args=[tree.district.pk])
    client.post(url, {"name": "Ea Trol", "kind": "commune"})
    client.post(url, {"name": "Ea Trol", "kind": "commune"})
    assert Unit.objects.filter(name="Ea Trol").count() == 2  # the office's own choice


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions are tested on PostgreSQL (the tests' in-memory SQLite "
    "locks a table instead of queueing writers as the WAL file of production does)",
)
@pytest.mark.django_db(transaction=True)
def test_two_posts_at_the_same_moment_create_once(tree, make_person):
    """A double click: both posts arrive before either has finished."""
    make_person("huyen_admin", Role.ADMIN, tree.district)
    url = reverse("org:unit_create_child", args=[tree.district.pk])
    clients = [Client(), Client()]
    for each in clients:
        login(each, "huyen_admin")
    data = {"name": "Ea Trol", "kind": "commune", "once": token_on(clients[0], url)}
    start = threading.Barrier(2)
    answers = []

    def send(each):
        start.wait()
        try:
            answers.append(each.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(each,)) for each in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [302, 302]
    assert Unit.objects.filter(name="Ea Trol").count() == 1


# --- the registration, review and results forms ---------------------------------------


def sent_twice(client, url, data, **files):
    """Post ``data`` (and fresh copies of ``files``, as a browser sends them again) twice;
    the second answer must lead where the first did, with the message."""
    answers = []
    for _ in range(2):
        uploads = {name: SimpleUploadedFile(name, content()) for name, content in files.items()}
        answers.append(client.post(url, data | uploads))
    first, second = answers
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    shown = client.get(second["Location"]).content.decode()
    assert vietnamese("This form had already been sent: here is what it made.") in shown
    return first


def test_a_registration_started_twice_is_one_draft(client, tree, open_plan, officer):
    login(client, officer)
    url = reverse("initiatives:start", args=[open_plan.pk])
    data = {"unit": tree.commune_a.pk, "kind": "model", "name": "Nuôi dê sinh sản"}
    sent_twice(client, url, data | {"once": token_on(client, url)})
    assert Registration.objects.filter(name="Nuôi dê sinh sản").count() == 1


def test_a_file_uploaded_twice_is_added_once(client, officer, make_registration):
    registration = make_registration()
    login(client, officer)
    edit = reverse("initiatives:registration_edit", args=[registration.pk])
    url = reverse("initiatives:file_add", args=[registration.pk])
    data = {"kind": "photo", "title": "Ruộng sắn", "once": token_on(client, edit)}
    sent_twice(client, url, data, file=jpeg)
    assert registration.files.count() == 1


def test_a_council_set_up_twice_is_one_council(client, admin, open_plan):
    url = reverse("review:council_list", args=[open_plan.pk])
    data = {
        "name": "Hội đồng đánh giá 2022",
        "aggregate": "mean",
        "approval_numerator": "2",
        "approval_denominator": "3",
        "spread_alert": "20",
        "once": token_on(client, url),
    }
    sent_twice(client, url, data)
    assert Council.objects.filter(name="Hội đồng đánh giá 2022").count() == 1


def test_a_member_added_and_an_exclusion_sent_twice_are_made_once(
    client, admin, council, entry, tree, make_person
):
    registration = entry(tree.commune_b)
    newcomer = make_person("uyvien", Role.COUNCIL, tree.district, full_name="Ủy Viên")
    detail = reverse("review:council_detail", args=[council.pk])
    tokens = TOKEN.findall(client.get(detail).content.decode())
    assert len(tokens) == 2  # the member form and the exclusion form
    add = {"person": newcomer.pk, "role": MemberRole.MEMBER, "once": tokens[0]}
    sent_twice(client, reverse("review:member_add", args=[council.pk]), add)
    assert council.members.filter(person=newcomer).count() == 1
    member = council.members.get(person__username="thuky")
    exclude = {
        "member": member.pk,
        "registration": registration.pk,
        "reason": "Người nhà của chủ nhiệm",
        "once": tokens[1],
    }
    sent_twice(client, reverse("review:exclude", args=[council.pk]), exclude)
    assert Exclusion.objects.filter(member=member, registration=registration).count() == 1


def test_a_results_photo_uploaded_twice_is_added_once(client, open_plan, tree, make_person):
    login(client, make_person("xa_a", Role.OFFICER, tree.commune_a))
    client.post(reverse("results:open", args=[open_plan.pk, tree.commune_a.pk]))
    report = open_plan.reports.get()
    edit = reverse("results:report_edit", args=[report.pk])
    url = reverse("results:photo_add", args=[report.pk])
    data = {"title": "Ruộng sắn", "once": token_on(client, edit)}
    sent_twice(client, url, data, photo=jpeg)
    assert report.photos.count() == 1


def test_a_results_photo_title_follows_the_text_policy(client, open_plan, tree, make_person):
    """A direction override made ``hoadon\u202efdp.exe`` display as "hoadonexe.pdf"."""
    login(client, make_person("xa_a", Role.OFFICER, tree.commune_a))
    client.post(reverse("results:open", args=[open_plan.pk, tree.commune_a.pk]))
    report = open_plan.reports.get()
    client.post(
        reverse("results:photo_add", args=[report.pk]),
        {"title": "Ruộng\u202e sắn", "photo": SimpleUploadedFile("a.jpg", jpeg())},
    )
    assert report.photos.get().title == "Ruộng sắn"


def test_the_token_input_has_no_id_so_two_forms_on_a_page_stay_valid_html():
    html = str(SingleUseForm()["once"]) + str(SingleUseForm()["once"])
    assert html.count('name="once"') == 2
    assert "id=" not in html
