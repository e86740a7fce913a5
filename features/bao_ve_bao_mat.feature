# language: vi
Tính năng: Bảo mật thông tin người được bảo vệ
  Phản ánh Kế hoạch mục II.1 (gạch đầu dòng thứ tám): phòng ngừa hành vi xâm phạm bí mật, an toàn
  thông tin, dữ liệu cá nhân của người thi hành công vụ và người thân; Kế hoạch mục II.6 (gạch đầu
  dòng thứ hai): bảo vệ bí mật thông tin, tài liệu, hoạt động của cơ quan. Chỉ người cần biết
  (thủ trưởng cơ quan có thẩm quyền, lực lượng bảo vệ, cán bộ giữ hồ sơ) được xem, có nêu lý do và
  được ghi vết.

  Bối cảnh:
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua điện thoại sau phiên tòa
    Và vợ của thẩm phán là "Trần Thị Bình" cũng bị đe dọa
    Và Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Đồng nghiệp của người đề nghị và cán bộ không giữ hồ sơ chỉ thấy thông tin đã che
    Thì thủ trưởng Tòa án nhân dân tỉnh thấy hồ sơ nhưng thông tin người được bảo vệ bị che
    Và cán bộ xác minh của Tòa án nhân dân tỉnh thấy hồ sơ nhưng thông tin người được bảo vệ bị che
    Và người đề nghị của Tòa án nhân dân tỉnh thấy hồ sơ nhưng thông tin người được bảo vệ bị che
    Và cán bộ xác minh của Công an tỉnh thấy hồ sơ nhưng thông tin người được bảo vệ bị che

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Thủ trưởng cơ quan có thẩm quyền xem thông tin bảo mật, có nêu lý do và được ghi vết
    Khi thủ trưởng Công an tỉnh xem thông tin bảo mật "full_name, residence" của hồ sơ với lý do "Bố trí lực lượng canh gác nơi ở"
    Thì thông tin được hiển thị gồm "Nguyễn Văn An"
    Và thông tin được hiển thị gồm "Trần Thị Bình"
    Và thông tin được hiển thị gồm "Số 12 đường Lê Lợi, thành phố tỉnh"
    Và lịch sử hồ sơ ghi nhận thủ trưởng Công an tỉnh đã xem thông tin bảo mật với lý do "Bố trí lực lượng canh gác nơi ở"

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Xem thông tin bảo mật phải nêu lý do
    Khi thủ trưởng Công an tỉnh xem thông tin bảo mật "full_name" của hồ sơ mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu lý do xem thông tin bảo mật."

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Thủ trưởng cơ quan đề nghị không có thẩm quyền xem thông tin bảo mật
    Khi thủ trưởng Tòa án nhân dân tỉnh xem thông tin bảo mật "full_name" của hồ sơ với lý do "Theo dõi tình hình cán bộ"
    Thì hệ thống từ chối với mã 403 và thông báo "Bạn không có thẩm quyền xem thông tin bảo mật của hồ sơ này."

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Cán bộ tiếp nhận giữ hồ sơ được xem thông tin để liên hệ người được bảo vệ
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Và cán bộ tiếp nhận của Công an tỉnh xem thông tin bảo mật "phone" của hồ sơ với lý do "Liên hệ người được bảo vệ để xác minh"
    Thì thông tin được hiển thị gồm "0912345678"

  @KH-II.1.8
  Kịch bản: Thông tin bảo mật không được lưu ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Thì cơ sở dữ liệu không lưu "Nguyễn Văn An" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "0912345678" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "Số 12 đường Lê Lợi, thành phố tỉnh" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
