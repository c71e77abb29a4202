"""Totals, a registration's score (mean or median of its members' totals), disagreement, rank
and class. Pure arithmetic over rows read in a fixed number of queries.

``ranking`` gives the rows of the registrations it is handed, everything included (the
exports and the vote need them all). ``standings`` gives the complete order of a council's
registrations from a few grouped queries, without loading them, and ``ranking_page`` one
page of it: the pages show 50 rows of a council of thousands."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from django.db import connection
from django.db.models import Count, F, Max, Min, QuerySet, Sum

from thidua.initiatives.models import Registration
from thidua.plans.models import Criterion
from thidua.review.models import (
    Aggregate,
    Assignment,
    AssignmentState,
    Council,
    CouncilMember,
    Grade,
    Score,
)

CENT = Decimal("0.01")
FEW = 500  # up to this many registrations, ``ranking`` reads theirs only, by id


@dataclass
class Ranked:
    registration: Registration
    totals: list[Decimal] = field(default_factory=list)  # one per submitted scoresheet
    criterion_means: dict[int, Decimal] = field(default_factory=dict)
    score: Decimal | None = None
    spread: Decimal = Decimal(0)
    disputed: bool = False
    rank: int | None = None
    grade: str = ""
    assigned: int = 0


@dataclass(frozen=True)
class Rubric:
    """A council's criteria (in order) and classes, read once for a page's several uses."""

    criteria: list[Criterion]
    grades: list[Grade]


def rubric_of(council: Council) -> Rubric:
    return Rubric(list(council.plan.criteria.all()), list(council.plan.grades.all()))


def ranking(
    council: Council, registrations: list[Registration], rubric: Rubric | None = None
) -> list[Ranked]:
    """Registrations in rank order; those nobody has scored yet come last, unranked."""
    rubric = rubric or rubric_of(council)
    criteria, grades = rubric.criteria, rubric.grades
    rows = {r.pk: Ranked(registration=r) for r in registrations}
    sheets = Assignment.objects.filter(member__council=council)
    scores = Score.objects.filter(
        assignment__member__council=council,
        assignment__state=AssignmentState.SUBMITTED,
        points__isnull=False,
    )
    if len(rows) <= FEW:  # a page: its own rows; the whole council: no list of ids to send
        sheets = sheets.filter(registration_id__in=rows)
        scores = scores.filter(assignment__registration_id__in=rows)
    for registration_id, state, total in sheets.values_list("registration_id", "state", "total"):
        row = rows.get(registration_id)
        if row is None:
            continue
        row.assigned += 1
        if state == AssignmentState.SUBMITTED and total is not None:
            row.totals.append(total)
    # Each criterion's mean from the database's sums: a row per entry and criterion, not
    # one per score.
    known = {c.pk for c in criteria}
    for registration_id, criterion_id, count, total in (
        scores.order_by()
        .values("assignment__registration_id", "criterion_id")
        .annotate(count=Count("pk"), sum=Sum("points"))
        .values_list("assignment__registration_id", "criterion_id", "count", "sum")
    ):
        if registration_id in rows and criterion_id in known:
            rows[registration_id].criterion_means[criterion_id] = (total / count).quantize(CENT)
    for row in rows.values():
        if row.totals:
            row.score = _aggregate(council.aggregate, row.totals)
            row.spread = max(row.totals) - min(row.totals)
            row.disputed = row.spread > council.spread_alert
            row.grade = next((g.label for g in grades if row.score >= g.min_total), "")
    first = criteria[0].pk if criteria else None
    ordered = sorted(rows.values(), key=lambda r: _sort_key(r, first))
    for position, row in enumerate((r for r in ordered if r.score is not None), start=1):
        row.rank = position
    return ordered


def _sort_key(row: Ranked, first_criterion: int | None):
    submitted = row.registration.first_submitted_at
    return (
        row.score is None,
        -(row.score or 0),
        -(row.criterion_means.get(first_criterion, Decimal(0))),
        submitted.timestamp() if submitted else float("inf"),
        row.registration.pk,
    )


def _aggregate(kind: str, totals: list[Decimal]) -> Decimal:
    value = statistics.median(totals) if kind == Aggregate.MEDIAN else _mean(totals)
    return Decimal(value).quantize(Decimal("0.01"))


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values) / len(values)).quantize(Decimal("0.01"))


@dataclass
class Standing:
    """A registration's place in the complete order, computed without loading it."""

    registration_id: int
    arrived: int  # the place in the order of first submission: the last tie-break
    score: Decimal | None = None
    first_mean: Decimal = Decimal(0)
    spread: Decimal = Decimal(0)
    grade: str = ""
    disputed: bool = False
    rank: int | None = None


