"""Reference data every installation starts with: agencies of the demo province and the
catalogue of protection measures (Criminal Procedure Code 2015, Art. 486, as the model)."""
from __future__ import annotations

AGENCIES = [
    ("CA_TINH", "Công an tỉnh"),
    ("VKS_TINH", "Viện kiểm sát nhân dân tỉnh"),
    ("TAND_TINH", "Tòa án nhân dân tỉnh"),
    ("THADS_TINH", "Thi hành án dân sự tỉnh"),
    ("BNC_TU", "Ban Nội chính Tỉnh ủy"),
    ("UBKT_TU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("BTGDV_TU", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("HDND_TINH", "Hội đồng nhân dân tỉnh"),
    ("MTTQ_TINH", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UBND_TINH", "Ủy ban nhân dân tỉnh"),
]

ART_486 = "Điều 486 Bộ luật Tố tụng hình sự 2015 (tham chiếu)"
MEASURES = [
    ("canh_gac_bao_ve", "Bố trí lực lượng, phương tiện, vũ khí, công cụ hỗ trợ để canh gác, bảo vệ", ART_486),
    ("han_che_di_lai_tiep_xuc", "Hạn chế việc đi lại, tiếp xúc của người có hành vi xâm hại", ART_486),
    ("giu_bi_mat_thong_tin", "Giữ bí mật thông tin và yêu cầu người khác giữ bí mật", ART_486),
    ("di_chuyen_noi_o", "Di chuyển, giữ bí mật chỗ ở, nơi làm việc, thay đổi tung tích (khi được đồng ý)", ART_486),
    ("ran_de_canh_cao", "Răn đe, cảnh cáo, vô hiệu hóa hành vi xâm hại", ART_486),
    ("bao_ve_vi_tri_cong_tac", "Bảo vệ vị trí công tác: xem xét lại quyết định điều động, cách chức", "Quy định 183-QĐ/TW"),
    ("bao_ve_uy_tin", "Bảo vệ uy tín: cải chính công khai thông tin sai sự thật", "Quy định 183-QĐ/TW"),
    ("bao_ve_du_lieu", "Bảo vệ bí mật, an toàn thông tin, dữ liệu cá nhân", "Nghị định 13/2023/NĐ-CP"),
    ("bien_phap_khac", "Biện pháp bảo vệ khác theo quy định của pháp luật", ART_486),
]
