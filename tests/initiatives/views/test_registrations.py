"""Registration pages (initiatives/views/registrations.py): the permission matrix, bad input,
autosave and conflicts, paper forms, blind councils."""

import lxml.html
import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests import strategies
from tests.helpers import (
    CLIENT_EXAMPLES,
    login,
    page_form,
    registration_form,
    vietnamese,
)
from thidua.initiatives.domain.registrations import registration_submit
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org.models import Role
from thidua.plans.models import Campaign, LatePolicy

MATRIX = {
    # person: (sees A's draft, sees A's sent registration, may edit A's draft)
    "officer_a": (200, 200, True),
    "viewer_a": (404, 200, False),
    "officer_b": (404, 404, False),
    "district": (200, 200, True),
    "province": (404, 200, False),
    "province_officer": (200, 200, True),
    "outsider": (404, 404, False),
}


@pytest.fixture
def draft(client, cast, make_registration):
    """Ea Bá's draft, complete, with its officer logged in to work on it."""
    registration = make_registration()
    login(client, cast["officer_a"])
    return registration


def post_form(client, draft, view="initiatives:registration_edit", **changes):
    """``draft``'s form as the page posts it to ``view``, with ``changes`` typed in."""
    return client.post(reverse(view, args=[draft.pk]), registration_form(draft, **changes))


@pytest.mark.parametrize("person", list(MATRIX))
def test_permission_matrix(client, cast, make_registration, person):
    draft = make_registration(name="Bản nháp của Ea Bá")
    sent = registration_submit(actor=None, registration=make_registration(name="Đã gửi"))
    login(client, cast[person])
    sees_draft, sees_sent, may_edit = MATRIX[person]
    assert (
        client.get(reverse("initiatives:registration_detail", args=[draft.pk])).status_code
        == sees_draft
    )
    assert (
        client.get(reverse("initiatives:registration_detail", args=[sent.pk])).status_code
        == sees_sent
    )
    edit = client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        registration_form(draft, name="Đổi tên"),
    )
    assert (edit.status_code == 302) is may_edit
    assert (Registration.objects.get(pk=draft.pk).name == "Đổi tên") is may_edit


def test_commune_list_never_shows_another_communes_drafts(
    client, cast, make_registration, tree, open_plan
):
    make_registration(tree.commune_b, name="Nháp của Ea Ly")
    login(client, cast["officer_a"])
    page = client.get(
        reverse("initiatives:registration_list", args=[open_plan.pk])
    ).content.decode()
    assert "Nháp của Ea Ly" not in page
    login(client, cast["district"])
    page = client.get(
        reverse("initiatives:registration_list", args=[open_plan.pk])
    ).content.decode()
    assert "Nháp của Ea Ly" in page


def test_only_the_unit_above_receives_and_returns(client, cast, make_registration):
    sent = registration_submit(actor=None, registration=make_registration())
    login(client, cast["officer_a"])
    assert (
        client.post(reverse("initiatives:registration_receive", args=[sent.pk])).status_code == 403
    )
    login(client, cast["district"])
    client.post(
        reverse("initiatives:registration_return", args=[sent.pk]), {"reason": "Thiếu ảnh."}
    )
    sent.refresh_from_db()
    assert sent.state == RegistrationState.RETURNED


def test_empty_required_fields_block_sending_with_messages_and_keep_the_draft(
    client, cast, make_registration
):
    draft = make_registration(complete=False)
    login(client, cast["officer_a"])
    response = client.post(
        reverse("initiatives:registration_edit", args=[draft.pk]),
        registration_form(draft, summary="", submit="1"),
        follow=True,
    )
    page = response.content.decode()
    assert "Chưa gửi" in page
    assert Registration.objects.get(pk=draft.pk).state == RegistrationState.DRAFT


