"""Generated worlds for the tests of plans and of the documents made from them, from a seed.

A province of real names (from the national data, so that headers break as real ones do) with
two or three districts, their communes and branches; a commune split and two merged into
today's communes under a new province; the province's plan, each district's on its basis,
communes' own plans (issued, drafts or none) on the districts'; a plan of today's province
to its communes; and registrations in every state on the plans that ask for them. Everything
goes through the domain functions, as the product would make it. `build(seed)` makes the
same world for the same seed, so a failing seed can be replayed.
"""

import csv
import datetime
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.generators import advance, yearly_plan
from tests.generators import unit as new_unit
from tests.helpers import IMPLEMENTER, REORGANISED, completed, merge
from thidua.initiatives.domain.registrations import registration_create
from thidua.initiatives.enums import RegistrationState
from thidua.initiatives.models import Registration
from thidua.org.domain.units import succession_record
from thidua.org.models import SuccessionKind, Unit, UnitKind
from thidua.plans.domain.defaults import governing_body, subordinates
from thidua.plans.domain.plans import plan_create_child, plan_issue, plan_update
from thidua.plans.models import Plan

DATA = Path(__file__).resolve().parents[2] / "src" / "thidua" / "org" / "data"
REFORM = REORGANISED
COMMUNE_KINDS = [UnitKind.COMMUNE, UnitKind.TOWNSHIP, UnitKind.WARD]
DISTRICT_KINDS = [UnitKind.DISTRICT, UnitKind.TOWN]
SIGNERS = ["Bá Minh Hiếu", "Nguyễn Thị Hoa", "Y Thuê Niê", "Trần Văn Tỉnh", "H'Hen Ksơr"]
STATES = list(RegistrationState)


def _names(level: str) -> list[str]:
    with (DATA / "units_legacy.csv").open(encoding="utf-8") as rows:
        return sorted({row["name"] for row in csv.DictReader(rows) if row["level"] == level})


PROVINCES, DISTRICTS, WARDS = _names("province"), _names("district"), _names("ward")


def voice_body(unit: Unit) -> str:
    """A plan's body in `unit`'s own voice, as its office writes it: its organisation section
    tells the units under it what to do and to send to `unit`."""
    return (
        "# MỤC ĐÍCH, YÊU CẦU\n## Mục đích\n- Phát huy sáng kiến trong lao động sản xuất.\n"
        "# NỘI DUNG\nThi đua nâng cao năng suất, chất lượng.\n"
        "# TỔ CHỨC THỰC HIỆN\n"
        f"Ban Thường vụ Hội Nông dân các cơ sở căn cứ kế hoạch này gửi danh sách về "
        f"{unit.full_name}.\n"
        f"Văn phòng {unit.full_name} theo dõi, tổng hợp.\n"
    )


def voice_texts(unit: Unit, start, end) -> dict:
    """The preamble and closing of a plan in `unit`'s voice."""
    body = governing_body(unit)
    below = subordinates(unit, start, end) or "các đơn vị"
    return {
        "preamble": f"{body} xây dựng Kế hoạch thực hiện phong trào thi đua, cụ thể như sau:",
        "closing": f"Trên đây là Kế hoạch của {body}, đề nghị {below} tổ chức thực hiện./.",
    }


@dataclass
class World:
    seed: int
    rng: random.Random
    province: Unit
    districts: list[Unit] = field(default_factory=list)
    communes: list[Unit] = field(default_factory=list)  # before 1/7/2025
    branches: list[Unit] = field(default_factory=list)
    today_province: Unit | None = None
    today_communes: list[Unit] = field(default_factory=list)  # from 1/7/2025
    province_plan: Plan | None = None
    today_plan: Plan | None = None
    plans: dict[int, Plan] = field(default_factory=dict)  # unit id → the plan it issued
    own_plans: dict[int, Plan] = field(default_factory=dict)  # commune id → its own plan
    registrations: list[Registration] = field(default_factory=list)

    def plan_of(self, unit: Unit) -> Plan:
        """The plan `unit` registers on: its district's, or today's province's."""
        if unit.valid_from == REFORM:
            return self.today_plan
        return self.plans[unit.parent_id]


def _plan(world: World, unit: Unit, *, year: int, signer: str, quota=None) -> Plan:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return yearly_plan(
        unit,
        year,
        title=f"Kế hoạch thực hiện phong trào thi đua “{unit.name} đoàn kết sáng tạo” năm {year}",
        body=voice_body(unit),
        registration_label="Gửi danh sách đăng ký",
        signer_name=signer,
        quota_kinds=quota or [],
        quota_minimum=1 if quota else 0,
        **voice_texts(unit, start, end),
    )


