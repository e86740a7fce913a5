"""Forms of the exclusion, exemption or reduction of liability (Điều 8, Quy định 183-QĐ/TW;
bpmn/liability_exemption.bpmn, docs/processes/liability_exemption.md).

An official asks not to be held liable, or to be held less liable, for an act done in
proceedings or enforcement. The commonest ground is an order that seemed unlawful: the
official said so in writing, the one who gave it confirmed it, the official complied, and
then the one who ordered answers for it. The application must carry that written
disagreement; other grounds (self-defence, emergency, unforeseen events, harm done while
arresting an offender) carry their own evidence.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import (
    SHORT_TEXT, FormSchema, List, MaxLength, MinItems, NotBlank, Text, flag, is_blank, meta, reject,
    text,
)
from .choices import Choices, choice

GROUNDS = Choices(
    ("menh_lenh_trai_phap_luat", "Chấp hành mệnh lệnh, quyết định có dấu hiệu trái pháp luật sau "
                                 "khi đã báo cáo, đề xuất bằng văn bản"),
    ("phong_ve_chinh_dang", "Phòng vệ chính đáng"),
    ("tinh_the_cap_thiet", "Tình thế cấp thiết"),
    ("su_kien_bat_ngo", "Sự kiện bất ngờ, sự kiện bất khả kháng"),
    ("bat_giu_nguoi_pham_toi", "Gây thiệt hại trong khi bắt giữ người thực hiện hành vi phạm tội"),
    ("can_cu_khac", "Căn cứ khác theo quy định của Đảng, pháp luật"),
)

RELIEFS = Choices(
    ("loai_tru", "Loại trừ trách nhiệm"),
    ("mien", "Miễn trách nhiệm"),
    ("giam", "Giảm nhẹ trách nhiệm"),
)

OUTCOMES = Choices(*RELIEFS.pairs, ("khong_chap_nhan", "Không chấp nhận"))

UNLAWFUL_ORDER = "menh_lenh_trai_phap_luat"


def evidence_list(title: str, help: str, message: str) -> List:
    item = Text(validate=[NotBlank(), MaxLength(2_000)], metadata={"title": "Tài liệu"})
    return List(item, required=True, validate=MinItems(1, message),
                metadata=meta(title, help, False))


class StartForm(FormSchema):
    """Đề nghị xem xét loại trừ, miễn, giảm trách nhiệm."""

    exemption_ground = choice(GROUNDS, "Căn cứ đề nghị", required=True)
    requested_relief = choice(RELIEFS, "Đề nghị", required=True)
    requester_agency = choice("agencies", "Cơ quan của người đề nghị",
                              "Để trống: cơ quan của người lập.")
    competent_agency = choice("agencies", "Cơ quan có thẩm quyền xem xét",
                              "Để trống: cơ quan của người đề nghị.")
    applicant_name = text("Họ và tên người đề nghị", required=True, max_length=SHORT_TEXT,
                          confidential=True)
    applicant_position = text("Chức vụ, chức danh", max_length=SHORT_TEXT)
    applicant_id_number = text("Số định danh cá nhân (CCCD)", max_length=SHORT_TEXT,
                               confidential=True)
    act_description = text("Hành vi, quyết định cần xem xét trách nhiệm", required=True)
    proceeding_reference = text("Vụ án, vụ việc, hồ sơ thi hành án liên quan", max_length=SHORT_TEXT)
    order_description = text("Mệnh lệnh, quyết định đã nhận", "Bắt buộc khi căn cứ là mệnh lệnh.")
    order_issuer = text("Người ra mệnh lệnh, quyết định", max_length=SHORT_TEXT)
    written_disagreement = text("Văn bản báo cáo, đề xuất không đồng ý với mệnh lệnh",
                                "Số, ngày, nội dung; bắt buộc khi căn cứ là mệnh lệnh.")
    order_reaffirmed = flag("Người ra mệnh lệnh vẫn quyết định việc thi hành", load_default=False)
    evidence = evidence_list("Tài liệu, chứng cứ kèm theo", "Mỗi dòng một tài liệu.",
                             "Phải có ít nhất một tài liệu, chứng cứ.")
    damage_description = text("Thiệt hại đã xảy ra (nếu có)")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def order_needs_written_disagreement(self, data, original, **kwargs):
        if data.get("exemption_ground") != UNLAWFUL_ORDER:
            return
        problems = {}
        if is_blank("order_description", data, original):
            problems["order_description"] = "Phải nêu mệnh lệnh, quyết định đã nhận."
        if is_blank("written_disagreement", data, original):
            problems["written_disagreement"] = ("Phải có văn bản báo cáo, đề xuất không đồng ý với "
                                                "mệnh lệnh, quyết định.")
        if is_blank("order_issuer", data, original):
            problems["order_issuer"] = "Phải nêu người ra mệnh lệnh, quyết định."
        reject(problems)


class VerificationForm(FormSchema):
    """Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm."""

    evidence_sufficient = flag("Tài liệu, chứng cứ đủ để xem xét", required=True)
    missing_evidence = text("Tài liệu cần bổ sung", "Bắt buộc khi chưa đủ.")
    grounds_established = flag("Căn cứ đề nghị được xác định", load_default=False)
    verification_findings = text("Kết quả xác minh", required=True)
    responsible_person = text("Người phải chịu trách nhiệm (người ra mệnh lệnh)",
                              max_length=SHORT_TEXT)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def missing_needs_a_list(self, data, original, **kwargs):
        if data.get("evidence_sufficient") is False and is_blank("missing_evidence", data, original):
            reject({"missing_evidence": "Phải nêu tài liệu, chứng cứ cần bổ sung."})


class SupplementForm(FormSchema):
    """Bổ sung tài liệu, chứng cứ."""

    additional_evidence = evidence_list("Tài liệu, chứng cứ bổ sung", "Mỗi dòng một tài liệu.",
                                        "Phải có ít nhất một tài liệu bổ sung.")
    supplement_explanation = text("Giải trình thêm")


class DecisionForm(FormSchema):
    """Quyết định loại trừ, miễn, giảm trách nhiệm."""

    exemption_outcome = choice(OUTCOMES, "Quyết định", required=True)
    exemption_reasons = text("Căn cứ, lý do", required=True)
    liability_reduction = text("Mức độ giảm nhẹ trách nhiệm", "Bắt buộc khi giảm nhẹ.")
    orderer_liability = text("Trách nhiệm của người ra mệnh lệnh, quyết định")
    orderer_review_agency = choice("agencies", "Cơ quan xem xét trách nhiệm người ra mệnh lệnh",
                                   "Ví dụ: Ủy ban Kiểm tra Tỉnh ủy.")
    exemption_decision_number = text("Số quyết định", max_length=SHORT_TEXT)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def reduction_needs_extent(self, data, original, **kwargs):
        if data.get("exemption_outcome") == "giam" and is_blank("liability_reduction", data, original):
            reject({"liability_reduction": "Phải nêu mức độ giảm nhẹ trách nhiệm."})


class RecordForm(FormSchema):
    """Ghi nhận kết quả vào hồ sơ."""

    record_note = text("Nội dung ghi nhận vào hồ sơ cán bộ, hồ sơ vụ việc", required=True)
    personnel_file_updated = flag("Đã cập nhật hồ sơ cán bộ", required=True)
