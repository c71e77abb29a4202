"""The evaluation council as its minutes record it: its members, the rubric's criteria, the
score rows and the vote, as plain data.

The council (hội đồng đánh giá) of the Farmers' Association scores the registered models,
initiatives and ideas and votes on the list it proposes; a decision needs at least 2/3 of its
members (Nghị định 13/2012). Whoever builds these classes (the review app) decides what they
say, such as "Hồ sơ số 3" in place of a unit's name when the council scored blind.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from thidua.core.numbers import format_number
from thidua.documents.formatting import Number, points

# The council members' roles, by the review app's values, as the minutes print them.
ROLES = {
    "chair": "Chủ tịch Hội đồng",
    "vice_chair": "Phó Chủ tịch Hội đồng",
    "secretary": "Thư ký Hội đồng",
    "member": "Thành viên",
}


@dataclass(frozen=True, kw_only=True)
class Member:
    """A member of the council; `role` is one of `ROLES`' keys ("chair", "vice_chair",
    "secretary", "member") and `position` their office ("Chủ tịch Hội Nông dân huyện").
    `present` is None when it is not known whether they came (a draft before the meeting)."""

    name: str
    role: str
    position: str = ""
    present: bool | None = True
    absence_reason: str = ""  # "đi công tác"

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown council role {self.role!r}")


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """A criterion of the rubric: its column heading is `short` (else `name`) and its maximum:
    "Tính mới" and "(20)"."""

    name: str
    max_points: Number
    short: str = ""

    @property
    def heading(self) -> str:
        return f"{self.short or self.name}\n({points(self.max_points)})"


@dataclass(frozen=True, kw_only=True)
class ScoreRow:
    """An entry's line in the score table: its scores in the order of the criteria (None: not
    scored), its total, class and rank (tied totals share a rank), and the outcome the council
    proposes for it ("Khen thưởng", "Công nhận", …; empty: none)."""

    name: str
    unit: str  # "Xã Ea Bá", or "Hồ sơ số 3" when the council scored blind
    scores: list[Number | str | None]
    total: Number | str | None
    grade: str = ""  # "Xuất sắc"
    rank: int | None = None
    outcome: str = ""


@dataclass(frozen=True, kw_only=True)
class Vote:
    """The council's vote on the proposed list. It passes with at least numerator/denominator
    of all the members (not only of those present) in favour."""

    members: int
    present: int
    votes_for: int
    votes_against: int
    numerator: int = 2
    denominator: int = 3

    def __post_init__(self):
        if not 0 < self.present <= self.members:
            raise ValueError("the members present must be between 1 and the council's size")
        if self.votes_for < 0 or self.votes_against < 0:
            raise ValueError("votes cannot be negative")
        if self.votes_for + self.votes_against > self.present:
            raise ValueError("more votes than members present")
        if not 0 < self.numerator <= self.denominator:
            raise ValueError("the share must be a fraction between 0 and 1")

    @property
    def abstentions(self) -> int:
        return self.present - self.votes_for - self.votes_against

    @property
    def required(self) -> int:
        """The least number of votes for: 4 of 5 members at 2/3."""
        return math.ceil(self.members * self.numerator / self.denominator)

    @property
    def approved(self) -> bool:
        return self.votes_for >= self.required

    @property
    def share(self) -> str:
        """The votes for as a share of the members, to a tenth: "80%", "66,7%"."""
        percent = Decimal(self.votes_for * 100) / Decimal(self.members)
        return f"{format_number(percent.quantize(Decimal('0.1')))}%"

    @property
    def text(self) -> str:
        """ "Số thành viên có mặt: 5/5; đồng ý: 4; không đồng ý: 1; tỷ lệ đồng ý 80% ≥ 2/3:
        thông qua." """
        parts = [
            f"Số thành viên có mặt: {self.present}/{self.members}",
            f"đồng ý: {self.votes_for}",
            f"không đồng ý: {self.votes_against}",
        ]
        if self.abstentions:
            parts.append(f"không biểu quyết: {self.abstentions}")
        fraction = f"{self.numerator}/{self.denominator}"
        verdict = f"≥ {fraction}: thông qua" if self.approved else f"< {fraction}: không thông qua"
        parts.append(f"tỷ lệ đồng ý {self.share} {verdict}")
        return "; ".join(parts) + "."
