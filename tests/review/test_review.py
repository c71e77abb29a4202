"""Councils: conflicts, scoring rules, aggregation and tie-break, the 2/3 vote, blind mode."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import PASSWORD
from thidua.org.models import Role
from thidua.review.domain.councils import assign, council_set_status, required_votes
from thidua.review.domain.decisions import decision_record, proposal_set
from thidua.review.domain.ranking import ranking
from thidua.review.domain.scoring import scores_save
from thidua.review.models import Assignment, CouncilStatus, Outcome

D = Decimal


def seat(council, username):
    return council.members.get(person__username=username)


def score_all(council, username, registration, points, submit=True):
    assignment = Assignment.objects.get(member=seat(council, username), registration=registration)
    criteria = list(council.plan.criteria.all())
    return scores_save(
        actor=None,
        assignment=assignment,
        scores={c.pk: (D(p), "") for c, p in zip(criteria, points, strict=True)},
        submit=submit,
    )


def test_member_from_the_entrys_commune_is_never_assigned(council, entry, tree):
    own = entry(tree.commune_a, name="Của xã A")
    other = entry(tree.commune_b, name="Của xã B")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    member = seat(council, "thanhvien")
    assert not Assignment.objects.filter(member=member, registration=own).exists()
    assert Assignment.objects.filter(member=member, registration=other).exists()
    assert Assignment.objects.filter(registration=own).count() == 2


def test_author_never_judges_own_work(council, entry, tree):
    work = entry(tree.commune_b, name="Máy tách hạt")
    work.implementers.create(name="Chủ Tịch", position_unit="", role="Chế tạo")
    assign(actor=None, council=council)
    assert not Assignment.objects.filter(
        member=seat(council, "chutich"), registration=work
    ).exists()


def test_a_conflicted_member_cannot_score_even_by_url(client, council, entry, tree):
    own = entry(tree.commune_a)
    other = entry(tree.commune_b, name="Khác")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    foreign = Assignment.objects.filter(registration=own).first()  # someone else's sheet
    client.login(username="thanhvien", password=PASSWORD)
    url = reverse("review:score", args=[council.pk, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": 1}).status_code == 404
    assert Assignment.objects.filter(member=seat(council, "thanhvien"), registration=other).exists()


def test_balanced_assignment_gives_each_entry_n_members_evenly(council, entry, tree):
    for number in range(4):
        entry(tree.commune_b, name=f"Mục {number}")
    assign(actor=None, council=council, per_entry=2)
    per_entry = {}
    per_member = {}
    for member_id, registration_id in Assignment.objects.values_list(
        "member_id", "registration_id"
    ):
        per_entry[registration_id] = per_entry.get(registration_id, 0) + 1
        per_member[member_id] = per_member.get(member_id, 0) + 1
    assert set(per_entry.values()) == {2}
    assert max(per_member.values()) - min(per_member.values()) <= 1


def test_scores_outside_the_range_are_refused_and_nothing_saved(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    with pytest.raises(ValidationError) as error:
        score_all(council, "chutich", item, [21, 10, 10, 10, 10])
    assert "từ 0 đến 20" in " ".join(error.value.messages)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    assert assignment.state == "open"
    assert not assignment.scores.exists()


def test_submitting_needs_every_criterion(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    criterion = council.plan.criteria.first()
    with pytest.raises(ValidationError):
        scores_save(
            actor=None, assignment=assignment, scores={criterion.pk: (D(10), "")}, submit=True
        )
    draft = scores_save(
        actor=None, assignment=assignment, scores={criterion.pk: (D(10), "")}, submit=False
    )
    assert draft.state == "draft"


def test_scoring_after_closing_is_refused(council, entry, tree):
    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    council_set_status(actor=None, council=council, status=CouncilStatus.CLOSED)
    with pytest.raises(ValidationError):
        score_all(council, "chutich", item, [10] * 5)


def test_aggregation_and_tie_break_on_a_hand_computed_example(council, entry, tree):
    """Totals: A = 80 and 70 → mean 75; B = 60, 90 → mean 75 (a tie, broken by tính mới:
    A's novelty mean 16 > B's 14); C = 50, 54 → 52. Spread B = 30 > 20: disputed."""
    a = entry(tree.commune_b, name="A")
    b = entry(tree.commune_b, name="B")
    c = entry(tree.commune_b, name="C")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", a, [16, 16, 16, 16, 16])  # 80
    score_all(council, "thuky", a, [16, 14, 14, 13, 13])  # 70
    score_all(council, "chutich", b, [10, 10, 10, 15, 15])  # 60
    score_all(council, "thuky", b, [18, 18, 18, 18, 18])  # 90
    score_all(council, "chutich", c, [10, 10, 10, 10, 10])  # 50
    score_all(council, "thuky", c, [10, 11, 11, 11, 11])  # 54
    rows = ranking(council, [a, b, c])
    assert [(r.registration.name, r.score, r.rank) for r in rows] == [
        ("A", D("75.00"), 1),
        ("B", D("75.00"), 2),
        ("C", D("52.00"), 3),
    ]
    assert rows[1].disputed
    assert not rows[0].disputed
    assert [r.grade for r in rows] == ["Khá", "Khá", "Đạt"]
    council.aggregate = "median"
    council.save()
    assert ranking(council, [c])[0].score == D("52.00")


def test_two_thirds_rule(council, entry, tree):
    assert required_votes(council, 3) == 2
    assert required_votes(council, 5) == 4
    assert required_votes(council, 9) == 6
    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    council_set_status(actor=None, council=council, status=CouncilStatus.CLOSED)
    proposal_set(
        actor=None, council=council, registration=item, outcome=Outcome.COMMENDED, reason="Điểm cao"
    )
    failed = decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=1,
        votes_against=2,
        decided_on=datetime.date(2022, 6, 1),
    )
    assert not failed.approved
    council.refresh_from_db()
    assert council.status == CouncilStatus.CLOSED
    passed = decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=2,
        votes_against=1,
        decided_on=datetime.date(2022, 6, 1),
    )
    assert passed.approved
    assert passed.required == 2
    assert passed.number == 2
    council.refresh_from_db()
    assert council.status == CouncilStatus.DECIDED
    history = item.transitions.order_by("-id").first()
    assert "khen thưởng" in history.reason
    assert "Điểm cao" in history.reason


def test_quorum_is_enforced(council, tree):
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    council_set_status(actor=None, council=council, status=CouncilStatus.CLOSED)
    with pytest.raises(ValidationError):
        decision_record(
            actor=None,
            council=council,
            present=1,
            votes_for=1,
            votes_against=0,
            decided_on=datetime.date(2022, 6, 1),
        )


def test_blind_mode_hides_units_and_people_from_scorers(client, council, entry, tree):
    item = entry(tree.commune_b, name="Ý tưởng bí mật")
    council.blind = True
    council.save()
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    client.login(username="chutich", password=PASSWORD)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    pages = [
        client.get(reverse("review:queue", args=[council.pk])).content.decode(),
        client.get(reverse("review:score", args=[council.pk, assignment.pk])).content.decode(),
        client.get(reverse("review:ranking", args=[council.pk])).content.decode(),
    ]
    for page in pages:
        assert "Ý tưởng bí mật" in page
        assert "Ea Ly" not in page.split("<main")[1]
        assert "Y Thuê Niê" not in page


def test_queue_and_ranking_query_counts_do_not_grow_with_entries(client, council, entry, tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    client.login(username="chutich", password=PASSWORD)
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
        for name in ("review:queue", "review:ranking"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(name, args=[council.pk])).status_code == 200
            measured.append(len(queries))
        counts.append(measured)
    assert counts[0] == counts[1], counts


def test_only_people_with_the_council_role_sit_on_it(council, make_person, tree):
    from thidua.org.models import Role
    from thidua.review.domain.councils import member_add

    outsider = make_person("ngoai", Role.OFFICER, tree.district)
    with pytest.raises(ValidationError):
        member_add(actor=None, council=council, person=outsider, role="member")


def test_outsiders_cannot_open_the_council(client, council, make_person, tree):
    from thidua.org.models import Role

    make_person("xa_b", Role.OFFICER, tree.commune_b)
    client.login(username="xa_b", password=PASSWORD)
    assert client.get(reverse("review:council_detail", args=[council.pk])).status_code == 404
    assert client.get(reverse("review:ranking", args=[council.pk])).status_code == 404


def test_blind_score_table_export_hides_units_until_decided(client, council, entry, tree):
    import io

    from openpyxl import load_workbook

    item = entry(tree.commune_b, name="Ý tưởng kín")
    council.blind = True
    council.save()
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [15] * 5)
    client.login(username="chutich", password=PASSWORD)
    content = client.get(reverse("review:scores_xlsx", args=[council.pk])).content
    values = [c.value for row in load_workbook(io.BytesIO(content)).active.iter_rows() for c in row]
    assert "Ý tưởng kín" in values
    from thidua.review.domain.councils import entry_numbers

    assert f"Hồ sơ số {entry_numbers(council)[item.pk]}" in values
    assert not any(isinstance(v, str) and "Ea Ly" in v for v in values)
    assert Decimal("75") in [Decimal(str(v)) for v in values if isinstance(v, int | float)]


def test_chair_proposes_and_records_the_vote_through_the_pages(client, council, entry, tree):
    item = entry(tree.commune_b, name="Đề xuất khen")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [18] * 5)
    client.login(username="chutich", password=PASSWORD)
    client.post(reverse("review:status_closed", args=[council.pk]))
    url = reverse("review:decision", args=[council.pk])
    client.post(url, {f"outcome_{item.pk}": "commended", f"reason_{item.pk}": "Hiệu quả cao"})
    assert council.proposals.get().outcome == "commended"
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
    assert council.status == CouncilStatus.DECIDED


def test_rubric_is_data_weights_bands_and_classes(
    client, council, entry, tree, open_plan, make_person
):
    from thidua.org.models import Role

    make_person("quantri", Role.ADMIN, tree.district)
    client.login(username="quantri", password=PASSWORD)
    criteria = list(open_plan.criteria.all())
    data = {"grades": "Xuất sắc: 95\nĐạt: 40\nKhông đạt: 0"}
    for c in criteria:
        data[f"weight_{c.pk}"] = "2" if c.position == 1 else "1"
        data[f"bands_{c.pk}"] = "18-20: hoàn toàn mới\n0-17: cải tiến" if c.position == 1 else ""
    bad = {**data, f"bands_{criteria[0].pk}": "25-30: quá điểm tối đa"}
    response = client.post(reverse("review:rubric", args=[open_plan.pk]), bad)
    assert "Dòng 1" in response.content.decode()
    assert not criteria[0].bands.exists()
    client.post(reverse("review:rubric", args=[open_plan.pk]), data)
    assert [str(b) for b in criteria[0].bands.all()] == ["18–20: hoàn toàn mới", "0–17: cải tiến"]
    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [20, 10, 10, 10, 10])
    row = ranking(council, [item])[0]
    assert row.score == D("80.00")  # 20 × 2 + 40
    assert row.grade == "Đạt"
    locked = client.post(reverse("review:rubric", args=[open_plan.pk]), data)
    assert "không thể thay đổi" in locked.content.decode()


def test_council_documents_are_real_and_follow_the_format(client, council, entry, tree):
    import io

    from docx import Document

    honoured = entry(tree.commune_b, name="Mô hình nuôi dê")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", honoured, [18] * 5)
    score_all(council, "thuky", honoured, [17] * 5)
    client.login(username="chutich", password=PASSWORD)
    assert client.get(reverse("review:decision_docx", args=[council.pk])).status_code == 404
    client.post(reverse("review:status_closed", args=[council.pk]))
    minutes = Document(
        io.BytesIO(client.get(reverse("review:minutes_docx", args=[council.pk])).content)
    )
    cells = [c.text for t in minutes.tables for r in t.rows for c in r.cells]
    assert "BIÊN BẢN" in [p.text for p in minutes.paragraphs]
    assert "Mô hình nuôi dê" in cells
    assert "87,5" in cells  # mean of 90 and 85, decimal comma
    council.refresh_from_db()
    proposal_set(actor=None, council=council, registration=honoured, outcome=Outcome.COMMENDED)
    decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=datetime.date(2022, 6, 15),
    )
    decision = Document(
        io.BytesIO(client.get(reverse("review:decision_docx", args=[council.pk])).content)
    )
    texts = [p.text for p in decision.paragraphs] + [
        c.text for t in decision.tables for r in t.rows for c in r.cells
    ]
    assert "QUYẾT ĐỊNH" in texts
    assert "Số 02-QĐ/HNDH" in "\n".join(texts)
    assert "Căn cứ Kế hoạch số 01-KH/HNDH ngày 08/3/2022" in "\n".join(texts)
    assert "Mô hình nuôi dê" in texts
    certificates = Document(
        io.BytesIO(client.get(reverse("review:certificates_docx", args=[council.pk])).content)
    )
    section = certificates.sections[0]
    assert section.page_width > section.page_height
    assert "GIẤY KHEN" in [p.text for p in certificates.paragraphs]
    assert any("Mô hình nuôi dê" in p.text for p in certificates.paragraphs)


def test_a_blind_scorer_cannot_read_the_registration_itself(client, council, entry, tree):
    item = entry(tree.commune_b, name="Kín")
    council.blind = True
    council.save()
    client.login(username="chutich", password=PASSWORD)
    assert client.get(reverse("initiatives:registration_detail", args=[item.pk])).status_code == 404
    listing = client.get(reverse("initiatives:registration_list", args=[item.plan_id]))
    assert "Kín" not in listing.content.decode()


def test_excluding_a_member_removes_the_scores_already_given(council, entry, tree):
    from thidua.review.domain.councils import exclusion_add

    item = entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", item, [20] * 5)
    score_all(council, "thuky", item, [10] * 5)
    exclusion_add(actor=None, member=seat(council, "chutich"), registration=item, reason="Tác giả")
    assert ranking(council, [item])[0].totals == [D("50.00")]


def test_adding_a_member_twice_is_refused_with_a_message(council):
    from thidua.review.domain.councils import member_add

    with pytest.raises(ValidationError):
        member_add(actor=None, council=council, person=seat(council, "thuky").person, role="member")


def test_csv_assignment_by_hand_refuses_conflicts_and_assigns_nothing_then(council, entry, tree):
    from thidua.review.domain.councils import assign_from_csv

    own = entry(tree.commune_a, name="Của xã A")
    other = entry(tree.commune_b, name="Của xã B")
    errors = assign_from_csv(
        actor=None, council=council, content=f"{other.pk},thanhvien\n{own.pk},thanhvien\n".encode()
    )
    assert errors == ["Dòng 2: thành viên này không được chấm hồ sơ này."]
    assert not Assignment.objects.exists()
    assert (
        assign_from_csv(actor=None, council=council, content=f"{other.pk},THANHVIEN\n".encode())
        == []
    )
    assert Assignment.objects.get().member == seat(council, "thanhvien")


def test_submit_and_next_goes_to_the_least_scored_entry(client, council, entry, tree):
    first = entry(tree.commune_b, name="Đã có người chấm")
    second = entry(tree.commune_b, name="Chưa ai chấm")
    third = entry(tree.commune_b, name="Đang chấm")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "thuky", first, [10] * 5)
    client.login(username="chutich", password=PASSWORD)
    current = Assignment.objects.get(member=seat(council, "chutich"), registration=third)
    data = {"version": current.version, "next": "1"}
    for criterion in council.plan.criteria.all():
        data[f"points_{criterion.pk}"] = "15"
    response = client.post(reverse("review:score", args=[council.pk, current.pk]), data)
    following = Assignment.objects.get(member=seat(council, "chutich"), registration=second)
    assert response["Location"] == reverse("review:score", args=[council.pk, following.pk])


def test_others_scores_stay_hidden_until_ones_own_are_submitted(client, council, entry, tree):
    item = entry(tree.commune_b, name="Mục chấm chung")
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    score_all(council, "thuky", item, [19] * 5)  # 95
    client.login(username="chutich", password=PASSWORD)
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


def test_the_chair_reminds_a_member_who_has_not_finished(client, council, entry, tree):
    entry(tree.commune_b)
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    client.login(username="chutich", password=PASSWORD)
    member = seat(council, "thuky")
    client.post(reverse("review:remind", args=[council.pk, member.pk]))
    notice = member.person.notifications.get()
    assert "Hội đồng đánh giá" in notice.message
    assert notice.url == reverse("review:queue", args=[council.pk])


def test_units_get_anonymised_comments_when_the_council_shares_them(
    council, entry, tree, make_person
):
    officer = make_person("xa_b", Role.OFFICER, tree.commune_b)
    item = entry(tree.commune_b)
    council.share_comments = True
    council.save()
    council_set_status(actor=None, council=council, status=CouncilStatus.SCORING)
    assign(actor=None, council=council)
    assignment = Assignment.objects.get(member=seat(council, "chutich"), registration=item)
    criteria = list(council.plan.criteria.all())
    scores_save(
        actor=None,
        assignment=assignment,
        submit=True,
        scores={c.pk: (D(15), "Cần thêm số liệu" if c.position == 1 else "") for c in criteria},
    )
    council_set_status(actor=None, council=council, status=CouncilStatus.CLOSED)
    proposal_set(actor=None, council=council, registration=item, outcome=Outcome.RECOGNISED)
    decision_record(
        actor=None,
        council=council,
        present=3,
        votes_for=3,
        votes_against=0,
        decided_on=datetime.date(2022, 6, 1),
    )
    message = officer.notifications.get(message__startswith="Hội đồng").message
    assert "Cần thêm số liệu" in message
    assert "Chủ Tịch" not in message
