# language: vi
Tính năng: Thời hạn xử lý và đôn đốc việc quá hạn
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): giải quyết nhanh chóng,
  kịp thời; Chỉ thị điểm 3.2: người đứng đầu chịu trách nhiệm trực tiếp nên được nhắc ngay khi
  việc của cơ quan mình quá hạn; Kế hoạch mục II.1 (gạch đầu dòng thứ ba) và Chỉ thị điểm 2.4:
  kiểm tra, giám sát để kịp thời chấn chỉnh; Chỉ thị điểm 6 và Kế hoạch mục III.2: Ban Nội chính
  theo dõi, đôn đốc việc thực hiện.

  Bối cảnh:
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua điện thoại sau phiên tòa

  @KH-II.1.5 @CT-2.1 @CT-3.2
  Kịch bản: Quá 3 ngày chưa tiếp nhận, thủ trưởng được giao việc đôn đốc
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và cán bộ tiếp nhận của Công an tỉnh vẫn có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn tiếp nhận"

  @KH-II.1.5 @CT-2.1
  Kịch bản: Chưa đến hạn thì không nhắc
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 2 ngày 23 giờ 59 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @CT-2.1 @CT-3.2
  Kịch bản: Đề nghị khẩn cấp chưa được quyết định sau 2 giờ, thủ trưởng bị nhắc
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận đề nghị khẩn cấp qua điện thoại của Tòa án nhân dân tỉnh vào biên bản "Thẩm phán Nguyễn Văn An báo bị đe dọa"
    Và đồng hồ hệ thống chuyển thêm 2 giờ 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và thủ trưởng Công an tỉnh vẫn có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn quyết định"

  @CT-2.1 @CT-3.2
  Khung kịch bản: Mỗi bước có thời hạn riêng, quá hạn thì thủ trưởng được nhắc
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Và hồ sơ đã đến bước "<bước>"
    Khi đồng hồ hệ thống chuyển thêm <thời gian>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "<mốc>"

    Dữ liệu:
      | bước                                        | thời gian      | mốc                |
      | Xác minh căn cứ đề nghị                     | 7 ngày 1 phút  | Quá hạn xác minh   |
      | Quyết định áp dụng biện pháp bảo vệ         | 3 ngày 1 phút  | Quá hạn quyết định |
      | Thực hiện biện pháp bảo vệ, báo cáo kết quả | 15 ngày 1 phút | Quá hạn báo cáo    |

  @KH-II.1.3 @CT-2.4
  Kịch bản: Việc quá thời hạn hiện trong danh sách quá hạn
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Thì cán bộ tiếp nhận của Công an tỉnh thấy nhiệm vụ "Tiếp nhận đề nghị" trong danh sách quá hạn

  @KH-II.1.3 @CT-2.4
  Kịch bản: Việc quá hạn vẫn trong danh sách quá hạn sau khi thủ trưởng đã được nhắc
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ tiếp nhận của Công an tỉnh thấy nhiệm vụ "Tiếp nhận đề nghị" trong danh sách quá hạn

  @CT-3.2 @KH-II.1.3
  Kịch bản: Thủ trưởng chỉ đạo xử lý việc quá hạn, hồ sơ tiếp tục được giải quyết
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Và thủ trưởng Công an tỉnh chỉ đạo xử lý việc quá hạn "Tiếp nhận, kiểm tra hồ sơ ngay trong ngày"
    Thì hồ sơ bảo vệ có chỉ đạo xử lý việc quá hạn
    Và thủ trưởng Công an tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và cán bộ tiếp nhận của Công an tỉnh vẫn có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc

  @CT-6 @KH-III.2
  Kịch bản: Ban Nội chính Tỉnh ủy theo dõi được hồ sơ quá hạn
    Cho Tòa án nhân dân tỉnh đã gửi đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy xem được hồ sơ
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy thấy trong lịch sử hồ sơ sự kiện "timer_fired" tại "Quá hạn tiếp nhận"
