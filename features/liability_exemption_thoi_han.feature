# language: vi
Tính năng: Thời hạn xem xét loại trừ, miễn, giảm trách nhiệm
  Phản ánh Kế hoạch mục II.7 và Chỉ thị điểm 3.2: người đứng đầu được nhắc khi việc xem xét quá hạn.
  Quy định 183-QĐ/TW không nêu thời hạn: các thời hạn là thiết lập của quy trình (xác minh 15 ngày,
  quyết định 10 ngày, ghi nhận 5 ngày).

  Bối cảnh:
    Cho điều tra viên "Trần Văn Nam" của Công an tỉnh gây thiệt hại "Gãy tay đối tượng chống trả" trong khi bắt giữ người phạm tội
    Và người đề nghị của Công an tỉnh đã đề nghị miễn trách nhiệm, kèm chứng cứ "Biên bản bắt người phạm tội quả tang"

  @KH-II.7 @CT-3.2
  Khung kịch bản: Quá hạn từng bước thì thủ trưởng được nhắc
    Cho hồ sơ đề nghị miễn, giảm trách nhiệm đã đến bước "<bước>"
    Khi đồng hồ hệ thống chuyển thêm <thời gian>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "<mốc>"

    Dữ liệu:
      | bước                                              | thời gian      | mốc                |
      | Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm | 15 ngày 1 phút | Quá hạn xác minh   |
      | Quyết định loại trừ, miễn, giảm trách nhiệm      | 10 ngày 1 phút | Quá hạn quyết định |
      | Ghi nhận kết quả vào hồ sơ                        | 5 ngày 1 phút  | Quá hạn ghi nhận   |

  @KH-II.7
  Kịch bản: Chưa đến hạn xác minh thì không nhắc
    Khi đồng hồ hệ thống chuyển thêm 14 ngày 23 giờ
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @CT-3.2 @KH-II.1.3
  Kịch bản: Thủ trưởng chỉ đạo việc xác minh quá hạn, ý kiến được lưu vào hồ sơ
    Khi đồng hồ hệ thống chuyển thêm 15 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Và thủ trưởng Công an tỉnh chỉ đạo xử lý việc quá hạn "Hoàn thành xác minh trong 3 ngày"
    Thì hồ sơ miễn, giảm trách nhiệm có chỉ đạo xử lý việc quá hạn
    Và cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm" trong hộp việc
