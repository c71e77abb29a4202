# ruff: noqa: E501 (one labelled item a line)
"""The labelled set of the novelty benchmark, written by hand.

GROUPS: one archived initiative (title, description, unit, year), then a paraphrase (the
same idea as another commune would write it: other words and order, sometimes without
diacritics or with abbreviations) and a related-but-new idea (the same sector, a different
idea, which must not be warned about). UNRELATED: ideas with no counterpart in the archive.
"""

GROUPS = [
    (
        (
            "Mô hình nuôi bò vỗ béo theo hướng an toàn sinh học",
            "Hội viên nuôi bò thịt vỗ béo ba tháng bằng thức ăn ủ chua từ thân cây ngô, chuồng trại có đệm lót sinh học.",
            "Hội Nông dân xã Ea Bá",
            2022,
        ),
        (
            "Vỗ béo bò thịt bằng thân ngô ủ chua, chuồng đệm lót sinh học",
            "Các hộ chọn bò gầy mua về vỗ béo trong 90 ngày, thức ăn là cây bắp ủ chua, nền chuồng lót đệm sinh học để giảm mùi.",
        ),
        (
            "Mô hình nuôi dê sinh sản trên nền chuồng sàn",
            "Hội viên nuôi dê cái sinh sản, chuồng sàn cao ráo, trồng cỏ voi làm thức ăn xanh.",
        ),
    ),
    (
        (
            "Tổ hợp tác trồng sắn cao sản liên kết tiêu thụ",
            "Thành lập tổ hợp tác của 25 hộ trồng sắn giống mới năng suất cao, ký hợp đồng bao tiêu với nhà máy tinh bột.",
            "Hội Nông dân xã Ea Bá",
            2022,
        ),
        (
            "Thanh lap THT trong san giong nang suat cao, ky hop dong voi nha may tinh bot",
            "25 ho lien ket trong san cao san va ban cho nha may tinh bot theo hop dong bao tieu.",
        ),
        (
            "Tổ hợp tác trồng mì chống bệnh khảm lá bằng giống sạch bệnh",
            "Các hộ trồng mì thay giống bị bệnh khảm lá bằng hom giống sạch bệnh, phun thuốc đúng quy trình.",
        ),
    ),
    (
        (
            "Câu lạc bộ phụ nữ tiết kiệm vốn xoay vòng",
            "Mỗi tháng hội viên góp 100.000 đồng, cho chị em khó khăn vay không lãi để làm ăn.",
            "Hội Phụ nữ xã Sơn Thành Đông",
            2021,
        ),
        (
            "CLB chị em góp vốn hằng tháng cho hội viên nghèo vay xoay vòng không lãi",
            "Hội viên góp tiền tiết kiệm mỗi tháng, lần lượt cho chị em vay vốn không tính lãi.",
        ),
        (
            "Câu lạc bộ phụ nữ khởi nghiệp bán hàng trên mạng",
            "Chị em được hướng dẫn mở gian hàng trực tuyến, chụp ảnh và bán nông sản qua mạng xã hội.",
        ),
    ),
    (
        (
            "Ứng dụng chế phẩm sinh học ủ phân chuồng làm phân hữu cơ",
            "Dùng chế phẩm Trichoderma ủ phân chuồng và phụ phẩm nông nghiệp thành phân hữu cơ bón cho cà phê.",
            "Hội Nông dân xã Hòa An",
            2020,
        ),
        (
            "Ủ phân hữu cơ từ phân chuồng bằng nấm Trichoderma để bón cà phê",
            "Hộ dân trộn phân gia súc với vỏ cà phê và chế phẩm Trichoderma, ủ thành phân bón hữu cơ.",
        ),
        (
            "Bón phân hữu cơ vi sinh cho cây sầu riêng",
            "Thay phân hóa học bằng phân hữu cơ vi sinh mua sẵn cho vườn sầu riêng đang kinh doanh.",
        ),
    ),
    (
        (
            "Tưới nước tiết kiệm cho cà phê bằng hệ thống tưới nhỏ giọt",
            "Lắp hệ thống tưới nhỏ giọt kết hợp bón phân qua nước cho vườn cà phê, tiết kiệm 40% nước tưới.",
            "Hội Nông dân xã Ea Bá",
            2023,
        ),
        (
            "Lap dat he thong tuoi nho giot cho vuon ca phe de tiet kiem nuoc",
            "Cac ho dung ong tuoi nho giot ket hop bon phan theo duong nuoc, giam luong nuoc tuoi vao mua kho.",
        ),
        (
            "Tưới phun mưa cho hồ tiêu bằng điều khiển qua điện thoại",
            "Hệ thống tưới phun mưa cho vườn hồ tiêu được bật tắt bằng ứng dụng trên điện thoại.",
        ),
    ),
    (
        (
            "Mô hình thu gom rác thải nhựa đổi quà",
            "Chi hội phụ nữ tổ chức ngày chủ nhật xanh, người dân mang chai nhựa, túi ni lông đến đổi lấy cây giống và đồ dùng.",
            "Hội Phụ nữ phường Phú Đông",
            2022,
        ),
        (
            "Đổi rác nhựa lấy quà tặng vào ngày chủ nhật xanh",
            "Người dân thu gom vỏ chai nhựa và túi nilon mang đến điểm đổi quà do hội phụ nữ tổ chức, nhận cây giống.",
        ),
        (
            "Phân loại rác hữu cơ tại hộ gia đình làm phân bón",
            "Mỗi hộ có hai thùng rác, rác hữu cơ được ủ thành phân bón cho vườn rau.",
        ),
    ),
    (
        (
            "Chuyển đổi số trong quản lý hội viên bằng Zalo",
            "Lập nhóm Zalo cho từng chi hội để thông báo, thu hội phí và cập nhật danh sách hội viên.",
            "Hội Nông dân phường 9",
            2024,
        ),
        (
            "Quản lý hội viên và thu hội phí qua nhóm zalo của chi hội",
            "Moi chi hoi co nhom zalo de gui thong bao, nhac dong hoi phi, cap nhat thong tin hoi vien.",
        ),
        (
            "Phần mềm bản đồ số các vườn cây ăn quả của hội viên",
            "Xây dựng bản đồ số ghi vị trí và diện tích vườn cây ăn quả để kết nối người mua.",
        ),
    ),
    (
        (
            "Nuôi cá lồng trên sông theo tiêu chuẩn VietGAP",
            "Tổ hợp tác nuôi cá diêu hồng trong lồng bè trên sông, ghi nhật ký và kiểm soát thức ăn theo VietGAP.",
            "Hội Nông dân xã Hòa Thịnh",
            2019,
        ),
        (
            "Nuôi cá diêu hồng lồng bè trên sông đạt chuẩn VietGAP",
            "Các hộ nuôi cá điêu hồng trong lồng trên sông, ghi chép nhật ký nuôi và dùng thức ăn đúng quy định VietGAP.",
        ),
        (
            "Nuôi tôm thẻ chân trắng trong ao lót bạt",
            "Hộ dân nuôi tôm thẻ trong ao lót bạt, thay nước và sục khí để giảm dịch bệnh.",
        ),
    ),
    (
        (
            "Xây dựng tuyến đường hoa nông thôn mới",
            "Hội viên trồng và chăm sóc hoa hai bên đường liên thôn, góp phần xây dựng NTM kiểu mẫu.",
            "Hội Phụ nữ xã Hòa Xuân",
            2021,
        ),
        (
            "Trồng hoa hai bên đường liên thôn góp phần xây dựng nông thôn mới",
            "Chi hội phân công hội viên trồng, tưới và chăm sóc các tuyến đường hoa trong thôn.",
        ),
        (
            "Thắp sáng đường quê bằng đèn năng lượng mặt trời",
            "Hội viên góp tiền lắp đèn năng lượng mặt trời chiếu sáng các tuyến đường thôn.",
        ),
    ),
    (
        (
            "Trồng nấm rơm trong nhà lưới từ rơm rạ sau thu hoạch",
            "Tận dụng rơm rạ sau vụ lúa để trồng nấm rơm trong nhà lưới, tạo việc làm cho phụ nữ nông thôn.",
            "Hội Phụ nữ xã An Phú",
            2020,
        ),
        (
            "Tan dung rom ra sau vu lua de trong nam rom trong nha luoi",
            "Phu nu nong thon trong nam rom tu rom ra sau thu hoach lua, co them thu nhap.",
        ),
        (
            "Trồng nấm linh chi trên giá thể mùn cưa",
            "Hộ dân trồng nấm linh chi bằng phôi mùn cưa trong nhà kín để bán dược liệu.",
        ),
    ),
    (
        (
            "Liên kết sản xuất lúa hữu cơ gắn với tiêu thụ",
            "Hợp tác xã ký hợp đồng với doanh nghiệp, nông dân trồng lúa hữu cơ không dùng thuốc hóa học, doanh nghiệp bao tiêu.",
            "Hội Nông dân xã Hòa Trị",
            2023,
        ),
        (
            "HTX liên kết nông dân trồng lúa hữu cơ, doanh nghiệp bao tiêu đầu ra",
            "Nông dân trồng lúa theo hướng hữu cơ không phun thuốc hóa học, HTX ký hợp đồng tiêu thụ với công ty.",
        ),
        (
            "Cánh đồng lớn cơ giới hóa thu hoạch lúa",
            "Nông dân dồn điền đổi thửa, dùng máy gặt đập liên hợp thu hoạch lúa trên cánh đồng lớn.",
        ),
    ),
    (
        (
            "Tổ vay vốn ngân hàng chính sách giúp hội viên thoát nghèo",
            "Hội quản lý tổ tiết kiệm và vay vốn của Ngân hàng Chính sách xã hội, hướng dẫn hộ nghèo dùng vốn chăn nuôi.",
            "Hội Nông dân xã Sơn Hà",
            2018,
        ),
        (
            "To tiet kiem va vay von NHCSXH giup ho ngheo chan nuoi",
            "Hoi huong dan hoi vien ngheo vay von ngan hang chinh sach xa hoi de chan nuoi, thoat ngheo ben vung.",
        ),
        (
            "Tổ hợp tác dịch vụ cung ứng vật tư nông nghiệp trả chậm",
            "Hội liên kết với đại lý cung ứng phân bón, giống cho hội viên trả chậm sau thu hoạch.",
        ),
    ),
    (
        (
            "Nuôi ong lấy mật dưới tán rừng cà phê",
            "Hội viên đặt thùng ong dưới vườn cà phê mùa hoa nở, vừa thu mật vừa tăng thụ phấn.",
            "Hội Nông dân xã Cư Suê",
            2021,
        ),
        (
            "Đặt thùng nuôi ong lấy mật trong vườn cà phê mùa ra hoa",
            "Ong giúp thụ phấn cho cà phê, hộ dân thu thêm mật ong bán cho du khách.",
        ),
        (
            "Nuôi ong dú lấy mật trong thùng gỗ",
            "Nuôi loài ong không ngòi trong thùng gỗ đặt quanh nhà, mật bán giá cao.",
        ),
    ),
    (
        (
            "Chi hội nông dân nghề nghiệp trồng bơ",
            "Thành lập chi hội nghề nghiệp gồm các hộ trồng bơ để chia sẻ kỹ thuật ghép và tìm đầu ra chung.",
            "Hội Nông dân xã Ea Kao",
            2022,
        ),
        (
            "Thanh lap chi hoi ND nghe nghiep cac ho trong bo",
            "Cac ho trong bo vao chung mot chi hoi nghe nghiep, cung hoc ky thuat ghep cay va ban bo chung.",
        ),
        (
            "Trồng xen bơ và sầu riêng trong vườn cà phê",
            "Hộ dân trồng xen cây bơ, sầu riêng vào vườn cà phê để đa dạng thu nhập.",
        ),
    ),
    (
        (
            "Sân chơi thiếu nhi do hội viên tự góp công xây dựng",
            "Thanh niên và hội viên góp công, vật liệu cũ dựng sân chơi cho trẻ em trong thôn.",
            "Đoàn Thanh niên xã Hòa Quang Nam",
            2020,
        ),
        (
            "Hoi vien gop cong dung san choi cho tre em thon bang vat lieu tai che",
            "Thanh nien tan dung lop xe, go cu lam xich du, cau truot cho thieu nhi.",
        ),
        (
            "Tủ sách thôn cho thiếu nhi đọc vào dịp hè",
            "Mỗi thôn có một tủ sách do hội viên quyên góp, mở cho trẻ em đọc vào dịp hè.",
        ),
    ),
    (
        (
            "Mô hình chăn nuôi heo trên đệm lót sinh học",
            "Nuôi heo thịt trên nền đệm lót trấu và chế phẩm vi sinh, không xả nước thải, giảm mùi hôi.",
            "Hội Nông dân xã An Định",
            2019,
        ),
        (
            "Nuôi lợn thịt trên nền đệm lót trấu men vi sinh không xả nước thải",
            "Hộ dân lót chuồng bằng trấu trộn men vi sinh, chuồng heo không mùi và không phải rửa.",
        ),
        (
            "Chăn nuôi gà thả vườn dưới tán cây ăn quả",
            "Nuôi gà ta thả vườn dưới tán vườn cây ăn quả, bổ sung thức ăn thảo dược.",
        ),
    ),
    (
        (
            "Hợp tác xã dệt thổ cẩm của phụ nữ dân tộc Ê Đê",
            "Chị em Ê Đê giữ nghề dệt thổ cẩm truyền thống, làm sản phẩm bán cho khách du lịch.",
            "Hội Phụ nữ xã Ea Tul",
            2021,
        ),
        (
            "Phụ nữ Ê Đê lập HTX dệt vải thổ cẩm bán cho du khách",
            "Giữ gìn nghề dệt truyền thống của đồng bào, sản phẩm thổ cẩm bán tại điểm du lịch.",
        ),
        (
            "Đội cồng chiêng thanh thiếu niên dân tộc Ê Đê",
            "Thành lập đội cồng chiêng cho thanh thiếu niên để giữ gìn văn hóa truyền thống.",
        ),
    ),
    (
        (
            "Phòng chống dịch tả lợn châu Phi bằng khử trùng chuồng trại định kỳ",
            "Hội viên được cấp vôi bột và hóa chất để phun khử trùng chuồng trại mỗi tuần, khai báo sớm khi heo bệnh.",
            "Hội Nông dân xã Hòa Phong",
            2020,
        ),
        (
            "Phun khu trung chuong trai hang tuan phong dich ta lon chau Phi",
            "Cap voi bot, hoa chat tieu doc cho ho chan nuoi heo, bao ngay khi lon co dau hieu benh.",
        ),
        (
            "Tiêm phòng vắc xin lở mồm long móng cho đàn bò",
            "Hội phối hợp thú y tổ chức tiêm vắc xin lở mồm long móng cho trâu bò của hội viên.",
        ),
    ),
    (
        (
            "Trồng rau an toàn trong nhà màng theo VietGAP",
            "Tổ hợp tác trồng rau ăn lá trong nhà màng, tưới tự động, sản phẩm bán cho bếp ăn trường học.",
            "Hội Nông dân phường Tân Lợi",
            2023,
        ),
        (
            "Trong rau sach trong nha mang dat chuan VietGAP ban cho bep an truong hoc",
            "To hop tac trong rau an la trong nha mang co he thong tuoi tu dong.",
        ),
        (
            "Trồng dưa lưới thủy canh trong nhà kính",
            "Hộ dân trồng dưa lưới thủy canh hồi lưu trong nhà kính, thu hoạch bán siêu thị.",
        ),
    ),
    (
        (
            "Camera an ninh do người dân góp vốn lắp đặt",
            "Các hộ trong thôn góp tiền lắp camera tại các ngã ba, ngã tư, kết nối với công an xã để giữ an ninh trật tự.",
            "Hội Cựu chiến binh xã Hòa Thắng",
            2022,
        ),
        (
            "Người dân góp tiền lắp camera giám sát ở các ngã tư trong thôn",
            "Camera an ninh kết nối với công an xã, giúp phát hiện trộm cắp và giữ trật tự.",
        ),
        (
            "Tổ tự quản an ninh trật tự của cựu chiến binh",
            "Cựu chiến binh tuần tra ban đêm và hòa giải mâu thuẫn trong khu dân cư.",
        ),
    ),
    (
        (
            "Sản xuất cà phê đặc sản chế biến ướt",
            "Hội viên hái chín trên 90%, chế biến ướt và lên men để làm cà phê đặc sản, bán giá cao hơn 30%.",
            "Hội Nông dân xã Ea Bá",
            2024,
        ),
        (
            "Ca phe dac san: hai qua chin, che bien uot va len men",
            "Ho dan chi thu hai qua ca phe chin, so che uot, len men co kiem soat de ban ca phe dac san gia cao.",
        ),
        (
            "Rang xay cà phê bột mang thương hiệu của xã",
            "Hội viên rang xay, đóng gói cà phê bột mang nhãn hiệu chung của xã để bán lẻ.",
        ),
    ),
    (
        (
            "Tủ thuốc nam tại nhà văn hóa thôn",
            "Chi hội trồng vườn thuốc nam và đặt tủ thuốc nam tại nhà văn hóa cho bà con chữa bệnh thông thường.",
            "Hội Phụ nữ xã Hòa Bình 1",
            2019,
        ),
        (
            "Vườn và tủ thuốc nam ở nhà văn hóa thôn cho người dân dùng",
            "Hội viên trồng cây thuốc nam, làm tủ thuốc đặt ở nhà văn hóa để bà con dùng khi ốm vặt.",
        ),
        (
            "Khám sức khỏe miễn phí cho người cao tuổi",
            "Hội phối hợp trạm y tế khám sức khỏe định kỳ miễn phí cho người cao tuổi trong xã.",
        ),
    ),
    (
        (
            "Sấy nông sản bằng năng lượng mặt trời",
            "Lắp nhà sấy dùng năng lượng mặt trời để sấy cà phê, tiêu, mắc ca, giảm chi phí và giữ chất lượng.",
            "Hội Nông dân xã Cư Ebur",
            2023,
        ),
        (
            "Nha say nang luong mat troi cho ca phe, ho tieu va mac ca",
            "Hoi vien dung nha say mai kinh hap thu nhiet mat troi, nong san kho deu, khong bi moc.",
        ),
        (
            "Điện mặt trời áp mái cho trang trại chăn nuôi",
            "Trang trại lắp tấm pin mặt trời trên mái chuồng để tự cung cấp điện.",
        ),
    ),
    (
        (
            "Hội viên nông dân bán nông sản trên sàn thương mại điện tử",
            "Hướng dẫn hội viên đưa sản phẩm OCOP lên sàn thương mại điện tử, livestream bán hàng.",
            "Hội Nông dân thành phố",
            2024,
        ),
        (
            "Dua san pham OCOP cua nong dan len san thuong mai dien tu va livestream ban hang",
            "Hoi vien duoc tap huan dang san pham len san TMDT, ban hang truc tuyen qua livestream.",
        ),
        (
            "Xây dựng sản phẩm OCOP mật ong hoa cà phê",
            "Hoàn thiện bao bì, tem truy xuất để mật ong hoa cà phê đạt sản phẩm OCOP 3 sao.",
        ),
    ),
    (
        (
            "Nuôi dế thương phẩm trong thùng xốp",
            "Nuôi dế cơm trong thùng xốp tại nhà, thức ăn là rau, cám, vốn ít, quay vòng nhanh.",
            "Đoàn Thanh niên xã Hòa Khánh",
            2021,
        ),
        (
            "Nuôi dế cơm trong thùng xốp tại gia đình vốn ít quay vòng nhanh",
            "Thanh niên nuôi dế thương phẩm trong thùng xốp, cho ăn rau và cám, bán cho nhà hàng.",
        ),
        (
            "Nuôi giun quế xử lý phân chuồng",
            "Dùng giun quế ăn phân chuồng, vừa có phân trùn bón cây vừa có giun làm thức ăn gia cầm.",
        ),
    ),
    (
        (
            "Lớp học xóa mù chữ cho phụ nữ dân tộc thiểu số",
            "Hội phụ nữ mở lớp học buổi tối dạy đọc, viết tiếng Việt cho chị em đồng bào dân tộc thiểu số.",
            "Hội Phụ nữ xã Krông Na",
            2018,
        ),
        (
            "Mo lop hoc buoi toi day chu cho chi em dong bao DTTS",
            "Chi em dan toc thieu so duoc day doc, viet tieng Viet mien phi vao buoi toi.",
        ),
        (
            "Dạy tiếng Ê Đê cho cán bộ hội người Kinh",
            "Lớp học tiếng Ê Đê giúp cán bộ hội người Kinh giao tiếp với hội viên đồng bào.",
        ),
    ),
    (
        (
            "Trồng cỏ voi nuôi bò sinh sản",
            "Chuyển đất trồng lúa kém hiệu quả sang trồng cỏ voi làm thức ăn cho bò sinh sản.",
            "Hội Nông dân xã Hòa Tân Tây",
            2020,
        ),
        (
            "Chuyen dat lua kem hieu qua sang trong co voi de nuoi bo cai sinh san",
            "Ho dan trong co voi thay lua, cat co cho bo sinh san an quanh nam.",
        ),
        (
            "Nuôi bò sữa quy mô hộ gia đình",
            "Hộ dân nuôi bò sữa, vắt sữa bằng máy và bán cho trạm thu mua sữa.",
        ),
    ),
    (
        (
            "Tổ phụ nữ tự quản vệ sinh môi trường khu dân cư",
            "Tổ phụ nữ phân công quét dọn, thu gom rác, phát quang bụi rậm các tuyến đường khu dân cư mỗi sáng chủ nhật.",
            "Hội Phụ nữ phường Xuân Phú",
            2019,
        ),
        (
            "To chi em tu quan quet don, thu gom rac khu dan cu sang chu nhat",
            "Phu nu khu pho phan cong nhau ve sinh moi truong, phat quang bui ram cac tuyen duong.",
        ),
        (
            "Trồng cây xanh che bóng mát trên đường phố",
            "Hội viên trồng cây xanh bóng mát dọc vỉa hè các tuyến phố.",
        ),
    ),
    (
        (
            "Ứng dụng máy bay không người lái phun thuốc bảo vệ thực vật",
            "Tổ dịch vụ dùng máy bay không người lái phun thuốc BVTV cho lúa và cà phê, giảm độc hại cho người phun.",
            "Hội Nông dân xã Ea Na",
            2024,
        ),
        (
            "Dùng drone phun thuốc BVTV cho ruộng lúa và vườn cà phê",
            "Tổ dịch vụ nhận phun thuốc bảo vệ thực vật bằng thiết bị bay không người lái, người dân không phải tiếp xúc thuốc.",
        ),
        (
            "Bẫy đèn bắt côn trùng hại lúa",
            "Đặt bẫy đèn ngoài đồng để dự báo và bắt rầy nâu, sâu cuốn lá.",
        ),
    ),
    (
        (
            "Mái ấm tình thương cho hội viên nghèo",
            "Hội vận động quyên góp, hội viên góp ngày công xây nhà tình thương cho hội viên có hoàn cảnh khó khăn.",
            "Hội Cựu chiến binh xã Hòa Phú",
            2018,
        ),
        (
            "Van dong quyen gop va gop ngay cong xay nha tinh thuong cho hoi vien ngheo",
            "Hoi vien cung gop cong xay mai am cho hoi vien kho khan ve nha o.",
        ),
        (
            "Sửa chữa nhà cho người cao tuổi neo đơn",
            "Hội viên góp công sửa mái, lát nền cho người cao tuổi sống một mình.",
        ),
    ),
    (
        (
            "Trồng tiêu sạch không dùng thuốc hóa học",
            "Hội viên trồng hồ tiêu theo hướng hữu cơ, dùng chế phẩm sinh học phòng bệnh chết nhanh chết chậm.",
            "Hội Nông dân xã Ea Tu",
            2021,
        ),
        (
            "Ho tieu huu co, dung che pham sinh hoc phong benh chet nhanh, chet cham",
            "Hoi vien trong tieu sach, khong phun thuoc hoa hoc, phong benh bang che pham sinh hoc.",
        ),
        (
            "Trụ sống cho hồ tiêu bằng cây keo dậu",
            "Thay trụ bê tông bằng trụ sống keo dậu che bóng cho hồ tiêu.",
        ),
    ),
    (
        (
            "Nuôi gà đẻ trứng bằng thức ăn tự phối trộn",
            "Hội viên tự phối trộn thức ăn từ ngô, cám gạo, bột cá cho gà đẻ, giảm 20% chi phí.",
            "Hội Nông dân xã Ea Kpam",
            2022,
        ),
        (
            "Tự phối trộn thức ăn cho gà đẻ trứng từ bắp, cám gạo và bột cá",
            "Hộ nuôi gà đẻ tự trộn thức ăn từ nguyên liệu tại chỗ, chi phí giảm một phần năm.",
        ),
        (
            "Ấp trứng gà bằng máy ấp tự chế",
            "Hội viên tự làm máy ấp trứng bằng thùng xốp và bóng đèn, tự chủ con giống.",
        ),
    ),
    (
        (
            "Đội xung kích phòng chống thiên tai của thanh niên",
            "Thanh niên lập đội xung kích, diễn tập cứu hộ, giúp dân chằng chống nhà cửa khi có bão lũ.",
            "Đoàn Thanh niên xã Hòa Đồng",
            2020,
        ),
        (
            "Doi thanh nien xung kich giup dan chang chong nha cua mua bao lu",
            "Doan vien dien tap cuu ho, ung cuu nguoi dan khi co thien tai bao lu.",
        ),
        (
            "Hiến máu tình nguyện của đoàn viên",
            "Đoàn thanh niên tổ chức ngày hội hiến máu tình nguyện hằng năm.",
        ),
    ),
    (
        (
            "Cải tạo vườn tạp trồng cây ăn quả giá trị cao",
            "Hội viên chặt bỏ vườn tạp kém hiệu quả, trồng sầu riêng, bơ ghép giống mới cho thu nhập cao.",
            "Hội Nông dân xã Ea Sô",
            2019,
        ),
        (
            "Chặt vườn tạp kém hiệu quả, thay bằng sầu riêng và bơ ghép",
            "Hộ dân cải tạo vườn cũ, trồng cây ăn trái giống mới có giá trị kinh tế cao.",
        ),
        (
            "Trồng chanh dây trên giàn bê tông",
            "Hội viên trồng chanh dây leo giàn trụ bê tông, bán quả tươi cho thương lái.",
        ),
    ),
    (
        (
            "Giáo dục pháp luật cho hội viên qua loa truyền thanh",
            "Phát các chuyên mục hỏi đáp pháp luật trên loa truyền thanh thôn mỗi tối thứ bảy.",
            "Hội Cựu chiến binh xã Ea Drông",
            2023,
        ),
        (
            "Chuyen muc hoi dap phap luat tren loa truyen thanh thon toi thu bay",
            "Hoi phat cac bai tuyen truyen phap luat cho hoi vien qua he thong loa cua thon.",
        ),
        (
            "Tư vấn pháp lý miễn phí cho nông dân về đất đai",
            "Luật sư tình nguyện tư vấn thủ tục đất đai miễn phí tại trụ sở hội.",
        ),
    ),
    (
        (
            "Nuôi lươn không bùn trong bể xi măng",
            "Nuôi lươn đồng trong bể xi măng không bùn, dùng giá thể dây nhựa, thức ăn là cá tạp và cám.",
            "Hội Nông dân xã Hòa Hiệp",
            2022,
        ),
        (
            "Nuoi luon dong trong be xi mang khong can bun",
            "Ho dan nuoi luon trong be xay bang xi mang, tha gia the bang day nhua, cho an ca tap.",
        ),
        (
            "Nuôi ếch trong bể lót bạt",
            "Hội viên nuôi ếch thịt trong bể lót bạt đặt sau nhà, thức ăn công nghiệp.",
        ),
    ),
    (
        (
            "Bếp ăn nấu cháo miễn phí cho bệnh nhân nghèo",
            "Chi hội phụ nữ nấu cháo phát miễn phí cho bệnh nhân nghèo ở bệnh viện huyện mỗi sáng.",
            "Hội Phụ nữ thị trấn Phước An",
            2018,
        ),
        (
            "Nau chao phat mien phi moi sang cho benh nhan ngheo tai benh vien",
            "Chi em phu nu quyen gop gao, rau de nau chao tang nguoi benh kho khan o benh vien huyen.",
        ),
        (
            "Quỹ học bổng cho học sinh nghèo vượt khó",
            "Hội viên đóng góp quỹ trao học bổng cho học sinh nghèo học giỏi.",
        ),
    ),
    (
        (
            "Thu gom vỏ bao bì thuốc bảo vệ thực vật trên đồng ruộng",
            "Đặt bể chứa bao bì thuốc BVTV ở đầu bờ ruộng, định kỳ thu gom đưa đi xử lý.",
            "Hội Nông dân xã Hòa Đông",
            2021,
        ),
        (
            "Be chua vo chai, bao bi thuoc bao ve thuc vat dat o dau bo ruong",
            "Nong dan bo bao bi thuoc BVTV sau khi phun vao be, hoi thu gom mang di xu ly dinh ky.",
        ),
        (
            "Làm thuốc trừ sâu sinh học từ tỏi, ớt, gừng",
            "Hội viên tự ngâm tỏi, ớt, gừng làm thuốc trừ sâu sinh học cho rau.",
        ),
    ),
    (
        (
            "Dạy bơi miễn phí cho trẻ em mùa hè",
            "Đoàn thanh niên dùng bể bơi di động dạy bơi miễn phí cho trẻ em, phòng chống đuối nước.",
            "Đoàn Thanh niên xã Hòa Thuận",
            2022,
        ),
        (
            "Day tre em boi mien phi bang be boi di dong de phong duoi nuoc",
            "Doan vien mo lop boi mua he cho thieu nhi trong thon.",
        ),
        (
            "Lớp học võ tự vệ cho thiếu nhi",
            "Đoàn thanh niên mở lớp võ tự vệ cho thiếu nhi vào dịp hè.",
        ),
    ),
    (
        (
            "Trồng mắc ca xen cà phê",
            "Trồng cây mắc ca xen trong vườn cà phê làm cây che bóng và tăng thu nhập.",
            "Hội Nông dân xã Ea Yông",
            2020,
        ),
        (
            "Trong xen cay mac ca vao vuon ca phe vua che bong vua tang thu nhap",
            "Ho dan trong mac ca trong vuon ca phe de lam cay che bong va co them thu nhap.",
        ),
        (
            "Chế biến hạt mắc ca sấy nứt vỏ",
            "Hộ dân sấy và tách nứt vỏ hạt mắc ca, đóng túi bán làm quà.",
        ),
    ),
]

