# language: vi
Tính năng: Phối hợp liên ngành trong vụ việc phức tạp
  Phản ánh Chỉ thị điểm 2.2 và Kế hoạch mục II.1 (gạch đầu dòng thứ sáu): vụ việc phức tạp cần
  nhiều cơ quan tham gia thì cơ quan có thẩm quyền quyết định áp dụng biện pháp bảo vệ chủ trì,
  xây dựng phương án bảo vệ, phối hợp với các cơ quan liên quan; Kế hoạch mục II.1 (gạch đầu dòng
  thứ bảy): nâng cao trách nhiệm phối hợp giữa các cơ quan chức năng; Kế hoạch mục II.6 (gạch đầu
  dòng thứ hai): cơ quan phối hợp với lực lượng chuyên trách, bảo vệ bí mật thông tin, tài liệu.

  Bối cảnh:
    Cho chấp hành viên "Phạm Thị Dung" của Thi hành án dân sự tỉnh bị đe dọa khi tổ chức cưỡng chế thi hành án
    Và Thi hành án dân sự tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Và đề nghị đã được Công an tỉnh tiếp nhận và xác minh có căn cứ

  @CT-2.2 @KH-II.1.6 @KH-II.1.7 @KH-II.6.2
  Kịch bản: Công an tỉnh chủ trì, Viện kiểm sát và Tòa án xác nhận phần việc, lực lượng bảo vệ thực hiện
    Khi thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Bố trí lực lượng" và "Giữ bí mật thông tin" từ hôm nay, vụ việc phức tạp cần phối hợp với Viện kiểm sát nhân dân tỉnh và Tòa án nhân dân tỉnh
    Thì đầu mối phối hợp của Công an tỉnh có nhiệm vụ "Xây dựng phương án bảo vệ" trong hộp việc
    Khi đầu mối phối hợp của Công an tỉnh xây dựng phương án bảo vệ "Công an tỉnh canh gác nơi ở; Viện kiểm sát và Tòa án bảo mật hồ sơ vụ việc"
    Thì hồ sơ bảo vệ có phương án bảo vệ
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Xác nhận phần việc phối hợp" trong hộp việc
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh có nhiệm vụ "Xác nhận phần việc phối hợp" trong hộp việc
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh nhận được thông báo có nội dung "Đề nghị phối hợp bảo vệ"
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh xác nhận phần việc phối hợp, bố trí "Hai kiểm sát viên theo dõi, bảo mật hồ sơ"
    Thì đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh không có nhiệm vụ "Xác nhận phần việc phối hợp" trong hộp việc
    Và thủ trưởng Công an tỉnh không có nhiệm vụ "Tổng hợp kết quả phối hợp" trong hộp việc
    Khi đầu mối phối hợp của Tòa án nhân dân tỉnh xác nhận phần việc phối hợp, bố trí "Tổ bảo vệ phiên tòa"
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Tổng hợp kết quả phối hợp" trong hộp việc
    Và hồ sơ bảo vệ có 2 xác nhận phối hợp
    Khi thủ trưởng Công an tỉnh tổng hợp kết quả phối hợp "Các cơ quan phối hợp đã nhận và bố trí lực lượng"
    Thì hồ sơ bảo vệ có báo cáo tổng hợp kết quả phối hợp
    Và lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc

  @CT-2.2 @KH-II.1.7 @KH-II.6.2
  Kịch bản: Cơ quan phối hợp xem được hồ sơ, cơ quan không tham gia thì không
    Cho đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh không tìm thấy hồ sơ
    Khi thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Bố trí lực lượng" từ hôm nay, vụ việc phức tạp cần phối hợp với Viện kiểm sát nhân dân tỉnh và Tòa án nhân dân tỉnh
    Thì đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh xem được hồ sơ
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh xem được hồ sơ
    Và đầu mối phối hợp của Ủy ban nhân dân tỉnh không tìm thấy hồ sơ
    Và người đề nghị của Thi hành án dân sự tỉnh xem được hồ sơ

  @CT-2.2 @KH-II.1.6
  Kịch bản: Cơ quan chủ trì không đồng thời là cơ quan phối hợp
    Khi thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Bố trí lực lượng" từ hôm nay, vụ việc phức tạp nhưng chọn chính Công an tỉnh làm cơ quan phối hợp
    Thì hệ thống từ chối với mã 422 và thông báo "Cơ quan chủ trì (cơ quan có thẩm quyền) không được đồng thời là cơ quan phối hợp."
    Và thủ trưởng Công an tỉnh vẫn có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc
