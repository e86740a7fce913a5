# language: vi
Tính năng: Đề nghị khẩn cấp
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): tiếp nhận, giải quyết
  nhanh chóng, kịp thời đề nghị áp dụng biện pháp bảo vệ — đề nghị khẩn cấp bằng lời nói hoặc qua
  điện thoại được lập biên bản và chuyển ngay cho thủ trưởng quyết định; Kế hoạch mục II.1 (gạch
  đầu dòng thứ tám): bảo vệ tính mạng, sức khỏe của người thi hành công vụ.

  Bối cảnh:
    Cho kiểm sát viên "Lê Văn Cường" của Viện kiểm sát nhân dân tỉnh bị tấn công tại nơi ở

  @CT-2.1 @KH-II.1.5
  Kịch bản: Cán bộ tiếp nhận lập biên bản đề nghị khẩn cấp qua điện thoại, thủ trưởng phải quyết định trong 2 giờ
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của Viện kiểm sát nhân dân tỉnh vào biên bản "Hồi 21 giờ, kiểm sát viên Lê Văn Cường gọi điện báo bị đối tượng lạ tấn công tại nơi ở"
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc với hạn xử lý 2 giờ
    Và cán bộ tiếp nhận của Công an tỉnh không có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và cán bộ xác minh của Công an tỉnh không có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc
    Và hồ sơ bảo vệ có biên bản ghi nhận đề nghị qua điện thoại
    Và người đề nghị của Viện kiểm sát nhân dân tỉnh xem được hồ sơ

  @CT-2.1 @KH-II.1.5 @KH-II.1.8
  Kịch bản: Thủ trưởng quyết định ngay, lực lượng bảo vệ triển khai trong ngày
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của Viện kiểm sát nhân dân tỉnh vào biên bản "Kiểm sát viên Lê Văn Cường báo bị tấn công tại nơi ở"
    Và thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Bố trí lực lượng" và "Răn đe, cảnh cáo" từ hôm nay
    Thì lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc
    Và quyết định trong hồ sơ bảo vệ áp dụng biện pháp "Bố trí lực lượng" và "Răn đe, cảnh cáo" cho 1 người được bảo vệ từ hôm nay
    Và cán bộ tiếp nhận của Công an tỉnh nhận được thông báo có nội dung "được chấp nhận"

  @CT-2.1 @KH-II.1.5
  Kịch bản: Đề nghị khẩn cấp của cơ quan bằng văn bản cũng được chuyển thẳng cho thủ trưởng
    Khi Viện kiểm sát nhân dân tỉnh gửi đề nghị khẩn cấp bằng văn bản cho Công an tỉnh
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc với hạn xử lý 2 giờ
    Và cán bộ tiếp nhận của Công an tỉnh không có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc

  @CT-2.1 @KH-II.1.5
  Kịch bản: Đề nghị qua điện thoại không có biên bản thì không được ghi nhận
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của Viện kiểm sát nhân dân tỉnh mà không lập biên bản
    Thì hệ thống từ chối với mã 422 và thông báo "Đề nghị trực tiếp hoặc qua điện thoại phải có biên bản ghi nhận."

  @CT-2.1 @KH-II.1.5
  Kịch bản: Chỉ đề nghị khẩn cấp mới được gửi qua điện thoại
    Khi Viện kiểm sát nhân dân tỉnh gửi đề nghị thông thường qua điện thoại cho Công an tỉnh
    Thì hệ thống từ chối với mã 422 và thông báo "Đề nghị thông thường phải bằng văn bản"
