"""The seed council's documents as the tests of minutes, decision and certificates build
them: five entries scored on the seed plan's rubric, four of them honoured."""

from datetime import date
from decimal import Decimal

from thidua.documents.council import Vote
from thidua.documents.decision import Honour
from thidua.documents.official import Signature

FONT = "Times New Roman"
MOVEMENT = "Phong trào thi đua “Sông Hinh đoàn kết sáng tạo” năm 2022"
# name, unit, lead, scores, total, grade, rank, outcome. The 2nd and 3rd tie on 84.
ENTRIES = [
    (
        "Tổ hợp tác trồng mì (sắn) an toàn, liên kết tiêu thụ",
        "Xã Ea Bá",
        "Y Đức Niê",
        [Decimal("19.33"), 18, Decimal("18.5"), 17, 18],
        Decimal("91.33"),
        "Xuất sắc",
        1,
        "Đề nghị giải thưởng “Người Việt đoàn kết sáng tạo”",
    ),
    (
        "Sổ tay điện tử ghi chép chi phí sản xuất",
        "Xã Ea Bar",
        "Nguyễn Văn Hùng",
        [18, 17, 17, 16, 16],
        84,
        "Tốt",
        2,
        "Khen thưởng",
    ),
    (
        "Chi hội nuôi bò vỗ béo giúp nhau giảm nghèo",
        "Thị trấn Hai Riêng",
        "H'Hen Ksơr",
        [16, 17, 18, 17, 16],
        84,
        "Tốt",
        2,
        "Khen thưởng",
    ),
    (
        "Ủ phân hữu cơ vi sinh từ phụ phẩm mì, bã mía",
        "Xã Sơn Giang",
        "Trần Thị Mỹ Lệ",
        [15, 14, 14, 13, 14],
        70,
        "Khá",
        4,
        "Công nhận",
    ),
    (
        "Tủ sách khuyến nông tại nhà văn hóa buôn",
        "Xã Ea Lâm",
        "Lê Quang Vũ",
        [10, 9, 8.5, 9, 8],
        44.5,
        "Không đạt",
        5,
        "",
    ),
]
VOTE = Vote(members=5, present=5, votes_for=4, votes_against=1)
VOTE_TEXT = (
    "Số thành viên có mặt: 5/5; đồng ý: 4; không đồng ý: 1; tỷ lệ đồng ý 80% ≥ 2/3: thông qua."
)
CHAIR = Signature(authority="T/M BAN THƯỜNG VỤ", title="CHỦ TỊCH", signer="Bá Minh Hiếu")
DECISION_DATE = date(2022, 10, 25)


def honours() -> list[Honour]:
    return [
        Honour(name=name, unit=unit, lead=lead, total=total, grade=grade, outcome=outcome)
        for name, unit, lead, _scores, total, grade, _rank, outcome in ENTRIES
        if outcome
    ]
