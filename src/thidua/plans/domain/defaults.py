"""What a new plan starts with: the seed's five criteria and the unit's header lines."""

import datetime

from django.conf import settings

from thidua.org.models import Unit, UnitLevel
from thidua.plans.enums import EmulationForm, LatePolicy

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


def header_lines(unit: Unit) -> tuple[str, str]:
    """("HỘI NÔNG DÂN TỈNH PHÚ YÊN", "BCH HỘI NÔNG DÂN HUYỆN SÔNG HINH") for a district."""
    organisation = settings.ORGANISATION_NAME.upper()
    parent = unit.parent
    if parent is None or parent.level == UnitLevel.CENTRAL:
        superior = f"TW {organisation} VIỆT NAM"
    else:
        superior = f"{organisation} {parent.area_name.upper()}"
    return superior, f"BCH {organisation} {unit.area_name.upper()}"


def default_recipients(unit: Unit) -> str:
    return "\n".join(["Thường trực Hội;", "Các đơn vị trực thuộc;", "Lưu VT, VP."])


def plan_initial(unit: Unit, today: datetime.date) -> dict:
    """What the new-plan form shows before anything is typed: this year, the unit's own
    header, place, signature and recipients."""
    superior, issuer = header_lines(unit)
    return {
        "period_start": today.replace(month=1, day=1),
        "period_end": today.replace(month=12, day=31),
        "emulation_form": EmulationForm.THEMATIC,
        "quota_minimum": 1,
        "late_registrations": LatePolicy.MARK_LATE,
        "place": unit.name,
        "signer_title": SIGNER_TITLE,
        "signing_authority": SIGNING_AUTHORITY,
        "recipients": default_recipients(unit),
        "superior_line": superior,
        "issuer_line": issuer,
    }
