"""Vietnamese text for the benchmark's data: names of models, initiatives and ideas, people,
their work and results, drawn from a seeded ``random.Random`` (the same seed, the same text).

Literal Vietnamese (NFC), as a commune's officer would type it; the combinations give tens
of thousands of different names, so searching and sorting meet realistic variety."""

import random

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Mai", "Trương", "Lương",
]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu"]
GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
    "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phúc", "Phương",
    "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Tuấn", "Vân", "Yến",
]  # fmt: skip
# Names of the Central Highlands, as in the seed's communes.
HIGHLANDS = ["Y Thuê Niê", "H'Luyến Niê", "Ksor Y Blúp", "Y Ngọc", "H'Bla Êban", "Rơ Chăm Hiếu"]

ACTIVITIES = [
    "trồng sắn cao sản", "nuôi bò vỗ béo", "trồng lúa chất lượng cao", "nuôi tôm sú",
    "tái canh cà phê", "nuôi heo đen bản địa", "trồng hồ tiêu hữu cơ",
    "trồng rau an toàn theo VietGAP", "nuôi gà thả vườn", "trồng bưởi da xanh",
    "nuôi dê sinh sản", "trồng mía nguyên liệu", "nuôi cá lồng trên sông",
    "trồng nấm rơm", "nuôi ong lấy mật", "trồng sầu riêng", "trồng chè shan tuyết",
    "nuôi vịt biển", "trồng dưa lưới trong nhà màng", "nuôi lươn không bùn",
    "trồng cây dược liệu dưới tán rừng", "nuôi trâu sinh sản", "trồng thanh long ruột đỏ",
    "trồng ngô sinh khối", "nuôi thỏ thương phẩm", "trồng điều cao sản",
]  # fmt: skip
QUALIFIERS = [
    "gắn với liên kết tiêu thụ", "theo tổ hợp tác", "theo hướng hữu cơ",
    "ứng dụng công nghệ cao", "theo chuỗi giá trị", "của chi hội nghề nghiệp",
    "kết hợp du lịch trải nghiệm", "tiết kiệm nước", "an toàn sinh học",
    "quy mô hộ gia đình", "theo tiêu chuẩn OCOP", "gắn với xây dựng nông thôn mới",
]  # fmt: skip
DEVICES = [
    "máy tách hạt điều quy mô hộ", "máy băm cỏ từ động cơ cũ", "hệ thống tưới nhỏ giọt tự chế",
    "lò sấy nông sản bằng năng lượng mặt trời", "máy gieo hạt kéo tay",
    "bể biogas bằng vật liệu composite", "máng ăn tự động cho gà", "máy xát vỏ cà phê mini",
    "giàn phơi lúa có mái che di động", "bẫy côn trùng bằng đèn năng lượng mặt trời",
]  # fmt: skip
IMPROVEMENTS = ["cải tiến", "chế tạo", "ứng dụng", "hoàn thiện"]
IDEAS = [
    "điểm thu gom, sơ chế nông sản của chi hội", "phiên chợ nông sản sạch cuối tuần",
    "du lịch trải nghiệm làng nghề", "sàn giao dịch nông sản trực tuyến của xã",
    "quỹ vay vốn xoay vòng cho hội viên trẻ", "tổ dịch vụ cơ giới hóa đồng ruộng",
    "bản đồ số vùng nguyên liệu", "nhóm Zalo tư vấn kỹ thuật cho hội viên",
]  # fmt: skip
POSITIONS = [
    "Chi hội trưởng", "Hội viên", "Tổ trưởng tổ hợp tác", "Phó Chủ tịch Hội Nông dân xã",
    "Chủ nhiệm hợp tác xã", "Cán bộ khuyến nông", "Trưởng thôn",
]  # fmt: skip
IMPLEMENTING = "Thực hiện"  # an implementer's part in the work
WORK = ["Trồng trọt", "Chăn nuôi", "Thủy sản", "Chế biến nông sản", "Dịch vụ nông nghiệp"]
SUMMARIES = [
    "Liên kết các hộ hội viên sản xuất theo quy trình thống nhất, bao tiêu sản phẩm ổn định.",
    "Giảm chi phí đầu vào, tăng năng suất so với cách làm truyền thống của địa phương.",
    "Tận dụng phụ phẩm nông nghiệp, hạn chế ô nhiễm môi trường, tạo việc làm tại chỗ.",
    "Hội viên góp vốn, góp công; chi hội hướng dẫn kỹ thuật và kết nối đầu ra.",
    "Ứng dụng tiến bộ kỹ thuật, có thể nhân rộng ra các thôn, buôn trong xã.",
]
RESULTS = [
    "Thu nhập bình quân tăng 20% so với trước khi tham gia.",
    "Năng suất tăng 15%, giá bán ổn định nhờ hợp đồng bao tiêu.",
    "Tạo việc làm thường xuyên cho lao động nông thôn.",
    "Giảm 30% chi phí phân bón và thuốc bảo vệ thực vật.",
]
ARGUMENTS = [
    "Lần đầu áp dụng tại địa phương.",
    "Phù hợp điều kiện đất đai, khí hậu và tập quán sản xuất.",
    "Nhiều hộ hội viên cùng tham gia, có tổ chức, có quy chế.",
    "Hiệu quả kinh tế rõ, thu nhập tăng, có thể nhân rộng.",
    "Kinh phí thấp, hội viên tự làm được.",
]
RETURN_REASONS = [
    "Bổ sung số hộ tham gia và kinh phí dự kiến.",
    "Ghi rõ thời gian và địa điểm áp dụng.",
    "Phần thuyết minh tính mới còn sơ sài, đề nghị viết lại.",
]
COMMENTS = [
    "Có tính thực tiễn, cần số liệu cụ thể hơn.",
    "Khả năng nhân rộng tốt.",
    "Chưa rõ hiệu quả kinh tế.",
    "",
    "",
]


def person_name(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(HIGHLANDS)
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def registration_name(rng: random.Random, kind: str, place: str) -> str:
    """ "Mô hình nuôi bò vỗ béo theo tổ hợp tác", "Sáng kiến cải tiến máy …", "Ý tưởng …"."""
    if kind == "model":
        text = f"Mô hình {rng.choice(ACTIVITIES)} {rng.choice(QUALIFIERS)}"
    elif kind == "initiative":
        text = f"Sáng kiến {rng.choice(IMPROVEMENTS)} {rng.choice(DEVICES)}"
    else:
        text = f"Ý tưởng {rng.choice(IDEAS)}"
    return f"{text} tại {place}" if rng.random() < 0.3 else text
