"""Forms of protecting and rewarding people who report violations
(bpmn/reporter_protection.bpmn, docs/processes/reporter_protection.md).

Law on Denunciations 2018, Arts. 47-52, is the model: the reporter's identity is kept
secret (every identifying field is confidential, and documents use the case number as an
alias); their job, life, health, property, honour and those of their spouse, parents and
children may be protected; a refusal is notified in writing with its reasons.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import (
    SHORT_TEXT, FormSchema, Integer, List, Nested, Range, date, flag, is_blank, meta, reject, text,
)
from .choices import CHANNELS, DANGER_LEVELS, DECISION_OUTCOMES, SITUATIONS, Choices, choice, choice_list
from .protection_request import DEFAULT_AGENCY

REPORT_KINDS = Choices(
    ("phat_hien", "Phát hiện"),
    ("phan_anh", "Phản ánh"),
    ("bao_cao", "Báo cáo"),
    ("to_cao", "Tố cáo"),
    ("to_giac", "Tố giác"),
    ("bao_tin", "Báo tin"),
    ("cung_cap_thong_tin", "Cung cấp thông tin"),
)

# Law on Denunciations 2018, Art. 47(1): what may be protected.
PROTECTION_SCOPES = Choices(
    ("bi_mat_thong_tin", "Bí mật thông tin"),
    ("vi_tri_cong_tac", "Vị trí công tác, việc làm"),
    ("tinh_mang_suc_khoe", "Tính mạng, sức khỏe"),
    ("tai_san", "Tài sản"),
    ("danh_du_nhan_pham", "Danh dự, nhân phẩm"),
)

# Law on Denunciations 2018, Art. 47(1): the relatives protected with the reporter.
RELATIVES = Choices(
    ("vo_chong", "Vợ, chồng"),
    ("cha_me_de", "Cha đẻ, mẹ đẻ"),
    ("cha_me_nuoi", "Cha nuôi, mẹ nuôi"),
    ("con", "Con đẻ, con nuôi"),
)

INFORMATION_VALUES = Choices(
    ("dung_su_that", "Đúng sự thật, giúp phát hiện, xử lý vi phạm"),
    ("mot_phan", "Đúng một phần"),
    ("khong_co_can_cu", "Không có căn cứ"),
)

REWARD_FORMS = Choices(
    ("giay_khen", "Giấy khen"),
    ("bang_khen", "Bằng khen"),
    ("tien_thuong", "Tiền thưởng"),
    ("hinh_thuc_khac", "Hình thức khác theo quy định về thi đua, khen thưởng"),
)


class ProtectedRelative(FormSchema):
    """Người thân của người tố giác."""

    full_name = text("Họ và tên", required=True, max_length=SHORT_TEXT, confidential=True)
    relation = choice(RELATIVES, "Quan hệ với người tố giác", required=True, confidential=True)
    phone = text("Số điện thoại", max_length=SHORT_TEXT, confidential=True)
    residence = text("Nơi cư trú", confidential=True)


class StartForm(FormSchema):
    """Đề nghị bảo vệ người phát hiện, tố cáo, tố giác, báo tin vi phạm."""

    report_kind = choice(REPORT_KINDS, "Người đề nghị đã", required=True)
    channel = choice(CHANNELS, "Hình thức đề nghị",
                     "Khẩn cấp có thể đề nghị trực tiếp hoặc qua điện thoại, kèm biên bản.",
                     load_default="van_ban")
    requester_agency = choice("agencies", "Cơ quan lập hồ sơ", "Để trống: cơ quan của người lập.")
    competent_agency = choice("agencies", "Cơ quan có thẩm quyền bảo vệ",
                              load_default=DEFAULT_AGENCY)
    reported_violation = text("Nội dung vi phạm đã phát hiện, tố cáo, báo tin", required=True)
    related_case = text("Hồ sơ, vụ việc liên quan", "Số hồ sơ tố cáo, tin báo (nếu có).",
                        max_length=SHORT_TEXT)
    reporter_name = text("Họ và tên người tố giác", required=True, max_length=SHORT_TEXT,
                         confidential=True)
    reporter_position = text("Chức vụ, chức danh", max_length=SHORT_TEXT, confidential=True)
    reporter_id_number = text("Số định danh cá nhân (CCCD)", max_length=SHORT_TEXT,
                              confidential=True)
    reporter_phone = text("Số điện thoại", max_length=SHORT_TEXT, confidential=True)
    reporter_residence = text("Nơi cư trú", confidential=True)
    reporter_workplace = text("Nơi làm việc", confidential=True)
    employer_agency = choice("agencies", "Cơ quan quản lý người tố giác",
                             "Khi đề nghị bảo vệ vị trí công tác, việc làm.")
    protected_relatives = List(
        Nested(ProtectedRelative), load_default=list,
        metadata=meta("Người thân cần được bảo vệ", "Vợ, chồng, cha, mẹ, con; thông tin được bảo mật.",
                      False),
    )
    protection_scope = choice_list(PROTECTION_SCOPES, "Nội dung đề nghị bảo vệ", min_items=1)
    retaliation_risk = text("Căn cứ cho thấy bị xâm hại, trù dập, trả thù hoặc có nguy cơ",
                            required=True)
    minutes = text("Biên bản ghi nhận đề nghị", "Bắt buộc khi đề nghị trực tiếp, qua điện thoại.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def spoken_requests_need_minutes(self, data, original, **kwargs):
        if data.get("channel") not in (None, "van_ban") and is_blank("minutes", data, original):
            reject({"minutes": "Đề nghị trực tiếp hoặc qua điện thoại phải được lập biên bản."})


class IntakeForm(FormSchema):
    """Tiếp nhận, bảo mật thông tin người tố giác."""

    secrecy_measures = text("Biện pháp giữ bí mật đã áp dụng",
                            "Ví dụ: mã hóa danh tính, hạn chế người tiếp cận hồ sơ.", required=True)
    intake_note = text("Ghi chú tiếp nhận")


class VerificationForm(FormSchema):
    """Xác minh căn cứ bảo vệ."""

    protection_grounds = flag("Có căn cứ bị xâm hại hoặc có nguy cơ bị xâm hại do việc tố giác",
                              required=True)
    risk_level = choice(DANGER_LEVELS, "Mức độ nguy cơ", required=True)
    verification_findings = text("Kết quả xác minh", required=True)


class DecisionForm(FormSchema):
    """Quyết định áp dụng biện pháp bảo vệ người tố giác."""

    protection_outcome = choice(DECISION_OUTCOMES, "Quyết định", required=True)
    protection_refusal_reasons = text("Lý do không áp dụng",
                                      "Bắt buộc khi không áp dụng; thông báo bằng văn bản.")
    applied_scope = choice_list(PROTECTION_SCOPES, "Nội dung được bảo vệ", load_default=list)
    protection_measures = choice_list("measures", "Biện pháp bảo vệ", load_default=list)
    executing_agency = choice("agencies", "Cơ quan thực hiện biện pháp bảo vệ",
                              load_default=DEFAULT_AGENCY)
    employer_instruction = text("Yêu cầu đối với cơ quan quản lý người tố giác",
                                "Bắt buộc khi bảo vệ vị trí công tác, việc làm.")
    protection_until = date("Thời hạn bảo vệ đến ngày")
    protection_decision_number = text("Số quyết định", max_length=SHORT_TEXT)

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_outcome(self, data, original, **kwargs):
        problems, outcome = {}, data.get("protection_outcome")
        if outcome == "tu_choi" and is_blank("protection_refusal_reasons", data, original):
            problems["protection_refusal_reasons"] = "Phải nêu rõ lý do không áp dụng biện pháp bảo vệ."
        if outcome == "ap_dung":
            if is_blank("applied_scope", data, original):
                problems["applied_scope"] = "Phải chọn ít nhất một nội dung được bảo vệ."
            if is_blank("protection_measures", data, original):
                problems["protection_measures"] = "Phải chọn ít nhất một biện pháp bảo vệ."
            if "vi_tri_cong_tac" in (data.get("applied_scope") or []) and \
                    is_blank("employer_instruction", data, original):
                problems["employer_instruction"] = ("Bảo vệ vị trí công tác, việc làm phải có yêu cầu "
                                                    "đối với cơ quan quản lý người tố giác.")
        reject(problems)

    def complete(self, data: dict) -> dict:
        # Without protection there is no executing force: none may see the reporter's identity.
        if data.get("protection_outcome") != "ap_dung":
            data.pop("executing_agency", None)
            data["applied_scope"], data["protection_measures"] = [], []
        return data


class ExecutionForm(FormSchema):
    """Thực hiện biện pháp bảo vệ, báo cáo kết quả."""

    protection_report = text("Kết quả thực hiện", required=True)
    protection_situation = choice(SITUATIONS, "Diễn biến tình hình", required=True)


class RewardProposalForm(FormSchema):
    """Đề xuất khen thưởng người tố giác."""

    information_value = choice(INFORMATION_VALUES, "Giá trị thông tin đã cung cấp", required=True)
    reward_proposed = flag("Đề xuất khen thưởng", required=True)
    reward_form = choice(REWARD_FORMS, "Hình thức khen thưởng đề xuất", "Bắt buộc khi đề xuất.")
    reward_grounds = text("Thành tích, căn cứ đề xuất", "Bắt buộc khi đề xuất.")
    no_reward_reasons = text("Lý do không đề xuất", "Bắt buộc khi không đề xuất.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_proposal(self, data, original, **kwargs):
        problems, proposed = {}, data.get("reward_proposed")
        if proposed:
            if data.get("information_value") == "khong_co_can_cu":
                problems["reward_proposed"] = "Thông tin không có căn cứ thì không đề xuất khen thưởng."
            if is_blank("reward_form", data, original):
                problems["reward_form"] = "Phải chọn hình thức khen thưởng."
            if is_blank("reward_grounds", data, original):
                problems["reward_grounds"] = "Phải nêu thành tích, căn cứ đề xuất."
        if proposed is False and is_blank("no_reward_reasons", data, original):
            problems["no_reward_reasons"] = "Phải nêu lý do không đề xuất khen thưởng."
        reject(problems)


class RewardDecisionForm(FormSchema):
    """Quyết định khen thưởng người tố giác."""

    reward_approved = flag("Quyết định khen thưởng", required=True)
    reward_decision_number = text("Số quyết định khen thưởng", max_length=SHORT_TEXT)
    reward_amount = Integer(validate=Range(min=0), allow_none=True,
                            metadata={"title": "Mức tiền thưởng (đồng)"})
    reward_refusal_reasons = text("Lý do không khen thưởng", "Bắt buộc khi không khen thưởng.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def refusal_needs_reasons(self, data, original, **kwargs):
        if data.get("reward_approved") is False and is_blank("reward_refusal_reasons", data, original):
            reject({"reward_refusal_reasons": "Phải nêu lý do không khen thưởng."})
