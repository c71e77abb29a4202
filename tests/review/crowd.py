"""A large council, bulk-inserted and seeded: many entries from many communes, scored by many
members, for the query-count guards at two sizes and for profiling the council's pages.

Only the council's rows are bulk-inserted (registrations, their implementers, scoresheets and
scores); the units, people, plan and council themselves come through the domain functions.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from thidua.initiatives.models import Implementer, Registration, RegistrationState
from thidua.org.domain.units import unit_create
from thidua.org.models import Role, UnitKind
from thidua.review.domain.councils import member_add
from thidua.review.models import Assignment, AssignmentState, Council, MemberRole, Score

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hoa", "Lan", "Long", "Mai", "Sơn", "Tâm"]
WORK = [
    "Mô hình nuôi dê sinh sản",
    "Mô hình trồng sắn cao sản",
    "Sáng kiến máy tách hạt bắp",
    "Mô hình tổ hợp tác trồng cà phê",
    "Ý tưởng sân phơi chung",
    "Mô hình nuôi bò vỗ béo",
    "Sáng kiến tưới nhỏ giọt tiết kiệm",
]
SUMMARY = (
    "Hội viên cùng góp vốn, chia sẻ kinh nghiệm và tiêu thụ sản phẩm; "
    "mô hình giúp tăng thu nhập, giảm nghèo bền vững và được nhân rộng ra các thôn, buôn. "
) * 8


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def communes(district, count: int) -> list:
    """``count`` communes of ``district`` ("Cư Prao 0" …), through the domain."""
    return [
        unit_create(actor=None, parent=district, name=f"Cư Prao {i}", kind=UnitKind.COMMUNE)
        for i in range(count)
    ]


def members(council: Council, make_person, unit, count: int, prefix="uyvien") -> list:
    """``count`` more members of ``council`` with the council role of ``unit``."""
    return [
        member_add(
            actor=None,
            council=council,
            person=make_person(
                f"{prefix}{i}", Role.COUNCIL, unit, full_name=f"Ủy Viên Hội Đồng {prefix} {i}"
            ),
            role=MemberRole.MEMBER,
        )
        for i in range(count)
    ]


def entries(plan, units: list, count: int, *, seed: int = 13, start: int = 0) -> list[int]:
    """``count`` received entries "Hồ sơ số <start>" … of ``plan``, spread over ``units``,
    each with a long summary and one implementer; their ids in the order made."""
    rng = random.Random(seed + start)  # noqa: S311 (seeded test data)
    arrived = timezone.make_aware(datetime.datetime(2022, 3, 10, 7, 0))
    made = Registration.objects.bulk_create(
        Registration(
            plan=plan,
            unit=units[i % len(units)],
            kind="model",
            name=f"{rng.choice(WORK)} · Hồ sơ số {i}",
            state=RegistrationState.RECEIVED,
            lead_name=person_name(rng),
            lead_position="Hội viên",
            summary=SUMMARY,
            expected_results=SUMMARY,
            first_submitted_at=arrived + datetime.timedelta(minutes=i),
            submitted_at=arrived + datetime.timedelta(minutes=i),
        )
        for i in range(start, start + count)
    )
    Implementer.objects.bulk_create(
        Implementer.of(registration=r, name=person_name(rng), role="Thực hiện") for r in made
    )
    return [r.pk for r in made]


def scored(
    council: Council,
    *,
    share: float = 1.0,
    seed: int = 13,
    points: tuple[int, int] | None = None,
    skip: frozenset[int] = frozenset(),
) -> None:
    """Every open scoresheet of ``council`` scored and submitted (``share`` of them: the rest
    stay open; none of the registrations in ``skip``), with seeded points on each criterion
    (from ``points`` = (low, high), 5 to the criterion's maximum by default)."""
    rng = random.Random(seed)  # noqa: S311 (seeded test data)
    criteria = list(council.plan.criteria.all())
    sheets = list(
        Assignment.objects.filter(member__council=council, state=AssignmentState.OPEN).order_by(
            "pk"
        )
    )
    chosen = [s for s in sheets if s.registration_id not in skip and rng.random() < share]
    scores = []
    for sheet in chosen:
        given = [Decimal(rng.randint(*(points or (5, int(c.max_points))))) for c in criteria]
        scores += [
            Score(assignment=sheet, criterion=c, points=p, comment="Tốt")
            for c, p in zip(criteria, given, strict=True)
        ]
        sheet.total = sum((p * c.weight for c, p in zip(criteria, given, strict=True)), Decimal(0))
        sheet.state = AssignmentState.SUBMITTED
        sheet.submitted_at = timezone.now()
    Score.objects.bulk_create(scores, batch_size=2000)
    Assignment.objects.bulk_update(chosen, ["total", "state", "submitted_at"], batch_size=2000)
