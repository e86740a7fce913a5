# language: vi
Tính năng: Bảo vệ, khen thưởng người phát hiện, tố cáo, tố giác, báo tin vi phạm
  Phản ánh Kế hoạch mục II.1 (gạch đầu dòng thứ bảy): bảo vệ, khen thưởng kịp thời người phát hiện,
  phản ánh, báo cáo, tố cáo, tố giác, báo tin, cung cấp thông tin về những hành vi vi phạm, xâm phạm
  cơ quan, tổ chức, người thi hành công vụ; Kế hoạch mục II.1 (gạch đầu dòng thứ tám): bí mật, an
  toàn thông tin, dữ liệu cá nhân; Chỉ thị điểm 4: phát huy vai trò của nhân dân trong phát hiện,
  kiến nghị xử lý vi phạm; Kế hoạch mục I.2 (gạch đầu dòng thứ hai): không làm hạn chế quyền, lợi ích
  hợp pháp — không áp dụng, không khen thưởng đều phải nêu lý do. Mô hình: Luật Tố cáo 2018, Điều 47
  (người được bảo vệ, phạm vi bảo vệ), Điều 50 (đề nghị), Điều 51 (xem xét, thông báo lý do), Điều 52
  (quyết định áp dụng).

  Bối cảnh:
    Cho thư ký tòa án "Hoàng Thị Hoa" của Tòa án nhân dân tỉnh đã tố giác hành vi "Đối tượng đưa tiền nhờ tác động làm sai lệch hồ sơ vụ án"

  @KH-II.1.7 @KH-II.1.8
  Kịch bản: Người tố giác được giữ bí mật, bảo vệ vị trí công tác, tính mạng và được khen thưởng
    Khi người tố giác của Tòa án nhân dân tỉnh đề nghị Công an tỉnh bảo vệ "bí mật thông tin", "vị trí công tác, việc làm" và "tính mạng, sức khỏe"
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận, bảo mật thông tin người tố giác" trong hộp việc
    Và hồ sơ bảo vệ người tố giác có đề nghị bảo vệ
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, giữ bí mật bằng "Mã hóa danh tính, chỉ thủ trưởng và cán bộ thụ lý được tiếp cận"
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ bảo vệ" trong hộp việc
    Khi cán bộ xác minh của Công an tỉnh xác minh có căn cứ bảo vệ, mức độ "cao"
    Và thủ trưởng Công an tỉnh quyết định bảo vệ "bí mật thông tin", "vị trí công tác, việc làm" và "tính mạng, sức khỏe" bằng biện pháp "Giữ bí mật thông tin" và "Bố trí lực lượng"
    Thì lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo" trong hộp việc
    Và hồ sơ bảo vệ người tố giác có quyết định áp dụng biện pháp bảo vệ
    Và hồ sơ bảo vệ người tố giác có văn bản yêu cầu bảo vệ vị trí công tác
    Và thủ trưởng Tòa án nhân dân tỉnh nhận được thông báo gọi người tố giác bằng số hồ sơ
    Và thủ trưởng Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Không điều động, kỷ luật người tố giác vì lý do tố giác"
    Và người tố giác của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "được chấp nhận"
    Khi lực lượng bảo vệ của Công an tỉnh báo cáo đã thực hiện biện pháp bảo vệ "Bố trí lực lượng bảo vệ nơi ở, tình hình ổn định"
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Đề xuất khen thưởng" trong hộp việc
    Khi cán bộ xác minh của Công an tỉnh đề xuất khen thưởng "tiền thưởng" vì "Thông tin tố giác giúp phát hiện, xử lý hành vi mua chuộc"
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định khen thưởng" trong hộp việc
    Khi thủ trưởng Công an tỉnh quyết định khen thưởng 5000000 đồng
    Thì hồ sơ đã kết thúc
    Và hồ sơ bảo vệ người tố giác có quyết định khen thưởng
    Và người tố giác của Tòa án nhân dân tỉnh nhận được thông báo gọi người tố giác bằng số hồ sơ
    Và không văn bản, thông báo nào của hồ sơ nêu tên "Hoàng Thị Hoa"

  @KH-II.1.7 @KH-I.2.2
  Kịch bản: Không áp dụng biện pháp bảo vệ thì thông báo bằng văn bản, nêu rõ lý do; vẫn xem xét khen thưởng
    Cho người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "tính mạng, sức khỏe"
    Và cán bộ tiếp nhận của Công an tỉnh đã tiếp nhận đề nghị, giữ bí mật bằng "Mã hóa danh tính"
    Khi cán bộ xác minh của Công an tỉnh xác minh không có căn cứ bảo vệ
    Và thủ trưởng Công an tỉnh quyết định không áp dụng biện pháp bảo vệ vì "Không có dấu hiệu bị xâm hại do việc tố giác"
    Thì người tố giác của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Lý do: Không có dấu hiệu bị xâm hại"
    Và hồ sơ bảo vệ người tố giác có thông báo không áp dụng biện pháp bảo vệ
    Và lực lượng bảo vệ của Công an tỉnh không có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo" trong hộp việc
    Và cán bộ xác minh của Công an tỉnh có nhiệm vụ "Đề xuất khen thưởng" trong hộp việc
    Khi cán bộ xác minh của Công an tỉnh không đề xuất khen thưởng vì "Thông tin tố giác chưa được xác minh là đúng"
    Thì hồ sơ đã kết thúc
    Và hồ sơ bảo vệ người tố giác có ý kiến không đề xuất khen thưởng
    Và hồ sơ bảo vệ người tố giác không có quyết định khen thưởng

  @KH-I.2.2
  Kịch bản: Không áp dụng mà không nêu lý do thì không được chấp nhận
    Cho người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "tính mạng, sức khỏe"
    Và cán bộ tiếp nhận của Công an tỉnh đã tiếp nhận đề nghị, giữ bí mật bằng "Mã hóa danh tính"
    Và cán bộ xác minh của Công an tỉnh đã xác minh có căn cứ bảo vệ, mức độ "thấp"
    Khi thủ trưởng Công an tỉnh quyết định không áp dụng biện pháp bảo vệ mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu rõ lý do không áp dụng biện pháp bảo vệ."

  @KH-II.1.7 @KH-II.1.8
  Kịch bản: Bảo vệ vị trí công tác phải có yêu cầu đối với cơ quan quản lý người tố giác
    Cho người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "vị trí công tác, việc làm"
    Và cán bộ tiếp nhận của Công an tỉnh đã tiếp nhận đề nghị, giữ bí mật bằng "Mã hóa danh tính"
    Và cán bộ xác minh của Công an tỉnh đã xác minh có căn cứ bảo vệ, mức độ "trung bình"
    Khi thủ trưởng Công an tỉnh quyết định bảo vệ "vị trí công tác, việc làm" bằng biện pháp "Giữ bí mật thông tin" mà không nêu yêu cầu đối với cơ quan quản lý người tố giác
    Thì hệ thống từ chối với mã 422 và thông báo "phải có yêu cầu đối với cơ quan quản lý người tố giác"

  @KH-II.1.7 @CT-4
  Kịch bản: Đề nghị khẩn cấp qua điện thoại được lập biên bản, người thân của người tố giác cùng được bảo vệ
    Cho mẹ của người tố giác là "Nguyễn Thị Lan" cũng cần được bảo vệ
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của người tố giác vào biên bản "Người tố giác báo có người lạ đến nhà mẹ đẻ hỏi thăm"
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận, bảo mật thông tin người tố giác" trong hộp việc
    Và hồ sơ bảo vệ người tố giác có biên bản ghi nhận đề nghị
    Và cán bộ xác minh của Công an tỉnh thấy hồ sơ nhưng danh tính người tố giác và người thân bị che
    Và cơ sở dữ liệu không lưu "Nguyễn Thị Lan" ở dạng rõ trong dữ liệu và lịch sử hồ sơ

  @KH-II.1.7
  Kịch bản: Đề nghị qua điện thoại phải có biên bản
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của người tố giác mà không lập biên bản
    Thì hệ thống từ chối với mã 422 và thông báo "phải được lập biên bản"

  @KH-II.1.7
  Kịch bản: Thông tin không có căn cứ thì không đề xuất khen thưởng
    Cho người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "bí mật thông tin"
    Và hồ sơ bảo vệ người tố giác đã đến bước "Đề xuất khen thưởng"
    Khi cán bộ xác minh của Công an tỉnh đề xuất khen thưởng dù thông tin không có căn cứ
    Thì hệ thống từ chối với mã 422 và thông báo "Thông tin không có căn cứ thì không đề xuất khen thưởng."

  @KH-II.1.7 @KH-I.2.2
  Kịch bản: Thủ trưởng không khen thưởng thì nêu lý do
    Cho người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "bí mật thông tin"
    Và hồ sơ bảo vệ người tố giác đã đến bước "Quyết định khen thưởng"
    Khi thủ trưởng Công an tỉnh quyết định không khen thưởng vì "Đã được khen thưởng theo vụ án khác cùng nội dung"
    Thì hồ sơ đã kết thúc
    Và hồ sơ bảo vệ người tố giác có văn bản không khen thưởng

  @KH-II.1.8 @KH-II.6.2
  Kịch bản: Chỉ người cần biết được xem danh tính người tố giác, có nêu lý do và được ghi vết
    Cho mẹ của người tố giác là "Nguyễn Thị Lan" cũng cần được bảo vệ
    Và người tố giác của Tòa án nhân dân tỉnh đã đề nghị Công an tỉnh bảo vệ "vị trí công tác, việc làm"
    Thì thủ trưởng Tòa án nhân dân tỉnh thấy hồ sơ nhưng danh tính người tố giác và người thân bị che
    Và cán bộ xác minh của Công an tỉnh thấy hồ sơ nhưng danh tính người tố giác và người thân bị che
    Và cơ sở dữ liệu không lưu "Hoàng Thị Hoa" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "0933111222" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Khi thủ trưởng Tòa án nhân dân tỉnh xem thông tin bảo mật "reporter_name" của hồ sơ với lý do "Biết người tố giác để bố trí công việc"
    Thì hệ thống từ chối với mã 403 và thông báo "Bạn không có thẩm quyền xem thông tin bảo mật của hồ sơ này."
    Khi thủ trưởng Công an tỉnh xem thông tin bảo mật "reporter_name, full_name" của hồ sơ với lý do "Bố trí lực lượng bảo vệ"
    Thì thông tin được hiển thị gồm "Hoàng Thị Hoa"
    Và thông tin được hiển thị gồm "Nguyễn Thị Lan"
    Và lịch sử hồ sơ ghi nhận thủ trưởng Công an tỉnh đã xem thông tin bảo mật với lý do "Bố trí lực lượng bảo vệ"
