"""The demo's novelty check: the province's list of past initiatives imported into the
archive, and a 2026 registration of today's Ea Bá that repeats, nearly word for word, Ea Bá's
cassava model the district accepted in 2022, flagged "may be a duplicate" when it is sent
(the province's officer, ``tinh``, sees the flag and decides)."""

from thidua.initiatives.domain.registrations import (
    registration_create,
    registration_save,
    registration_submit,
)
from thidua.initiatives.models import Registration
from thidua.novelty.domain.archive import archive_import
from thidua.novelty.domain.files import Row
from thidua.org.models import Person, Unit

SOURCE = "Danh sách sáng kiến, mô hình 2015–2021 (Hội Nông dân tỉnh Phú Yên)"
# Each: the title, description, unit, year and whether it was recognised.
PAST = [
    (
        "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học",
        "Hội viên nuôi bò thịt vỗ béo ba tháng bằng thức ăn ủ chua từ thân cây ngô, chuồng "
        "trại có đệm lót sinh học.",
        "Hội Nông dân xã Ea Bá",
        "2019",
        "có",
    ),
    (
        "Tổ hợp tác trồng sắn an toàn liên kết nhà máy tinh bột",
        "Tổ hợp tác 18 hộ trồng sắn giống KM94, bón phân cân đối, bán cho nhà máy tinh bột sắn "
        "theo hợp đồng.",
        "Hội Nông dân xã Sơn Hội",
        "2018",
        "có",
    ),
    (
        "Câu lạc bộ phụ nữ tiết kiệm vốn xoay vòng",
        "Mỗi tháng hội viên góp 100.000 đồng, cho chị em khó khăn vay không lãi để làm ăn.",
        "Hội Nông dân xã Ea Ly",
        "2017",
        "không",
    ),
    (
        "Tưới nước tiết kiệm cho cà phê bằng hệ thống tưới nhỏ giọt",
        "Lắp hệ thống tưới nhỏ giọt kết hợp bón phân qua nước cho vườn cà phê, tiết kiệm 40% "
        "nước tưới.",
        "Hội Nông dân thị trấn Hai Riêng",
        "2020",
        "có",
    ),
    (
        "Nuôi cá lồng trên sông Ba theo tiêu chuẩn VietGAP",
        "Tổ hợp tác nuôi cá diêu hồng trong lồng bè trên sông Ba, ghi nhật ký theo VietGAP.",
        "Hội Nông dân xã Suối Trai",
        "2016",
        "có",
    ),
    (
        "Mô hình chăn nuôi heo trên đệm lót sinh học",
        "Nuôi heo thịt trên nền đệm lót trấu và chế phẩm vi sinh, không xả nước thải.",
        "Hội Nông dân xã Đức Bình Tây",
        "2015",
        "không",
    ),
    (
        "Trồng cỏ voi nuôi bò sinh sản trên đất lúa kém hiệu quả",
        "Chuyển đất trồng lúa kém hiệu quả sang trồng cỏ voi làm thức ăn cho bò sinh sản.",
        "Hội Nông dân xã Sông Hinh",
        "2021",
        "có",
    ),
    (
        "Thu gom vỏ bao bì thuốc bảo vệ thực vật trên đồng ruộng",
        "Đặt bể chứa bao bì thuốc BVTV ở đầu bờ ruộng, định kỳ thu gom đưa đi xử lý.",
        "Hội Nông dân xã Ea Bar",
        "2021",
        "có",
    ),
]
# The 2022 model, registered again in 2026 by today's Ea Bá under nearly the same name (not
# the very same: the demo's pages and tests name the 2022 model by its name alone).
REPEATED = "Mô hình trồng sắn cao sản, liên kết tiêu thụ với nhà máy"


def load(*, current_plan) -> Registration:
    tinh, xa = Person.objects.get(username="tinh"), Person.objects.get(username="xa")
    keys = ("title", "description", "unit", "year", "recognised")
    archive_import(
        actor=tinh,
        rows=[Row(n, dict(zip(keys, item, strict=True))) for n, item in enumerate(PAST, 2)],
        source=SOURCE,
    )
    unit = Unit.objects.get(code="22225", parent=current_plan.unit)
    registration = registration_create(
        actor=xa, plan=current_plan, unit=unit, kind="model", name=REPEATED
    )
    registration = registration_save(
        actor=xa,
        registration=registration,
        version=registration.version,
        fields={
            "lead_name": "Y Thuê Niê",
            "lead_position": f"Hội viên, {unit.full_name}",
            "summary": "Trồng sắn giống cao sản, liên kết tiêu thụ với nhà máy tinh bột sắn.",
            "applied_when": "Từ tháng 3 đến tháng 12/2026",
            "applied_where": unit.area_name,
            "applied_work": "Trồng trọt",
            "expected_results": "Năng suất sắn tăng, toàn bộ sản lượng được bao tiêu.",
            "households": 30,
        },
        arguments={
            a.criterion_id: f"{a.criterion.name}: được chi hội thống nhất."
            for a in registration.arguments.select_related("criterion")
        },
        implementers=[{"name": "Y Thuê Niê", "position_unit": "Hội viên", "role": "Chủ trì"}],
    )
    return registration_submit(actor=xa, registration=registration)
