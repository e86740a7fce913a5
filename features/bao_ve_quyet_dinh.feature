# language: vi
Tính năng: Xác minh và quyết định áp dụng biện pháp bảo vệ
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): giải quyết đề nghị
  kịp thời, đúng quy định, người đề nghị được thông báo kết quả, từ chối phải nêu rõ lý do;
  Kế hoạch mục II.1 (gạch đầu dòng thứ sáu, thứ tám): tiến hành xác minh rồi áp dụng biện pháp
  bảo vệ phù hợp cho người thi hành công vụ và người thân; Chỉ thị điểm 3.1: người đứng đầu cơ
  quan khác không can thiệp vào việc quyết định của cơ quan có thẩm quyền.

  Bối cảnh:
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua điện thoại sau phiên tòa
    Và vợ của thẩm phán là "Trần Thị Bình" cũng bị đe dọa
    Và Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Và cán bộ tiếp nhận của Công an tỉnh đã tiếp nhận đề nghị, hồ sơ đầy đủ

  @KH-II.1.5 @KH-II.1.6 @KH-II.1.8 @CT-2.1
  Kịch bản: Xác minh có căn cứ, thủ trưởng quyết định áp dụng biện pháp bảo vệ cho thẩm phán và người thân
    Khi cán bộ xác minh của Công an tỉnh xác minh có căn cứ, mức độ nguy hiểm "cao"
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc
    Và hồ sơ bảo vệ có kết quả xác minh
    Khi thủ trưởng Công an tỉnh quyết định áp dụng biện pháp "Bố trí lực lượng" và "Giữ bí mật thông tin" từ ngày mai
    Thì quyết định trong hồ sơ bảo vệ áp dụng biện pháp "Bố trí lực lượng" và "Giữ bí mật thông tin" cho 2 người được bảo vệ từ ngày mai
    Và biện pháp bảo vệ đang áp dụng là "Bố trí lực lượng" và "Giữ bí mật thông tin"
    Và người đề nghị của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "được chấp nhận"
    Và hồ sơ bảo vệ có thông báo kết quả cho người đề nghị
    Và lực lượng bảo vệ của Công an tỉnh nhận được thông báo có nội dung "Yêu cầu thực hiện biện pháp bảo vệ"
    Và lực lượng bảo vệ của Công an tỉnh có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc

  @KH-II.1.5 @CT-2.1
  Kịch bản: Thủ trưởng từ chối áp dụng bằng văn bản nêu rõ lý do, người đề nghị được thông báo
    Khi cán bộ xác minh của Công an tỉnh xác minh không có căn cứ, mức độ nguy hiểm "thấp"
    Và thủ trưởng Công an tỉnh quyết định từ chối áp dụng với lý do "Không xác định được đối tượng và hành vi đe dọa"
    Thì hồ sơ đã kết thúc
    Và hồ sơ bảo vệ có văn bản từ chối áp dụng biện pháp bảo vệ
    Và người đề nghị của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Không xác định được đối tượng và hành vi đe dọa"
    Và lực lượng bảo vệ của Công an tỉnh không có nhiệm vụ "Thực hiện biện pháp bảo vệ, báo cáo kết quả" trong hộp việc

  @KH-II.1.5 @CT-2.1
  Kịch bản: Từ chối mà không nêu lý do thì không được chấp nhận
    Khi cán bộ xác minh của Công an tỉnh xác minh không có căn cứ, mức độ nguy hiểm "thấp"
    Và thủ trưởng Công an tỉnh quyết định từ chối áp dụng mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu rõ lý do từ chối áp dụng biện pháp bảo vệ."
    Và hồ sơ đang được xử lý
    Và thủ trưởng Công an tỉnh vẫn có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc

  @CT-3.1
  Kịch bản: Thủ trưởng cơ quan đề nghị không được quyết định thay cơ quan có thẩm quyền
    Khi cán bộ xác minh của Công an tỉnh xác minh có căn cứ, mức độ nguy hiểm "cao"
    Và thủ trưởng Tòa án nhân dân tỉnh tìm cách quyết định áp dụng biện pháp "Bố trí lực lượng" từ hôm nay
    Thì hệ thống từ chối với mã 403 và thông báo "Bạn không được giao xử lý nhiệm vụ này."
    Và thủ trưởng Công an tỉnh vẫn có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc
