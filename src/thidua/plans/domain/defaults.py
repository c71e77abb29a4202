"""What a new plan starts with: the seed's five criteria, and the unit's own header lines,
signature and words. A document speaks as the unit that issues it: its issuer block, its
number's symbol, its place, who signs it and how it names itself come from that unit, and a
unit's own plan written on another's basis says so in its own voice (`child_texts`)."""

import datetime

from django.conf import settings
from django.utils import timezone

from thidua.documents.dates import short_date
from thidua.org.models import Unit, UnitKind, UnitLevel
from thidua.org.models.units import KIND_LEVEL, KIND_WORD
from thidua.plans.domain.numbering import DEFAULT_ISSUER_CODES
from thidua.plans.enums import DeadlineKind, EmulationForm, LatePolicy
from thidua.plans.models import NumberingRule

# The seed's criteria (Kế hoạch 115-KH/HNDH, III.5), 20 points each by default.
SEED_CRITERIA = [
    ("novelty", "Tính mới", "Là sáng kiến, ý tưởng chưa được đề xuất và công nhận trước đây."),
    (
        "suitability",
        "Tính phù hợp",
        "Nội dung sáng kiến, ý tưởng phù hợp với lĩnh vực công tác, học tập.",
    ),
    (
        "collectivity",
        "Tính tập thể",
        "Sáng kiến, ý tưởng có khả năng ứng dụng, triển khai cho nhóm, tập thể.",
    ),
    (
        "effectiveness",
        "Tính thiết thực, hiệu quả",
        "Sáng kiến, ý tưởng đáp ứng yêu cầu đổi mới, nâng cao hiệu quả của đơn vị.",
    ),
    (
        "economy",
        "Tính kinh tế",
        "Sáng kiến, ý tưởng khi nghiên cứu ứng dụng không tốn kém kinh phí cho đơn vị.",
    ),
]
DEFAULT_MAX_POINTS = 20
# Who signs a plan or report of the association, unless the unit says otherwise.
SIGNING_AUTHORITY = "T/M BAN THƯỜNG VỤ"
SIGNER_TITLE = "CHỦ TỊCH"
# A branch (chi hội) has no standing committee: its committee signs through its head; a group
# (tổ hội) is signed by its head alone.
BRANCH_SIGNATURE = ("T/M BAN CHI HỘI", "CHI HỘI TRƯỞNG")
GROUP_SIGNATURE = ("", "TỔ TRƯỞNG")


# The order in which documents name the kinds of units: "các huyện, thị xã, thành phố",
# "các xã, phường, thị trấn".
NAMING_ORDER = [
    UnitKind.DISTRICT,
    UnitKind.URBAN_DISTRICT,
    UnitKind.TOWN,
    UnitKind.CITY,
    UnitKind.COMMUNE,
    UnitKind.WARD,
    UnitKind.TOWNSHIP,
    UnitKind.SPECIAL_ZONE,
    UnitKind.BRANCH,
    UnitKind.GROUP,
]


def header_lines(unit: Unit) -> tuple[str, str]:
    """("HỘI NÔNG DÂN TỈNH PHÚ YÊN", "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH") for a district;
    ("HỘI NÔNG DÂN XÃ EA BÁ", "CHI HỘI NÔNG DÂN THÔN 1") for a branch."""
    organisation = settings.ORGANISATION_NAME
    parent = unit.parent
    if parent is None or parent.level == UnitLevel.CENTRAL:
        superior = f"TW {organisation} Việt Nam"
    elif parent.level >= UnitLevel.BRANCH:
        superior = _branch_name(parent)
    else:
        superior = f"{organisation} {parent.area_name}"
    if unit.level >= UnitLevel.BRANCH:
        issuer = _branch_name(unit)
    else:
        issuer = f"BCH {organisation} {unit.area_name}"
    return superior.upper(), issuer.upper()


def _branch_name(unit: Unit) -> str:
    """ "Chi hội Nông dân Thôn 1": the association's name with "Chi hội" or "Tổ hội" for
    its "Hội"."""
    organisation = settings.ORGANISATION_NAME
    word = KIND_WORD.get(unit.kind, "")
    if word and organisation.startswith("Hội "):
        return f"{word} {organisation.removeprefix('Hội ')} {unit.name}"
    return unit.full_name


def signature_lines(unit: Unit) -> tuple[str, str]:
    """On whose behalf and with what title the unit's documents are signed:
    ("T/M BAN THƯỜNG VỤ", "CHỦ TỊCH") from the central body down to a commune."""
    if unit.level == UnitLevel.BRANCH:
        return BRANCH_SIGNATURE
    if unit.level >= UnitLevel.GROUP:
        return GROUP_SIGNATURE
    return SIGNING_AUTHORITY, SIGNER_TITLE