def test_prose_keeps_less_than_as_text_and_a_name_refuses_a_tag(client, draft):
    """The text policy (core/forms.py): "a < b" is ordinary prose, stored as typed and shown
    escaped; a name never needs a tag, so one is refused and nothing changes."""
    prose = 'Năng suất a < b và c > d. Tốt <script>alert("x")</script>'
    saved = post_form(client, draft, summary=prose)
    assert saved.status_code == 302
    stored = Registration.objects.get(pk=draft.pk)
    assert stored.summary == prose
    page = client.get(reverse("initiatives:registration_detail", args=[draft.pk])).content.decode()
    assert "a &lt; b và c &gt; d" in page
    assert "<script>alert" not in page

    refused = post_form(client, stored, name="<b>Mô hình</b>")
    assert refused.status_code == 200
    assert "thẻ HTML" in refused.content.decode()
    assert Registration.objects.get(pk=draft.pk).name == stored.name


def test_vietnamese_number_formats_are_understood(client, draft):
    post_form(client, draft, cost_vnd="1.500.000", area_ha="2,5", households="30")
    draft.refresh_from_db()
    assert (draft.cost_vnd, str(draft.area_ha), draft.households) == (1_500_000, "2.50", 30)


def test_stale_edit_keeps_both_texts_and_saves_nothing(client, draft):
    stale = registration_form(draft, summary="Bản của tab thứ hai")
    post_form(client, draft, summary="Bản của tab thứ nhất")
    response = client.post(reverse("initiatives:registration_edit", args=[draft.pk]), stale)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Bản của tab thứ hai" in page  # what this person typed, still in the form
    assert "Bản của tab thứ nhất" in page  # the other version, shown beside it
    assert Registration.objects.get(pk=draft.pk).summary == "Bản của tab thứ nhất"


def test_autosave_saves_and_reports_the_new_version(client, draft):
    autosave = "initiatives:registration_autosave"
    response = post_form(client, draft, autosave, summary="Đang gõ…")
    assert response.status_code == 200
    assert response.json()["version"] == draft.version + 1
    conflict = post_form(client, draft, autosave, summary="Tab cũ")
    assert conflict.status_code == 409
    assert conflict.json()["current_version"] == draft.version + 1
    assert Registration.objects.get(pk=draft.pk).summary == "Đang gõ…"


@pytest.mark.parametrize("delay", [1500, 400])
def test_the_form_tells_its_script_the_autosave_pause(client, draft, settings, delay):
    """The product pauses 1.5 s; the browser tests shorten it through the setting."""
    settings.AUTOSAVE_DELAY_MS = delay
    page = lxml.html.fromstring(
        client.get(reverse("initiatives:registration_edit", args=[draft.pk])).content
    )
    (form,) = page.xpath("//form[@data-autosave-key]")
    assert form.get("data-autosave-delay") == str(delay)


def test_submit_after_the_deadline_is_refused_when_the_plan_says_so(client, draft, open_plan):
    open_plan.late_registrations = LatePolicy.BLOCK
    open_plan.save()
    page = client.post(
        reverse("initiatives:registration_submit", args=[draft.pk]), follow=True
    ).content.decode()
    assert "Hạn đăng ký (10/04/2022) đã qua" in page
    assert Registration.objects.get(pk=draft.pk).state == RegistrationState.DRAFT


def test_double_submit_sends_once(client, draft):
    url = reverse("initiatives:registration_submit", args=[draft.pk])
    client.post(url)
    client.post(url)
    assert Registration.objects.get(pk=draft.pk).transitions.count() == 1


def test_lead_person_can_be_an_account_of_the_unit(client, cast, draft):
    post_form(client, draft, lead=str(cast["officer_a"].pk), lead_name="")
    draft.refresh_from_db()
    assert draft.lead == cast["officer_a"]
    response = post_form(client, draft, lead=str(cast["officer_b"].pk))
    assert response.status_code == 200  # not one of the unit's people: refused by the form
    draft.refresh_from_db()
    assert draft.lead == cast["officer_a"]