def standings(
    council: Council, registrations: QuerySet, rubric: Rubric | None = None
) -> list[Standing]:
    """Every registration of ``registrations`` (a queryset: only its ids are read) in rank
    order, with its score, spread, class and rank, exactly as ``ranking`` orders and ranks
    them: sums and counts grouped by the database (three queries, four for a median) and
    the same arithmetic on them, so a page of ``ranking_page`` is a slice of the whole."""
    rubric = rubric or rubric_of(council)
    criteria, grades = rubric.criteria, rubric.grades
    # The order of arrival is read as such: no date to parse for each of thousands of rows.
    arrival = registrations.order_by(F("first_submitted_at").asc(nulls_last=True), "pk")
    places = {
        pk: Standing(registration_id=pk, arrived=place)
        for place, pk in enumerate(arrival.values_list("pk", flat=True))
    }
    sent = Assignment.objects.filter(
        member__council=council, state=AssignmentState.SUBMITTED, total__isnull=False
    )
    totals: dict[int, list[Decimal]] = {}
    if council.aggregate == Aggregate.MEDIAN:
        for registration_id, total in sent.values_list("registration_id", "total"):
            totals.setdefault(registration_id, []).append(total)
    grouped = (
        sent.order_by()
        .values("registration_id")
        .annotate(count=Count("pk"), sum=Sum("total"), high=Max("total"), low=Min("total"))
        .values_list("registration_id", "count", "sum", "high", "low")
    )
    for registration_id, count, total, high, low in grouped:
        place = places.get(registration_id)
        if place is None:
            continue
        if council.aggregate == Aggregate.MEDIAN:
            place.score = _aggregate(Aggregate.MEDIAN, totals[registration_id])
        else:
            place.score = (total / count).quantize(Decimal("0.01"))
        place.spread = high - low
        place.disputed = place.spread > council.spread_alert
        place.grade = next((g.label for g in grades if place.score >= g.min_total), "")
    if criteria:
        first = (
            Score.objects.filter(
                assignment__member__council=council,
                assignment__state=AssignmentState.SUBMITTED,
                criterion=criteria[0],
                points__isnull=False,
            )
            .order_by()
            .values("assignment__registration_id")
            .annotate(count=Count("pk"), sum=Sum("points"))
            .values_list("assignment__registration_id", "count", "sum")
        )
        for registration_id, count, total in first:
            if registration_id in places:
                places[registration_id].first_mean = (total / count).quantize(Decimal("0.01"))
    ordered = sorted(places.values(), key=_standing_key)
    for position, place in enumerate((p for p in ordered if p.score is not None), start=1):
        place.rank = position
    return ordered


# What a ranked row reads of its registration: its name, its unit's (a blind council's
# page hides it), and its first sending, which breaks ties; not the texts of its form.
RANKED_FIELDS = ("name", "first_submitted_at", "unit__name", "unit__kind", "unit__level")


def ranking_page(
    council: Council, standing: list[Standing], rubric: Rubric | None = None
) -> list[Ranked]:
    """The full rows (totals, criterion means, class) of ``standing``, a slice of
    ``standings``, in its order and with its ranks; the registrations with their unit."""
    found = Registration.objects.filter(pk__in=[p.registration_id for p in standing])
    loaded = {r.pk: r for r in found.select_related("unit").only(*RANKED_FIELDS)}
    rows = {r.registration.pk: r for r in ranking(council, list(loaded.values()), rubric)}
    page = []
    for place in standing:
        row = rows[place.registration_id]
        row.rank = place.rank
        page.append(row)
    return page


def _standing_key(place: Standing):
    """``_sort_key``'s order: arrival stands for the first submission, then the id."""
    return (place.score is None, -(place.score or 0), -place.first_mean, place.arrived)


