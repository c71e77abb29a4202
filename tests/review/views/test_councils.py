"""Council pages (review/views/councils.py): who opens them, the chair's vote and reminders."""

from django.urls import reverse

from tests.helpers import login, score_all, seat
from thidua.org.models import Role
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.models import CouncilState, Outcome


def test_outsiders_cannot_open_the_council(client, council, make_person, tree):
    make_person("xa_b", Role.OFFICER, tree.commune_b)
    login(client, "xa_b")
    for name in ("review:council_detail", "review:ranking"):
        response = client.get(reverse(name, args=[council.pk]))
        assert response.status_code == 404, name
        assert "Không tìm thấy trang" in response.content.decode()
        assert "Hội đồng đánh giá" not in response.content.decode()


def test_chair_proposes_and_records_the_vote_through_the_pages(client, council, entry, tree):
    item = entry(tree.commune_b, name="Đề xuất khen")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    login(client, "chutich")
    client.post(reverse("review:council_closed", args=[council.pk]))
    url = reverse("review:decision", args=[council.pk])
    client.post(url, {f"outcome_{item.pk}": Outcome.COMMENDED, f"reason_{item.pk}": "Hiệu quả cao"})
    assert council.proposals.get().outcome == Outcome.COMMENDED
    response = client.post(
        url,
        {
            "vote": "1",
            "present": "3",
            "votes_for": "3",
            "votes_against": "0",
            "decided_on": "2022-06-15",
        },
        follow=True,
    )
    assert "Đã thông qua với 3/3" in response.content.decode()
    council.refresh_from_db()
    assert council.state == CouncilState.DECIDED


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
