"""The registration list (initiatives/views/lists.py): pages of 50 with the total, every filter
together (the text box with or without diacritics), the downloads of what it shows."""

import csv
import datetime
import io
import random
import unicodedata

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.helpers import (
    completed,
    login,
    score_all,
    unanimous,
    workbook,
)
from thidua.core import text
from thidua.initiatives.domain.registrations import registration_create, registration_submit
from thidua.initiatives.models import Registration, RegistrationState
from thidua.org import access
from thidua.plans.domain.plans import plan_issue, plan_update
from thidua.plans.models import Campaign
from thidua.review.domain.councils import assign, council_set_state
from thidua.review.domain.decisions import proposal_set
from thidua.review.models import Assignment, CouncilState, Outcome


def test_the_list_shows_every_registration_by_pages_with_the_total_and_filters(
    client, cast, open_plan, tree
):
    """Nothing is hidden: 53 registrations read 50 on the first page and 3 on the second, the
    total said on both; filters by kind, unit and state keep to the pages' links."""
    for number in range(51):
        registration_create(
            actor=None, plan=open_plan, unit=tree.commune_a, kind="model", name=f"Mô hình {number}"
        )
    for number in range(2):
        registration_create(
            actor=None, plan=open_plan, unit=tree.commune_b, kind="idea", name=f"Ý tưởng {number}"
        )
    login(client, cast["district"])
    url = reverse("initiatives:registration_list", args=[open_plan.pk])

    def titles(**query):
        page = lxml.html.fromstring(client.get(url, query).content)
        return page, [a.text_content().strip() for a in page.find_class("card__title")]

    first, names = titles()
    assert len(names) == 50
    assert "53" in first.find_class("count")[0].text_content()
    assert len(titles(page=2)[1]) == 3
    assert titles(kind="idea")[1] == ["Ý tưởng 0", "Ý tưởng 1"]
    assert len(titles(unit=tree.commune_b.pk)[1]) == 2
    models, _names = titles(kind="model")
    # The next page's link keeps the filter.
    assert models.find_class("pagination")[0].xpath(".//a/@href") == ["?kind=model&page=2"]
    assert titles(state="submitted")[1] == []


def _decided(council, entries, outcome):
    """``council`` scores ``entries``, closes, proposes ``outcome`` for each and votes it."""
    council_set_state(actor=None, council=council, state=CouncilState.SCORING)
    assign(actor=None, council=council)
    for assignment in Assignment.objects.filter(member__council=council):
        score_all(council, assignment.member.person.username, assignment.registration, [18] * 5)
    council_set_state(actor=None, council=council, state=CouncilState.CLOSED)
    for registration in entries:
        proposal_set(actor=None, council=council, registration=registration, outcome=outcome)
    unanimous(council)


def test_the_list_filters_by_campaign_outcome_and_year_and_downloads_what_it_shows(
    client, cast, open_plan, tree, entry, council
):
    """The filters the district narrows a plan's list with, each kept in the downloads: the
    XLSX and the CSV (UTF-8 with its BOM, for Excel) hold exactly the filtered rows."""
    campaign = Campaign.objects.create(plan=open_plan, position=1, name="Nông thôn mới")
    linked = entry(tree.commune_a, name="Mô hình nuôi dê")
    linked.campaigns.add(campaign)
    honoured = entry(tree.commune_b, name="Mô hình trồng sắn cao sản")
    registration_create(actor=None, plan=open_plan, unit=tree.commune_a, kind="idea", name="Nháp")
    _decided(council, [honoured], Outcome.COMMENDED)
    login(client, cast["district"])
    url = reverse("initiatives:registration_list", args=[open_plan.pk])

    def names(**query):
        page = lxml.html.fromstring(client.get(url, query).content)
        return sorted(a.text_content().strip() for a in page.find_class("card__title"))

    assert names(campaign=campaign.pk) == ["Mô hình nuôi dê"]
    assert names(outcome=Outcome.COMMENDED) == ["Mô hình trồng sắn cao sản"]
    assert names(outcome="undecided") == ["Mô hình nuôi dê", "Nháp"]
    assert names(outcome=Outcome.NOMINATED) == []
    # One year's plan offers no year to choose; a bad value narrows nothing and breaks nothing.
    assert 'name="year"' not in client.get(url).content.decode()
    assert len(names(campaign="x")) == 3

    page = lxml.html.fromstring(client.get(url, {"kind": "model"}).content)
    links = page.xpath("//a[@download]/@href")
    assert links == ["?kind=model&download=xlsx", "?kind=model&download=csv"]
    sheet = workbook(client.get(url + links[0])).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    listed = {cell for row in values for cell in row}
    assert {"Mô hình nuôi dê", "Mô hình trồng sắn cao sản"} <= listed
    assert "Nháp" not in listed
    assert "Nông thôn mới" in listed
    response = client.get(url + links[1])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["TT", "Đơn vị", "Loại", "Tên mô hình, sáng kiến, ý tưởng mới"]
    assert sorted(row[3] for row in rows[1:]) == ["Mô hình nuôi dê", "Mô hình trồng sắn cao sản"]


def test_a_commune_downloads_only_what_its_list_shows(
    client, cast, open_plan, make_registration, tree
):
    """The download is the person's list: Ea Bá's officer never gets Ea Ly's draft."""
    make_registration(tree.commune_a, name="Nháp của Ea Bá")
    make_registration(tree.commune_b, name="Nháp của Ea Ly")
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_list", args=[open_plan.pk])
    content = client.get(url, {"download": "csv"}).content.decode("utf-8-sig")
    assert "Nháp của Ea Bá" in content
    assert "Nháp của Ea Ly" not in content
    login(client, cast["outsider"])
    assert client.get(url, {"download": "csv"}).status_code == 404


