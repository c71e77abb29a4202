import pytest

from thidua.novelty.domain.archive import archive_import
from thidua.novelty.domain.files import Row

# A small archive of past initiatives, as a district would import it.
PAST = [
    (
        "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học",
        "Hội viên nuôi bò thịt vỗ béo ba tháng bằng thức ăn ủ chua từ thân cây ngô, chuồng "
        "trại có đệm lót sinh học.",
        "Hội Nông dân xã Ea Bá",
        "2022",
        "có",
    ),
    (
        "Tổ hợp tác trồng sắn cao sản liên kết tiêu thụ",
        "Thành lập tổ hợp tác của 25 hộ trồng sắn giống mới năng suất cao, ký hợp đồng bao "
        "tiêu với nhà máy tinh bột.",
        "Hội Nông dân xã Ea Ly",
        "2021",
        "có",
    ),
    (
        "Câu lạc bộ phụ nữ tiết kiệm vốn xoay vòng",
        "Mỗi tháng hội viên góp 100.000 đồng, cho chị em khó khăn vay không lãi để làm ăn.",
        "Hội Phụ nữ xã Sơn Thành Đông",
        "2020",
        "không",
    ),
    (
        "Tưới nước tiết kiệm cho cà phê bằng hệ thống tưới nhỏ giọt",
        "Lắp hệ thống tưới nhỏ giọt kết hợp bón phân qua nước cho vườn cà phê.",
        "Hội Nông dân xã Ea Bá",
        "2023",
        "có",
    ),
    (
        "Nuôi cá lồng trên sông theo tiêu chuẩn VietGAP",
        "Tổ hợp tác nuôi cá diêu hồng trong lồng bè trên sông, ghi nhật ký theo VietGAP.",
        "Hội Nông dân xã Hòa Thịnh",
        "2019",
        "có",
    ),
    (
        "Mô hình chăn nuôi heo trên đệm lót sinh học",
        "Nuôi heo thịt trên nền đệm lót trấu và chế phẩm vi sinh, không xả nước thải.",
        "Hội Nông dân xã An Định",
        "2019",
        "không",
    ),
]


def rows(items):
    keys = ("title", "description", "unit", "year", "recognised")
    return [Row(n, dict(zip(keys, item, strict=True))) for n, item in enumerate(items, start=2)]


@pytest.fixture
def archive(db):
    """The past initiatives above, imported."""
    return archive_import(actor=None, rows=rows(PAST), source="Danh sách huyện")
