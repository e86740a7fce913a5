# language: vi
Tính năng: Thời hạn bảo vệ, khen thưởng người tố giác
  Phản ánh Kế hoạch mục II.1 (gạch đầu dòng thứ bảy): bảo vệ, khen thưởng kịp thời; Chỉ thị điểm 3.2:
  người đứng đầu được nhắc khi việc của cơ quan mình quá hạn. Luật Tố cáo 2018 không quy định thời
  hạn cho từng bước: các thời hạn là thiết lập của quy trình (tiếp nhận 1 ngày, xác minh 5 ngày, quyết
  định 3 ngày, báo cáo thực hiện 15 ngày, quyết định khen thưởng 30 ngày).

  Bối cảnh:
    Cho chấp hành viên "Đỗ Văn Minh" của Thi hành án dân sự tỉnh đã tố giác hành vi "Đối tượng đe dọa chấp hành viên để trì hoãn cưỡng chế"
    Và người tố giác của Thi hành án dân sự tỉnh đã đề nghị Công an tỉnh bảo vệ "tính mạng, sức khỏe"

  @KH-II.1.7 @CT-3.2
  Khung kịch bản: Quá hạn từng bước thì thủ trưởng cơ quan có thẩm quyền được nhắc
    Cho hồ sơ bảo vệ người tố giác đã đến bước "<bước>"
    Khi đồng hồ hệ thống chuyển thêm <thời gian>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "<mốc>"

    Dữ liệu:
      | bước                                       | thời gian      | mốc                            |
      | Tiếp nhận, bảo mật thông tin người tố giác | 1 ngày 1 phút  | Quá hạn tiếp nhận              |
      | Xác minh căn cứ bảo vệ                     | 5 ngày 1 phút  | Quá hạn xác minh               |
      | Quyết định áp dụng biện pháp bảo vệ        | 3 ngày 1 phút  | Quá hạn quyết định             |
      | Thực hiện biện pháp bảo vệ, báo cáo        | 15 ngày 1 phút | Quá hạn báo cáo                |
      | Quyết định khen thưởng                     | 30 ngày 1 phút | Quá hạn quyết định khen thưởng |

  @KH-II.1.7
  Kịch bản: Chưa đến hạn thì không nhắc
    Khi đồng hồ hệ thống chuyển thêm 23 giờ
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @CT-3.2 @KH-II.1.3
  Kịch bản: Thủ trưởng chỉ đạo việc tiếp nhận quá hạn, ý kiến được lưu vào hồ sơ
    Khi đồng hồ hệ thống chuyển thêm 1 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Và thủ trưởng Công an tỉnh chỉ đạo xử lý việc quá hạn "Tiếp nhận và bảo mật thông tin ngay"
    Thì hồ sơ bảo vệ người tố giác có chỉ đạo xử lý việc quá hạn
    Và cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận, bảo mật thông tin người tố giác" trong hộp việc