def test_the_lists_text_box_narrows_with_the_other_filters_without_diacritics_in_scope(
    client, cast, open_plan, make_registration, tree
):
    """The words typed narrow the list itself, with its other filters, its pages and its
    downloads: "trong san" finds Ea Bá's "trồng sắn", never Ea Ly's draft; the search page,
    over every field and plan, is one link away."""
    make_registration(tree.commune_a, name="Mô hình trồng sắn cao sản")
    make_registration(tree.commune_a, name="Ý tưởng nuôi dê")
    make_registration(tree.commune_b, name="Mô hình trồng sắn của Ea Ly")
    login(client, cast["officer_a"])
    url = reverse("initiatives:registration_list", args=[open_plan.pk])
    page = lxml.html.fromstring(client.get(url, {"q": "TRONG san", "kind": "model"}).content)
    assert [a.text_content().strip() for a in page.find_class("card__title")] == [
        "Mô hình trồng sắn cao sản"
    ]
    assert page.xpath("//a[@download]/@href")[0] == "?q=TRONG+san&kind=model&download=xlsx"
    assert page.xpath("//main//a[contains(@href, '/search/')]/@href") == [
        reverse("search:results") + "?kind=registration"
    ]
    assert client.get(reverse("search:results"), {"kind": "registration"}).status_code == 200
    content = client.get(url, {"q": "trong san", "download": "csv"}).content.decode("utf-8-sig")
    assert "Mô hình trồng sắn cao sản" in content
    assert "nuôi dê" not in content
    assert "của Ea Ly" not in content


def _typed_as_a_person_might(rng, words: list[str]) -> str:
    """The starts of some of ``words`` in any order, each as typed: with or without its
    marks, in NFD, in capitals, đ as d."""
    chosen = [
        w[: rng.randint(1, len(w))] for w in rng.sample(words, rng.randint(1, min(3, len(words))))
    ]
    ways = [
        lambda w: w,
        text.fold,
        lambda w: unicodedata.normalize("NFD", w),
        str.upper,
        lambda w: w.replace("đ", "d"),
    ]
    return "  ".join(rng.choice(ways)(word) for word in chosen)


def _each_starts_a_word(typed: list[str], words: list[str]) -> bool:
    return all(any(word.startswith(t) for word in words) for t in typed)


NAME_WORDS = ["mô", "hình", "trồng", "sắn", "nuôi", "dê", "đường", "điện", "sạch", "bò", "vỗ"]


@pytest.mark.parametrize("seed", range(3))
def test_generated_lists_show_exactly_what_every_filter_together_asks(
    client, cast, open_plan, make_registration, tree, seed
):
    """Invariant over generated lists: whatever words are typed (any order, marks or not) and
    whichever kind, unit and state are chosen, the list holds exactly the registrations the
    person may see whose name has every typed word and that meet every other filter."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    units = [tree.commune_a, tree.commune_b, tree.branch_a]
    made = []
    for _number in range(14):
        name = " ".join(rng.sample(NAME_WORDS, rng.randint(2, 5)))
        registration = make_registration(rng.choice(units), name=name.capitalize())
        if rng.random() < 0.5:
            registration = registration_submit(actor=None, registration=registration)
        made.append(registration)
    login(client, cast["district"])
    url = reverse("initiatives:registration_list", args=[open_plan.pk])
    visible = {
        r.pk for r in Registration.objects.filter(access.registration_filter(cast["district"]))
    }
    for _query in range(8):
        typed = _typed_as_a_person_might(rng, rng.choice(made).name.lower().split())
        unit = rng.choice([None, tree.district, tree.commune_a])
        state = rng.choice(["", RegistrationState.DRAFT, RegistrationState.SUBMITTED])
        query = {"q": typed, "state": state, "unit": unit.pk if unit else ""}
        expected = sorted(
            r.name
            for r in made
            if r.pk in visible
            and _each_starts_a_word(text.search_words(typed), text.search_words(r.name))
            and (not state or r.state == state)
            and (unit is None or r.unit.path.startswith(unit.path))
        )
        page = lxml.html.fromstring(client.get(url, query).content)
        shown = sorted(a.text_content().strip() for a in page.find_class("card__title"))
        assert shown == expected, query


def test_a_plan_of_several_years_filters_its_registrations_by_the_year_sent(
    client, cast, make_plan, tree
):
    plan = make_plan()
    plan_update(actor=None, plan=plan, period_end=datetime.date(timezone.localdate().year, 12, 31))
    plan = plan_issue(actor=None, plan=plan, issued_on=datetime.date(2022, 3, 8))
    sent = registration_submit(
        actor=None,
        registration=completed(
            registration_create(
                actor=None, plan=plan, unit=tree.commune_a, kind="model", name="Gửi năm nay"
            )
        ),
    )
    registration_create(actor=None, plan=plan, unit=tree.commune_a, kind="idea", name="Nháp")
    login(client, cast["district"])
    url = reverse("initiatives:registration_list", args=[plan.pk])
    this_year = timezone.localdate(sent.first_submitted_at).year
    offered = lxml.html.fromstring(client.get(url).content).xpath(
        "//select[@name='year']/option/@value"
    )
    assert offered == ["", *[str(y) for y in range(2022, timezone.localdate().year + 1)]]
    assert [r.name for r in client.get(url, {"year": this_year}).context["registrations"]] == [
        "Gửi năm nay"
    ]
    assert list(client.get(url, {"year": 2022}).context["registrations"]) == []
