# language: vi
Tính năng: Tiếp nhận đề nghị áp dụng biện pháp bảo vệ
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): tiếp nhận, giải quyết
  nhanh chóng, kịp thời, đúng quy định các yêu cầu, đề nghị áp dụng biện pháp bảo vệ; Kế hoạch
  mục II.6 (gạch đầu dòng thứ hai): cơ quan đề nghị cung cấp kịp thời, đầy đủ thông tin, tài liệu
  cho cơ quan có thẩm quyền; Chỉ thị điểm 2.2 và Kế hoạch mục II.1 (gạch đầu dòng thứ sáu, thứ tám):
  các hành vi xâm phạm và nội dung cần bảo vệ.

  @KH-II.1.5 @CT-2.1
  Kịch bản: Thẩm phán bị đe dọa đề nghị bảo vệ, cơ quan có thẩm quyền tiếp nhận
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua điện thoại sau phiên tòa
    Khi Tòa án nhân dân tỉnh gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và hồ sơ bảo vệ có văn bản đề nghị
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Thì hồ sơ bảo vệ có biên bản tiếp nhận
    Và cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "task_completed" tại "Tiếp nhận đề nghị"

  @KH-II.1.5 @CT-2.1 @KH-II.6.2
  Kịch bản: Hồ sơ đề nghị chưa đầy đủ, cơ quan đề nghị bổ sung rồi được tiếp nhận lại
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua điện thoại sau phiên tòa
    Và Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ còn thiếu "Tài liệu chứng minh hành vi đe dọa"
    Thì người đề nghị của Tòa án nhân dân tỉnh có nhiệm vụ "Bổ sung hồ sơ đề nghị" trong hộp việc
    Và người đề nghị của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Tài liệu chứng minh hành vi đe dọa"
    Và cán bộ xác minh của Công an tỉnh không có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc
    Khi người đề nghị của Tòa án nhân dân tỉnh bổ sung hồ sơ "Bản ghi âm cuộc gọi và ảnh chụp tin nhắn đe dọa"
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và hồ sơ bảo vệ có tài liệu bổ sung
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc
    Và hồ sơ bảo vệ có 2 biên bản tiếp nhận

  @KH-II.1.5 @CT-2.1
  Kịch bản: Đề nghị không thuộc thẩm quyền được chuyển đến cơ quan có thẩm quyền khác
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Và cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh không tìm thấy hồ sơ
    Khi cán bộ tiếp nhận của Công an tỉnh chuyển đề nghị đến Viện kiểm sát nhân dân tỉnh vì không thuộc thẩm quyền
    Thì cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh xem được hồ sơ
    Và cán bộ tiếp nhận của Công an tỉnh không có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và hồ sơ bảo vệ có văn bản chuyển cơ quan có thẩm quyền
    Khi cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Thì cán bộ xác minh của Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc

  @KH-II.1.6 @KH-II.1.8 @CT-2.2
  Khung kịch bản: Đề nghị bảo vệ trước từng loại hành vi xâm phạm và nội dung cần bảo vệ
    Cho <chức danh> "<họ tên>" của <cơ quan> bị <hành vi>
    Và nội dung cần bảo vệ là <nội dung>
    Khi <cơ quan> gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và văn bản đề nghị trong hồ sơ bảo vệ ghi nhận hành vi <hành vi> và nội dung <nội dung>

    Dữ liệu:
      | chức danh      | họ tên        | cơ quan                     | hành vi                                  | nội dung                                   |
      | chấp hành viên | Phạm Thị Dung | Thi hành án dân sự tỉnh     | mua chuộc để trì hoãn việc cưỡng chế     | vị trí công tác                            |
      | điều tra viên  | Hoàng Văn Em  | Công an tỉnh                | vu khống trên mạng xã hội                | uy tín, danh dự, nhân phẩm                 |
      | kiểm sát viên  | Lê Văn Cường  | Viện kiểm sát nhân dân tỉnh | tấn công vào tài khoản thư điện tử       | bí mật, an toàn thông tin, dữ liệu cá nhân |
      | thẩm phán      | Nguyễn Văn An | Tòa án nhân dân tỉnh        | đe dọa qua điện thoại sau phiên tòa      | tính mạng, sức khỏe, tài sản               |
