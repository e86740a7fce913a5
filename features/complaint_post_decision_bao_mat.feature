# language: vi
Tính năng: Bảo mật thông tin người khiếu nại, tố cáo
  Phản ánh Kế hoạch mục II.1 (gạch đầu dòng thứ tám): phòng ngừa hành vi xâm phạm bí mật, an toàn
  thông tin, dữ liệu cá nhân và vị trí công tác của người thi hành công vụ; Luật Tố cáo 2018 Điều 47:
  giữ bí mật họ tên, địa chỉ, thông tin cá nhân của người tố cáo. Danh tính, số định danh, điện
  thoại, nơi cư trú, nơi công tác của người gửi đơn được mã hóa; chỉ người có thẩm quyền giải quyết
  và cán bộ giữ hồ sơ được xem, có nêu lý do và được ghi vết.

  Bối cảnh:
    Cho kiểm sát viên "Lê Văn Cường" của Viện kiểm sát nhân dân tỉnh nhận quyết định tạm đình chỉ công tác "Quyết định số 21/QĐ-VKS tạm đình chỉ công tác kiểm sát viên"
    Và người tố cáo của Viện kiểm sát nhân dân tỉnh đã gửi đơn tố cáo về quyết định đó đến Viện kiểm sát nhân dân tỉnh

  @KH-II.1.8 @CT-2.1
  Kịch bản: Cán bộ không có thẩm quyền chỉ thấy thông tin người gửi đơn đã che
    Thì cán bộ xác minh của Viện kiểm sát nhân dân tỉnh thấy hồ sơ nhưng thông tin người gửi đơn bị che
    Và người tố cáo của Viện kiểm sát nhân dân tỉnh thấy hồ sơ nhưng thông tin người gửi đơn bị che
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy thấy hồ sơ nhưng thông tin người gửi đơn bị che

  @KH-II.1.8
  Kịch bản: Người có thẩm quyền giải quyết xem thông tin bảo mật, có nêu lý do và được ghi vết
    Khi thủ trưởng Viện kiểm sát nhân dân tỉnh xem thông tin bảo mật "petitioner_name, petitioner_phone" của hồ sơ với lý do "Mời người tố cáo đến làm việc"
    Thì thông tin được hiển thị gồm "Lê Văn Cường"
    Và thông tin được hiển thị gồm "0912345678"
    Và lịch sử hồ sơ ghi nhận thủ trưởng Viện kiểm sát nhân dân tỉnh đã xem thông tin bảo mật với lý do "Mời người tố cáo đến làm việc"

  @KH-II.1.8
  Kịch bản: Cán bộ tiếp nhận giữ hồ sơ sau khi thụ lý được xem thông tin người tố cáo
    Khi cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh thụ lý đơn
    Và cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh xem thông tin bảo mật "petitioner_residence" của hồ sơ với lý do "Gửi thông báo thụ lý"
    Thì thông tin được hiển thị gồm "Số 12 đường Lê Lợi, thành phố tỉnh"

  @KH-II.1.8
  Kịch bản: Cán bộ xác minh không có thẩm quyền xem thông tin bảo mật
    Khi cán bộ xác minh của Viện kiểm sát nhân dân tỉnh xem thông tin bảo mật "petitioner_name" của hồ sơ với lý do "Xác minh"
    Thì hệ thống từ chối với mã 403 và thông báo "Bạn không có thẩm quyền xem thông tin bảo mật của hồ sơ này."

  @KH-II.1.8
  Kịch bản: Danh tính người tố cáo không được lưu ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Thì cơ sở dữ liệu không lưu "Lê Văn Cường" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "0912345678" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "001080012345" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
