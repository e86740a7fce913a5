# language: vi
Tính năng: Rà soát, sửa đổi văn bản, quy chế, quy trình
  Phản ánh Chỉ thị điểm 2.3: thường xuyên rà soát văn bản pháp luật, quy chế làm việc, quy trình
  nghiệp vụ, chuẩn mực đạo đức, quy tắc ứng xử, kịp thời phát hiện bất cập, chồng chéo, quy định
  không còn phù hợp để sửa đổi theo thẩm quyền hoặc kiến nghị cơ quan có thẩm quyền; Kế hoạch mục
  II.1 (gạch đầu dòng thứ nhất và thứ hai): thể chế hóa, cụ thể hóa, rà soát, hoàn thiện quy chế,
  quy trình; mục II.2: Ủy ban nhân dân tỉnh rà soát, thể chế hóa các quy định thuộc thẩm quyền;
  mục II.6 (gạch đầu dòng thứ nhất): các cơ quan tố tụng, thi hành án hoàn thiện quy chế, quy định,
  quy trình nghiệp vụ; mục III.2 và Chỉ thị điểm 6: Ban Nội chính theo dõi, đôn đốc.

  @CT-2.3 @KH-II.1.2 @KH-II.6.1
  Kịch bản: Viện kiểm sát phát hiện quy chế chồng chéo, tự sửa đổi và ban hành
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh phát hiện quy trình nghiệp vụ "Quy trình tiếp công dân tại trụ sở" chồng chéo
    Thì đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh được giao nhiệm vụ "Xây dựng đề xuất sửa đổi, bổ sung"
    Và hồ sơ lưu phiếu phát hiện quy định bất cập
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh đề xuất sửa đổi "Tách khu vực tiếp công dân khỏi khu làm việc của kiểm sát viên"
    Thì thủ trưởng Viện kiểm sát nhân dân tỉnh được giao nhiệm vụ "Quyết định đối với đề xuất"
    Khi thủ trưởng Viện kiểm sát nhân dân tỉnh chấp thuận đề xuất
    Thì đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh được giao nhiệm vụ "Báo cáo tiến độ ban hành, sửa đổi"
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo đã ban hành văn bản "Quyết định số 12/QĐ-VKS"
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu văn bản sửa đổi, bổ sung đã ban hành
    Và hồ sơ lưu quyết định chấp thuận đề xuất

  @CT-2.3 @KH-II.2 @KH-II.1.1
  Kịch bản: Kiến nghị Ủy ban nhân dân tỉnh thể chế hóa; tiến độ được theo dõi đến khi ban hành
    Cho Ủy ban nhân dân tỉnh có thủ trưởng trong hệ thống
    Khi đầu mối phối hợp của Thi hành án dân sự tỉnh phát hiện văn bản pháp luật "Quy định phối hợp cưỡng chế thi hành án" chưa đồng bộ, kiến nghị Ủy ban nhân dân tỉnh sửa đổi
    Và đầu mối phối hợp của Thi hành án dân sự tỉnh đề xuất sửa đổi "Bổ sung trách nhiệm bảo vệ chấp hành viên khi cưỡng chế"
    Thì thủ trưởng Ủy ban nhân dân tỉnh được giao nhiệm vụ "Quyết định đối với đề xuất"
    Khi thủ trưởng Ủy ban nhân dân tỉnh chấp thuận đề xuất
    Thì đầu mối phối hợp của Ủy ban nhân dân tỉnh được giao nhiệm vụ "Báo cáo tiến độ ban hành, sửa đổi"
    Và đầu mối phối hợp của Thi hành án dân sự tỉnh không được giao nhiệm vụ "Báo cáo tiến độ ban hành, sửa đổi"
    Khi đầu mối phối hợp của Ủy ban nhân dân tỉnh báo cáo đang thực hiện "Đang lấy ý kiến các sở, ngành"
    Thì hồ sơ đang được xử lý
    Và đầu mối phối hợp của Ủy ban nhân dân tỉnh được giao nhiệm vụ "Báo cáo tiến độ ban hành, sửa đổi"
    Khi đầu mối phối hợp của Ủy ban nhân dân tỉnh báo cáo đã ban hành văn bản "Quyết định số 25/2026/QĐ-UBND"
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu 1 báo cáo tiến độ ban hành
    Và đầu mối phối hợp của Thi hành án dân sự tỉnh nhận được thông báo có nội dung "Quyết định số 25/2026/QĐ-UBND"

  @CT-2.3 @KH-II.1.2
  Kịch bản: Thủ trưởng yêu cầu hoàn thiện đề xuất trước khi chấp thuận
    Cho đầu mối phối hợp của Công an tỉnh đã đề xuất sửa đổi quy chế "Quy chế bảo vệ trụ sở"
    Khi thủ trưởng Công an tỉnh yêu cầu hoàn thiện đề xuất vì "Cần đánh giá tác động đến lực lượng"
    Thì đầu mối phối hợp của Công an tỉnh được giao nhiệm vụ "Xây dựng đề xuất sửa đổi, bổ sung"
    Và đầu mối phối hợp của Công an tỉnh nhận được thông báo có nội dung "Cần đánh giá tác động đến lực lượng"
    Khi đầu mối phối hợp của Công an tỉnh đề xuất sửa đổi "Bổ sung đánh giá tác động đến lực lượng"
    Và thủ trưởng Công an tỉnh chấp thuận đề xuất
    Thì hồ sơ lưu 2 đề xuất sửa đổi, bổ sung
    Và đầu mối phối hợp của Công an tỉnh được giao nhiệm vụ "Báo cáo tiến độ ban hành, sửa đổi"

  @CT-2.3 @KH-II.1.2
  Kịch bản: Không chấp thuận đề xuất thì phải nêu lý do, đơn vị đề xuất được thông báo
    Cho đầu mối phối hợp của Công an tỉnh đã đề xuất sửa đổi quy chế "Quy chế bảo vệ trụ sở"
    Khi thủ trưởng Công an tỉnh không chấp thuận đề xuất mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu rõ lý do."
    Khi thủ trưởng Công an tỉnh không chấp thuận đề xuất vì "Quy chế hiện hành đã đủ"
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu văn bản không chấp thuận đề xuất
    Và đầu mối phối hợp của Công an tỉnh nhận được thông báo có nội dung "không được chấp thuận: Quy chế hiện hành đã đủ"

  @CT-2.3 @KH-II.1.2
  Kịch bản: Báo cáo đã ban hành phải ghi số văn bản và ngày ban hành
    Cho đầu mối phối hợp của Công an tỉnh đã đề xuất sửa đổi quy chế "Quy chế bảo vệ trụ sở"
    Và thủ trưởng Công an tỉnh đã chấp thuận đề xuất
    Khi đầu mối phối hợp của Công an tỉnh báo cáo đã ban hành mà không ghi số văn bản
    Thì hệ thống từ chối với mã 422 và thông báo "Phải ghi số, ký hiệu văn bản đã ban hành."

  @CT-6 @KH-III.2 @CT-2.3
  Kịch bản: Quá hạn xem xét đề xuất, Ban Nội chính đôn đốc thủ trưởng
    Cho đầu mối phối hợp của Công an tỉnh đã đề xuất sửa đổi quy chế "Quy chế bảo vệ trụ sở"
    Khi đồng hồ hệ thống chuyển thêm 30 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Đôn đốc xem xét đề xuất"
    Và thủ trưởng Công an tỉnh vẫn được giao nhiệm vụ "Quyết định đối với đề xuất"
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy đôn đốc "Đề nghị xem xét trong tháng"
    Thì thủ trưởng Công an tỉnh nhận được thông báo có nội dung "đã quá hạn xem xét"
    Và hồ sơ lưu văn bản đôn đốc

  @CT-6 @KH-III.2 @CT-2.3
  Kịch bản: Đến hạn báo cáo tiến độ, Ban Nội chính đôn đốc việc ban hành
    Cho đầu mối phối hợp của Công an tỉnh đã đề xuất sửa đổi quy chế "Quy chế bảo vệ trụ sở"
    Và thủ trưởng Công an tỉnh đã chấp thuận đề xuất
    Khi đồng hồ hệ thống chuyển thêm 30 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Đôn đốc việc ban hành, sửa đổi"
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy đôn đốc "Khẩn trương ban hành"
    Thì đầu mối phối hợp của Công an tỉnh nhận được thông báo có nội dung "Đôn đốc ban hành"
    Khi đầu mối phối hợp của Công an tỉnh báo cáo đã ban hành văn bản "Quyết định số 30/QĐ-CAT"
    Thì hồ sơ đã kết thúc

  @KH-II.1.1 @KH-II.4 @CT-2.3
  Kịch bản: Kiểm tra viên phát hiện bất cập khi kiểm tra, giao đơn vị đề xuất sửa đổi
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy phát hiện quy chế "Quy chế phối hợp bảo vệ phiên tòa" bất cập, giao Tòa án nhân dân tỉnh đề xuất
    Thì đầu mối phối hợp của Tòa án nhân dân tỉnh được giao nhiệm vụ "Xây dựng đề xuất sửa đổi, bổ sung"
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Đề nghị xây dựng đề xuất sửa đổi"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy mở được hồ sơ
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy xem được hồ sơ

  @CT-2.3
  Kịch bản: Người đề nghị bảo vệ không mở hồ sơ rà soát
    Khi người đề nghị của Tòa án nhân dân tỉnh phát hiện quy chế "Quy chế làm việc" bất cập, giao Tòa án nhân dân tỉnh đề xuất
    Thì hệ thống từ chối với mã 403 và thông báo "không có quyền khởi tạo"
