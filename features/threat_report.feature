# language: vi
Tính năng: Nắm tình hình, cảnh báo nguy cơ xâm phạm người thi hành công vụ
  Phản ánh Chỉ thị điểm 2.2 và Kế hoạch mục II.1 (gạch đầu dòng thứ sáu): chủ động nắm sát tình
  hình, dự báo, kịp thời cảnh báo, có biện pháp phòng ngừa, ngăn chặn các hành vi lôi kéo, mua chuộc,
  vu khống, đe dọa xâm phạm người thi hành công vụ và người thân; Kế hoạch mục I.1 (gạch đầu dòng
  thứ hai): kịp thời phòng ngừa, phát hiện, ngăn chặn, xử lý; Kế hoạch mục II.6: các cơ quan tố tụng,
  thi hành án tự nắm tình hình (gạch đầu dòng thứ nhất), chủ động phòng ngừa, tự bảo vệ và cung cấp
  thông tin cho cơ quan có thẩm quyền (gạch đầu dòng thứ hai); Kế hoạch mục II.1 (gạch đầu dòng thứ
  bảy): phát hiện, kiến nghị, xử lý kịp thời hành vi bị nghiêm cấm; Chỉ thị điểm 4: nhân dân kịp thời
  phát hiện, kiến nghị cơ quan có thẩm quyền xử lý.

  Bối cảnh:
    Cho thẩm phán "Nguyễn Văn An" của Tòa án nhân dân tỉnh bị đe dọa qua tin nhắn trước phiên tòa phúc thẩm

  @CT-2.2 @KH-II.1.6 @KH-I.1.2 @KH-II.6.1
  Kịch bản: Thẩm phán báo tin, cơ quan đánh giá có nguy cơ, cảnh báo thẩm phán và cơ quan của thẩm phán
    Khi người báo tin của Tòa án nhân dân tỉnh báo tin nguy cơ xâm phạm cho Công an tỉnh
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Đánh giá, dự báo tình hình" trong hộp việc
    Và hồ sơ cảnh báo có tin báo
    Khi cán bộ xác minh của Công an tỉnh đánh giá có nguy cơ xâm phạm, mức độ "trung bình"
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Cảnh báo, chỉ đạo phòng ngừa" trong hộp việc
    Và hồ sơ cảnh báo có báo cáo đánh giá
    Khi thủ trưởng Công an tỉnh cảnh báo "Đối tượng có thể tiếp cận nơi ở của thẩm phán trước phiên tòa"
    Thì thủ trưởng Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Đối tượng có thể tiếp cận nơi ở của thẩm phán"
    Và đầu mối của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Cảnh báo nguy cơ xâm phạm"
    Và người báo tin của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "Cảnh báo nguy cơ xâm phạm"
    Và đầu mối của Tòa án nhân dân tỉnh có nhiệm vụ "Tiếp nhận cảnh báo, triển khai phòng ngừa" trong hộp việc
    Và hồ sơ cảnh báo có văn bản cảnh báo
    Và không có hồ sơ đề nghị bảo vệ nào được khởi tạo
    Khi đầu mối của Tòa án nhân dân tỉnh báo cáo đã triển khai phòng ngừa "Bố trí bảo vệ cơ quan đưa đón thẩm phán, rà soát camera nơi ở"
    Thì hồ sơ cảnh báo có báo cáo tiếp nhận cảnh báo
    Và hồ sơ đã kết thúc

  @CT-2.2 @KH-II.1.6 @KH-II.1.5 @KH-II.6.2
  Kịch bản: Cảnh báo kèm đề nghị áp dụng biện pháp bảo vệ khởi tạo hồ sơ bảo vệ liên kết
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Công an tỉnh
    Và cán bộ xác minh của Công an tỉnh đã đánh giá có nguy cơ xâm phạm, mức độ "trung bình"
    Khi thủ trưởng Công an tỉnh cảnh báo "Đối tượng theo dõi thẩm phán" và đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh
    Thì hồ sơ đề nghị bảo vệ được khởi tạo, liên kết với hồ sơ cảnh báo qua thông điệp "protection_referral"
    Và hồ sơ cảnh báo có đề nghị áp dụng biện pháp bảo vệ
    Và đầu mối của Tòa án nhân dân tỉnh có nhiệm vụ "Tiếp nhận cảnh báo, triển khai phòng ngừa" trong hộp việc
    Khi chuyển sang hồ sơ đề nghị bảo vệ được khởi tạo từ cảnh báo
    Thì cán bộ tiếp nhận của Công an tỉnh có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc
    Và đề nghị bảo vệ do Tòa án nhân dân tỉnh đề nghị, Công an tỉnh có thẩm quyền, ghi nhận hành vi đe dọa qua tin nhắn và số hồ sơ cảnh báo
    Và hồ sơ bảo vệ có văn bản đề nghị
    Và người đề nghị của Tòa án nhân dân tỉnh xem được hồ sơ
    Và cơ sở dữ liệu không lưu "Nguyễn Văn An" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Khi cán bộ tiếp nhận của Công an tỉnh tiếp nhận đề nghị, hồ sơ đầy đủ
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Xác minh căn cứ đề nghị" trong hộp việc

  @CT-2.2 @KH-II.1.6 @KH-II.1.8
  Kịch bản: Nguy cơ cao, đề nghị bảo vệ khẩn cấp được chuyển thẳng cho thủ trưởng quyết định
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Công an tỉnh
    Và cán bộ xác minh của Công an tỉnh đã đánh giá có nguy cơ xâm phạm, mức độ "cao"
    Khi thủ trưởng Công an tỉnh cảnh báo "Đối tượng đã chuẩn bị hung khí" và đề nghị áp dụng biện pháp bảo vệ khẩn cấp cho Công an tỉnh
    Và chuyển sang hồ sơ đề nghị bảo vệ được khởi tạo từ cảnh báo
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Quyết định áp dụng biện pháp bảo vệ" trong hộp việc với hạn xử lý 2 giờ
    Và cán bộ tiếp nhận của Công an tỉnh không có nhiệm vụ "Tiếp nhận đề nghị" trong hộp việc

  @KH-II.6.1 @KH-II.1.7 @CT-2.2
  Kịch bản: Tòa án tự nắm tình hình, cảnh báo thẩm phán và chuyển thông tin vi phạm cho Công an tỉnh xử lý
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Tòa án nhân dân tỉnh
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã đánh giá có nguy cơ xâm phạm, mức độ "trung bình"
    Khi thủ trưởng Tòa án nhân dân tỉnh cảnh báo "Có đối tượng nhắn tin đe dọa thẩm phán" và chuyển thông tin vi phạm "Hành vi đe dọa thẩm phán qua tin nhắn" đến Công an tỉnh
    Thì thủ trưởng Công an tỉnh có nhiệm vụ "Tiếp nhận, xử lý thông tin vi phạm" trong hộp việc
    Và thủ trưởng Công an tỉnh nhận được thông báo có nội dung "Chuyển thông tin vi phạm"
    Và thủ trưởng Công an tỉnh xem được hồ sơ
    Và hồ sơ cảnh báo có văn bản chuyển thông tin vi phạm
    Khi đầu mối của Tòa án nhân dân tỉnh báo cáo đã triển khai phòng ngừa "Tăng cường bảo vệ trụ sở trong ngày xét xử"
    Thì hồ sơ đang được xử lý
    Khi thủ trưởng Công an tỉnh xử lý thông tin vi phạm "Đã tiếp nhận tin báo về tội phạm, xác định được đối tượng"
    Thì thủ trưởng Tòa án nhân dân tỉnh nhận được thông báo có nội dung "xác định được đối tượng"
    Và hồ sơ cảnh báo có kết quả xử lý thông tin vi phạm
    Và hồ sơ đã kết thúc

  @CT-2.2 @KH-II.1.6 @KH-II.1.7
  Kịch bản: Vừa đề nghị bảo vệ vừa chuyển thông tin vi phạm
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Tòa án nhân dân tỉnh
    Và cán bộ xác minh của Tòa án nhân dân tỉnh đã đánh giá có nguy cơ xâm phạm, mức độ "cao"
    Khi thủ trưởng Tòa án nhân dân tỉnh cảnh báo "Đối tượng theo dõi nơi ở", đề nghị áp dụng biện pháp bảo vệ cho Công an tỉnh và chuyển thông tin vi phạm "Đe dọa thẩm phán" đến Công an tỉnh
    Thì hồ sơ đề nghị bảo vệ được khởi tạo, liên kết với hồ sơ cảnh báo qua thông điệp "protection_referral"
    Và thủ trưởng Công an tỉnh có nhiệm vụ "Tiếp nhận, xử lý thông tin vi phạm" trong hộp việc
    Và đầu mối của Tòa án nhân dân tỉnh có nhiệm vụ "Tiếp nhận cảnh báo, triển khai phòng ngừa" trong hộp việc

  @KH-II.1.7
  Kịch bản: Chuyển thông tin vi phạm phải nêu cơ quan có thẩm quyền xử lý
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Công an tỉnh
    Và cán bộ xác minh của Công an tỉnh đã đánh giá có nguy cơ xâm phạm, mức độ "trung bình"
    Khi thủ trưởng Công an tỉnh cảnh báo "Nguy cơ bị đe dọa" và chuyển thông tin vi phạm mà không nêu cơ quan xử lý
    Thì hệ thống từ chối với mã 422 và thông báo "Phải chọn cơ quan có thẩm quyền xử lý vi phạm."
    Và thủ trưởng Công an tỉnh có nhiệm vụ "Cảnh báo, chỉ đạo phòng ngừa" trong hộp việc

  @KH-II.1.6 @KH-I.2.2
  Kịch bản: Đánh giá không có nguy cơ thì lưu theo dõi, người báo tin được thông báo
    Cho người báo tin của Tòa án nhân dân tỉnh đã báo tin nguy cơ xâm phạm cho Công an tỉnh
    Khi cán bộ xác minh của Công an tỉnh đánh giá không có nguy cơ xâm phạm
    Thì hồ sơ đã kết thúc
    Và người báo tin của Tòa án nhân dân tỉnh nhận được thông báo có nội dung "chưa phát hiện nguy cơ xâm phạm"
    Và hồ sơ cảnh báo không có văn bản cảnh báo
    Và thủ trưởng Công an tỉnh không có nhiệm vụ "Cảnh báo, chỉ đạo phòng ngừa" trong hộp việc

  @CT-4 @KH-II.6.2 @KH-II.1.8
  Kịch bản: Người dân báo tin qua điện thoại, cán bộ tiếp nhận lập biên bản, danh tính người báo tin được bảo mật
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận tin báo của người dân "Trần Văn Bình" vào biên bản "Người dân báo có đối tượng thuê người theo dõi thẩm phán"
    Thì cán bộ xác minh của Công an tỉnh có nhiệm vụ "Đánh giá, dự báo tình hình" trong hộp việc
    Và hồ sơ cảnh báo có biên bản ghi nhận tin báo
    Và thủ trưởng Tòa án nhân dân tỉnh xem được hồ sơ
    Và thủ trưởng Tòa án nhân dân tỉnh thấy hồ sơ nhưng thông tin người bị đe dọa và người báo tin bị che
    Và cán bộ xác minh của Công an tỉnh thấy hồ sơ nhưng thông tin người bị đe dọa và người báo tin bị che
    Và cơ sở dữ liệu không lưu "Trần Văn Bình" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Và cơ sở dữ liệu không lưu "Nguyễn Văn An" ở dạng rõ trong dữ liệu và lịch sử hồ sơ
    Khi thủ trưởng Công an tỉnh xem thông tin bảo mật "reporter_name, full_name" của hồ sơ với lý do "Liên hệ người báo tin để xác minh"
    Thì thông tin được hiển thị gồm "Trần Văn Bình"
    Và thông tin được hiển thị gồm "Nguyễn Văn An"
    Và lịch sử hồ sơ ghi nhận thủ trưởng Công an tỉnh đã xem thông tin bảo mật với lý do "Liên hệ người báo tin để xác minh"

  @CT-4 @KH-II.6.2
  Kịch bản: Tin báo của người dân phải được lập biên bản
    Khi cán bộ tiếp nhận của Công an tỉnh ghi nhận tin báo của người dân mà không lập biên bản
    Thì hệ thống từ chối với mã 422 và thông báo "phải được lập biên bản"
