"""Forms of complaints and denunciations about decisions on an official's post
(bpmn/complaint_post_decision.bpmn, docs/processes/complaint_post_decision.md).

One case carries one petition: a complaint (khiếu nại, also a request to reconsider a
decision), a denunciation (tố cáo, tố giác) or a recommendation or feedback (kiến nghị, phản
ánh). The kind chooses the legal track: the Law on Complaints 2011 (acceptance, dialogue,
first and second instance) or the Law on Denunciations 2018 (conclusion, extensions).
The petitioner is the official whose post is at stake, or someone reporting for them: who
they are, where they live and work is confidential.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import (
    SHORT_TEXT, FormSchema, Integer, Range, current_case, flag, is_blank, reject, text,
)
from .choices import Choices, choice

PETITION_KINDS = Choices(
    ("khieu_nai", "Khiếu nại, đề nghị xem xét lại quyết định"),
    ("to_cao", "Tố cáo, tố giác"),
    ("kien_nghi", "Kiến nghị, phản ánh"),
)

PETITION_CHANNELS = Choices(
    ("van_ban", "Đơn, văn bản"),
    ("truc_tiep", "Trình bày trực tiếp (có biên bản ghi lại)"),
)

POST_DECISIONS = Choices(
    ("dieu_dong", "Điều động, luân chuyển, biệt phái"),
    ("mien_nhiem", "Miễn nhiệm, cách chức, cho thôi giữ chức vụ"),
    ("ky_luat", "Kỷ luật"),
    ("tam_dinh_chi", "Tạm đình chỉ công tác"),
    ("danh_gia", "Đánh giá, xếp loại, bổ nhiệm lại"),
    ("khac", "Quyết định khác liên quan đến vị trí công tác, việc làm"),
)

FINDINGS = Choices(("dung", "Đúng"), ("dung_mot_phan", "Đúng một phần"), ("sai", "Sai"))

DECISION_ACTIONS = Choices(
    ("giu_nguyen", "Giữ nguyên quyết định bị khiếu nại"),
    ("sua_doi", "Sửa đổi, bổ sung quyết định bị khiếu nại"),
    ("huy_bo", "Hủy bỏ quyết định bị khiếu nại"),
)

DENUNCIATION_OUTCOMES = Choices(
    ("ket_luan", "Kết luận nội dung tố cáo"),
    ("gia_han", "Gia hạn giải quyết tố cáo"),
)

COMPLEXITIES = Choices(
    ("phuc_tap", "Vụ việc phức tạp (gia hạn một lần)"),
    ("dac_biet_phuc_tap", "Vụ việc đặc biệt phức tạp (gia hạn tối đa hai lần)"),
)

# Law on Denunciations 2018, Art. 30(1): once if complex, twice if especially complex.
EXTENSIONS_ALLOWED = {"phuc_tap": 1, "dac_biet_phuc_tap": 2}
MAX_EXTENSION_DAYS = 30

APPEAL_CHOICES = Choices(
    ("dong_y", "Đồng ý, chấp hành quyết định giải quyết lần đầu"),
    ("khieu_nai_lan_hai", "Khiếu nại lần hai"),
)


class StartForm(FormSchema):
    """Đơn khiếu nại, tố cáo, kiến nghị về quyết định liên quan đến vị trí công tác."""

    petition_kind = choice(PETITION_KINDS, "Loại đơn", required=True)
    channel = choice(PETITION_CHANNELS, "Hình thức", load_default="van_ban")
    requester_agency = choice("agencies", "Cơ quan của người gửi đơn",
                              "Để trống: cơ quan của người lập hồ sơ.")
    competent_agency = choice("agencies", "Cơ quan có thẩm quyền giải quyết",
                              "Lần đầu: cơ quan có người đứng đầu đã ban hành quyết định bị khiếu "
                              "nại, hoặc quản lý người bị tố cáo.", required=True)
    post_decision_type = choice(POST_DECISIONS, "Loại quyết định liên quan đến vị trí công tác",
                                required=True)
    contested_decision = text("Quyết định, hành vi bị khiếu nại, tố cáo",
                              "Số, ngày, người ban hành và nội dung chính.", required=True)
    respondent = text("Người bị khiếu nại, bị tố cáo", max_length=SHORT_TEXT)
    petition_content = text("Nội dung, yêu cầu", required=True)
    petitioner_name = text("Họ và tên người khiếu nại, tố cáo, kiến nghị", required=True,
                           max_length=SHORT_TEXT, confidential=True)
    petitioner_position = text("Chức vụ, chức danh", max_length=SHORT_TEXT)
    petitioner_id_number = text("Số định danh cá nhân (CCCD)", max_length=SHORT_TEXT,
                                confidential=True)
    petitioner_phone = text("Số điện thoại", max_length=SHORT_TEXT, confidential=True)
    petitioner_residence = text("Nơi cư trú", confidential=True)
    petitioner_workplace = text("Nơi công tác", confidential=True)
    evidence = text("Tài liệu, chứng cứ kèm theo")
    minutes = text("Biên bản ghi lại nội dung trình bày trực tiếp",
                   "Bắt buộc khi trình bày trực tiếp.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def oral_needs_minutes(self, data, original, **kwargs):
        if data.get("channel") == "truc_tiep" and is_blank("minutes", data, original):
            reject({"minutes": "Trình bày trực tiếp phải được ghi lại thành biên bản."})


class AcceptanceForm(FormSchema):
    """Thụ lý hoặc không thụ lý đơn."""

    accepted = flag("Thụ lý giải quyết", required=True)
    refusal_reasons = text("Lý do không thụ lý", "Bắt buộc khi không thụ lý; được thông báo "
                                                  "bằng văn bản cho người gửi đơn.")
    is_complex = flag("Vụ việc phức tạp", "Khiếu nại: thời hạn giải quyết kéo dài hơn.",
                      load_default=False)
    remote_area = flag("Người khiếu nại ở vùng sâu, vùng xa, đi lại khó khăn",
                       load_default=False)
    acceptance_number = text("Số thông báo thụ lý / không thụ lý", max_length=SHORT_TEXT)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def refusal_needs_reasons(self, data, original, **kwargs):
        if data.get("accepted") is False and is_blank("refusal_reasons", data, original):
            reject({"refusal_reasons": "Phải nêu rõ lý do không thụ lý."})


class VerificationForm(FormSchema):
    """Xác minh nội dung đơn."""

    verified_finding = choice(FINDINGS, "Nội dung đơn", required=True)
    verification_findings = text("Kết quả xác minh", required=True)
    proposed_resolution = text("Kiến nghị hướng giải quyết")


class DialogueForm(FormSchema):
    """Đối thoại với người khiếu nại."""

    dialogue_held = flag("Đã tổ chức đối thoại", required=True)
    dialogue_minutes = text("Biên bản đối thoại", "Bắt buộc khi đã đối thoại.")
    dialogue_skip_reason = text("Lý do không đối thoại",
                                "Lần đầu: yêu cầu của người khiếu nại và kết quả xác minh đã "
                                "thống nhất.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_dialogue(self, data, original, **kwargs):
        held, problems = data.get("dialogue_held"), {}
        if held is None:
            return
        if not held and (current_case() or {}).get("complaint_round") == 2:
            problems["dialogue_held"] = "Giải quyết khiếu nại lần hai phải tổ chức đối thoại."
        elif not held and is_blank("dialogue_skip_reason", data, original):
            problems["dialogue_skip_reason"] = "Phải nêu lý do không tổ chức đối thoại."
        if held and is_blank("dialogue_minutes", data, original):
            problems["dialogue_minutes"] = "Phải có biên bản đối thoại."
        reject(problems)


class ComplaintDecisionForm(FormSchema):
    """Quyết định giải quyết khiếu nại."""

    complaint_finding = choice(FINDINGS, "Khiếu nại đúng, đúng một phần hay sai", required=True)
    decision_action = choice(DECISION_ACTIONS, "Xử lý quyết định bị khiếu nại", required=True)
    resolution_content = text("Nội dung quyết định giải quyết", required=True)
    resolution_number = text("Số quyết định", max_length=SHORT_TEXT)

    @validates_schema(skip_on_field_errors=False)
    def action_follows_finding(self, data, **kwargs):
        finding, action = data.get("complaint_finding"), data.get("decision_action")
        if finding == "sai" and action not in (None, "giu_nguyen"):
            reject({"decision_action": "Khiếu nại sai thì giữ nguyên quyết định bị khiếu nại."})
        if finding == "dung" and action == "giu_nguyen":
            reject({"decision_action": "Khiếu nại đúng thì phải sửa đổi hoặc hủy bỏ quyết định "
                                       "bị khiếu nại."})


class DenunciationConclusionForm(FormSchema):
    """Kết luận nội dung tố cáo hoặc gia hạn giải quyết."""

    denunciation_outcome = choice(DENUNCIATION_OUTCOMES, "Xử lý", required=True)
    denunciation_finding = choice(FINDINGS, "Tố cáo đúng, đúng một phần hay sai",
                                  "Bắt buộc khi kết luận.")
    conclusion_content = text("Nội dung kết luận", "Bắt buộc khi kết luận.")
    violation_handling = text("Biện pháp xử lý, kiến nghị xử lý người vi phạm")
    extension_complexity = choice(COMPLEXITIES, "Mức độ phức tạp", "Bắt buộc khi gia hạn.")
    extension_days = Integer(validate=Range(min=1, max=MAX_EXTENSION_DAYS),
                             load_default=MAX_EXTENSION_DAYS,
                             metadata={"title": "Số ngày gia hạn", "description": "Không quá 30 ngày."})
    extension_reasons = text("Lý do gia hạn", "Bắt buộc khi gia hạn.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_outcome(self, data, original, **kwargs):
        outcome, problems = data.get("denunciation_outcome"), {}
        if outcome == "ket_luan":
            if is_blank("denunciation_finding", data, original):
                problems["denunciation_finding"] = "Phải xác định tố cáo đúng, đúng một phần hay sai."
            if is_blank("conclusion_content", data, original):
                problems["conclusion_content"] = "Phải có nội dung kết luận."
        if outcome == "gia_han":
            complexity = data.get("extension_complexity")
            if is_blank("extension_complexity", data, original):
                problems["extension_complexity"] = "Phải xác định mức độ phức tạp của vụ việc."
            elif complexity in EXTENSIONS_ALLOWED:
                used = (current_case() or {}).get("extensions_used") or 0
                if used >= EXTENSIONS_ALLOWED[complexity]:
                    problems["denunciation_outcome"] = (
                        "Đã hết số lần gia hạn: vụ việc phức tạp được gia hạn một lần, đặc biệt "
                        "phức tạp không quá hai lần.")
            if is_blank("extension_reasons", data, original):
                problems["extension_reasons"] = "Phải nêu lý do gia hạn."
        reject(problems)


class PetitionAnswerForm(FormSchema):
    """Trả lời kiến nghị, phản ánh."""

    answer_content = text("Nội dung trả lời", required=True)
    answer_measures = text("Biện pháp khắc phục, điều chỉnh (nếu có)")


class AppealForm(FormSchema):
    """Ý kiến của người khiếu nại đối với quyết định giải quyết lần đầu."""

    appeal_choice = choice(APPEAL_CHOICES, "Ý kiến", required=True)
    appeal_agency = choice("agencies", "Cơ quan giải quyết khiếu nại lần hai",
                           "Cơ quan cấp trên trực tiếp của cơ quan đã giải quyết lần đầu.")
    appeal_reasons = text("Lý do khiếu nại lần hai")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def appeal_needs_agency(self, data, original, **kwargs):
        if data.get("appeal_choice") != "khieu_nai_lan_hai":
            return
        problems = {}
        if is_blank("appeal_agency", data, original):
            problems["appeal_agency"] = "Phải chọn cơ quan giải quyết khiếu nại lần hai."
        elif data.get("appeal_agency") == (current_case() or {}).get("competent_agency"):
            problems["appeal_agency"] = ("Khiếu nại lần hai gửi đến cơ quan cấp trên, không gửi "
                                         "lại cơ quan đã giải quyết lần đầu.")
        if is_blank("appeal_reasons", data, original):
            problems["appeal_reasons"] = "Phải nêu lý do khiếu nại lần hai."
        reject(problems)

    def complete(self, data: dict) -> dict:
        # An agency named here may see the case: one that was never asked names none.
        if data.get("appeal_choice") != "khieu_nai_lan_hai":
            data.pop("appeal_agency", None)
        return data


class AppealAcceptanceForm(FormSchema):
    """Thụ lý hoặc không thụ lý khiếu nại lần hai."""

    appeal_accepted = flag("Thụ lý giải quyết khiếu nại lần hai", required=True)
    appeal_refusal_reasons = text("Lý do không thụ lý", "Bắt buộc khi không thụ lý.")
    appeal_is_complex = flag("Vụ việc phức tạp", load_default=False)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def refusal_needs_reasons(self, data, original, **kwargs):
        if data.get("appeal_accepted") is False and is_blank("appeal_refusal_reasons", data, original):
            reject({"appeal_refusal_reasons": "Phải nêu rõ lý do không thụ lý."})


class EnforcementForm(FormSchema):
    """Tổ chức thi hành quyết định, kết luận, văn bản trả lời."""

    enforcement_result = text("Kết quả tổ chức thi hành", required=True)
    remedy_measures = text("Biện pháp khôi phục vị trí công tác, quyền và lợi ích hợp pháp")
