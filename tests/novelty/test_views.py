"""Who sees the novelty findings, the flag "may be a duplicate" and the district's decision,
and who may decide (novelty/views.py, templatetags/novelty.py)."""

from django.urls import reverse

from tests.helpers import login, vietnamese
from thidua.initiatives.domain.registrations import registration_receive, registration_submit
from thidua.novelty.enums import Verdict
from thidua.novelty.models import Check
from thidua.org.models import Role
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.models import Assignment, CouncilState

BO = "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học"


def sent(make_registration, tree, name=BO):
    return registration_submit(
        actor=None, registration=make_registration(tree.commune_a, name=name)
    )


def page(client, person, registration):
    login(client, person)
    return client.get(reverse("initiatives:registration_detail", args=[registration.pk]))


def test_the_district_sees_the_flag_and_decides_the_commune_and_others_do_not(
    client, archive, make_registration, tree, make_person, officer
):
    registration = sent(make_registration, tree)
    district = make_person("huyen", Role.OFFICER, tree.district)
    viewer = make_person("xem", Role.VIEWER, tree.district)
    neighbour = make_person("ealy", Role.OFFICER, tree.commune_b)
    flag = vietnamese("May be a duplicate")

    html = page(client, district, registration).content.decode()
    assert flag in html
    assert archive[0].title in html
    assert reverse("novelty:decide", args=[registration.pk]) in html
    html = page(client, viewer, registration).content.decode()
    assert flag in html  # a viewer of the district reads the flag
    assert reverse("novelty:decide", args=[registration.pk]) not in html  # but does not decide
    html = page(client, officer, registration).content.decode()
    assert registration.name in html
    assert flag not in html
    assert page(client, neighbour, registration).status_code == 404

    url = reverse("novelty:decide", args=[registration.pk])
    data = {"verdict": Verdict.DUPLICATE, "duplicate": f"archive:{archive[0].pk}", "note": "Trùng"}
    for refused, status in [(officer, 403), (viewer, 403), (neighbour, 404)]:
        login(client, refused)
        assert client.post(url, data).status_code == status
    assert Check.objects.get(registration=registration).verdict == Verdict.UNDECIDED

    login(client, district)
    assert client.post(url, data).status_code == 302
    check = Check.objects.get(registration=registration)
    assert (check.verdict, check.duplicate_id) == (Verdict.DUPLICATE, archive[0].pk)
    html = page(client, district, registration).content.decode()
    assert vietnamese("duplicate of") in html
    assert reverse("novelty:past_detail", args=[archive[0].pk]) in html
    html = page(client, officer, registration).content.decode()
    assert vietnamese("duplicate of") not in html


def test_the_decision_is_shown_to_a_blind_council_beside_novelty_without_form_or_units(
    client, archive, make_registration, tree, make_person, council
):
    registration = sent(make_registration, tree)
    registration_receive(actor=None, registration=registration)
    district = make_person("huyen", Role.OFFICER, tree.district)
    login(client, district)
    client.post(
        reverse("novelty:decide", args=[registration.pk]),
        {"verdict": Verdict.NEW, "note": "Cách làm khác hẳn"},
    )
    council.blind = True
    council.save()
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    assignment = Assignment.objects.get(
        member__person__username="chutich", registration=registration
    )

    login(client, "chutich")
    html = client.get(reverse("review:score", args=[council.pk, assignment.pk])).content.decode()

    assert vietnamese("Earlier initiatives like this one") in html
    assert archive[0].title in html
    assert vietnamese("not a duplicate") in html
    assert "Cách làm khác hẳn" in html
    assert reverse("novelty:decide", args=[registration.pk]) not in html
    assert reverse("novelty:past_detail", args=[archive[0].pk]) not in html  # not theirs to open
    assert archive[0].unit_name not in html  # a blind council learns no unit


def test_the_check_while_drafting_answers_officers_with_the_shared_words_marked(
    client, archive, officer, make_person, tree
):
    url = reverse("novelty:draft_check")
    query = {"name": "mo hinh nuoi bo vo beo", "summary": "vo beo bo bang than ngo u chua"}

    login(client, officer)
    answer = client.get(url, query).json()
    assert answer["flagged"]
    first = answer["findings"][0]
    assert first["unit"] == "Hội Nông dân xã Ea Bá"
    assert first["year"] == 2022
    assert "<mark>bò</mark>" in first["title"]
    assert "<mark>vỗ</mark>" in first["title"]
    tagged = client.get(url, {"name": "<script>alert(1)</script> nuôi bò"})
    assert tagged.status_code == 400  # a name never holds tags (core/forms.py)
    assert b"<script>" not in tagged.content

    login(client, make_person("xem", Role.VIEWER, tree.commune_a))
    assert client.get(url, query).status_code == 403
    client.logout()
    assert client.get(url, query).status_code == 302


def test_the_registration_form_asks_in_the_background(client, officer, make_registration):
    registration = make_registration()
    login(client, officer)
    html = client.get(reverse("initiatives:registration_edit", args=[registration.pk])).content
    assert b"novelty/check.js" in html
    assert reverse("novelty:draft_check").encode() in html
