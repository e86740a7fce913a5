# language: vi
Tính năng: Kiểm tra, giám sát việc thực hiện công tác bảo vệ
  Phản ánh Kế hoạch mục II.4: Ủy ban Kiểm tra Tỉnh ủy tăng cường kiểm tra việc thực hiện nhiệm
  vụ bảo vệ; mục II.3 và Chỉ thị điểm 4: Hội đồng nhân dân tỉnh, Mặt trận Tổ quốc giám sát, kịp
  thời phát hiện, kiến nghị; Kế hoạch mục I.1 (mục đích thứ ba) và mục II.1 (gạch đầu dòng thứ
  ba), Chỉ thị điểm 2.4: kiểm tra, giám sát để kịp thời chấn chỉnh thiếu sót, khuyết điểm, theo
  dõi từng kiến nghị cho đến khi khắc phục xong; Chỉ thị điểm 3.1: không cản trở hoạt động kiểm
  tra, giám sát; điểm 3.2: người đứng đầu đơn vị chịu trách nhiệm trực tiếp.

  @KH-II.4 @CT-2.4 @KH-I.1.3 @KH-II.1.3
  Kịch bản: Ủy ban Kiểm tra kiểm tra Công an tỉnh, hai kiến nghị được khắc phục trong một đợt
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy lập kế hoạch kiểm tra "Việc bố trí lực lượng bảo vệ chuyên trách" tại Công an tỉnh
    Thì thủ trưởng Công an tỉnh nhận được thông báo có nội dung "Thông báo kế hoạch kiểm tra, giám sát"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy được giao nhiệm vụ "Tiến hành kiểm tra, giám sát tại đơn vị"
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy tiến hành tại đơn vị, lập biên bản "Làm việc với Ban Giám đốc Công an tỉnh"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy kết luận đơn vị còn hạn chế, kiến nghị "Kiện toàn tổ bảo vệ chuyên trách" và "Bổ sung công cụ hỗ trợ"
    Thì hồ sơ lưu kết luận kiểm tra, giám sát
    Và đầu mối phối hợp của Công an tỉnh được giao 2 nhiệm vụ "Báo cáo khắc phục theo kiến nghị"
    Và thủ trưởng Công an tỉnh nhận được thông báo có nội dung "có 2 kiến nghị"
    Khi đầu mối phối hợp của Công an tỉnh báo cáo đã khắc phục kiến nghị số 1 "Đã ban hành quyết định kiện toàn tổ bảo vệ"
    Thì kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy không được giao nhiệm vụ "Đánh giá kết quả khắc phục"
    Khi đầu mối phối hợp của Công an tỉnh báo cáo đã khắc phục kiến nghị số 2 "Đã cấp bổ sung công cụ hỗ trợ"
    Thì hồ sơ lưu 2 báo cáo thực hiện kiến nghị
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy được giao nhiệm vụ "Đánh giá kết quả khắc phục"
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đánh giá kiến nghị số 1 và 2 đã hoàn thành
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu văn bản kết thúc theo dõi thực hiện kiến nghị
    Và mọi kiến nghị của hồ sơ đã hoàn thành

  @KH-II.4 @CT-2.4 @KH-II.1.3
  Kịch bản: Kiến nghị chưa hoàn thành được theo dõi tiếp ở đợt sau cho đến khi hoàn thành
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã kết luận tại Viện kiểm sát nhân dân tỉnh với kiến nghị "Ban hành quy chế bảo mật hồ sơ" và "Tập huấn kỹ năng phòng vệ"
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo đã khắc phục kiến nghị số 1 "Đã ban hành quy chế"
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo đang khắc phục kiến nghị số 2 "Đã có kế hoạch tập huấn quý sau"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đánh giá kiến nghị số 1 đã hoàn thành
    Thì hồ sơ đang được xử lý
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh được giao 1 nhiệm vụ "Báo cáo khắc phục theo kiến nghị"
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh nhận được thông báo có nội dung "tiếp tục thực hiện kiến nghị số 2"
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo đã khắc phục kiến nghị số 1 "Báo cáo lại"
    Thì hệ thống từ chối với mã 422 và thông báo "Kiến nghị số 1 không nằm trong các kiến nghị đang theo dõi"
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo đã khắc phục kiến nghị số 2 "Đã tập huấn cho 40 kiểm sát viên"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đánh giá kiến nghị số 2 đã hoàn thành
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu 2 đánh giá kết quả thực hiện kiến nghị
    Và mọi kiến nghị của hồ sơ đã hoàn thành

  @KH-II.4 @CT-2.4
  Kịch bản: Một kiến nghị chỉ được báo cáo một lần trong mỗi đợt
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã kết luận tại Công an tỉnh với kiến nghị "Rà soát phương án bảo vệ trụ sở" và "Bảo mật dữ liệu cán bộ"
    Khi đầu mối phối hợp của Công an tỉnh báo cáo đã khắc phục kiến nghị số 1 "Đã rà soát"
    Và đầu mối phối hợp của Công an tỉnh báo cáo đã khắc phục kiến nghị số 1 "Báo cáo trùng"
    Thì hệ thống từ chối với mã 422 và thông báo "Kiến nghị số 1 đã được báo cáo trong đợt này."
    Và đầu mối phối hợp của Công an tỉnh được giao 1 nhiệm vụ "Báo cáo khắc phục theo kiến nghị"

  @KH-II.3 @CT-4 @KH-I.1.3
  Khung kịch bản: Cơ quan dân cử, Mặt trận giám sát cơ quan tố tụng, không có kiến nghị
    Khi cán bộ giám sát của <cơ quan giám sát> lập kế hoạch giám sát "Việc bảo vệ thẩm phán, hội thẩm" tại <đơn vị>
    Và cán bộ giám sát của <cơ quan giám sát> tiến hành tại đơn vị, lập biên bản "Giám sát tại đơn vị"
    Và cán bộ giám sát của <cơ quan giám sát> kết luận đơn vị thực hiện tốt, không có kiến nghị
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu kết luận kiểm tra, giám sát
    Và hồ sơ là một cuộc giám sát của <cơ quan giám sát> tại <đơn vị>

    Dữ liệu:
      | cơ quan giám sát                      | đơn vị                  |
      | Hội đồng nhân dân tỉnh                | Tòa án nhân dân tỉnh    |
      | Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh | Thi hành án dân sự tỉnh |

  @KH-II.3 @CT-4 @KH-II.1.3
  Kịch bản: Đơn vị còn hạn chế thì kết luận phải có kiến nghị
    Cho cán bộ giám sát của Hội đồng nhân dân tỉnh đã tiến hành giám sát tại Công an tỉnh
    Khi cán bộ giám sát của Hội đồng nhân dân tỉnh kết luận đơn vị còn hạn chế, không có kiến nghị
    Thì hệ thống từ chối với mã 422 và thông báo "phải có ít nhất một kiến nghị khắc phục"
    Và cán bộ giám sát của Hội đồng nhân dân tỉnh được giao nhiệm vụ "Kết luận, kiến nghị"

  @CT-3.1 @KH-II.4 @CT-6
  Kịch bản: Đơn vị cản trở, không tiến hành được kiểm tra: báo cáo Ban Nội chính Tỉnh ủy
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã lập kế hoạch kiểm tra "Việc bảo vệ hồ sơ vụ án" tại Thi hành án dân sự tỉnh
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy không tiến hành được vì "Đơn vị không bố trí làm việc, không cung cấp hồ sơ"
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu báo cáo không tiến hành được kiểm tra, giám sát
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy nhận được thông báo có nội dung "Không tiến hành được kiểm tra, giám sát"

  @CT-3.1 @KH-II.4
  Kịch bản: Không tiến hành được thì phải nêu lý do
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã lập kế hoạch kiểm tra "Việc bảo vệ hồ sơ vụ án" tại Thi hành án dân sự tỉnh
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy báo cáo không tiến hành được mà không nêu lý do
    Thì hệ thống từ chối với mã 422 và thông báo "Phải nêu rõ lý do không tiến hành được."

  @CT-3.2 @KH-II.4 @CT-2.4
  Kịch bản: Quá hạn khắc phục: kiểm tra viên đôn đốc, rồi thủ trưởng đơn vị phải chỉ đạo
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã kết luận tại Công an tỉnh với kiến nghị "Bố trí lực lượng bảo vệ phiên tòa lưu động"
    Khi đồng hồ hệ thống chuyển thêm 30 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy được giao nhiệm vụ "Đôn đốc đơn vị thực hiện kiến nghị"
    Và thủ trưởng Công an tỉnh không được giao nhiệm vụ "Đôn đốc xử lý quá hạn"
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Đến hạn báo cáo khắc phục"
    Khi kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy gửi văn bản đôn đốc "Đề nghị báo cáo trước ngày 15"
    Thì đầu mối phối hợp của Công an tỉnh nhận được thông báo có nội dung "Đôn đốc báo cáo thực hiện kiến nghị số 1"
    Và hồ sơ lưu văn bản đôn đốc thực hiện kiến nghị
    Khi đồng hồ hệ thống chuyển thêm 15 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh được giao nhiệm vụ "Đôn đốc xử lý quá hạn"
    Và đầu mối phối hợp của Công an tỉnh vẫn được giao nhiệm vụ "Báo cáo khắc phục theo kiến nghị"
    Khi thủ trưởng Công an tỉnh chỉ đạo xử lý việc quá hạn "Phòng Cảnh sát bảo vệ báo cáo ngay trong tuần"
    Và đầu mối phối hợp của Công an tỉnh báo cáo đã khắc phục kiến nghị số 1 "Đã bố trí lực lượng"
    Và kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đánh giá kiến nghị số 1 đã hoàn thành
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu chỉ đạo xử lý việc quá hạn

  @CT-2.4 @KH-II.4
  Kịch bản: Chưa đến hạn khắc phục thì không đôn đốc
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã kết luận tại Công an tỉnh với kiến nghị "Bố trí lực lượng bảo vệ phiên tòa lưu động"
    Khi đồng hồ hệ thống chuyển thêm 29 ngày 23 giờ 59 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy không được giao nhiệm vụ "Đôn đốc đơn vị thực hiện kiến nghị"
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @KH-II.4 @CT-6 @KH-III.2
  Kịch bản: Đơn vị được kiểm tra và Ban Nội chính xem được hồ sơ, cơ quan khác thì không
    Cho kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy đã lập kế hoạch kiểm tra "Việc bảo vệ hồ sơ vụ án" tại Thi hành án dân sự tỉnh
    Thì thủ trưởng Thi hành án dân sự tỉnh xem được hồ sơ
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy xem được hồ sơ
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh không tìm thấy hồ sơ

  @KH-II.4
  Kịch bản: Chỉ cơ quan kiểm tra, giám sát lập kế hoạch kiểm tra
    Khi thủ trưởng Công an tỉnh lập kế hoạch kiểm tra "Tự kiểm tra" tại Viện kiểm sát nhân dân tỉnh
    Thì hệ thống từ chối với mã 403 và thông báo "không có quyền khởi tạo"