def test_huge_numbers_get_a_message_not_an_error(client, draft):
    response = post_form(
        client, draft, "initiatives:registration_autosave", households="99999999999999999999999"
    )
    assert response.status_code == 400
    assert "households" in response.json()["errors"]


def test_a_multi_line_return_reason_is_mailed_on_one_subject_line(
    client, cast, make_registration, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cast["officer_a"].email = "xa@example.vn"
    cast["officer_a"].save()
    sent = registration_submit(actor=None, registration=make_registration())
    login(client, cast["district"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("initiatives:registration_return", args=[sent.pk]),
            {"reason": "Thiếu ảnh.\nBổ sung số hộ."},
        )
    assert response.status_code == 302
    assert "\n" not in mail.outbox[-1].subject


def test_a_commune_cannot_backdate_a_paper_form(client, cast, paper_form, tree):
    paper = paper_form(tree.commune_a)
    login(client, cast["officer_a"])
    client.post(
        reverse("initiatives:registration_submit", args=[paper.pk]), {"sent_on": "2020-01-01"}
    )
    paper.refresh_from_db()
    assert paper.is_late  # judged by today, not by the date the commune typed


def test_a_registration_links_the_plans_campaigns_only(client, draft, open_plan):
    ours = Campaign.objects.create(plan=open_plan, position=1, name="Giảm nghèo bền vững")
    post_form(client, draft, campaigns=[str(ours.pk)])
    assert list(draft.campaigns.all()) == [ours]


def test_district_enters_a_paper_form_and_the_commune_corrects_it(
    client, tree, make_person, open_plan
):
    make_person("huyen", Role.OFFICER, tree.district)
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "huyen")
    client.post(
        reverse("initiatives:start", args=[open_plan.pk]),
        {
            "unit": tree.commune_a.pk,
            "kind": "model",
            "name": "Phiếu giấy: nuôi dê",
            "entered_by_office": "on",
        },
    )
    registration = Registration.objects.get()
    assert registration.entered_by_office
    assert registration.unit == tree.commune_a
    client.logout()
    login(client, "xa")
    page = client.get(
        reverse("initiatives:registration_detail", args=[registration.pk])
    ).content.decode()
    assert "từ phiếu giấy" in page
    assert reverse("initiatives:registration_edit", args=[registration.pk]) in page


def test_a_commune_cannot_claim_to_enter_paper_forms(client, tree, make_person, open_plan):
    make_person("xa", Role.OFFICER, tree.commune_a)
    login(client, "xa")
    client.post(
        reverse("initiatives:start", args=[open_plan.pk]),
        {"unit": tree.commune_a.pk, "kind": "model", "name": "Tự nhận", "entered_by_office": "on"},
    )
    assert not Registration.objects.get().entered_by_office


def test_a_blind_scorer_cannot_read_the_registration_itself(client, council, entry, tree):
    item = entry(tree.commune_b, name="Kín")
    council.blind = True
    council.save()
    login(client, "chutich")
    assert client.get(reverse("initiatives:registration_detail", args=[item.pk])).status_code == 404
    listing = client.get(reverse("initiatives:registration_list", args=[item.plan_id]))
    assert "Kín" not in listing.content.decode()


# --- round trip: what the page posts is what is stored ----------------------------------


def type_rows(data: dict, rows: list[dict]) -> None:
    """Types ``rows`` into the implementer rows from the top, adding rows as the page's
    "add" button does and clearing the rows below them."""
    total = max(len(rows), int(data["implementers-TOTAL_FORMS"][0]))
    data["implementers-TOTAL_FORMS"] = [str(total)]
    for index in range(total):
        row = rows[index] if index < len(rows) else {}
        for field in strategies.IMPLEMENTER_FIELDS:
            data[f"implementers-{index}-{field}"] = [row.get(field, "")]


def test_rows_typed_before_an_autosave_are_kept_by_the_save_that_follows(client, draft):
    """Issue #10: two implementers typed, autosaved, then "Lưu nháp": both rows were lost
    (the saved rows became the formset's initial data, so the same rows in the final post
    counted as unchanged blank extras)."""
    edit = reverse("initiatives:registration_edit", args=[draft.pk])
    data = page_form(client.get(edit))
    rows = [
        {"name": "Nguyễn Văn Á", "position_unit": "Chi hội trưởng", "role": "Làm đất"},
        {"name": "Trần Thị Bé", "position_unit": "Hội viên", "role": "Chăm sóc"},
    ]
    type_rows(data, rows)
    saved = client.post(reverse("initiatives:registration_autosave", args=[draft.pk]), data)
    assert saved.json()["version"] == draft.version + 1
    data["version"] = [str(saved.json()["version"])]

    client.post(edit, {**data, "save": "1"})

    assert strategies.registration_stored(draft)["implementers"] == rows
    assert "Trần Thị Bé" in client.get(edit).content.decode()


@CLIENT_EXAMPLES
@given(data=st.data())
def test_every_field_typed_autosaved_saved_and_reloaded_is_stored_as_typed(
    client, cast, make_registration, open_plan, data
):
    for position, name in enumerate(["Giảm nghèo bền vững", "Nông thôn mới"], start=1):
        Campaign.objects.get_or_create(plan=open_plan, position=position, name=name)
    draft = make_registration()
    typed, rows, expected = data.draw(
        strategies.registration(
            criteria=[a.criterion_id for a in draft.arguments.all()],
            campaigns=list(open_plan.campaigns.values_list("pk", flat=True)),
            people=[cast["officer_a"].pk],
        )
    )
    login(client, cast["officer_a"])
    edit = reverse("initiatives:registration_edit", args=[draft.pk])
    page = page_form(client.get(edit))
    page.update({name: [v] if isinstance(v, str) else v for name, v in typed.items()})
    type_rows(page, rows)

    autosaved = client.post(reverse("initiatives:registration_autosave", args=[draft.pk]), page)
    assert autosaved.status_code == 200, autosaved.json()
    page["version"] = [str(autosaved.json()["version"])]
    client.post(edit, {**page, "save": "1"})
    assert strategies.registration_stored(draft) == expected

    # The page shows it back; sent again untouched, nothing changes.
    client.post(edit, {**page_form(client.get(edit)), "save": "1"})
    assert strategies.registration_stored(draft) == expected


def test_numbers_are_typed_in_text_boxes_and_shown_the_vietnamese_way(client, draft):
    """A phone's <input type=number> takes neither "1.500.000" nor "30,5": it sends nothing
    for them, and the typed number is lost without a word."""
    post_form(client, draft, cost_vnd="1.500.000", area_ha="30,5", save="1")
    edit = reverse("initiatives:registration_edit", args=[draft.pk])
    document = lxml.html.fromstring(client.get(edit).content.decode())
    boxes = {name: document.xpath(f"//input[@name='{name}']")[0] for name in NUMBER_FIELDS}
    assert {box.get("type") for box in boxes.values()} == {"text"}
    assert boxes["cost_vnd"].get("value") == "1.500.000"
    assert boxes["area_ha"].get("value") == "30,5"
    assert boxes["area_ha"].get("inputmode") == "decimal"


NUMBER_FIELDS = ["households", "area_ha", "cost_vnd"]


@pytest.mark.parametrize("area", ["1500", "1.500,5", "2.000.000", "0,25"])
def test_an_area_shown_on_the_page_is_read_back_as_the_same_number(client, draft, area):
    """1500 ha shown as "1.500" would come back as ambiguous (one and a half?) and be refused."""
    post_form(client, draft, area_ha=area, save="1")
    edit = reverse("initiatives:registration_edit", args=[draft.pk])
    stored = strategies.registration_stored(draft)["area_ha"]

    response = client.post(edit, {**page_form(client.get(edit)), "save": "1"})

    assert response.status_code == 302
    assert strategies.registration_stored(draft)["area_ha"] == stored


# --- deleting and merging drafts (#11 item 4) ------------------------------------------

DELETE_MATRIX = {
    # person: what deleting Ea Bá's draft answers (its own officer only: the offices above
    # correct a commune's work, they do not make it disappear)
    "officer_a": 302,
    "viewer_a": 404,
    "officer_b": 404,
    "district": 403,
    "province_officer": 403,
    "outsider": 404,
}


@pytest.mark.parametrize("who", DELETE_MATRIX)
def test_who_may_delete_a_draft(client, cast, make_registration, who):
    draft = make_registration()
    login(client, cast[who])
    url = reverse("initiatives:registration_delete", args=[draft.pk])
    detail = client.get(reverse("initiatives:registration_detail", args=[draft.pk]))
    offered = url in detail.content.decode()
    assert offered == (DELETE_MATRIX[who] == 302)
    confirm = client.get(url)
    assert confirm.status_code == (200 if offered else DELETE_MATRIX[who])
    assert client.post(url).status_code == DELETE_MATRIX[who]
    deleted = not Registration.objects.filter(pk=draft.pk).exists()
    assert deleted == (DELETE_MATRIX[who] == 302)


def test_deleting_is_confirmed_by_a_post_and_leads_back_to_the_list(
    client, cast, make_registration, open_plan
):
    draft = make_registration(name="Phiếu bấm hai lần")
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_delete", args=[draft.pk])
    confirm = client.get(url).content.decode()
    assert "Phiếu bấm hai lần" in confirm
    assert 'method="post"' in confirm
    assert "csrfmiddlewaretoken" in confirm
    assert Registration.objects.filter(pk=draft.pk).exists()  # showing the page deletes nothing
    deleted = client.post(url)
    assert deleted["Location"] == reverse("initiatives:registration_list", args=[open_plan.pk])
    listed = client.get(deleted["Location"]).content.decode()
    assert vietnamese("The draft was deleted.") in listed
    assert "Phiếu bấm hai lần" not in listed
    detail = reverse("initiatives:registration_detail", args=[draft.pk])
    assert client.get(detail).status_code == 404


def test_a_sent_registration_and_the_districts_paper_form_once_sent_cannot_be_deleted(
    client, cast, make_registration, paper_form, tree
):
    sent = registration_submit(actor=None, registration=make_registration())
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_delete", args=[sent.pk])
    detail = reverse("initiatives:registration_detail", args=[sent.pk])
    assert url not in client.get(detail).content.decode()
    assert client.post(url).status_code == 403
    assert Registration.objects.get(pk=sent.pk).state == RegistrationState.SUBMITTED
    paper = paper_form(tree.commune_a)  # the district entered it: the district may delete it
    client.logout()
    login(client, cast["district"])
    deleted = client.post(reverse("initiatives:registration_delete", args=[paper.pk]))
    assert deleted.status_code == 302


def test_merging_two_drafts_keeps_one_with_everything(client, cast, make_registration):
    kept = make_registration(complete=False, name="Nuôi dê sinh sản")
    other = make_registration(name="Nuôi dê")
    foreign = make_registration(cast["officer_b"].memberships.get().unit, name="Của Ea Ly")
    login(client, cast["officer_a"])
    detail = client.get(reverse("initiatives:registration_detail", args=[kept.pk]))
    url = reverse("initiatives:registration_merge", args=[kept.pk])
    assert url in detail.content.decode()
    page = client.get(url).content.decode()
    assert "Nuôi dê" in page
    assert "Của Ea Ly" not in page  # only the drafts of the same unit and plan are offered
    assert client.post(url, {"other": foreign.pk}).status_code == 200  # refused: shown again
    merged = client.post(url, {"other": other.pk})
    assert merged["Location"] == reverse("initiatives:registration_detail", args=[kept.pk])
    assert not Registration.objects.filter(pk=other.pk).exists()
    assert Registration.objects.get(pk=kept.pk).summary == other.summary
    client.logout()
    login(client, cast["district"])
    assert client.post(url, {"other": other.pk}).status_code == 403
