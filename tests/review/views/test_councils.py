"""Council pages (review/views/councils.py): who opens them, setting them up, reminders."""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tests.helpers import login, score_all, seat, vietnamese, workbook
from tests.review import crowd
from thidua.initiatives.domain.registrations import registration_create
from thidua.org.models import Role
from thidua.review.domain.assigning import assignment_run
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    entries,
    exclusion_add,
)
from thidua.review.domain.ranking import standings
from thidua.review.models import (
    Assignment,
    AssignmentRun,
    Council,
    CouncilState,
    Exclusion,
    RunState,
)
from thidua.review.tasks import assignment_start


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


# --- a large council: the ranking by pages, the entry found by its number (#13) -----------


@pytest.fixture
def crowded(council, tree, open_plan):
    """The council scoring 120 entries of three communes, every sheet scored and sent."""
    made = crowd.entries(open_plan, crowd.communes(tree.district, 3), 120)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    crowd.scored(council, points=(10, 20))
    return made


def ranked_rows(page: str) -> list[list[str]]:
    """The ranking table's rows as the cells' words."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S) for row in rows]


def test_the_ranking_comes_by_pages_of_fifty_with_the_total(client, council, crowded):
    """Page 1 ranks 1 to 50, page 3 the last 20 (101 to 120); the score table has all 120."""
    login(client, "chutich")
    url = reverse("review:ranking", args=[council.pk])
    first = client.get(url).content.decode()
    with translation.override("vi"):
        total = ngettext("%(total)s entry", "%(total)s entries", 120) % {"total": 120}
    assert total in first
    assert [row[0] for row in ranked_rows(first)] == [str(n) for n in range(1, 51)]
    last = client.get(url, {"page": 3}).content.decode()
    assert [row[0] for row in ranked_rows(last)] == [str(n) for n in range(101, 121)]
    sheet = workbook(client.get(reverse("review:scores_xlsx", args=[council.pk]))).active
    ranks = [row[0] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert ranks == list(range(1, 121))


def test_the_rankings_filters_narrow_it_and_stay_in_the_pages_links(client, council, crowded):
    """Entries the members disagree on: their ranks are those of the whole ranking, and the
    link to the next page keeps the filter."""
    council.spread_alert = 5  # points from 10 to 20 on five criteria: most totals differ more
    council.save()
    order = standings(council, entries(council))
    disputed = [p for p in order if p.disputed]
    assert 50 < len(disputed) < 120
    login(client, "chutich")
    page = client.get(reverse("review:ranking", args=[council.pk]), {"show": "disputed"})
    text = page.content.decode()
    assert [row[0] for row in ranked_rows(text)] == [str(p.rank) for p in disputed[:50]]
    assert "show=disputed&amp;page=2" in text


def test_the_chair_excludes_a_member_from_an_entry_found_by_its_number(client, council, crowded):
    login(client, "chutich")
    url = reverse("review:council_detail", args=[council.pk])
    page = client.get(url).content.decode()
    assert "Hồ sơ số 7" not in page  # no list of every entry
    found = client.get(url, {"entry": "Hồ sơ số 7"}).content.decode()
    seventh = crowded[7]
    assert f"{seventh}" in found
    member = seat(council, "thuky")
    response = client.post(
        reverse("review:exclude", args=[council.pk]),
        {"member": member.pk, "registration": seventh, "reason": "Là người thân"},
        follow=True,
    )
    assert Exclusion.objects.filter(member=member, registration_id=seventh).exists()
    assert not Assignment.objects.filter(member=member, registration_id=seventh).exists()
    assert "Là người thân" in response.content.decode()


def test_an_entry_number_of_no_entry_of_the_council_is_said_and_changes_nothing(
    client, council, entry, tree, open_plan
):
    item = entry(tree.commune_b, name="Nuôi dê")
    elsewhere = registration_create(
        actor=None, plan=open_plan, unit=tree.commune_b, kind="model", name="Bản nháp"
    )
    login(client, "chutich")
    member = seat(council, "thuky")
    for number in (elsewhere.pk, item.pk + 1000):
        response = client.post(
            reverse("review:exclude", args=[council.pk]),
            {"member": member.pk, "registration": number, "reason": "Lý do"},
            follow=True,
        )
        said = vietnamese("No entry of this council has the number %(number)d.") % {
            "number": number
        }
        assert escape(said) in response.content.decode()
    assert not Exclusion.objects.exists()


# --- assigning in the background (#13 item 3) ------------------------------------------


def test_assigning_leads_to_its_result_page(client, council, entry, tree):
    """Without a worker the task runs at once: the chair lands on the finished run."""
    entry(tree.commune_b, name="Nuôi dê")
    entry(tree.commune_b, name="Trồng sắn")
    login(client, "chutich")
    response = client.post(reverse("review:assign", args=[council.pk]), {"per_registration": "2"})
    run = AssignmentRun.objects.get()
    assert response["Location"] == reverse("review:assignment_run", args=[council.pk, run.pk])
    assert (run.state, run.done, run.total, run.assigned) == (RunState.DONE, 2, 2, 4)
    assert Assignment.objects.filter(member__council=council).count() == 4
    page = client.get(response["Location"]).content.decode()
    with translation.override("vi"):
        done = ngettext(
            "Done: %(sheets)s scoresheet made for the %(entries)s entries.",
            "Done: %(sheets)s scoresheets made for the %(entries)s entries.",
            4,
        ) % {"sheets": 4, "entries": 2}
    assert done in page
    assert 'http-equiv="refresh"' not in page


def test_a_second_assignment_waits_for_the_first(client, council, entry, tree):
    """While a run is queued the chair's "Assign" is refused with a message; a run silent
    for too long (its worker died) no longer blocks."""
    entry(tree.commune_b, name="Nuôi dê")
    stuck = AssignmentRun.objects.create(council=council)
    login(client, "chutich")
    response = client.post(reverse("review:assign", args=[council.pk]), {}, follow=True)
    said = vietnamese("An assignment of this council is already under way: wait for it to finish.")
    assert said in unescape(response.content.decode())
    assert AssignmentRun.objects.count() == 1
    assert not Assignment.objects.exists()
    AssignmentRun.objects.filter(pk=stuck.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.post(reverse("review:assign", args=[council.pk]), {})
    stuck.refresh_from_db()
    assert stuck.state == RunState.FAILED
    assert AssignmentRun.objects.filter(state=RunState.DONE).count() == 1
    assert Assignment.objects.filter(member__council=council).count() == 3


def test_a_run_its_dead_worker_left_running_finishes_when_taken_back(council, entry, tree):
    """The worker died in the middle: the run says "running" and nothing was made (the
    inserts are one transaction). Run again, as the next worker of that name does, it
    finishes, and running it once more makes nothing twice."""
    entry(tree.commune_b, name="Nuôi dê")
    run = AssignmentRun.objects.create(council=council, state=RunState.RUNNING)
    assert assignment_run(run_id=run.pk) == 3
    run.refresh_from_db()
    assert (run.state, run.assigned) == (RunState.DONE, 3)
    assert assignment_run(run_id=run.pk) == 0  # a finished run is left alone
    assert Assignment.objects.filter(member__council=council).count() == 3


def test_an_outsider_cannot_see_an_assignment(client, council, entry, tree, make_person):
    entry(tree.commune_b, name="Nuôi dê")
    run = assignment_start(actor=None, council=council, per_registration=None)
    login(client, make_person("xa_b", Role.OFFICER, tree.commune_b))
    response = client.get(reverse("review:assignment_run", args=[council.pk, run.pk]))
    assert response.status_code == 404
    assert council.name not in response.content.decode()


# The worker closes its database connection between tasks: outside a wrapping transaction.
@pytest.mark.django_db(transaction=True)
def test_with_a_worker_the_page_shows_the_wait_then_the_result(
    client, council, entry, tree, settings
):
    entry(tree.commune_b, name="Nuôi dê")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    login(client, "chutich")
    response = client.post(reverse("review:assign", args=[council.pk]), {})
    waiting = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in waiting
    assert vietnamese("This page refreshes itself.") in unescape(waiting)
    assert not Assignment.objects.exists()
    call_command("worker", batch=True)
    done = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert AssignmentRun.objects.get().state == RunState.DONE
    assert Assignment.objects.filter(member__council=council).count() == 3
