"""The demo: the seed's world, in one minute.

Hội Nông dân tỉnh Phú Yên → huyện Sông Hinh and huyện Sơn Hòa → their towns and communes
as in 2022 (the real administrative units), a few branches in Sông Hinh, the same places in
today's two-level structure, and one account per kind of user.

The 2022 cycle, completed: the province's plan 283-KH/HNDT; Sông Hinh's seed plan
115-KH/HNDH and Sơn Hòa's plan on its basis; the communes' own plans and registrations; Sông
Hinh's council, which scored, voted and decided (every kind of outcome); the communes'
results reports, rolled up to each district and to the province, and the districts' reports
received by the province. The 2026 cycle of today's Đắk Lắk, open for registration.
"""

import datetime

from django.contrib.auth.hashers import make_password
from django.db import transaction

from thidua.demo import council as demo_council
from thidua.demo import fund as demo_fund
from thidua.demo import novelty as demo_novelty
from thidua.demo import publicity as demo_publicity
from thidua.demo import registrations as demo_registrations
from thidua.demo import replication as demo_replication
from thidua.demo import reports as demo_reports
from thidua.demo import series as demo_series
from thidua.org.domain.admin_units import REFORM_DATE, load_admin_units
from thidua.org.domain.people import membership_grant, person_create
from thidua.org.domain.units import unit_create
from thidua.org.models import Person, Role, Unit, UnitKind
from thidua.plans.domain.plans import plan_create_child, plan_record_issued
from thidua.plans.seed_loader import load_plan, read

PASSWORD = "thidua-demo"  # noqa: S105 (the documented demo password)
PHU_YEN = "54"
SONG_HINH = "561"
SON_HOA = "560"
EA_BA_OLD = "22216"
DAK_LAK = "66"
EA_BA_NEW = "22225"

BRANCHES = ["Thôn 1", "Thôn 2", "Buôn Mới"]


def is_loaded() -> bool:
    return Person.objects.filter(username="huyen").exists()


@transaction.atomic
def load(*, whole_country: bool = True) -> None:
    """Create the demo once; a second call does nothing."""
    if is_loaded():
        return
    load_admin_units(old_provinces=None if whole_country else {PHU_YEN})
    district = Unit.objects.get(level=2, code=SONG_HINH)
    communes = list(district.children.order_by("code"))
    new_communes = list(
        Unit.objects.filter(successions_in__predecessor__in=communes).distinct().order_by("code")
    )
    for commune in communes + new_communes:
        for name in BRANCHES:
            # Branches live and end with their commune's structure.
            unit_create(
                actor=None,
                parent=commune,
                name=name,
                kind=UnitKind.BRANCH,
                valid_from=commune.valid_from,
                valid_to=commune.valid_to,
            )
    _accounts(district)
    _plans(district)


# Communes' answers to plan 115: (old code, number, issued on); one late, one a draft.
CHILD_PLANS = [
    ("22216", 7, datetime.date(2022, 3, 25)),  # Ea Bá
    ("22237", 5, datetime.date(2022, 4, 4)),  # Ea Ly
    ("22234", 9, datetime.date(2022, 4, 8)),  # xã Sông Hinh
    ("22207", 12, datetime.date(2022, 4, 9)),  # thị trấn Hai Riêng
    ("22213", 4, datetime.date(2022, 4, 21)),  # Đức Bình Tây: late
    ("22225", None, None),  # Ea Bar: still a draft
]
# Sơn Hòa's communes that wrote their own plan on the basis of the district's.
SON_HOA_CHILD_PLANS = [
    ("22165", 8, datetime.date(2022, 3, 28)),  # thị trấn Củng Sơn
    ("22171", 6, datetime.date(2022, 4, 1)),  # Sơn Hội
    ("22204", 10, datetime.date(2022, 4, 6)),  # Suối Trai
]


def _plans(district: Unit) -> None:
    province = district.parent
    province_plan = load_plan(read("plan_283.json"), unit=province)
    district_plan = load_plan(
        read("plan_115.json"), unit=district, parent=province_plan, child_plan_deadline=True
    )
    _child_plans(district_plan, CHILD_PLANS)
    son_hoa = province.children.get(level=2, code=SON_HOA)
    son_hoa_plan = load_plan(read("plan_2022_son_hoa.json"), unit=son_hoa, parent=province_plan)
    _child_plans(son_hoa_plan, SON_HOA_CHILD_PLANS)
    dak_lak = Unit.objects.get(level=1, code=DAK_LAK, valid_from=REFORM_DATE)
    current_plan = load_plan(read("plan_2026_daklak.json"), unit=dak_lak)
    demo_registrations.load(
        district_plan=district_plan, son_hoa_plan=son_hoa_plan, current_plan=current_plan
    )
    demo_council.decide(district_plan)
    demo_replication.load(district_plan)
    demo_fund.load(district_plan)
    demo_publicity.load(
        district_plan=district_plan, son_hoa_plan=son_hoa_plan, current_plan=current_plan
    )
    demo_reports.load(district_plan=district_plan, son_hoa_plan=son_hoa_plan)
    demo_novelty.load(current_plan=current_plan)
    demo_series.load(district_plan)


def _child_plans(parent, answers) -> None:
    for code, number, issued_on in answers:
        commune = parent.unit.children.get(code=code)
        child = plan_create_child(actor=None, parent=parent, unit=commune)
        if number:
            plan_record_issued(actor=None, plan=child, number=number, issued_on=issued_on)


def _accounts(district: Unit) -> None:
    province = district.parent
    ea_ba = Unit.objects.get(level=3, code=EA_BA_OLD, parent=district)
    admin = Person.objects.create_superuser(
        username="admin",
        email="admin@example.vn",
        password=None,  # set below, with the others'
        full_name="Quản trị hệ thống",
    )
    people = [
        ("tinh", "Trần Văn Tỉnh", "0905000001", province, [Role.ADMIN, Role.OFFICER]),
        (
            "huyen",
            "Văn phòng Huyện hội Sông Hinh",
            "0905000002",
            district,
            [Role.ADMIN, Role.OFFICER],
        ),
        ("xa", "Nguyễn Thị Hoa", "0905000003", ea_ba, [Role.OFFICER]),
        ("hoidong", "Lê Văn Minh", "0905000004", district, [Role.COUNCIL]),
    ]
    for username, full_name, phone, unit, roles in people:
        person = person_create(
            actor=admin,
            username=username,
            full_name=full_name,
            password=None,  # set below, with the others'
            email=f"{username}@example.vn",
            phone=phone,
        )
        for role in roles:
            membership_grant(actor=admin, person=person, unit=unit, role=role)
    # The same people in today's two-level structure: the province took over the district's
    # work, and Ea Bá commune was merged into the new Ea Bá commune.
    today = {"tinh": DAK_LAK, "xa": EA_BA_NEW}
    for username, code in today.items():
        person = Person.objects.get(username=username)
        unit = Unit.objects.get(
            code=code, valid_from=REFORM_DATE, level=1 if code == DAK_LAK else 3
        )
        for role in (Role.ADMIN, Role.OFFICER) if username == "tinh" else (Role.OFFICER,):
            membership_grant(actor=admin, person=person, unit=unit, role=role)
    demo_council.members(district)
    # Every account's password is the documented one, hashed once: the hasher is slow on
    # purpose (a quarter of a second a hash here), and a hash for each of the seven accounts
    # was a tenth of the demo's load. The demo loads into an empty database: these are all.
    Person.objects.update(password=make_password(PASSWORD))