UNRELATED = [
    (
        "Thư viện sách điện tử cho giáo viên tiểu học",
        "Xây dựng kho học liệu số dùng chung cho giáo viên các trường tiểu học.",
    ),
    (
        "Đường dây nóng hỗ trợ nạn nhân bạo lực gia đình",
        "Số điện thoại trực 24 giờ để phụ nữ bị bạo lực gia đình gọi khi cần giúp đỡ.",
    ),
    (
        "Sửa chữa xe máy miễn phí cho thí sinh mùa thi",
        "Thanh niên sửa xe miễn phí cho thí sinh trên đường đến điểm thi.",
    ),
    (
        "Giải bóng đá mini cho công nhân khu công nghiệp",
        "Tổ chức giải bóng đá mini hằng năm cho công nhân các nhà máy.",
    ),
    (
        "Cấp nước sạch bằng bồn lọc cho điểm trường vùng sâu",
        "Lắp bồn lọc nước cho các điểm trường ở vùng sâu vùng xa.",
    ),
    (
        "Hướng dẫn người cao tuổi dùng điện thoại thông minh",
        "Lớp học giúp người cao tuổi gọi video, đọc tin tức và nhận tiền qua điện thoại.",
    ),
    (
        "Đổi sách giáo khoa cũ giữa các khối lớp",
        "Học sinh đổi sách giáo khoa cũ cho khóa sau để tiết kiệm chi phí.",
    ),
    (
        "Xe đưa đón công nhân chung giữa các doanh nghiệp",
        "Các doanh nghiệp góp chung xe đưa đón công nhân ở xa.",
    ),
    (
        "Lễ cưới văn minh tiết kiệm",
        "Vận động các gia đình tổ chức lễ cưới gọn, không mời quá đông, không ép rượu.",
    ),
    (
        "Tủ bánh mì miễn phí cho người lao động nghèo",
        "Đặt tủ bánh mì miễn phí trước chợ cho người lao động nghèo và người vô gia cư.",
    ),
    (
        "Phòng đọc báo Xuân cho người cao tuổi",
        "Trưng bày báo Xuân tại nhà văn hóa cho người cao tuổi đọc dịp Tết.",
    ),
    (
        "Biểu diễn văn nghệ gây quỹ khuyến học",
        "Đội văn nghệ biểu diễn gây quỹ trao thưởng cho học sinh giỏi.",
    ),
    (
        "Ứng dụng gọi xe ôm công nghệ của thị trấn",
        "Phần mềm kết nối người cần đi xe với các tài xế xe ôm trong thị trấn.",
    ),
    (
        "Hòm thư góp ý của người dân đặt tại chợ",
        "Đặt hòm thư để tiểu thương và người mua góp ý về quản lý chợ.",
    ),
    (
        "Phòng cháy chữa cháy liên gia",
        "Các hộ liền kề lập tổ liên gia an toàn phòng cháy, trang bị bình chữa cháy chung.",
    ),
    (
        "Hướng dẫn kê khai thuế điện tử cho hộ kinh doanh",
        "Cán bộ hướng dẫn hộ kinh doanh nhỏ kê khai và nộp thuế qua mạng.",
    ),
    (
        "Đội bóng chuyền hơi của phụ nữ",
        "Thành lập đội bóng chuyền hơi rèn luyện sức khỏe cho chị em.",
    ),
    (
        "Gian hàng không đồng ngày Tết",
        "Tổ chức gian hàng quần áo, đồ dùng miễn phí cho người nghèo dịp Tết.",
    ),
    (
        "Mã QR giới thiệu di tích lịch sử của xã",
        "Gắn mã QR tại di tích để khách quét và nghe thuyết minh lịch sử.",
    ),
    (
        "Đo huyết áp miễn phí tại chợ phiên",
        "Tình nguyện viên y tế đo huyết áp, tư vấn sức khỏe tại chợ phiên.",
    ),
    ("Cuộc thi ảnh đẹp quê hương", "Cuộc thi ảnh về cảnh đẹp quê hương trên trang của xã."),
    (
        "Tổ hòa giải mâu thuẫn gia đình",
        "Những người có uy tín trong thôn hòa giải các mâu thuẫn vợ chồng, anh em.",
    ),
    (
        "Bữa sáng cho học sinh bán trú",
        "Vận động mạnh thường quân tài trợ bữa sáng cho học sinh bán trú vùng khó.",
    ),
    (
        "Thu gom pin cũ tại trường học",
        "Đặt thùng thu gom pin đã qua sử dụng tại cổng trường, gửi đi xử lý.",
    ),
    (
        "Chương trình áo ấm cho em vùng cao",
        "Quyên góp áo ấm, chăn màn gửi lên các điểm trường vùng cao mùa lạnh.",
    ),
    (
        "Câu lạc bộ tiếng Anh cho học sinh trung học",
        "Sinh hoạt tiếng Anh cuối tuần với sinh viên tình nguyện.",
    ),
    (
        "Làm đèn ông sao tặng thiếu nhi dịp Trung thu",
        "Đoàn viên tự làm đèn ông sao từ tre, giấy bóng kính tặng các em nhỏ.",
    ),
    (
        "Bản tin hội trên mạng xã hội",
        "Đăng bản tin hoạt động của hội mỗi tuần trên trang mạng xã hội.",
    ),
    (
        "Hướng dẫn đăng ký khai sinh trực tuyến",
        "Đoàn viên giúp các gia đình làm thủ tục khai sinh qua cổng dịch vụ công.",
    ),
    (
        "Trạm sạc điện thoại miễn phí tại bến xe",
        "Đặt trạm sạc điện thoại miễn phí cho hành khách chờ xe.",
    ),
    (
        "Dọn dẹp nghĩa trang liệt sĩ trước ngày 27 tháng 7",
        "Đoàn viên dọn vệ sinh, thắp hương tại nghĩa trang liệt sĩ.",
    ),
    (
        "Cắt tóc miễn phí cho người già neo đơn",
        "Thợ cắt tóc tình nguyện đến nhà cắt tóc cho người già neo đơn.",
    ),
    ("Đội lân sư rồng của thiếu nhi", "Tập luyện múa lân cho thiếu nhi biểu diễn dịp Trung thu."),
    (
        "Kiểm tra an toàn điện trong nhà cho hộ nghèo",
        "Thợ điện tình nguyện kiểm tra, thay dây điện cũ cho hộ nghèo.",
    ),
    (
        "Hỗ trợ thủ tục xuất khẩu lao động",
        "Tư vấn hồ sơ và chọn công ty uy tín cho người đi làm việc ở nước ngoài.",
    ),
    (
        "Ngày hội đọc sách cho học sinh",
        "Tổ chức ngày hội đọc sách, kể chuyện theo sách cho học sinh.",
    ),
    (
        "Quầy thuốc giá gốc cho người bệnh mãn tính",
        "Bán thuốc giá gốc cho người bệnh tiểu đường, huyết áp.",
    ),
    (
        "Sân khấu hóa tuyên truyền an toàn giao thông",
        "Tiểu phẩm về đội mũ bảo hiểm và không uống rượu khi lái xe.",
    ),
    ("Tặng xe đạp cho học sinh đi học xa", "Vận động tặng xe đạp cho học sinh nhà xa trường."),
    (
        "Hỗ trợ tìm việc làm cho người khuyết tật",
        "Kết nối người khuyết tật với các cơ sở cần lao động làm việc tại nhà.",
    ),
]