def governing_body(unit: Unit) -> str:
    """Who speaks for the unit in its documents: "Ban Thường vụ Hội Nông dân xã Ea Bá",
    "Ban Chi hội Nông dân Thôn 1", "Tổ hội Nông dân Buôn Ken"."""
    if unit.level == UnitLevel.BRANCH:
        return f"Ban {_branch_name(unit)}"
    if unit.level >= UnitLevel.GROUP:
        return _branch_name(unit)
    return f"Ban Thường vụ {unit.full_name}"


def issuer_code(unit: Unit) -> str:
    """The code after the slash in the unit's document numbers ("HNDX" in "07-KH/HNDX"):
    its numbering rule's, else the usual one for its level. Reads only."""
    rule = NumberingRule.objects.filter(unit=unit).values_list("issuer_code", flat=True).first()
    return rule or DEFAULT_ISSUER_CODES[unit.level]


def subordinates(unit: Unit, start: datetime.date, end: datetime.date) -> str:
    """How the unit names the units under it, as they were between `start` and `end`:
    "Hội Nông dân các xã, thị trấn", "các chi hội"; "" when it has none. One query."""
    kinds = set(unit.children.active_during(start, end).values_list("kind", flat=True).distinct())
    words = [KIND_WORD[kind] for kind in NAMING_ORDER if kind in kinds]
    if not words:
        return ""
    if all(KIND_LEVEL[kind] >= UnitLevel.BRANCH for kind in kinds):
        return "các " + ", ".join(word.lower() for word in words)
    return f"{settings.ORGANISATION_NAME} các {', '.join(words)}"


def default_recipients(unit: Unit) -> str:
    return "\n".join(["Thường trực Hội;", "Các đơn vị trực thuộc;", "Lưu VT, VP."])


def plan_initial(unit: Unit, today: datetime.date) -> dict:
    """What the new-plan form shows before anything is typed: this year, the unit's own
    header, place, signature and recipients."""
    superior, issuer = header_lines(unit)
    authority, title = signature_lines(unit)
    return {
        "period_start": today.replace(month=1, day=1),
        "period_end": today.replace(month=12, day=31),
        "emulation_form": EmulationForm.THEMATIC,
        "quota_minimum": 1,
        "late_registrations": LatePolicy.MARK_LATE,
        "place": unit.name,
        "signer_title": title,
        "signing_authority": authority,
        "recipients": default_recipients(unit),
        "superior_line": superior,
        "issuer_line": issuer,
    }


# --- a unit's own plan written on the basis of another ----------------------------------


def plan_phrase(plan) -> str:
    """How a plan names itself in its text: "Kế hoạch thực hiện phong trào thi đua … năm 2022"."""
    title = plan.title.strip()
    if title.casefold().startswith("kế hoạch"):
        return f"Kế hoạch{title[len('kế hoạch') :]}"
    return f"Kế hoạch {title[:1].lower()}{title[1:]}"


def _capitalised(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}"


def child_texts(parent, unit: Unit) -> dict:
    """The texts in which `unit`'s own plan, written on the basis of `parent`, speaks as
    `unit`: its preamble, its closing and its organisation section ("Tổ chức thực hiện"),
    addressed to the units under it and answering to `parent`'s unit by `parent`'s deadlines.
    Expects `parent`'s deadlines and unit at hand (a query each otherwise)."""
    body = governing_body(unit)
    phrase = plan_phrase(parent)
    below = subordinates(unit, parent.period_start, parent.period_end)
    above = parent.unit.full_name
    due = {d.kind: short_date(timezone.localtime(d.due_at).date()) for d in parent.deadlines.all()}
    organisation = []
    if below:
        organisation.append(
            f"{_capitalised(below)} căn cứ nội dung kế hoạch này và tình hình thực tế của đơn "
            f"vị tổ chức triển khai thực hiện; đề xuất mô hình, sáng kiến, ý tưởng mới về {body}."
        )
    registration = due.get(DeadlineKind.REGISTRATION) or due.get(DeadlineKind.CHILD_PLAN)
    organisation.append(
        f"{body} theo dõi, đôn đốc việc thực hiện; gửi kế hoạch và danh sách đăng ký xây dựng "
        f"mô hình, sáng kiến, ý tưởng mới về {above}"
        + (f" trước ngày {registration}." if registration else ".")
    )
    if DeadlineKind.REPORT in due:
        organisation.append(
            f"Báo cáo kết quả thực hiện về {above} trước ngày {due[DeadlineKind.REPORT]}."
        )
    addressed = below or "cán bộ, hội viên"
    return {
        "preamble": f"{body} xây dựng {phrase}, cụ thể như sau:",
        "closing": (
            f"Trên đây là {phrase} của {body}, đề nghị {addressed} tổ chức triển khai thực hiện "
            "tốt nội dung kế hoạch này./."
        ),
        "organisation": organisation,
    }
