# language: vi
Tính năng: Thời hạn giải quyết khiếu nại, tố cáo về quyết định liên quan đến vị trí công tác
  Phản ánh Chỉ thị điểm 2.1 và Kế hoạch mục II.1 (gạch đầu dòng thứ năm): giải quyết nhanh chóng,
  kịp thời, đúng quy định; Chỉ thị điểm 3.2: người đứng đầu chịu trách nhiệm trực tiếp nên được
  nhắc khi việc của cơ quan mình quá hạn; Chỉ thị điểm 6 và Kế hoạch mục III.2: Ban Nội chính theo
  dõi, đôn đốc. Thời hạn là thiết lập của quy trình, mặc định theo luật: thụ lý 10 ngày (Luật Khiếu
  nại 2011 Điều 27, 36); giải quyết lần đầu 30 ngày, phức tạp 45, vùng sâu vùng xa 45/60 (Điều 28);
  lần hai 45/60 (Điều 37); khiếu nại lần hai trong 30 ngày (Điều 33); tố cáo 30 ngày, gia hạn không
  quá 30 ngày mỗi lần (Luật Tố cáo 2018 Điều 30). Thời hạn giải quyết tính từ ngày thụ lý.

  Bối cảnh:
    Cho chấp hành viên "Phạm Thị Dung" của Thi hành án dân sự tỉnh nhận quyết định kỷ luật "Quyết định số 08/QĐ-THA khiển trách do chậm tổ chức cưỡng chế"

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Kịch bản: Quá 10 ngày chưa thụ lý, thủ trưởng được giao việc đôn đốc
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Khi đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh có nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn thụ lý"

  @CT-2.1 @KH-II.1.5
  Kịch bản: Chưa đến 10 ngày thì không nhắc
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Khi đồng hồ hệ thống chuyển thêm 9 ngày 23 giờ
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Khung kịch bản: Thời hạn giải quyết theo loại đơn và tính chất vụ việc, tính từ ngày thụ lý
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn <loại đơn> về quyết định đó đến Thi hành án dân sự tỉnh
    Khi <cách thụ lý>
    Thì nhiệm vụ "Xác minh nội dung đơn" có hạn xử lý <số ngày> ngày kể từ ngày thụ lý
    Khi đồng hồ hệ thống chuyển thêm <chưa đến hạn>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Khi đồng hồ hệ thống chuyển thêm 2 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn giải quyết"

    Dữ liệu:
      | loại đơn  | cách thụ lý                                                                                                  | số ngày | chưa đến hạn |
      | khiếu nại | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn                                                      | 30      | 29 ngày      |
      | khiếu nại | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn, vụ việc phức tạp                                    | 45      | 44 ngày      |
      | khiếu nại | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn, người khiếu nại ở vùng sâu, vùng xa                 | 45      | 44 ngày      |
      | khiếu nại | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn, vụ việc phức tạp, người khiếu nại ở vùng sâu, vùng xa | 60      | 59 ngày      |
      | tố cáo    | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn                                                      | 30      | 29 ngày      |
      | kiến nghị | cán bộ tiếp nhận của Thi hành án dân sự tỉnh thụ lý đơn                                                      | 30      | 29 ngày      |

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Kịch bản: Thời hạn chạy từ ngày thụ lý qua các bước, không tính lại ở từng bước
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh đã thụ lý đơn
    Khi đồng hồ hệ thống chuyển thêm 20 ngày
    Và cán bộ xác minh của Thi hành án dân sự tỉnh xác minh nội dung đơn "sai"
    Thì nhiệm vụ "Đối thoại với người khiếu nại" có hạn xử lý 30 ngày kể từ ngày thụ lý
    Khi thủ trưởng Thi hành án dân sự tỉnh tổ chức đối thoại, lập biên bản "Giải thích căn cứ kỷ luật"
    Và đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Quyết định giải quyết khiếu nại" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn giải quyết"

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Kịch bản: Tố cáo đã gia hạn thì được nhắc khi hết thời hạn gia hạn
    Cho người tố cáo của Thi hành án dân sự tỉnh đã gửi đơn tố cáo về quyết định đó đến Thi hành án dân sự tỉnh
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Thi hành án dân sự tỉnh đã xác minh nội dung đơn "đúng một phần"
    Khi thủ trưởng Thi hành án dân sự tỉnh gia hạn giải quyết tố cáo 30 ngày vì vụ việc phức tạp
    Và cán bộ xác minh của Thi hành án dân sự tỉnh xác minh nội dung đơn "đúng một phần"
    Và đồng hồ hệ thống chuyển thêm 31 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Khi đồng hồ hệ thống chuyển thêm 30 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn giải quyết tố cáo"

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Kịch bản: Kiến nghị chưa được trả lời đúng hạn thì thủ trưởng được nhắc
    Cho người kiến nghị của Thi hành án dân sự tỉnh đã gửi đơn kiến nghị về quyết định đó đến Thi hành án dân sự tỉnh
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh đã thụ lý đơn
    Và cán bộ xác minh của Thi hành án dân sự tỉnh đã xác minh nội dung đơn "đúng một phần"
    Khi đồng hồ hệ thống chuyển thêm 30 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn trả lời"

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Khung kịch bản: Giải quyết khiếu nại lần hai trong 45 ngày, vụ việc phức tạp 60 ngày
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Và khiếu nại đã được Thi hành án dân sự tỉnh giải quyết lần đầu
    Và người khiếu nại của Thi hành án dân sự tỉnh đã khiếu nại lần hai đến Viện kiểm sát nhân dân tỉnh
    Khi <cách thụ lý>
    Thì nhiệm vụ "Xác minh nội dung đơn" có hạn xử lý <số ngày> ngày kể từ ngày thụ lý
    Khi cán bộ xác minh của Viện kiểm sát nhân dân tỉnh xác minh nội dung đơn "sai"
    Và đồng hồ hệ thống chuyển thêm <quá hạn>
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và thủ trưởng Thi hành án dân sự tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn giải quyết"

    Dữ liệu:
      | cách thụ lý                                                                            | số ngày | quá hạn        |
      | cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh thụ lý khiếu nại lần hai               | 45      | 45 ngày 1 phút |
      | cán bộ tiếp nhận của Viện kiểm sát nhân dân tỉnh thụ lý khiếu nại lần hai, vụ việc phức tạp | 60      | 60 ngày 1 phút |

  @CT-2.1 @CT-3.2 @KH-II.1.5
  Kịch bản: Quá 10 ngày chưa thụ lý khiếu nại lần hai, thủ trưởng cơ quan giải quyết lần hai được nhắc
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Và khiếu nại đã được Thi hành án dân sự tỉnh giải quyết lần đầu
    Và người khiếu nại của Thi hành án dân sự tỉnh đã khiếu nại lần hai đến Viện kiểm sát nhân dân tỉnh
    Khi đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì thủ trưởng Viện kiểm sát nhân dân tỉnh có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Quá hạn thụ lý lần hai"

  @CT-2.1 @KH-II.1.5 @KH-I.2.2
  Khung kịch bản: Hết thời hạn khiếu nại lần hai, quyết định lần đầu có hiệu lực pháp luật và được thi hành
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Và <cách thụ lý>
    Và cán bộ xác minh của Thi hành án dân sự tỉnh đã xác minh nội dung đơn "sai"
    Và thủ trưởng Thi hành án dân sự tỉnh đã tổ chức đối thoại, lập biên bản "Giải thích căn cứ kỷ luật"
    Và thủ trưởng Thi hành án dân sự tỉnh đã quyết định khiếu nại "sai", giữ nguyên quyết định bị khiếu nại
    Khi đồng hồ hệ thống chuyển thêm <còn hạn>
    Và hệ thống xử lý các thời hạn đã đến
    Thì người khiếu nại của Thi hành án dân sự tỉnh có nhiệm vụ "Ý kiến về quyết định giải quyết lần đầu" trong hộp việc
    Khi đồng hồ hệ thống chuyển thêm 2 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì người khiếu nại của Thi hành án dân sự tỉnh không có nhiệm vụ "Ý kiến về quyết định giải quyết lần đầu" trong hộp việc
    Và thủ trưởng Thi hành án dân sự tỉnh có nhiệm vụ "Tổ chức thi hành, thông báo kết quả" trong hộp việc
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Hết thời hạn khiếu nại lần hai"
    Khi thủ trưởng Thi hành án dân sự tỉnh tổ chức thi hành "Giữ nguyên quyết định kỷ luật khiển trách"
    Thì hồ sơ giải quyết đơn có quyết định có hiệu lực pháp luật
    Và hồ sơ đã kết thúc

    Dữ liệu:
      | cách thụ lý                                                                                | còn hạn |
      | cán bộ tiếp nhận của Thi hành án dân sự tỉnh đã thụ lý đơn                                   | 29 ngày |
      | cán bộ tiếp nhận của Thi hành án dân sự tỉnh đã thụ lý đơn, người khiếu nại ở vùng sâu, vùng xa | 44 ngày |

  @CT-3.2 @KH-II.1.3
  Kịch bản: Thủ trưởng chỉ đạo xử lý việc quá hạn, ý kiến chỉ đạo được lưu vào hồ sơ
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Khi đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Và thủ trưởng Thi hành án dân sự tỉnh chỉ đạo xử lý việc quá hạn "Thụ lý ngay, báo cáo trong ngày"
    Thì hồ sơ giải quyết đơn có chỉ đạo xử lý việc quá hạn
    Và thủ trưởng Thi hành án dân sự tỉnh không có nhiệm vụ "Đôn đốc xử lý quá hạn" trong hộp việc
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh có nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong hộp việc

  @CT-6 @KH-III.2 @CT-2.4
  Kịch bản: Ban Nội chính Tỉnh ủy theo dõi được đơn quá hạn
    Cho người khiếu nại của Thi hành án dân sự tỉnh đã gửi đơn khiếu nại về quyết định đó đến Thi hành án dân sự tỉnh
    Khi đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy xem được hồ sơ
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy thấy trong lịch sử hồ sơ sự kiện "timer_fired" tại "Quá hạn thụ lý"
    Và cán bộ tiếp nhận của Thi hành án dân sự tỉnh thấy nhiệm vụ "Thụ lý hoặc không thụ lý đơn" trong danh sách quá hạn
