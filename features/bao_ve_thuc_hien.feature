# language: vi
Tính năng: Thực hiện, xem xét thay đổi và chấm dứt biện pháp bảo vệ
  Phản ánh Chỉ thị điểm 2.4 và Kế hoạch mục II.1 (gạch đầu dòng thứ tư): lực lượng bảo vệ chuyên
  nghiệp, chuyên trách thực hiện biện pháp bảo vệ và báo cáo định kỳ; Kế hoạch mục II.1 (gạch đầu
  dòng thứ sáu): kịp thời giải quyết khó khăn, vướng mắc phát sinh trong quá trình bảo vệ (thay đổi,
  bổ sung biện pháp); Chỉ thị điểm 2.1: giải quyết đúng quy định đến khi có quyết định chấm dứt.

  Bối cảnh:
    Cho chấp hành viên "Phạm Thị Dung" của Thi hành án dân sự tỉnh bị đe dọa khi tổ chức cưỡng chế thi hành án
    Và Thi hành án dân sự tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Và đề nghị đã được Công an tỉnh tiếp nhận và xác minh có căn cứ
    Và thủ trưởng Công an tỉnh đã quyết định áp dụng biện pháp "Bố trí lực lượng" và "Răn đe, cảnh cáo" từ hôm nay

  @CT-2.4 @KH-II.1.4
  Kịch bản: Lực lượng bảo vệ báo cáo định kỳ, thủ trưởng cho tiếp tục áp dụng
    Khi lực lượng bảo vệ của Công an tỉnh báo cáo kết quả thực hiện "Đã bố trí hai cán bộ canh gác nơi ở", tình hình ổn định, kiến nghị tiếp tục áp dụng
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Xem xét thay đổi, bổ sung, hủy bỏ biện pháp" trong hộp việc
    Khi thủ trưởng Công an tỉnh xem xét, quyết định tiếp tục áp dụng biện pháp bảo vệ theo báo cáo của lực lượng bảo vệ
    Thì lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc
    Và biện pháp bảo vệ đang áp dụng là "Bố trí lực lượng" và "Răn đe, cảnh cáo"
    Khi lực lượng bảo vệ của Công an tỉnh báo cáo kết quả thực hiện "Tiếp tục canh gác, chưa phát hiện đối tượng", tình hình ổn định, kiến nghị tiếp tục áp dụng
    Thì hồ sơ bảo vệ có 2 báo cáo kết quả thực hiện
    Và hồ sơ đang được xử lý

  @CT-2.4 @KH-II.1.4 @KH-II.1.6
  Kịch bản: Nguy cơ gia tăng, thủ trưởng thay đổi biện pháp bằng quyết định mới
    Khi lực lượng bảo vệ của Công an tỉnh báo cáo kết quả thực hiện "Đối tượng tiếp tục theo dõi nơi ở", tình hình nguy cơ gia tăng, kiến nghị thay đổi, bổ sung
    Và thủ trưởng Công an tỉnh xem xét, quyết định thay đổi, bổ sung biện pháp bảo vệ theo đề nghị của người được bảo vệ
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc
    Khi thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Di chuyển, giữ bí mật chỗ ở" và "Hạn chế việc đi lại, tiếp xúc" từ ngày mai
    Thì biện pháp bảo vệ đang áp dụng là "Di chuyển, giữ bí mật chỗ ở" và "Hạn chế việc đi lại, tiếp xúc"
    Và hồ sơ bảo vệ có 2 quyết định áp dụng biện pháp bảo vệ
    Và quyết định trong hồ sơ bảo vệ áp dụng biện pháp "Di chuyển, giữ bí mật chỗ ở" và "Hạn chế việc đi lại, tiếp xúc" cho 1 người được bảo vệ từ ngày mai
    Và lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc

  @CT-2.4 @KH-II.1.4 @CT-2.1
  Kịch bản: Nguy cơ không còn, thủ trưởng ra quyết định chấm dứt biện pháp bảo vệ và đóng hồ sơ
    Khi lực lượng bảo vệ của Công an tỉnh báo cáo kết quả thực hiện "Đối tượng đe dọa đã bị khởi tố, tạm giam", tình hình nguy cơ giảm, kiến nghị chấm dứt
    Và thủ trưởng Công an tỉnh xem xét, quyết định chấm dứt biện pháp bảo vệ theo báo cáo của lực lượng bảo vệ
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định chấm dứt biện pháp bảo vệ" trong hộp việc
    Khi thủ trưởng Công an tỉnh ra quyết định chấm dứt biện pháp bảo vệ từ ngày mai vì "Đối tượng đe dọa đã bị khởi tố, tạm giam"
    Thì hồ sơ đã kết thúc
    Và hồ sơ không còn biện pháp bảo vệ nào đang áp dụng
    Và hồ sơ bảo vệ có quyết định chấm dứt biện pháp bảo vệ
    Và người đề nghị của Thi hành án dân sự tỉnh nhận được thông báo có nội dung "chấm dứt từ"
    Và lực lượng bảo vệ của Công an tỉnh không có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc
