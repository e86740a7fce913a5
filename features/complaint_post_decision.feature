# language: vi
Tính năng: Giải quyết khiếu nại, tố cáo, kiến nghị về quyết định liên quan đến vị trí công tác
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): tiếp nhận, giải quyết
  nhanh chóng, kịp thời, đúng quy định các khiếu nại, tố cáo, kiến nghị, phản ánh, đề nghị xem xét
  lại các quyết định liên quan đến vị trí công tác, việc làm của người thi hành công vụ; Kế hoạch
  mục II.1 (gạch đầu dòng thứ tám): bảo vệ vị trí công tác; Kế hoạch mục I.2 (gạch đầu dòng thứ
  hai): không làm hạn chế quyền và lợi ích hợp pháp của tổ chức, cá nhân — mọi việc không thụ lý,
  không chấp nhận đều được thông báo bằng văn bản, nêu rõ lý do (Luật Khiếu nại 2011, Luật Tố cáo
  2018). Dữ liệu mẫu chỉ có các cơ quan cấp tỉnh: Viện kiểm sát nhân dân tỉnh đóng vai cơ quan giải
  quyết khiếu nại lần hai.

  Bối cảnh:
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh nhận quyết định điều động "Quyết định số 15/QĐ-TA điều động sang Tòa án nhân dân huyện Đông trước thời hạn luân chuyển"

  @CT-2.1 @KH-II.1.5 @KH-II.1.8
  Kịch bản: Khiếu nại được thụ lý, xác minh, đối thoại, giải quyết lần đầu và tổ chức thi hành
    Khi người khiếu nại của Tòa án nhân dân tỉnh gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Thì cán bộ tiếp nhận của Tòa án nhân dân tỉnh có nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong hộp việc
    Và hồ sơ giải quyết đơn có đơn khiếu nại, tố cáo, kiến nghị
    Khi cán bộ tiếp nhận của Tòa án nhân dân tỉnh thụ lý đơn
    Thì người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "đã được thụ lý; thời hạn giải quyết 30 ngày"
    Và hồ sơ giải quyết đơn có thông báo thụ lý
    Và cán bộ xác minh của Tòa án nhân dân tỉnh có nhiệm vụ "Xác minh nội dung đơn" trong hộp việc
    Khi cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng một phần"
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Đối thoại với người khiếu nại" trong hộp việc
    Khi thủ trưởng Tòa án nhân dân tỉnh tổ chức đối thoại, lập biên bản "Người khiếu nại và cơ quan thống nhất xem xét lại thời hạn luân chuyển"
    Và thủ trưởng Tòa án nhân dân tỉnh quyết định khiếu nại "đúng một phần", sửa đổi quyết định bị khiếu nại
    Thì người khiếu nại của Tòa án nhân dân tỉnh có nhiệm vụ "Ý kiến về quyết định giải quyết lần đầu" trong hộp việc
    Và người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "có quyền khiếu nại lần hai trong thời hạn 30 ngày"
    Khi người khiếu nại của Tòa án nhân dân tỉnh đồng ý với quyết định giải quyết lần đầu
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Tổ chức thi hành, thông báo kết quả" trong hộp việc
    Khi thủ trưởng Tòa án nhân dân tỉnh tổ chức thi hành "Sửa đổi quyết định điều động, lùi thời điểm luân chuyển đến đủ thời hạn"
    Thì hồ sơ đã kết thúc
    Và người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "lùi thời điểm luân chuyển"
    Và hồ sơ giải quyết đơn có báo cáo kết quả xác minh
    Và hồ sơ giải quyết đơn có biên bản đối thoại
    Và hồ sơ giải quyết đơn có quyết định giải quyết khiếu nại
    Và hồ sơ giải quyết đơn có kết quả tổ chức thi hành
    Và hồ sơ giải quyết đơn có thông báo kết quả giải quyết
    Và hồ sơ giải quyết đơn không có quyết định có hiệu lực pháp luật

  @CT-2.1 @KH-II.1.5 @KH-I.2.2
  Kịch bản: Không thụ lý đơn thì thông báo bằng văn bản, nêu rõ lý do
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Khi cán bộ tiếp nhận của Tòa án nhân dân tỉnh không thụ lý đơn vì "Quyết định đã được giải quyết bằng quyết định giải quyết khiếu nại có hiệu lực pháp luật"
    Thì hồ sơ đã kết thúc
    Và hồ sơ giải quyết đơn có thông báo không thụ lý
    Và người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "không được thụ lý. Lý do: Quyết định đã được giải quyết"
    Và cán bộ xác minh của Tòa án nhân dân tỉnh không có nhiệm vụ "Xác minh nội dung đơn" trong hộp việc

  @KH-I.2.2
  Kịch bản: Không thụ lý mà không nêu lý do thì không được chấp nhận
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Khi cán bộ tiếp nhận của Tòa án nhân dân tỉnh không thụ lý đơn mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu rõ lý do không thụ lý."
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh có nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong hộp việc

  @CT-2.1 @KH-II.1.5
  Kịch bản: Người khiếu nại trình bày trực tiếp, cán bộ tiếp nhận ghi lại thành biên bản
    Khi cán bộ tiếp nhận của Tòa án nhân dân tỉnh ghi nhận đơn khiếu nại trình bày trực tiếp vào biên bản "Thẩm phán Nguyễn Văn An trình bày không đồng ý với quyết định điều động"
    Thì cán bộ tiếp nhận của Tòa án nhân dân tỉnh có nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong hộp việc
    Và người khiếu nại của Tòa án nhân dân tỉnh xem được hồ sơ

  @CT-2.1 @KH-II.1.5
  Kịch bản: Trình bày trực tiếp phải có biên bản
    Khi cán bộ tiếp nhận của Tòa án nhân dân tỉnh ghi nhận đơn khiếu nại trình bày trực tiếp mà không lập biên bản
    Thì hệ thống từ chối với mã 422 và thông báo "Trình bày trực tiếp phải được ghi lại thành biên bản."

  @CT-2.1 @KH-II.1.5
  Kịch bản: Lần đầu không phải đối thoại khi yêu cầu của người khiếu nại và kết quả xác minh đã thống nhất
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng"
    Khi thủ trưởng Tòa án nhân dân tỉnh không tổ chức đối thoại vì "Kết quả xác minh chấp nhận toàn bộ yêu cầu của người khiếu nại"
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Quyết định giải quyết khiếu nại" trong hộp việc
    Và hồ sơ giải quyết đơn có lý do không đối thoại

  @CT-2.1 @KH-II.1.5
  Kịch bản: Không đối thoại thì phải nêu lý do
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng"
    Khi thủ trưởng Tòa án nhân dân tỉnh không tổ chức đối thoại mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu lý do không tổ chức đối thoại."

  @CT-2.1 @KH-II.1.8
  Kịch bản: Khiếu nại đúng thì không được giữ nguyên quyết định bị khiếu nại
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng"
    Và thủ trưởng Tòa án nhân dân tỉnh đã tổ chức đối thoại, lập biên bản "Hai bên trình bày ý kiến"
    Khi thủ trưởng Tòa án nhân dân tỉnh quyết định khiếu nại "đúng", giữ nguyên quyết định bị khiếu nại
    Thì hệ thống từ chối với mã 422 và thông báo "Khiếu nại đúng thì phải sửa đổi hoặc hủy bỏ quyết định bị khiếu nại."

  @CT-2.1 @KH-II.1.5 @KH-II.1.8
  Kịch bản: Người khiếu nại không đồng ý, khiếu nại lần hai; cơ quan giải quyết lần hai bắt buộc đối thoại
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và khiếu nại đã được Tòa án nhân dân tỉnh giải quyết lần đầu
    Khi người khiếu nại của Tòa án nhân dân tỉnh khiếu nại lần hai đến Viện kiểm sát nhân dân tỉnh
    Thì cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Thụ lý khiếu nại lần hai" trong hộp việc
    Và hồ sơ giải quyết đơn có đơn khiếu nại lần hai
    Khi cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh thụ lý khiếu nại lần hai
    Thì hồ sơ thuộc thẩm quyền giải quyết của Viện kiểm sát nhân dân tỉnh
    Và người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Khiếu nại lần hai theo hồ sơ"
    Và nhiệm vụ "Xác minh nội dung đơn" có hạn xử lý 45 ngày kể từ ngày thụ lý
    Khi cán bộ xác minh của Viện kiểm sát nhân dân tỉnh xác minh nội dung đơn "đúng"
    Và thủ trưởng Viện kiểm sát nhân dân tỉnh không tổ chức đối thoại vì "Đã rõ"
    Thì hệ thống từ chối với mã 422 và thông báo "Giải quyết khiếu nại lần hai phải tổ chức đối thoại."
    Khi thủ trưởng Viện kiểm sát nhân dân tỉnh tổ chức đối thoại, lập biên bản "Đối thoại lần hai"
    Và thủ trưởng Viện kiểm sát nhân dân tỉnh quyết định khiếu nại "đúng", hủy bỏ quyết định bị khiếu nại
    Thì thủ trưởng Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Tổ chức thi hành, thông báo kết quả" trong hộp việc
    Và người khiếu nại của Tòa án nhân dân tỉnh không có nhiệm vụ "Ý kiến về quyết định giải quyết lần đầu" trong hộp việc
    Và hồ sơ giải quyết đơn có 2 quyết định giải quyết khiếu nại
    Và thủ trưởng Tòa án nhân dân tỉnh xem được hồ sơ
    Khi thủ trưởng Viện kiểm sát nhân dân tỉnh tổ chức thi hành "Hủy bỏ quyết định điều động"
    Thì hồ sơ đã kết thúc

  @KH-I.2.2
  Kịch bản: Khiếu nại lần hai phải gửi cơ quan khác với cơ quan đã giải quyết lần đầu
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và khiếu nại đã được Tòa án nhân dân tỉnh giải quyết lần đầu
    Khi người khiếu nại của Tòa án nhân dân tỉnh khiếu nại lần hai đến Tòa án nhân dân tỉnh
    Thì hệ thống từ chối với mã 422 và thông báo "không gửi lại cơ quan đã giải quyết lần đầu"

  @CT-2.1 @KH-II.1.5
  Kịch bản: Không thụ lý khiếu nại lần hai thì quyết định lần đầu được tổ chức thi hành
    Cho người khiếu nại của Tòa án nhân dân tỉnh đã gửi đơn khiếu nại về quyết định đó đến Tòa án nhân dân tỉnh
    Và khiếu nại đã được Tòa án nhân dân tỉnh giải quyết lần đầu
    Và người khiếu nại của Tòa án nhân dân tỉnh đã khiếu nại lần hai đến Viện kiểm sát nhân dân tỉnh
    Khi cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh không thụ lý khiếu nại lần hai vì "Đơn gửi quá thời hạn khiếu nại lần hai"
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Tổ chức thi hành, thông báo kết quả" trong hộp việc
    Và hồ sơ giải quyết đơn có thông báo không thụ lý khiếu nại lần hai
    Và người khiếu nại của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Lý do: Đơn gửi quá thời hạn"
    Và hồ sơ thuộc thẩm quyền giải quyết của Tòa án nhân dân tỉnh

  @CT-2.1 @KH-II.1.5 @KH-II.1.7
  Kịch bản: Tố cáo được thụ lý, xác minh, kết luận mà không qua đối thoại
    Khi người tố cáo của Tòa án nhân dân tỉnh gửi đơn tố cáo về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng"
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Kết luận nội dung tố cáo" trong hộp việc
    Và thủ trưởng Tòa án nhân dân tỉnh không có nhiệm vụ "Đối thoại với người khiếu nại" trong hộp việc
    Khi thủ trưởng Tòa án nhân dân tỉnh kết luận nội dung tố cáo "đúng"
    Thì người tố cáo của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Đã có kết luận nội dung tố cáo"
    Và thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Tổ chức thi hành, thông báo kết quả" trong hộp việc
    Khi thủ trưởng Tòa án nhân dân tỉnh tổ chức thi hành "Xử lý kỷ luật người ký quyết định trái quy định, hủy bỏ quyết định điều động"
    Thì hồ sơ đã kết thúc
    Và hồ sơ giải quyết đơn có kết luận nội dung tố cáo

  @CT-2.1 @KH-II.1.5
  Kịch bản: Tố cáo phức tạp được gia hạn một lần bằng văn bản, không được gia hạn lần thứ hai
    Cho người tố cáo của Tòa án nhân dân tỉnh đã gửi đơn tố cáo về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng một phần"
    Khi thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 30 ngày vì vụ việc phức tạp
    Thì hồ sơ giải quyết đơn có quyết định gia hạn giải quyết tố cáo
    Và người tố cáo của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "được gia hạn đến ngày"
    Và nhiệm vụ "Xác minh nội dung đơn" có hạn xử lý 60 ngày kể từ ngày thụ lý
    Khi cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng một phần"
    Và thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 30 ngày vì vụ việc phức tạp
    Thì hệ thống từ chối với mã 422 và thông báo "Đã hết số lần gia hạn"
    Và nhiệm vụ "Kết luận nội dung tố cáo" có hạn xử lý 60 ngày kể từ ngày thụ lý

  @CT-2.1 @KH-II.1.5
  Kịch bản: Tố cáo đặc biệt phức tạp được gia hạn hai lần
    Cho người tố cáo của Tòa án nhân dân tỉnh đã gửi đơn tố cáo về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng một phần"
    Khi thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 30 ngày vì vụ việc đặc biệt phức tạp
    Và cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng một phần"
    Và thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 20 ngày vì vụ việc đặc biệt phức tạp
    Thì hồ sơ giải quyết đơn có 2 quyết định gia hạn giải quyết tố cáo
    Và nhiệm vụ "Xác minh nội dung đơn" có hạn xử lý 80 ngày kể từ ngày thụ lý
    Khi cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng một phần"
    Và thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 10 ngày vì vụ việc đặc biệt phức tạp
    Thì hệ thống từ chối với mã 422 và thông báo "Đã hết số lần gia hạn"

  @CT-2.1 @KH-II.1.5
  Kịch bản: Gia hạn tố cáo không quá 30 ngày mỗi lần
    Cho người tố cáo của Tòa án nhân dân tỉnh đã gửi đơn tố cáo về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã xác minh nội dung đơn "đúng một phần"
    Khi thủ trưởng Tòa án nhân dân tỉnh gia hạn giải quyết tố cáo 45 ngày vì vụ việc phức tạp
    Thì hệ thống từ chối với mã 422 và thông báo "nhỏ hơn hoặc bằng 30."

  @CT-2.1 @KH-II.1.5
  Kịch bản: Kiến nghị, phản ánh được thụ lý, xác minh và trả lời bằng văn bản
    Khi người kiến nghị của Tòa án nhân dân tỉnh gửi đơn kiến nghị về quyết định đó đến Tòa án nhân dân tỉnh
    Và cán bộ tiếp nhận của Tòa án nhân dân tỉnh thụ lý đơn
    Và cán bộ xác minh của Tòa án nhân dân tỉnh xác minh nội dung đơn "đúng một phần"
    Thì thủ trưởng Tòa án nhân dân tỉnh có nhiệm vụ "Trả lời kiến nghị, phản ánh" trong hộp việc
    Khi thủ trưởng Tòa án nhân dân tỉnh trả lời kiến nghị "Cơ quan sẽ xem xét lại thời điểm luân chuyển trong kỳ điều chỉnh tới"
    Thì người kiến nghị của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Đã có văn bản trả lời kiến nghị"
    Và hồ sơ giải quyết đơn có văn bản trả lời kiến nghị
    Khi thủ trưởng Tòa án nhân dân tỉnh tổ chức thi hành "Đã điều chỉnh kế hoạch luân chuyển"
    Thì hồ sơ đã kết thúc
