# language: vi
Tính năng: Triển khai, sơ kết, tổng kết thực hiện Quy định 183-QĐ/TW
  Phản ánh Kế hoạch mục III.1: các cơ quan, đơn vị cụ thể hóa, xây dựng chương trình, kế hoạch và
  báo cáo kết quả cho Ban Thường vụ Tỉnh ủy qua Ban Nội chính Tỉnh ủy; mục III.2 và Chỉ thị điểm 6:
  Ban Nội chính theo dõi, đôn đốc, định kỳ tham mưu sơ kết, tổng kết; Kế hoạch mục I.2: mỗi đơn vị
  xác định nhiệm vụ, trách nhiệm cụ thể, thực hiện nghiêm, thường xuyên; Chỉ thị điểm 1 và Kế
  hoạch mục I.1 (mục đích thứ nhất): quán triệt, triển khai; Chỉ thị điểm 5, Kế hoạch mục II.5:
  tuyên truyền; Kế hoạch mục II.6: các cơ quan tố tụng, thi hành án tổ chức thực hiện và báo cáo.
  Mỗi đợt là một hồ sơ riêng; số liệu của báo cáo tổng hợp do hệ thống tự tính.

  @CT-6 @KH-III.1 @KH-III.2 @KH-I.2.2 @KH-II.6.1
  Kịch bản: Sơ kết: mỗi đơn vị báo cáo, báo cáo tổng hợp được điền sẵn số liệu của hệ thống
    Cho trong kỳ đã có 2 đề nghị bảo vệ được quyết định áp dụng biện pháp và 1 đề nghị bị từ chối
    Khi đồng hồ hệ thống chuyển thêm 2 ngày
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết kỳ từ hôm kia đến hôm qua cho Công an tỉnh, Viện kiểm sát nhân dân tỉnh và Ban Tuyên giáo và Dân vận Tỉnh ủy
    Thì đầu mối phối hợp của Công an tỉnh được giao nhiệm vụ "Báo cáo kết quả thực hiện của đơn vị"
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh được giao nhiệm vụ "Báo cáo kết quả thực hiện của đơn vị"
    Và đầu mối phối hợp của Ban Tuyên giáo và Dân vận Tỉnh ủy được giao nhiệm vụ "Báo cáo kết quả thực hiện của đơn vị"
    Và đầu mối phối hợp của Công an tỉnh nhận được thông báo có nội dung "Sơ kết thực hiện Quy định 183-QĐ/TW"
    Và hồ sơ lưu văn bản giao nhiệm vụ
    Khi đầu mối phối hợp của Công an tỉnh báo cáo kết quả "Bố trí lực lượng bảo vệ 2 thẩm phán"
    Và đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo kết quả "Ban hành quy chế bảo mật hồ sơ"
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy không được giao nhiệm vụ "Tổng hợp báo cáo gửi Ban Thường vụ Tỉnh ủy"
    Khi đầu mối phối hợp của Ban Tuyên giáo và Dân vận Tỉnh ủy báo cáo kết quả "Đăng 12 tin, bài tuyên truyền"
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Tổng hợp báo cáo gửi Ban Thường vụ Tỉnh ủy"
    Và báo cáo tổng hợp được điền sẵn "Tiếp nhận 3 đề nghị áp dụng biện pháp bảo vệ"
    Và báo cáo tổng hợp được điền sẵn "áp dụng 2, từ chối 1"
    Và báo cáo tổng hợp được điền sẵn "Ban hành quy chế bảo mật hồ sơ"
    Và số liệu điền sẵn khớp với số liệu thống kê của kỳ
    Và hồ sơ lưu 3 báo cáo của đơn vị
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy gửi báo cáo tổng hợp
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu báo cáo tổng hợp gửi Ban Thường vụ Tỉnh ủy

  @CT-1 @KH-I.1.1 @KH-I.2.1 @KH-III.1
  Kịch bản: Đợt triển khai: mỗi đơn vị phải báo cáo chương trình, kế hoạch của mình
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ triển khai kỳ từ hôm nay đến ngày mai cho Tòa án nhân dân tỉnh
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh báo cáo kết quả "Đã quán triệt" mà không có chương trình
    Thì hệ thống từ chối với mã 422 và thông báo "Đợt triển khai: đơn vị phải báo cáo chương trình, kế hoạch thực hiện."
    Khi đầu mối phối hợp của Tòa án nhân dân tỉnh báo cáo chương trình "Chương trình số 05-CTr thực hiện Quy định 183" và kết quả "Đã quán triệt tới 100% thẩm phán"
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Tổng hợp báo cáo gửi Ban Thường vụ Tỉnh ủy"
    Và báo cáo tổng hợp được điền sẵn "BÁO CÁO TRIỂN KHAI THỰC HIỆN"

  @CT-5 @KH-II.5 @CT-1
  Kịch bản: Kết quả quán triệt, tuyên truyền của các đơn vị được cộng dồn vào báo cáo tổng hợp
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết kỳ từ hôm nay đến ngày mai cho Ban Tuyên giáo và Dân vận Tỉnh ủy và Thi hành án dân sự tỉnh
    Và đầu mối phối hợp của Ban Tuyên giáo và Dân vận Tỉnh ủy báo cáo kết quả "Chuyên mục tuyên truyền trên Báo tỉnh" với 4 hội nghị quán triệt và 300 lượt cán bộ
    Và đầu mối phối hợp của Thi hành án dân sự tỉnh báo cáo kết quả "Quán triệt toàn ngành" với 2 hội nghị quán triệt và 85 lượt cán bộ
    Thì báo cáo tổng hợp được điền sẵn "Tổng số hội nghị, buổi quán triệt, tuyên truyền: 6; lượt cán bộ, đảng viên: 385."

  @CT-6 @KH-III.2 @KH-I.2.1
  Kịch bản: Đơn vị chậm báo cáo được nhắc; quá hạn thì báo cáo Thường trực và người đứng đầu phải chỉ đạo
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết kỳ từ hôm nay đến ngày mai cho Công an tỉnh và Viện kiểm sát nhân dân tỉnh, thời hạn báo cáo 10 ngày
    Và đầu mối phối hợp của Công an tỉnh báo cáo kết quả "Đã bố trí lực lượng"
    Và đồng hồ hệ thống chuyển thêm 10 ngày 1 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Nhắc đơn vị chậm báo cáo"
    Và lịch sử hồ sơ ghi nhận sự kiện "timer_fired" tại "Đến hạn báo cáo"
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy nhắc đơn vị chậm báo cáo "Đề nghị gửi báo cáo trong 3 ngày"
    Thì đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh nhận được thông báo có nội dung "Đề nghị khẩn trương gửi báo cáo"
    Và đầu mối phối hợp của Công an tỉnh không nhận được thông báo có nội dung "Đề nghị khẩn trương gửi báo cáo"
    Và hồ sơ lưu văn bản nhắc đơn vị chậm báo cáo
    Khi đồng hồ hệ thống chuyển thêm 7 ngày
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Báo cáo Thường trực về đơn vị chậm báo cáo"
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy báo cáo Thường trực về đơn vị chậm báo cáo "Viện kiểm sát nhân dân tỉnh chưa báo cáo"
    Thì thủ trưởng Viện kiểm sát nhân dân tỉnh nhận được thông báo có nội dung "đã báo cáo Thường trực Tỉnh ủy"
    Và hồ sơ lưu báo cáo Thường trực về đơn vị chậm báo cáo
    Khi đầu mối phối hợp của Viện kiểm sát nhân dân tỉnh báo cáo kết quả "Đã ban hành quy chế"
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy gửi báo cáo tổng hợp
    Thì hồ sơ đã kết thúc

  @CT-6 @KH-III.2
  Kịch bản: Chưa đến hạn báo cáo thì không nhắc
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết kỳ từ hôm nay đến ngày mai cho Công an tỉnh
    Và đồng hồ hệ thống chuyển thêm 29 ngày 23 giờ 59 phút
    Và hệ thống xử lý các thời hạn đã đến
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy không được giao nhiệm vụ "Nhắc đơn vị chậm báo cáo"
    Và lịch sử hồ sơ chưa có sự kiện "timer_fired"

  @KH-III.2 @KH-III.1
  Kịch bản: Báo cáo của đơn vị chưa đạt, Ban Nội chính yêu cầu bổ sung trước khi gửi
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ tổng kết kỳ từ hôm nay đến ngày mai cho Công an tỉnh và Tòa án nhân dân tỉnh
    Và đầu mối phối hợp của Công an tỉnh báo cáo kết quả "Đã triển khai"
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh báo cáo kết quả "Đã bảo vệ các phiên tòa"
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy yêu cầu Công an tỉnh bổ sung "Số liệu lực lượng, phương tiện đã bố trí"
    Thì đầu mối phối hợp của Công an tỉnh được giao nhiệm vụ "Bổ sung báo cáo theo yêu cầu"
    Và đầu mối phối hợp của Tòa án nhân dân tỉnh không được giao nhiệm vụ "Bổ sung báo cáo theo yêu cầu"
    Và hồ sơ lưu yêu cầu bổ sung báo cáo
    Khi đầu mối phối hợp của Công an tỉnh bổ sung báo cáo "Bố trí 12 cán bộ, 3 xe chuyên dụng"
    Thì cán bộ theo dõi của Ban Nội chính Tỉnh ủy được giao nhiệm vụ "Tổng hợp báo cáo gửi Ban Thường vụ Tỉnh ủy"
    Và báo cáo tổng hợp được điền sẵn "Bổ sung: Bố trí 12 cán bộ, 3 xe chuyên dụng"
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy gửi báo cáo tổng hợp
    Thì hồ sơ đã kết thúc
    Và hồ sơ lưu báo cáo bổ sung

  @KH-III.2
  Kịch bản: Chỉ yêu cầu bổ sung đối với đơn vị được giao nhiệm vụ trong đợt
    Khi cán bộ theo dõi của Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết kỳ từ hôm nay đến ngày mai cho Công an tỉnh
    Và đầu mối phối hợp của Công an tỉnh báo cáo kết quả "Đã triển khai"
    Và cán bộ theo dõi của Ban Nội chính Tỉnh ủy yêu cầu Ủy ban nhân dân tỉnh bổ sung "Báo cáo thêm"
    Thì hệ thống từ chối với mã 422 và thông báo "Chỉ yêu cầu bổ sung đối với đơn vị được giao nhiệm vụ trong đợt."

  @CT-6 @KH-III.2
  Kịch bản: Đợt sơ kết theo lịch chỉ được mở một lần
    Khi hệ thống mở đợt báo cáo theo lịch vào ngày 01/07/2026
    Và hệ thống mở đợt báo cáo theo lịch vào ngày 02/07/2026
    Thì có đúng 1 hồ sơ sơ kết kỳ từ 01/01/2026 đến 30/06/2026
    Và đầu mối phối hợp của Ủy ban nhân dân tỉnh được giao nhiệm vụ "Báo cáo kết quả thực hiện của đơn vị"
    Khi hệ thống mở đợt báo cáo theo lịch vào ngày 05/01/2027
    Thì có đúng 1 hồ sơ tổng kết kỳ từ 01/01/2026 đến 31/12/2026

  @CT-6 @KH-III.2
  Kịch bản: Chỉ Ban Nội chính Tỉnh ủy giao nhiệm vụ sơ kết, tổng kết
    Khi đầu mối phối hợp của Công an tỉnh giao nhiệm vụ sơ kết kỳ từ hôm nay đến ngày mai cho Viện kiểm sát nhân dân tỉnh
    Thì hệ thống từ chối với mã 403 và thông báo "không có quyền khởi tạo"
