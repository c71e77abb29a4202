"""What the unit issues on its council's list (review/exports/honours.py): the decision, its
articles and annex, the certificates and the nomination; every outcome its own documents."""

import datetime
import random
import re
from dataclasses import dataclass, replace

import pytest
from django.urls import reverse
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents.reading import lines
from tests.helpers import COMPLETE, docx, login, score_all, unanimous
from thidua.documents.decision import Decision, Honour, render_decision_docx
from thidua.documents.formatting import clock, enumeration, money
from thidua.documents.official import Signature, roman
from thidua.initiatives.domain.registrations import (
    registration_create,
    registration_receive,
    registration_save,
    registration_submit,
)
from thidua.initiatives.enums import Kind
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind, UnitLevel
from thidua.plans.domain.plans import plan_create, plan_issue, plan_set_body
from thidua.review.domain.councils import (
    assign,
    council_create,
    council_set_state,
    member_add,
    registrations,
    required_votes,
)
from thidua.review.domain.decisions import decision_record, proposal_set
from thidua.review.domain.ranking import ranking
from thidua.review.exports import honours, meeting
from thidua.review.models import Council, CouncilState, MemberRole, Outcome


def test_council_documents_are_real_and_follow_the_format(client, council, entry, tree):
    honoured = entry(tree.commune_b, name="Mô hình nuôi dê")
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    score_all(council, "chutich", honoured, [18] * 5)
    score_all(council, "thuky", honoured, [17] * 5)
    login(client, "chutich")
    assert client.get(reverse("review:decision_docx", args=[council.pk])).status_code == 404
    client.post(reverse("review:council_closed", args=[council.pk]))
    minutes = docx(client.get(reverse("review:minutes_docx", args=[council.pk])))
    cells = [c.text for t in minutes.tables for r in t.rows for c in r.cells]
    assert "BIÊN BẢN" in [p.text for p in minutes.paragraphs]
    assert "Mô hình nuôi dê" in cells
    assert "87,5" in cells  # mean of 90 and 85, decimal comma
    council.refresh_from_db()
    proposal_set(actor=None, council=council, registration=honoured, outcome=Outcome.COMMENDED)
    unanimous(council, datetime.date(2022, 6, 15))
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    texts = [p.text for p in decision.paragraphs] + [
        c.text for t in decision.tables for r in t.rows for c in r.cells
    ]
    assert "QUYẾT ĐỊNH" in texts
    assert "Số 02-QĐ/HNDH" in "\n".join(texts)
    assert "Căn cứ Kế hoạch số 01-KH/HNDH ngày 08/3/2022" in "\n".join(texts)
    assert "Mô hình nuôi dê" in texts
    certificates = docx(client.get(reverse("review:certificates_docx", args=[council.pk])))
    section = certificates.sections[0]
    assert section.page_width > section.page_height
    assert "GIẤY KHEN" in [p.text for p in certificates.paragraphs]
    assert any("Mô hình nuôi dê" in p.text for p in certificates.paragraphs)


# --- each outcome its own article and document (issue #10, defect 5) ---------------------


