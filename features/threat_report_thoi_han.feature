# language: vi
Tính năng: Thời hạn đánh giá, cảnh báo và xử lý thông tin vi phạm
  Phản ánh Kế hoạch mục II.1 (gạch đầu dòng thứ sáu) và Chỉ thị điểm 2.2: kịp thời cảnh báo, phòng
  ngừa; Chỉ thị điểm 3.2: người đứng đầu được nhắc khi việc quá hạn; Kế hoạch mục II.1 (gạch đầu
  dòng thứ ba): kiểm tra để kịp thời chấn chỉnh. Không có thời hạn luật định cho việc đánh giá, cảnh
  báo: các thời hạn là thiết lập của quy trình (2 ngày đánh giá, 1 ngày cảnh báo, 3 ngày triển khai
  phòng ngừa); thông tin vi phạm chuyển xử lý mặc định 20 ngày, tham chiếu thời hạn giải quyết tố
  giác, tin báo về tội phạm (Bộ luật Tố tụng hình sự 2015 Điều 147).

  Bối cảnh:
    Cho kiểm sát viên "Lê Văn Cường" của Viện kiểm sát nhân dân tỉnh bị lôi kéo, mua chuộc để thay đổi quan điểm truy tố
    Và người báo tin của Viện kiểm sát nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Công an tỉnh

  @CT-2.2 @CT-3.2 @KH-II.1.6
  Khung kịch bản: Mỗi bước có thời hạn riêng, quá hạn thì thủ trưởng cơ quan nắm tình hình được nhắc
    Cho hồ sơ cảnh báo đã đến bước "<bước>"
    Khi đồng hồ hệ thống chuyển thêm <thời gian>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "<mốc>"

    Dữ liệu:
      | bước                                      | thời gian      | mốc                        |
      | Đánh giá, dự báo tình hình                | 2 ngày 1 phút  | Quá hạn đánh giá           |
      | Cảnh báo, chỉ đạo phòng ngừa              | 1 ngày 1 phút  | Quá hạn cảnh báo           |
      | Tiếp nhận cảnh báo, triển khai phòng ngừa | 3 ngày 1 phút  | Quá hạn báo cáo phòng ngừa |
      | Tiếp nhận, xử lý thông tin vi phạm        | 20 ngày 1 phút | Quá hạn xử lý vi phạm      |

  @CT-2.2 @KH-II.1.6
  Kịch bản: Chưa đến hạn đánh giá thì không nhắc
    Khi đồng hồ hệ thống chuyển thêm 1 ngày 23 giờ
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Công an tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @CT-3.2 @KH-II.1.3
  Kịch bản: Cơ quan được cảnh báo chậm báo cáo, thủ trưởng chỉ đạo và ý kiến được lưu vào hồ sơ
    Cho hồ sơ cảnh báo đã đến bước "Tiếp nhận cảnh báo, triển khai phòng ngừa"
    Khi đồng hồ hệ thống chuyển thêm 3 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Và thủ trưởng Công an tỉnh chỉ đạo xử lý việc quá hạn "Đề nghị Viện kiểm sát báo cáo ngay biện pháp đã triển khai"
    Thì hồ sơ cảnh báo có chỉ đạo xử lý việc quá hạn
    Và đầu mối của Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Tiếp nhận cảnh báo, triển khai phòng ngừa" trong hộp việc
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh thấy nhiệm vụ "Tiếp nhận cảnh báo, triển khai phòng ngừa" trong danh sách quá hạn
