# language: vi
Tính năng: Xem xét loại trừ, miễn, giảm trách nhiệm của người thi hành công vụ (Điều 8 Quy định 183-QĐ/TW)
  Phản ánh Kế hoạch mục II.7: người thi hành công vụ trong hoạt động tố tụng, thi hành án được xem
  xét loại trừ, miễn, giảm trách nhiệm đối với hành vi, quyết định của mình khi thực hiện các biện pháp
  quy định tại Điều 8 Quy định 183-QĐ/TW; Chỉ thị điểm 3.1: không cản trở, can thiệp trái pháp luật vào
  hoạt động tố tụng; Chỉ thị điểm 3.2: người đứng đầu chịu trách nhiệm trực tiếp — người ra mệnh lệnh
  trái pháp luật phải chịu trách nhiệm thay người đã báo cáo không đồng ý bằng văn bản mà vẫn phải
  chấp hành; Kế hoạch mục I.2 (gạch đầu dòng thứ hai): không chấp nhận thì phải nêu lý do.

  @KH-II.7 @CT-3.1 @CT-3.2
  Kịch bản: Điều tra viên đã báo cáo không đồng ý bằng văn bản mà vẫn phải chấp hành mệnh lệnh được loại trừ trách nhiệm
    Cho điều tra viên "Trần Văn Nam" của Công an tỉnh đã chấp hành mệnh lệnh "Trả lại tài sản tạm giữ khi chưa có kết luận giám định" của "Phó Thủ trưởng Cơ quan điều tra" sau khi báo cáo không đồng ý bằng văn bản "Báo cáo số 12/BC ngày 03/3/2026 đề xuất chưa trả tài sản"
    Khi người đề nghị của Công an tỉnh đề nghị loại trừ trách nhiệm, kèm chứng cứ "Báo cáo số 12/BC" và "Văn bản chỉ đạo trả tài sản"
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm" trong hộp việc
    Và hồ sơ miễn, giảm trách nhiệm có đơn đề nghị
    Khi cán bộ xác minh của Công an tỉnh xác minh đủ chứng cứ, căn cứ được xác định
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định loại trừ, miễn, giảm trách nhiệm" trong hộp việc
    Khi thủ trưởng Công an tỉnh quyết định loại trừ trách nhiệm, chuyển xem xét trách nhiệm người ra mệnh lệnh đến Ủy ban Kiểm tra Tỉnh ủy
    Thì hồ sơ miễn, giảm trách nhiệm có quyết định loại trừ, miễn, giảm trách nhiệm
    Và hồ sơ miễn, giảm trách nhiệm có văn bản chuyển xem xét trách nhiệm người ra mệnh lệnh
    Và cán bộ kiểm tra của Ủy ban Kiểm tra Tỉnh ủy nhận được thông báo có nội dung "xem xét trách nhiệm người ra mệnh lệnh"
    Và cán bộ kiểm tra của Ủy ban Kiểm tra Tỉnh ủy xem được hồ sơ
    Và người đề nghị của Công an tỉnh nhận được thông báo có nội dung "được chấp nhận: quyết định loại trừ trách nhiệm"
    Và cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Ghi nhận kết quả vào hồ sơ" trong hộp việc
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận vào hồ sơ cán bộ "Không xem xét trách nhiệm điều tra viên Trần Văn Nam về việc trả tài sản"
    Thì hồ sơ đã kết thúc
    Và hồ sơ miễn, giảm trách nhiệm có ghi nhận vào hồ sơ cán bộ

  @KH-II.7 @CT-3.1
  Kịch bản: Căn cứ là mệnh lệnh trái pháp luật thì phải có văn bản báo cáo không đồng ý
    Cho điều tra viên "Trần Văn Nam" của Công an tỉnh đã chấp hành mệnh lệnh "Trả lại tài sản tạm giữ" của "Phó Thủ trưởng Cơ quan điều tra" sau khi báo cáo không đồng ý bằng văn bản "Báo cáo số 12/BC"
    Khi người đề nghị của Công an tỉnh đề nghị loại trừ trách nhiệm mà không có văn bản báo cáo không đồng ý
    Thì hệ thống từ chối với mã 422 và thông báo "Phải có văn bản báo cáo, đề xuất không đồng ý với mệnh lệnh, quyết định."

  @KH-II.7
  Kịch bản: Đơn đề nghị phải kèm tài liệu, chứng cứ
    Cho chấp hành viên "Đỗ Văn Minh" của Thi hành án dân sự tỉnh gây thiệt hại "Hư hỏng cửa kho" trong khi tình thế cấp thiết
    Khi người đề nghị của Thi hành án dân sự tỉnh đề nghị miễn trách nhiệm mà không kèm chứng cứ
    Thì hệ thống từ chối với mã 422 và thông báo "Phải có ít nhất một tài liệu, chứng cứ."

  @KH-II.7
  Kịch bản: Chứng cứ chưa đủ, người đề nghị bổ sung rồi được xác minh lại
    Cho điều tra viên "Trần Văn Nam" của Công an tỉnh gây thiệt hại "Gãy tay đối tượng chống trả" trong khi bắt giữ người phạm tội
    Và người đề nghị của Công an tỉnh đã đề nghị miễn trách nhiệm, kèm chứng cứ "Biên bản bắt người phạm tội quả tang"
    Khi cán bộ xác minh của Công an tỉnh xác minh, yêu cầu bổ sung "Kết luận giám định thương tích"
    Thì người đề nghị của Công an tỉnh có nhiệm vụ "Bổ sung tài liệu, chứng cứ" trong hộp việc
    Và người đề nghị của Công an tỉnh nhận được thông báo có nội dung "Kết luận giám định thương tích"
    Và thủ trưởng Công an tỉnh không có nhiệm vụ "Quyết định loại trừ, miễn, giảm trách nhiệm" trong hộp việc
    Khi người đề nghị của Công an tỉnh bổ sung chứng cứ "Kết luận giám định thương tích số 88/GĐ"
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm" trong hộp việc
    Và hồ sơ miễn, giảm trách nhiệm có tài liệu bổ sung
    Khi cán bộ xác minh của Công an tỉnh xác minh đủ chứng cứ, căn cứ được xác định
    Và thủ trưởng Công an tỉnh quyết định miễn trách nhiệm
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Ghi nhận kết quả vào hồ sơ" trong hộp việc
    Và hồ sơ miễn, giảm trách nhiệm có 2 báo cáo xác minh

  @KH-II.7 @KH-I.2.2
  Kịch bản: Không chấp nhận đề nghị thì nêu rõ lý do, không ghi nhận vào hồ sơ cán bộ
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh gây thiệt hại "Chậm xét xử quá hạn luật định" trong khi sự kiện bất ngờ
    Và người đề nghị của Tòa án nhân dân tỉnh đã đề nghị miễn trách nhiệm, kèm chứng cứ "Bản tường trình"
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh đủ chứng cứ, căn cứ được xác định
    Khi thủ trưởng Tòa án nhân dân tỉnh quyết định không chấp nhận đề nghị vì "Việc chậm xét xử không do sự kiện bất ngờ"
    Thì hồ sơ đã kết thúc
    Và hồ sơ miễn, giảm trách nhiệm có văn bản không chấp nhận
    Và người đề nghị của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Lý do: Việc chậm xét xử không do sự kiện bất ngờ"
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh không có nhiệm vụ "Ghi nhận kết quả vào hồ sơ" trong hộp việc
    Và hồ sơ miễn, giảm trách nhiệm không có ghi nhận vào hồ sơ cán bộ

  @KH-II.7
  Kịch bản: Giảm nhẹ trách nhiệm phải nêu mức độ giảm
    Cho chấp hành viên "Đỗ Văn Minh" của Thi hành án dân sự tỉnh gây thiệt hại "Hư hỏng cửa kho" trong khi tình thế cấp thiết
    Và người đề nghị của Thi hành án dân sự tỉnh đã đề nghị giảm nhẹ trách nhiệm, kèm chứng cứ "Biên bản cưỡng chế"
    Và cán bộ xác minh của Thi hành án dân sự tỉnh đã xác minh đủ chứng cứ, căn cứ được xác định
    Khi thủ trưởng Thi hành án dân sự tỉnh quyết định giảm nhẹ trách nhiệm mà không nêu mức độ
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu mức độ giảm nhẹ trách nhiệm."
    Khi thủ trưởng Thi hành án dân sự tỉnh quyết định giảm nhẹ trách nhiệm
    Thì cán bộ tiếp nhận của Thi hành án dân sự tỉnh có nhiệm vụ "Ghi nhận kết quả vào hồ sơ" trong hộp việc
    Và người đề nghị của Thi hành án dân sự tỉnh nhận được thông báo có nội dung "quyết định giảm nhẹ trách nhiệm"

  @KH-II.7 @KH-II.1.8
  Kịch bản: Danh tính người đề nghị được bảo mật, thủ trưởng xem có nêu lý do
    Cho điều tra viên "Trần Văn Nam" của Công an tỉnh gây thiệt hại "Hư hỏng phương tiện" trong khi phòng vệ chính đáng
    Và người đề nghị của Công an tỉnh đã đề nghị loại trừ trách nhiệm, kèm chứng cứ "Biên bản sự việc"
    Thì cán bộ xác minh của Công an tỉnh thấy hồ sơ nhưng danh tính người đề nghị bị che
    Và cơ sở dữ liệu không lưu "Trần Văn Nam" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Khi thủ trưởng Công an tỉnh xem thông tin bảo mật "applicant_name" của hồ sơ với lý do "Xem xét đề nghị"
    Thì thông tin được hiển thị gồm "Trần Văn Nam"
    Và lịch sử hồ sơ ghi nhận thủ trưởng Công an tỉnh đã xem thông tin bảo mật với lý do "Xem xét đề nghị"