def _issue(plan: Plan, day: datetime.date, signer: str) -> Plan:
    if not plan.signer_name:
        plan = plan_update(actor=None, plan=plan, signer_name=signer)
    return plan_issue(actor=None, plan=plan, issued_on=day)


def _register(world: World, unit: Unit, plan: Plan, state: str, number: int) -> Registration:
    registration = registration_create(
        actor=None, plan=plan, unit=unit, kind=world.rng.choice(["model", "initiative", "idea"]),
        name=f"Mô hình số {number} của {unit.name}",
    )  # fmt: skip
    if state == RegistrationState.DRAFT:
        return registration
    registration = completed(registration, implementers=[IMPLEMENTER])
    return advance(registration, state, reason="Bổ sung số hộ.")


def build(seed: int) -> World:
    rng = random.Random(seed)  # noqa: S311 (a replayable world, not a secret)
    central = new_unit(None, "Việt Nam", UnitKind.CENTRAL)
    province = new_unit(
        central, rng.choice(PROVINCES), UnitKind.PROVINCE, valid_to=REFORM - datetime.timedelta(1)
    )
    world = World(seed=seed, rng=rng, province=province)
    names = iter(rng.sample(WARDS, 40))
    for district_name in rng.sample(DISTRICTS, rng.randint(2, 3)):
        district = new_unit(province, district_name, rng.choice(DISTRICT_KINDS))
        world.districts.append(district)
        for _ in range(rng.randint(2, 4)):
            commune = new_unit(district, next(names), rng.choice(COMMUNE_KINDS))
            world.communes.append(commune)
            for k in range(rng.randint(0, 2)):
                world.branches.append(new_unit(commune, f"Thôn {k + 1}", UnitKind.BRANCH))
    # Today's structure: a new province whose communes merged two old ones and split a third.
    world.today_province = new_unit(
        central, rng.choice(PROVINCES), UnitKind.PROVINCE, valid_from=REFORM
    )
    merged_a, merged_b, split = rng.sample(world.communes, 3)
    first = new_unit(world.today_province, next(names), UnitKind.COMMUNE, valid_from=REFORM)
    second = new_unit(world.today_province, next(names), UnitKind.WARD, valid_from=REFORM)
    world.today_communes = [first, second]
    for old in (merged_a, merged_b):
        merge(old, into=first)
    for new, main in ((first, True), (second, False)):
        succession_record(
            actor=None,
            predecessor=split,
            successor=new,
            kind=SuccessionKind.SPLIT,
            date=REFORM,
            is_main=main,
        )
    for unit in [province, *world.districts, *world.communes]:
        unit.refresh_from_db()

    # The plans: the province's, each district's on its basis, some communes' own.
    world.province_plan = _issue(
        _plan(world, province, year=2022, signer=rng.choice(SIGNERS)),
        datetime.date(2022, 3, 1),
        rng.choice(SIGNERS),
    )
    world.plans[province.pk] = world.province_plan
    for district in world.districts:
        child = plan_create_child(actor=None, parent=world.province_plan, unit=district)
        plan_update(actor=None, plan=child, quota_kinds=COMMUNE_KINDS, quota_minimum=1)
        world.plans[district.pk] = _issue(child, datetime.date(2022, 3, 8), rng.choice(SIGNERS))
    for commune in world.communes:
        fate = rng.choice(["issued", "draft", "none"])
        if fate == "none":
            continue
        own = plan_create_child(actor=None, parent=world.plans[commune.parent_id], unit=commune)
        if fate == "issued":
            own = _issue(own, datetime.date(2022, 3, 25), rng.choice(SIGNERS))
        world.own_plans[commune.pk] = own
    world.today_plan = _issue(
        _plan(
            world,
            world.today_province,
            year=2026,
            signer="",
            quota=[UnitKind.COMMUNE, UnitKind.WARD],
        ),
        datetime.date(2026, 2, 10),
        rng.choice(SIGNERS),
    )
    world.plans[world.today_province.pk] = world.today_plan

    # Registrations in every state, on the plan each commune answers.
    number = 0
    registering = [*world.communes, *world.today_communes]
    for state in STATES:  # every state at least once …
        number += 1
        unit = rng.choice(registering)
        world.registrations.append(_register(world, unit, world.plan_of(unit), state, number))
    for unit in registering:  # … and a few more anywhere
        for _ in range(rng.randint(0, 2)):
            number += 1
            state = rng.choice(STATES)
            world.registrations.append(_register(world, unit, world.plan_of(unit), state, number))
    return world
