"""Council pages (review/views/councils.py): who opens them, setting them up, reminders."""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tests.helpers import login, score_all, seat, vietnamese
from thidua.org.models import Role
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    exclusion_add,
)
from thidua.review.models import Council, CouncilState


def test_outsiders_cannot_open_the_council(client, council, make_person, tree):
    make_person("xa_b", Role.OFFICER, tree.commune_b)
    login(client, "xa_b")
    for name in ("review:council_detail", "review:ranking"):
        response = client.get(reverse(name, args=[council.pk]))
        assert response.status_code == 404, name
        assert "Không tìm thấy trang" in response.content.decode()
        assert "Hội đồng đánh giá" not in response.content.decode()


def test_the_chair_reminds_a_member_who_has_not_finished(client, council, entry, tree):
    entry(tree.commune_b)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    login(client, "chutich")
    member = seat(council, "thuky")
    client.post(reverse("review:remind", args=[council.pk, member.pk]))
    notice = member.person.notifications.get()
    assert "Hội đồng đánh giá" in notice.message
    assert notice.url == reverse("review:queue", args=[council.pk])


def test_a_council_without_members_says_what_to_do_not_a_quorum_of_none(
    client, open_plan, make_person, tree
):
    make_person("quantri", Role.ADMIN, tree.district)
    empty = council_create(actor=None, plan=open_plan, name="Hội đồng mới lập")
    login(client, "quantri")
    page = client.get(reverse("review:council_detail", args=[empty.pk])).content.decode()
    assert "0/0" not in page
    with translation.override("vi"):
        hint = _(
            "No member yet: add the chair, the secretary and the members below before scoring "
            "starts; decisions will need %(share)s of them."
        ) % {"share": "2/3"}
    assert escape(hint) in page


def test_the_prize_money_may_be_set_when_the_council_is_set_up(
    client, open_plan, make_person, tree
):
    make_person("quantri", Role.ADMIN, tree.district)
    login(client, "quantri")
    response = client.post(
        reverse("review:council_list", args=[open_plan.pk]),
        {
            "name": "Hội đồng có tiền thưởng",
            "aggregate": "mean",
            "approval_numerator": "2",
            "approval_denominator": "3",
            "spread_alert": "20",
            "commendation_amount": "1.500.000",
        },
    )
    created = Council.objects.get(name="Hội đồng có tiền thưởng")
    assert response["Location"] == reverse("review:council_detail", args=[created.pk])
    assert created.commendation_amount == 1_500_000


# --- the ranking while the council scores (README, "councils"; #11 item 11) ------------


def scoring_with_two_entries(council, entry, tree):
    """Scoring open on two entries; the secretary and the member have sent their sheets."""
    items = [entry(tree.commune_b, name="Nuôi dê"), entry(tree.commune_b, name="Trồng sắn")]
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for item, points in zip(items, ([19, 18, 17, 16, 15], [11, 12, 13, 14, 9]), strict=True):
        score_all(council, "thuky", item, points)
        score_all(council, "thanhvien", item, points)
    return items


def test_the_chair_sees_no_figure_before_sending_their_own_sheets(client, council, entry, tree):
    items = scoring_with_two_entries(council, entry, tree)
    login(client, "chutich")
    response = client.get(reverse("review:ranking", args=[council.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert vietnamese("You will see the ranking once your own scoresheets are sent.") in page
    assert ">85<" not in page  # 19+18+17+16+15: the entry's score, both members' totals
    assert ">59<" not in page
    assert reverse("review:scores_xlsx", args=[council.pk]) not in page
    assert client.get(reverse("review:scores_xlsx", args=[council.pk])).status_code == 403
    score_all(council, "chutich", items[0], [19, 18, 17, 16, 15])
    assert ">85<" not in client.get(reverse("review:ranking", args=[council.pk])).content.decode()
    score_all(council, "chutich", items[1], [11, 12, 13, 14, 9])
    page = client.get(reverse("review:ranking", args=[council.pk])).content.decode()
    assert ">85<" in page
    assert ">59<" in page
    assert client.get(reverse("review:scores_xlsx", args=[council.pk])).status_code == 200


def test_the_issuing_units_administrator_without_a_seat_follows_the_scores(
    client, council, entry, tree, make_person
):
    scoring_with_two_entries(council, entry, tree)
    login(client, make_person("quantri", Role.ADMIN, tree.district))
    page = client.get(reverse("review:ranking", args=[council.pk])).content.decode()
    assert ">85<" in page
    assert ">59<" in page
    assert client.get(reverse("review:scores_xlsx", args=[council.pk])).status_code == 200


def test_the_council_page_shows_who_is_excluded_from_what_and_why(client, council, entry, tree):
    """Each exclusion is listed with its reason: a member of the entry's unit, an author of
    the entry, or the chair's own reason."""
    entry(tree.commune_a, name="Của xã A")  # Thành Viên A is an officer there
    own_work = entry(tree.commune_b, name="Máy tách hạt")
    own_work.implementers.create(name="Chủ Tịch", position_unit="", role="Chế tạo")
    chosen = entry(tree.commune_b, name="Nuôi dê")
    exclusion_add(
        actor=None, member=seat(council, "thuky"), registration=chosen, reason="Là người thân"
    )
    login(client, "chutich")
    page = client.get(reverse("review:council_detail", args=[council.pk])).content.decode()
    rows = re.findall(r'<tr data-exclusion="[^"]*">(.*?)</tr>', page, flags=re.S)
    cells = [re.sub(r"<[^>]+>", " ", row).split() for row in rows]
    said = [" ".join(words) for words in cells]
    assert len(said) == 3
    assert any("Thành Viên A" in s and "Của xã A" in s and "thuộc đơn vị" in s for s in said)
    assert any(
        "Chủ Tịch" in s and "Máy tách hạt" in s and "chủ trì hoặc thực hiện" in s for s in said
    )
    assert any("Thư Ký" in s and "Nuôi dê" in s and "Là người thân" in s for s in said)
