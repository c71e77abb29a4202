"""Scoring pages (review/views/scoring.py): the queue, the sheet, blind mode, what others gave."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import login, score_all, seat
from thidua.org.models import Role
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.models import Assignment, CouncilState


def test_a_conflicted_member_cannot_score_even_by_url(client, council, entry, tree):
    own = entry(tree.commune_a)
    other = entry(tree.commune_b, name="Khác")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    foreign = Assignment.objects.filter(registration=own).first()  # someone else's sheet
    login(client, "thanhvien")
    url = reverse("review:score", args=[council.pk, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": 1}).status_code == 404
    assert Assignment.objects.filter(member=seat(council, "thanhvien"), registration=other).exists()


def test_blind_mode_hides_units_and_people_from_scorers(client, council, entry, tree):
    item = entry(tree.commune_b, name="Ý tưởng bí mật")
    council.blind = True
    council.save()
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    login(client, "chutich")
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    pages = [
        client.get(reverse("review:queue", args=[council.pk])).content.decode(),
        client.get(reverse("review:score", args=[council.pk, assignment.pk])).content.decode(),
    ]
    score_all(council, "chutich", item, [10] * 5)  # the ranking follows the chair's sheets
    pages.append(client.get(reverse("review:ranking", args=[council.pk])).content.decode())
    for page in pages:
        assert "Ý tưởng bí mật" in page
        assert "Ea Ly" not in page.split("<main")[1]
        assert "Y Thuê Niê" not in page


def test_queue_and_ranking_queries_do_not_grow_with_registrations(
    client, council, entry, tree, make_person
):
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    login(client, "chutich")
    follower = Client()  # sees the ranking's figures while the council scores
    login(follower, make_person("quantri", Role.ADMIN, tree.district))
    counts = []
    for size in (2, 8):
        while (
            Assignment.objects.filter(member__council=council)
            .values("registration")
            .distinct()
            .count()
            < size
        ):
            entry(tree.commune_b, name=f"Mục {Assignment.objects.count()}")
            assign(actor=None, council=council)
        measured = []
        for name, person in (("review:queue", client), ("review:ranking", follower)):
            with CaptureQueriesContext(connection) as queries:
                assert person.get(reverse(name, args=[council.pk])).status_code == 200
            measured.append(len(queries))
        counts.append(measured)
    assert counts[0] == counts[1], counts


def test_submit_and_next_goes_to_the_least_scored_registration(client, council, entry, tree):
    first = entry(tree.commune_b, name="Đã có người chấm")
    second = entry(tree.commune_b, name="Chưa ai chấm")
    third = entry(tree.commune_b, name="Đang chấm")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "thuky", first, [10] * 5)
    login(client, "chutich")
    current = Assignment.objects.get(member=seat(council, "chutich"), registration=third)
    data = {"version": current.version, "next": "1"}
    for criterion in council.plan.criteria.all():
        data[f"points_{criterion.pk}"] = "15"
    response = client.post(reverse("review:score", args=[council.pk, current.pk]), data)
    following = Assignment.objects.get(member=seat(council, "chutich"), registration=second)
    assert response["Location"] == reverse("review:score", args=[council.pk, following.pk])


def test_others_scores_stay_hidden_until_ones_own_are_submitted(client, council, entry, tree):
    item = entry(tree.commune_b, name="Mục chấm chung")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "thuky", item, [19] * 5)  # 95
    login(client, "chutich")
    mine = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    url = reverse("review:score", args=[council.pk, mine.pk])
    before = client.get(url).content.decode()
    assert "Thư Ký: 95" not in before
    assert "Lập luận." in before  # the unit's own argument, beside the scores
    score_all(council, "chutich", item, [10] * 5)
    assert "Thư Ký: 95" in client.get(url).content.decode()
    council.reveal_after_submit = False
    council.save()
    assert "Thư Ký: 95" not in client.get(url).content.decode()


def test_totals_read_as_vietnamese_numbers(client, council, entry, tree):
    """A whole total reads "95", not "95,00"; a fraction keeps its comma."""
    item = entry(tree.commune_b, name="Mục chấm chung")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "thuky", item, [19] * 5)  # 95
    score_all(council, "chutich", item, [10] * 5)  # 50
    login(client, "chutich")
    mine = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    page = client.get(reverse("review:score", args=[council.pk, mine.pk])).content.decode()
    assert "Bạn đã nộp phiếu chấm này: 50 điểm." in page
    assert "Thư Ký: 95</li>" in page
    queue = client.get(reverse("review:queue", args=[council.pk])).content.decode()
    assert "50 điểm" in queue
    assert ",00" not in page + queue