def _half_even(total: str, count: str) -> str:
    """SQL for ``(total / count).quantize(CENT)`` as Python rounds it (half to even), in
    hundredths: ``total`` a sum of hundredths (integers, never negative), ``count`` > 0."""
    quotient = f"({total}) / ({count})"
    twice_rest = f"2 * (({total}) - ({quotient}) * ({count}))"
    return (
        f"CASE WHEN ({count}) IS NULL OR ({count}) = 0 THEN NULL "
        f"ELSE {quotient} + CASE WHEN {twice_rest} > ({count}) THEN 1 "
        # "%%": the modulo, as the drivers' parameter syntax wants it
        f"WHEN {twice_rest} = ({count}) THEN ({quotient}) %% 2 ELSE 0 END END"
    )


class Ordered(Sequence):
    """The complete order of ``standings``, computed and paged by the database, for a council
    scored by the mean or the median, narrowed or not by the ranking's filters (``show``:
    "disputed" or "unscored", ``grade``: a class's label; the ranks stay those of the whole):
    the number of entries shown, then a page's places (with their rank and score) when
    sliced. The same order, ranks and scores as ``standings`` (the totals read in hundredths,
    a mean or the mean of the two middle totals rounded half to even as ``Decimal.quantize``
    does), without reading one row per entry: the pages of a council of 5,000 entries."""

    def __init__(
        self,
        council: Council,
        registrations: QuerySet,
        rubric: Rubric,
        *,
        expect: tuple[int, int] | None = None,
        show: str = "",
        grade: str = "",
    ):
        """``expect``: (offset, limit) of the page about to be asked, read at once with
        the number of entries (one statement); other pages are read when asked."""
        self.council, self.rubric = council, rubric
        self.registrations = registrations.order_by()
        self.show, self.grade = show, grade
        self.count_: int | None = None
        self.read: dict[tuple[int, int], list[Standing]] = {}
        if expect is not None:
            self.read[expect] = self.page(*expect)

    def __len__(self) -> int:
        if self.count_ is None:  # a page past the last one was asked: the count alone
            self.page(0, 1)
            self.count_ = self.count_ or 0
        return self.count_

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("the order is read a page (a slice) at a time")
        start, stop, _step = index.indices(len(self))
        if (start, stop - start) in self.read:
            return self.read[(start, stop - start)]
        if start in {offset for offset, _limit in self.read}:  # the last page, shorter
            return next(rows for (o, _l), rows in self.read.items() if o == start)
        return self.page(start, max(0, stop - start))

    def page(self, offset: int, limit: int) -> list[Standing]:
        sql, params = self._statement()
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            found = list(cursor)
        if found:  # the number of entries shown, counted before the page was cut
            self.count_ = int(found[0][3])
        # The scored entries come first: their rank is their place in the whole order.
        return [
            Standing(
                registration_id=pk,
                arrived=place - 1,
                score=None
                if hundredths is None
                else (Decimal(int(hundredths)) / 100).quantize(CENT),
                rank=None if hundredths is None else place,
            )
            for at, (pk, hundredths, position, _count) in enumerate(found, start=offset + 1)
            for place in [at if position is None else int(position)]
        ]

    def _statement(self) -> tuple[str, list]:
        """The entries, their sheets' totals in hundredths, each entry's sums (its mean's),
        middle totals (its median's) and first criterion's points, its place in the whole
        order, then the filters: SQL and parameters but the page's limit and offset."""
        quote = connection.ops.quote_name
        sheets = quote(Assignment._meta.db_table)
        seats = quote(CouncilMember._meta.db_table)
        scores = quote(Score._meta.db_table)
        entries_sql, entries_params = self.registrations.values(
            "pk", "first_submitted_at"
        ).query.sql_with_params()
        first = self.rubric.criteria[0].pk if self.rubric.criteria else None
        score = _half_even("t.hundredths", "t.sheets")
        first_mean = _half_even("f.hundredths", "f.scores")
        # Each entry's totals averaged: all of them for the mean, the middle one or two in
        # order for the median; and their spread.
        if self.council.aggregate == Aggregate.MEDIAN:
            middle = "k = (n + 1) / 2 OR k = (n + 2) / 2"
            sums = (
                f"SELECT id, SUM(CASE WHEN {middle} THEN 1 ELSE 0 END) AS sheets, "  # noqa: S608 (constants)
                f"SUM(CASE WHEN {middle} THEN h ELSE 0 END) AS hundredths, "
                "MAX(h) - MIN(h) AS spread FROM (SELECT id, h, "
                "ROW_NUMBER() OVER (PARTITION BY id ORDER BY h) AS k, "
                "COUNT(*) OVER (PARTITION BY id) AS n FROM sent) middles GROUP BY id"
            )
        else:
            sums = (
                "SELECT id, COUNT(*) AS sheets, SUM(h) AS hundredths, "
                "MAX(h) - MIN(h) AS spread FROM sent GROUP BY id"
            )
        narrow, narrow_params = self._filters()
        order = (
            "CASE WHEN score IS NULL THEN 1 ELSE 0 END, score DESC, first_mean DESC, "
            "CASE WHEN arrived IS NULL THEN 1 ELSE 0 END, arrived, id"
        )
        # The whole order placed before it is narrowed (ranks of the whole); unnarrowed, the
        # page is cut from it at once (the database keeps the page's rows, sorts no more).
        ranked = (
            f", ranked AS (SELECT id, score, spread, ROW_NUMBER() OVER (ORDER BY {order}) "  # noqa: S608 (constants and placeholders)
            f"AS position FROM placed) SELECT id, score, position, COUNT(*) OVER () "
            f"FROM ranked WHERE {narrow} ORDER BY position LIMIT %s OFFSET %s"
            if self.show or self.grade
            else f" SELECT id, score, NULL, COUNT(*) OVER () FROM placed "  # noqa: S608 (as above)
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        sql = (
            f"WITH entries(id, arrived) AS ({entries_sql}), "  # noqa: S608 (quoted table names, constants, placeholders)
            f"sent AS (SELECT a.registration_id AS id, CAST(ROUND(a.total * 100) AS INTEGER) AS h "
            f"FROM {sheets} a JOIN {seats} m ON m.id = a.member_id "
            f"WHERE m.council_id = %s AND a.state = %s AND a.total IS NOT NULL), "
            f"sums AS ({sums}), "
            f"firsts AS (SELECT a.registration_id AS id, COUNT(*) AS scores, "
            f"SUM(CAST(ROUND(s.points * 100) AS INTEGER)) AS hundredths "
            f"FROM {scores} s JOIN {sheets} a ON a.id = s.assignment_id "
            f"JOIN {seats} m ON m.id = a.member_id WHERE m.council_id = %s AND a.state = %s "
            f"AND s.criterion_id = %s AND s.points IS NOT NULL GROUP BY a.registration_id), "
            f"placed AS (SELECT e.id AS id, e.arrived AS arrived, {score} AS score, "
            f"t.spread AS spread, COALESCE({first_mean}, 0) AS first_mean FROM entries e "
            f"LEFT JOIN sums t ON t.id = e.id LEFT JOIN firsts f ON f.id = e.id)"
            f"{ranked}"
        )
        submitted = AssignmentState.SUBMITTED
        params = [*entries_params, self.council.pk, submitted, self.council.pk, submitted, first]
        return sql, [*params, *narrow_params]

    def _filters(self) -> tuple[str, list]:
        """``RankingFilterForm.narrow`` as a condition on the ranked rows, in hundredths: a
        disputed entry's totals differ by more than the council's alert, an entry of a class
        scores at least its minimum and less than the minimum of every class above it."""
        conditions, params = ["1 = 1"], []
        if self.show == "disputed":
            conditions.append("score IS NOT NULL AND spread > %s")
            params.append(int(self.council.spread_alert) * 100)
        elif self.show == "unscored":
            conditions.append("score IS NULL")
        if self.grade:
            bounds = [_hundredths_up(g.min_total) for g in self.rubric.grades]
            either = []
            for place, grade in enumerate(self.rubric.grades):
                if grade.label == self.grade:
                    either.append(
                        " AND ".join(["score IS NOT NULL", "score >= %s"] + ["score < %s"] * place)
                    )
                    params += bounds[: place + 1][::-1]
            conditions.append(f"({' OR '.join(either) or '1 = 0'})")
        return " AND ".join(conditions), params


def _hundredths_up(total: Decimal) -> int:
    """The least whole number of hundredths at or above ``total``: a score in hundredths
    is at least ``total`` when it is at least this."""
    return int((Decimal(total) * 100).to_integral_value(rounding=ROUND_CEILING))