def _decided(council, items, outcomes, *, present=3, decided_on=datetime.date(2022, 10, 25)):
    """Score every item (chair and secretary), close, propose `outcomes`, pass the vote."""
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for number, item in enumerate(items):
        score_all(council, "chutich", item, [19 - number] * 5)
        score_all(council, "thuky", item, [18 - number] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    for item, outcome in zip(items, outcomes, strict=True):
        proposal_set(actor=None, council=council, registration=item, outcome=outcome)
    decision_record(
        actor=None,
        council=council,
        present=present,
        votes_for=present,
        votes_against=0,
        decided_on=decided_on,
    )
    council.refresh_from_db()
    return council


def _articles(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.startswith("Điều ")]


def test_each_outcome_has_its_article_and_the_right_certificate(client, council, entry, tree):
    nominated = entry(tree.commune_b, name="Tổ hợp tác trồng mì")
    commended = entry(tree.commune_b, name="Sổ tay điện tử")
    recognised = entry(tree.commune_a, name="Ủ phân hữu cơ")
    declined = entry(tree.commune_b, name="Tủ sách khuyến nông")
    _decided(
        council,
        [nominated, commended, recognised, declined],
        [Outcome.NOMINATED, Outcome.COMMENDED, Outcome.RECOGNISED, Outcome.NONE],
    )
    login(client, "chutich")
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    articles = _articles(decision)
    assert [a[:8] for a in articles] == ["Điều 1. ", "Điều 2. ", "Điều 3. ", "Điều 4. "]
    assert articles[0].startswith("Điều 1. Công nhận 01 mô hình, sáng kiến, ý tưởng mới")
    assert articles[1].startswith("Điều 2. Khen thưởng 01 mô hình, sáng kiến, ý tưởng mới")
    assert articles[2].startswith(
        "Điều 3. Đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xét tặng Giải thưởng "
        "“Người Việt đoàn kết sáng tạo” cho 01 mô hình, sáng kiến, ý tưởng mới"
    )
    assert articles[3] == "Điều 4. Quyết định có hiệu lực kể từ ngày ký."
    body = [p.text for p in decision.paragraphs]
    # What the commendation gives, and who carries the decision out.
    assert any(
        t.startswith("Hình thức khen thưởng: tặng Giấy khen của Ban Thường vụ") for t in body
    )
    carried_out = body[body.index(articles[3]) + 1]
    assert "có tên tại Điều 1, Điều 2 và Điều 3 căn cứ Quyết định thi hành./." in carried_out
    assert "Như Điều 4;" in "\n".join(c.text for t in decision.tables for c in t._cells)
    # The annex: one part per honouring article, each listing its own registrations.
    parts = [t for t in decision.tables if t.rows[0].cells[0].text == "TT"]
    names = [[row.cells[1].text for row in part.rows[1:]] for part in parts]
    assert names == [["Ủ phân hữu cơ"], ["Sổ tay điện tử"], ["Tổ hợp tác trồng mì"]]
    assert "Tủ sách khuyến nông" not in "\n".join(
        body + [c.text for t in decision.tables for c in t._cells]
    )

    certificates = docx(client.get(reverse("review:certificates_docx", args=[council.pk])))
    titles = [p.text for p in certificates.paragraphs if p.text.startswith("GIẤY")]
    assert titles == ["GIẤY CHỨNG NHẬN", "GIẤY KHEN"]
    printed = "\n".join(p.text for p in certificates.paragraphs)
    assert "“Ủ phân hữu cơ”" in printed
    assert "“Sổ tay điện tử”" in printed
    assert "Tổ hợp tác trồng mì" not in printed  # a nomination is no district award
    assert "Tủ sách khuyến nông" not in printed

    # The nomination goes up in a submission of its own, listing only the nominated.
    url = reverse("review:decision_docx", args=[council.pk])
    submission = docx(client.get(url, {"part": "nomination"}))
    body = [p.text for p in submission.paragraphs]
    assert body[body.index("TỜ TRÌNH") + 1] == (
        "Về việc đề nghị xét tặng Giải thưởng “Người Việt đoàn kết sáng tạo”"
    )
    assert "Kính gửi: Ban Thường vụ Hội Nông dân tỉnh Phú Yên" in body
    (table,) = [t for t in submission.tables if t.rows[0].cells[0].text == "TT"]
    assert [row.cells[1].text for row in table.rows[1:]] == ["Tổ hợp tác trồng mì"]
    assert "DỰ THẢO" in submission.sections[0].first_page_header.paragraphs[0].text


def test_the_commendation_states_the_prize_money_the_council_records(client, council, entry, tree):
    council.commendation_amount = 500_000
    council.save()
    first = entry(tree.commune_b, name="Mô hình nuôi dê")
    second = entry(tree.commune_b, name="Mô hình nuôi bò")
    _decided(council, [first, second], [Outcome.COMMENDED, Outcome.COMMENDED])
    login(client, "chutich")
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    articles = _articles(decision)
    assert len(articles) == 2
    assert articles[0].startswith("Điều 1. Khen thưởng 02 mô hình, sáng kiến, ý tưởng mới")
    body = [p.text for p in decision.paragraphs]
    award = body[body.index(articles[0]) + 1]
    assert award == (
        "Hình thức khen thưởng: tặng Giấy khen của Ban Thường vụ Hội Nông dân huyện Sông Hinh, "
        "kèm theo tiền thưởng 500.000 đồng cho mỗi mô hình, sáng kiến, ý tưởng mới "
        "(tổng cộng 1.000.000 đồng)."
    )


# --- generated councils: every outcome gets the right documents --------------------------
#
# Each seed draws a council of the plan's unit at one of three levels (a district, a
# province, a commune of the 2025 organisation), of random size, blind or open, registrations
# of the units below it with random outcomes of every kind (or none proposed), sometimes a
# failed vote before the one that passes, sometimes the meeting's times and prize money.
# The documents are downloaded as the chair downloads them and read back.

LEVELS = ("district", "province", "commune_2025")
ARTICLE_OPENINGS = {
    Outcome.RECOGNISED: "Công nhận ",
    Outcome.COMMENDED: "Khen thưởng ",
    Outcome.NOMINATED: "Đề nghị ",
}
CERTIFICATE_TITLES = {Outcome.RECOGNISED: "GIẤY CHỨNG NHẬN", Outcome.COMMENDED: "GIẤY KHEN"}
PART_HEADING = re.compile(r"^([IVX]+)\. (.+) \(Điều (\d+)\)$")
COUNTED = re.compile(r"(\d+) mô hình, sáng kiến, ý tưởng mới")


def _registrants(level, tree):
    """(the unit whose plan it is, the units below it that register)."""
    if level == "district":
        return tree.district, [tree.commune_a, tree.commune_b, tree.branch_a, tree.branch_b]
    if level == "province":
        return tree.province, [tree.district, tree.commune_a, tree.commune_b, tree.other_commune]
    new_day = datetime.date(2025, 7, 1)
    province = unit_create(
        actor=None,
        parent=tree.central,
        name="Đắk Lắk",
        kind=UnitKind.PROVINCE,
        code="66",
        valid_from=new_day,
    )
    commune = unit_create(
        actor=None,
        parent=province,
        name="Ea Wy",
        kind=UnitKind.COMMUNE,
        code="24190",
        valid_from=new_day,
    )
    branches = [
        unit_create(actor=None, parent=commune, name=name, kind=UnitKind.BRANCH)
        for name in ("Thôn 1", "Buôn Ea Wy", "Thôn Tân Lập")
    ]
    return commune, branches


def _issued_plan(unit, year):
    plan = plan_create(
        actor=None,
        unit=unit,
        title=f"Kế hoạch thực hiện phong trào thi đua năm {year}",
        movement_name=f"{unit.name} đoàn kết sáng tạo",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        signer_name="Bá Minh Hiếu",
    )
    plan_set_body(actor=None, plan=plan, source="# NỘI DUNG\nThi đua sáng tạo.")
    return plan_issue(actor=None, plan=plan, issued_on=datetime.date(year, 3, 8))


def _received(plan, unit, name):
    registration = registration_create(actor=None, plan=plan, unit=unit, kind=Kind.MODEL, name=name)
    registration = registration_save(
        actor=None,
        registration=registration,
        version=registration.version,
        fields=COMPLETE,
        arguments={a.criterion_id: "Lập luận." for a in registration.arguments.all()},
    )
    registration = registration_submit(actor=None, registration=registration)
    return registration_receive(actor=None, registration=registration)


@dataclass
class Situation:
    council: Council
    chair: object
    outcomes: dict[int, str]  # registration id → outcome (NONE when none was proposed)
    times: tuple  # (started_at, ended_at), None when not given
    absent: list | None  # the members named absent at the vote; None: not named


def _situation(seed, level, tree, make_person, client) -> Situation:
    """A council drawn from `seed`, scored and closed, with its drafts checked, then decided."""
    rng = random.Random(seed)  # noqa: S311 (test data, repeatable by its seed)
    unit, below = _registrants(level, tree)
    year = 2025 if level == "commune_2025" else 2022
    plan = _issued_plan(unit, year)
    items = [
        _received(plan, rng.choice(below), f"Hồ sơ {seed}-{number} của {level}")
        for number in range(rng.randint(1, 7))
    ]
    council = council_create(
        actor=None, plan=plan, name="Hội đồng đánh giá", blind=rng.random() < 0.5
    )
    size = rng.randint(3, 7)
    roles = [MemberRole.CHAIR, MemberRole.SECRETARY, *[MemberRole.MEMBER] * (size - 2)]
    people = []
    for index, role in enumerate(roles):
        person = make_person(f"hd{seed}{index}", Role.COUNCIL, unit, full_name=f"Ủy viên {index}")
        member_add(actor=None, council=council, person=person, role=role)
        people.append(person)
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for item in items:
        for person in rng.sample(people, rng.randint(1, size)):
            score_all(council, person.username, item, [rng.randint(0, 20) for _ in range(5)])
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    outcomes = {}
    for item in items:
        outcome = rng.choice([*Outcome.values, None])  # None: nothing proposed
        if outcome is not None:
            proposal_set(actor=None, council=council, registration=item, outcome=outcome)
        outcomes[item.pk] = outcome or Outcome.NONE
    if rng.random() < 0.5:
        council.commendation_amount = rng.choice([100_000, 500_000, 1_500_000])
        council.save()
    client.force_login(people[0])
    _check_draft_minutes(client, council)

    required = required_votes(council, size)
    quorum = min(council.quorum or required, size)
    if required > 0 and rng.random() < 0.5:  # a failed vote first: logged, nothing decided
        present = rng.randint(quorum, size)
        against = rng.randint(0, present - min(present, required - 1))
        failed = decision_record(
            actor=None,
            council=council,
            present=present,
            votes_for=min(present - against, required - 1),
            votes_against=against,
            decided_on=datetime.date(year, 10, 1),
        )
        assert not failed.approved
        _check_draft_minutes(client, council)
    times = (None, None)
    if rng.random() < 0.7:
        start = datetime.time(rng.randint(7, 14), rng.choice([0, 15, 30, 45]))
        times = (start, datetime.time(start.hour + rng.randint(1, 3), rng.choice([0, 30])))
    present = rng.randint(max(quorum, required), size)
    votes_for = rng.randint(required, present)
    absent = None  # not named: the minutes then count only
    if present < size and rng.random() < 0.6:
        absent = rng.sample(list(council.members.all()), size - present)
    decision_record(
        actor=None,
        council=council,
        present=present,
        votes_for=votes_for,
        votes_against=rng.randint(0, present - votes_for),
        decided_on=datetime.date(year, 10, rng.randint(2, 30)),
        started_at=times[0],
        ended_at=times[1],
        absent=absent,
    )
    council = Council.objects.select_related("plan__unit__parent").get(pk=council.pk)
    return Situation(
        council=council, chair=people[0], outcomes=outcomes, times=times, absent=absent
    )


def _download(client, name, council, **query):
    return client.get(reverse(name, args=[council.pk]), query)


def _heading_lines(document) -> list[str]:
    """The issuer block as read: each paragraph with its line breaks read as spaces."""
    return [" ".join(p.text.split()) for p in document.tables[0].rows[0].cells[0].paragraphs]


def _marks(document) -> str:
    return "".join(
        p.text
        for s in document.sections
        for p in (*s.header.paragraphs, *s.first_page_header.paragraphs)
    )


def _check_draft_minutes(client, council):
    """Before the list is approved the minutes are a draft: marked, undated, vote blank."""
    minutes = docx(_download(client, "review:minutes_docx", council))
    assert "DỰ THẢO" in _marks(minutes)
    assert _heading_lines(minutes)[0] == council.plan.unit.full_name.upper()
    body = [p.text for p in minutes.paragraphs]
    assert any(t.startswith("Vào lúc …… giờ ……, ngày      tháng      năm") for t in body)
    if council.blind:  # no unit is named before the decision
        cells = {c.text for t in minutes.tables for c in t._cells}
        assert not any(r.unit.full_name in cells for r in registrations(council))


def _expected(situation) -> dict[str, list]:
    """The registrations of each outcome, in rank order."""
    council = situation.council
    rows = ranking(council, list(registrations(council)))
    found = {outcome: [] for outcome in Outcome.values}
    for row in rows:
        found[situation.outcomes[row.registration.pk]].append(row.registration)
    return found


@pytest.mark.parametrize("seed", range(12))
def test_generated_councils_issue_the_right_document_for_every_outcome(
    seed, client, tree, make_person
):
    level = LEVELS[seed % len(LEVELS)]
    situation = _situation(seed, level, tree, make_person, client)
    plan = situation.council.plan
    expected = _expected(situation)
    honoured = [r for outcome in honours.HONOURED for r in expected[outcome]]
    present = [outcome for outcome in honours.HONOURED if expected[outcome]]

    _check_minutes(client, situation, expected)
    _check_decision(client, situation, expected, present, honoured)
    _check_certificates(client, situation, expected)
    _check_nomination(client, situation, expected)
    assert (
        plan.unit.level
        == {
            "district": UnitLevel.DISTRICT,
            "province": UnitLevel.PROVINCE,
            "commune_2025": UnitLevel.COMMUNE,
        }[level]
    )


def _check_minutes(client, situation, expected):
    council, plan = situation.council, situation.council.plan
    minutes = docx(_download(client, "review:minutes_docx", council))
    assert "DỰ THẢO" not in _marks(minutes)
    heading = _heading_lines(minutes)
    assert heading[0] == plan.unit.full_name.upper()  # the council is its unit's
    assert heading[1] == council.name.upper()
    body = [p.text for p in minutes.paragraphs]
    day = council.decision.decided_on
    start, end = situation.times
    opening = f"Vào lúc {clock(start)}, ngày {day.day:02d} tháng"
    assert any(t.startswith(opening) for t in body), opening
    assert f"Biên bản kết thúc lúc {clock(end)} cùng ngày./." in body
    assert ("……" in clock(start)) == (start is None)  # dotted only when not known
    vote = council.decision
    count = f"1. Thành viên Hội đồng có mặt: {vote.present}/{vote.members} đồng chí"
    if vote.present == vote.members or situation.absent is not None:
        assert f"{count}, gồm:" in body
        away = body[body.index("I. THÀNH PHẦN") :]
        away = away[away.index(f"{count}, gồm:") :]
        named = [t for t in away[: away.index("II. NỘI DUNG")] if t.startswith("- Đồng chí")]
        assert len(named) == vote.members  # everyone, present or absent, once
        if situation.absent:
            heading = f"2. Vắng mặt: {len(situation.absent)} đồng chí, gồm:"
            listed = away[away.index(heading) + 1 : away.index("II. NỘI DUNG")]
            names = {f"- Đồng chí {m.person.get_full_name()} - " for m in situation.absent}
            assert {line[: line.rindex(" - ") + 3] for line in listed} == names
        else:
            assert "2. Vắng mặt: không." in body
    else:  # who came is not known: the count, the council, no name called absent
        assert f"{count}; thành phần Hội đồng gồm:" in body
        assert f"2. Vắng mặt: {vote.members - vote.present} đồng chí." in body
    for outcome, words in meeting.OUTCOME_WORDS.items():
        listed = [r for r in expected[outcome] if r.pk in _scored(council)]
        group = f"- {words}: {len(listed):02d} mô hình, sáng kiến, ý tưởng mới, gồm:"
        assert (group in body) == bool(words and listed)


def _scored(council) -> set[int]:
    rows = ranking(council, list(registrations(council)))
    return {row.registration.pk for row in rows if row.score is not None}


def _check_decision(client, situation, expected, present, honoured):
    council, plan = situation.council, situation.council.plan
    response = _download(client, "review:decision_docx", council)
    if not honoured:
        assert response.status_code == 404  # nothing to decide
        return
    decision = docx(response)
    heading = _heading_lines(decision)
    assert heading[:2] == [plan.superior_line, plan.issuer_line]  # the plan's unit issues it
    body = [p.text for p in decision.paragraphs]
    cells = [c.text for t in decision.tables for c in t._cells]
    assert plan.signer_name in "\n".join(cells)

    articles = [p for p in decision.paragraphs if p.runs and p.runs[0].text.startswith("Điều ")]
    labels = [p.runs[0].text for p in articles]
    assert labels == [f"Điều {n}." for n in range(1, len(labels) + 1)]  # contiguous
    texts = [p.text.removeprefix(f"{label} ") for p, label in zip(articles, labels, strict=True)]
    # One article per outcome present, in order, then the one that puts it into effect.
    assert len(texts) == len(present) + 1
    for text, outcome in zip(texts, present, strict=False):
        assert text.startswith(ARTICLE_OPENINGS[outcome]), (text, outcome)
    assert texts[-1] == "Quyết định có hiệu lực kể từ ngày ký."
    carried_out = body[body.index(articles[-1].text) + 1]
    named = enumeration([f"Điều {n}" for n in range(1, len(present) + 1)])
    assert f"có tên tại {named} căn cứ Quyết định thi hành./." in carried_out
    assert f"Như Điều {len(texts)};" in "\n".join(cells)

    counts = [int(COUNTED.search(text).group(1)) for text in texts[:-1]]
    assert counts == [len(expected[outcome]) for outcome in present]
    assert sum(counts) == len(honoured)

    parts = [PART_HEADING.match(t) for t in body if PART_HEADING.match(t)]
    assert [m.group(1) for m in parts] == [roman(n) for n in range(1, len(present) + 1)]
    assert [int(m.group(3)) for m in parts] == list(range(1, len(present) + 1))
    tables = [t for t in decision.tables if t.rows[0].cells[0].text == "TT"]
    assert len(tables) == len(present)
    for number, (outcome, table, text) in enumerate(zip(present, tables, texts, strict=False), 1):
        assert f"mục {roman(number)})" in text  # the article points at its own part
        rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
        assert [(row[1], row[2]) for row in rows] == [
            (r.name, r.unit.full_name) for r in expected[outcome]
        ]
        assert [row[0] for row in rows] == [str(i) for i in range(1, len(rows) + 1)]
        assert {row[6] for row in rows} == {honours.GIVEN[outcome]}
        if outcome == Outcome.COMMENDED:
            award = body[body.index(articles[number - 1].text) + 1]
            assert award.startswith("Hình thức khen thưởng: tặng Giấy khen của Ban Thường vụ")
            amount = council.commendation_amount
            assert (amount is not None) == ("tiền thưởng" in award)
            if amount:
                assert money(amount) in award
                assert f"tổng cộng {money(amount * len(rows))}" in award
        if outcome == Outcome.NOMINATED:
            assert f"Ban Thường vụ {plan.unit.parent.full_name}" in text
    assert f"Danh sách có {len(honoured):02d} mô hình, sáng kiến, ý tưởng mới./." in body
    for registration in expected[Outcome.NONE]:
        assert registration.name not in "\n".join(body + cells)


def _check_certificates(client, situation, expected):
    council, plan = situation.council, situation.council.plan
    wanted = [
        (CERTIFICATE_TITLES[outcome], registration)
        for outcome in (Outcome.RECOGNISED, Outcome.COMMENDED)
        for registration in expected[outcome]
    ]
    response = _download(client, "review:certificates_docx", council)
    if not wanted:
        assert response.status_code == 404  # a nomination is no certificate
    else:
        printed = _certificates(docx(response), plan)
        assert printed == [
            (title, registration.unit.full_name, f"“{registration.name}”")
            for title, registration in wanted
        ]
    for outcome, kind in honours.CERTIFICATE_KINDS.items():
        response = _download(client, "review:certificates_docx", council, kind=kind)
        if not expected[outcome]:
            assert response.status_code == 404
            continue
        printed = _certificates(docx(response), plan)
        assert [entry for _title, _unit, entry in printed] == [
            f"“{r.name}”" for r in expected[outcome]
        ]
        assert {title for title, _unit, _entry in printed} == {CERTIFICATE_TITLES[outcome]}
    assert (
        _download(client, "review:certificates_docx", council, kind="nomination").status_code == 404
    )


def _certificates(document, plan) -> list[tuple[str, str, str]]:
    """(title, recipient, entry) of each certificate, with its heading and register checked."""
    body = [p.text for p in document.paragraphs]
    found = []
    registers = {}
    for index, text in enumerate(body):
        if text in CERTIFICATE_TITLES.values():
            found.append((text, body[index + 2], body[index + 4]))
    for table in document.tables[::2]:  # each certificate: its heading, then its register
        assert [" ".join(t.split()) for t in lines(table.cell(0, 0))] == [
            plan.superior_line,
            plan.unit.full_name.upper(),
            "*",
        ]
    for table in document.tables[1::2]:
        number, symbol = lines(table.cell(0, 0))[0].removeprefix("Số ").split("/")
        registers.setdefault(symbol, []).append(int(number))
        assert plan.signer_name in lines(table.cell(0, 1))
    for numbers in registers.values():
        assert numbers == list(range(1, len(numbers) + 1))  # each kind its own register
    assert len(document.sections) == len(found)
    return found


def test_nothing_honoured_means_no_decision_and_a_nomination_alone_no_certificate(
    client, council, entry, tree
):
    declined = entry(tree.commune_b, name="Tủ sách khuyến nông")
    _decided(council, [declined], [Outcome.NONE])
    login(client, "chutich")
    assert client.get(reverse("review:decision_docx", args=[council.pk])).status_code == 404
    assert client.get(reverse("review:certificates_docx", args=[council.pk])).status_code == 404
    page = client.get(reverse("review:decision", args=[council.pk])).content.decode()
    assert reverse("review:decision_docx", args=[council.pk]) not in page


def test_a_nomination_alone_is_an_article_proposing_it_upwards_and_no_certificate(
    client, council, entry, tree
):
    nominated = entry(tree.commune_b, name="Tổ hợp tác trồng mì")
    _decided(council, [nominated], [Outcome.NOMINATED])
    login(client, "chutich")
    decision = docx(client.get(reverse("review:decision_docx", args=[council.pk])))
    assert _articles(decision) == [
        "Điều 1. Đề nghị Ban Thường vụ Hội Nông dân tỉnh Phú Yên xét tặng Giải thưởng “Người "
        "Việt đoàn kết sáng tạo” cho 01 mô hình, sáng kiến, ý tưởng mới (có danh sách kèm "
        "theo, mục I).",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    ]
    body = [p.text for p in decision.paragraphs]
    assert (
        "Về việc đề nghị xét tặng Giải thưởng “Người Việt đoàn kết sáng tạo” cho mô hình, "
        "sáng kiến, ý tưởng mới"
    ) in body
    assert (
        "I. Mô hình, sáng kiến, ý tưởng mới đề nghị xét tặng Giải thưởng “Người Việt đoàn "
        "kết sáng tạo” (Điều 1)"
    ) in body
    assert client.get(reverse("review:certificates_docx", args=[council.pk])).status_code == 404


BY = honours.Acting(
    superior_line="HỘI NÔNG DÂN TỈNH PHÚ YÊN",
    issuer_line="BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH",
    unit="Hội Nông dân huyện Sông Hinh",
    body="Ban Thường vụ Hội Nông dân huyện Sông Hinh",
    superior_unit="Hội Nông dân tỉnh Phú Yên",
    movement="phong trào thi đua “Sông Hinh đoàn kết sáng tạo”",
)


@settings(max_examples=40, deadline=None)
@given(
    counts=st.tuples(*[st.integers(min_value=0, max_value=4)] * 3),
    amount=st.one_of(st.none(), st.integers(min_value=1, max_value=50_000_000)),
    top=st.booleans(),
)
def test_generated_outcomes_make_contiguous_articles_that_list_exactly_their_entries(
    counts, amount, top, tmp_path_factory
):
    by = replace(BY, commendation_amount=amount, superior_unit="" if top else BY.superior_unit)
    listed = {
        outcome: [
            Honour(name=f"{outcome} số {i}", unit="Xã Ea Bá", outcome=honours.GIVEN[outcome])
            for i in range(count)
        ]
        for outcome, count in zip(honours.HONOURED, counts, strict=True)
        if count
    }
    articles = honours.decision_articles(by, listed)
    present = [o for o in honours.HONOURED if o in listed]
    assert len(articles) == len(present) + 1
    for number, (article, outcome) in enumerate(zip(articles, present, strict=False), start=1):
        assert article.honours == listed[outcome]  # exactly its outcome's entries
        assert article.text.startswith(ARTICLE_OPENINGS[outcome])
        assert int(COUNTED.search(article.text).group(1)) == len(listed[outcome])
        assert f"mục {roman(number)})" in article.text
        if outcome == Outcome.COMMENDED:
            assert ("tiền thưởng" in article.text) == (amount is not None)
        if outcome == Outcome.NOMINATED:
            upward = "cấp có thẩm quyền" if top else "Ban Thường vụ Hội Nông dân tỉnh Phú Yên"
            assert f"Đề nghị {upward} xét tặng" in article.text
    effect = articles[-1]
    assert not effect.honours
    assert effect.text.startswith("Quyết định có hiệu lực kể từ ngày ký.\n")
    total = sum(int(COUNTED.search(a.text).group(1)) for a in articles[:-1])
    assert total == sum(counts)
    if not listed:
        return
    made = Decision(
        superior=by.superior_line,
        issuer=by.issuer_line,
        number="Số 02-QĐ/HNDH",
        place="Sông Hinh",
        date=datetime.date(2022, 10, 25),
        authority=by.body.upper(),
        articles=articles,
        signature=Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu"),
        issued_by=by.body,
    )
    path = tmp_path_factory.mktemp("decision") / "decision.docx"
    path.write_bytes(render_decision_docx(made))
    document = Document(str(path))
    labels = [
        p.runs[0].text for p in document.paragraphs if p.runs and p.runs[0].text.startswith("Điều ")
    ]
    assert labels == [f"Điều {n}." for n in range(1, len(articles) + 1)]
    headings = [
        PART_HEADING.match(p.text) for p in document.paragraphs if PART_HEADING.match(p.text)
    ]
    assert [(m.group(1), int(m.group(3))) for m in headings] == [
        (roman(n), n) for n in range(1, len(present) + 1)
    ]
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "TT"]
    assert [[row.cells[1].text for row in t.rows[1:]] for t in tables] == [
        [h.name for h in listed[o]] for o in present
    ]


def _check_nomination(client, situation, expected):
    council, plan = situation.council, situation.council.plan
    response = _download(client, "review:decision_docx", council, part="nomination")
    if not expected[Outcome.NOMINATED]:
        assert response.status_code == 404
        return
    submission = docx(response)
    assert _heading_lines(submission)[:2] == [plan.superior_line, plan.issuer_line]
    assert "DỰ THẢO" in _marks(submission)  # to be numbered, dated and signed
    body = [p.text for p in submission.paragraphs]
    assert f"Kính gửi: Ban Thường vụ {plan.unit.parent.full_name}" in body
    (table,) = [t for t in submission.tables if t.rows[0].cells[0].text == "TT"]
    assert [(row.cells[1].text, row.cells[2].text) for row in table.rows[1:]] == [
        (r.name, r.unit.full_name) for r in expected[Outcome.NOMINATED]
    ]
    count = f"{len(expected[Outcome.NOMINATED]):02d} mô hình, sáng kiến, ý tưởng mới sau:"
    assert any(t.endswith(count) for t in body)
