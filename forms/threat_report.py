"""Forms of situation monitoring and early warning (bpmn/threat_report.bpmn,
docs/processes/threat_report.md).

A threat report names the threatened officials with the same fields as the protected
persons of a protection request (`ProtectedPerson`), so a referral can carry them over; a
member of the public who reports may stay anonymous, and whatever they give about
themselves is confidential like the identity of the threatened.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import SHORT_TEXT, FormSchema, List, MinItems, Nested, flag, is_blank, meta, reject, text
from .choices import (
    CHANNELS, DANGER_LEVELS, PROTECTED_CONTENT, REQUEST_KINDS, THREAT_TYPES, Choices, choice,
    choice_list,
)
from .protection_request import DEFAULT_AGENCY, ProtectedPerson

REPORT_SOURCES = Choices(
    ("nguoi_thi_hanh_cong_vu", "Người thi hành công vụ tự báo cáo"),
    ("co_quan_don_vi", "Cơ quan, đơn vị"),
    ("nguoi_dan", "Người dân báo tin"),
)

HANDLING_ACTIONS = Choices(
    ("xu_ly_hinh_su", "Tiếp nhận, giải quyết theo thủ tục tố tụng hình sự"),
    ("xu_phat_hanh_chinh", "Xử lý vi phạm hành chính"),
    ("xu_ly_ky_luat", "Xử lý kỷ luật"),
    ("khong_vi_pham", "Không có dấu hiệu vi phạm"),
)


class StartForm(FormSchema):
    """Tin báo về nguy cơ xâm phạm người thi hành công vụ."""

    report_source = choice(REPORT_SOURCES, "Nguồn tin", required=True)
    channel = choice(CHANNELS, "Hình thức báo tin", load_default="van_ban")
    target_agency = choice("agencies", "Cơ quan của người bị đe dọa", required=True)
    competent_agency = choice("agencies", "Cơ quan nắm tình hình, đánh giá, cảnh báo",
                              load_default=DEFAULT_AGENCY)
    threat_types = choice_list(THREAT_TYPES, "Hành vi xâm phạm", min_items=1)
    protected_content = choice_list(PROTECTED_CONTENT, "Nội dung bị xâm phạm", min_items=1)
    threat_description = text("Nội dung tin báo",
                              "Diễn biến, thời gian, địa điểm, dấu hiệu nguy cơ.", required=True)
    threat_source = text("Đối tượng, nguồn phát sinh nguy cơ (nếu biết)")
    protected_persons = List(
        Nested(ProtectedPerson), required=True,
        validate=MinItems(1, "Phải có ít nhất một người bị đe dọa."),
        metadata=meta("Người bị đe dọa",
                      "Người thi hành công vụ và/hoặc người thân của họ; thông tin được bảo mật.",
                      False),
    )
    reporter_name = text("Họ và tên người báo tin", "Người dân có thể không nêu tên.",
                         max_length=SHORT_TEXT, confidential=True)
    reporter_id_number = text("Số định danh cá nhân của người báo tin", max_length=SHORT_TEXT,
                              confidential=True)
    reporter_phone = text("Số điện thoại người báo tin", max_length=SHORT_TEXT, confidential=True)
    reporter_residence = text("Nơi cư trú của người báo tin", confidential=True)
    reporter_workplace = text("Nơi làm việc của người báo tin", confidential=True)
    minutes = text("Biên bản ghi nhận tin báo",
                   "Bắt buộc khi người dân báo tin hoặc báo tin trực tiếp, qua điện thoại.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def spoken_reports_need_minutes(self, data, original, **kwargs):
        spoken = data.get("channel") not in (None, "van_ban") or data.get("report_source") == "nguoi_dan"
        if spoken and is_blank("minutes", data, original):
            reject({"minutes": "Tin báo của người dân, tin báo trực tiếp hoặc qua điện thoại phải "
                               "được lập biên bản."})


class AssessmentForm(FormSchema):
    """Đánh giá, dự báo tình hình."""

    threat_confirmed = flag("Có nguy cơ xâm phạm", required=True)
    risk_level = choice(DANGER_LEVELS, "Mức độ nguy cơ", required=True)
    assessment_findings = text("Kết quả đánh giá, xác minh", required=True)
    forecast = text("Dự báo khả năng, tình huống có thể xảy ra")


class WarningForm(FormSchema):
    """Cảnh báo, chỉ đạo biện pháp phòng ngừa."""

    warning_content = text("Nội dung cảnh báo",
                           "Gửi người bị đe dọa và cơ quan của họ.", required=True)
    preventive_measures = choice_list("measures", "Biện pháp phòng ngừa, ngăn chặn",
                                      load_default=list)
    preventive_instructions = text("Chỉ đạo cụ thể")
    refer_protection = flag("Đề nghị áp dụng biện pháp bảo vệ",
                            "Khởi tạo hồ sơ đề nghị áp dụng biện pháp bảo vệ liên kết với hồ sơ này.",
                            load_default=False)
    referral_kind = choice(REQUEST_KINDS, "Loại đề nghị bảo vệ", load_default="thuong")
    protection_agency = choice("agencies", "Cơ quan có thẩm quyền áp dụng biện pháp bảo vệ",
                               load_default=DEFAULT_AGENCY)
    refer_violation = flag("Chuyển thông tin vi phạm đến cơ quan có thẩm quyền xử lý",
                           load_default=False)
    violation_agency = choice("agencies", "Cơ quan có thẩm quyền xử lý vi phạm",
                              "Bắt buộc khi chuyển thông tin vi phạm.")
    violation_summary = text("Nội dung vi phạm chuyển xử lý", "Bắt buộc khi chuyển thông tin vi phạm.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def referral_needs_addressee(self, data, original, **kwargs):
        if not data.get("refer_violation"):
            return
        problems = {}
        if is_blank("violation_agency", data, original):
            problems["violation_agency"] = "Phải chọn cơ quan có thẩm quyền xử lý vi phạm."
        if is_blank("violation_summary", data, original):
            problems["violation_summary"] = "Phải nêu nội dung vi phạm chuyển xử lý."
        reject(problems)

    def complete(self, data: dict) -> dict:
        # An agency named here may see the case, so one that is not referred to is dropped.
        if not data.get("refer_violation"):
            data.pop("violation_agency", None)
        if not data.get("refer_protection"):
            data.pop("protection_agency", None)
        return data


class AcknowledgementForm(FormSchema):
    """Tiếp nhận cảnh báo, triển khai biện pháp phòng ngừa."""

    measures_taken = text("Biện pháp phòng ngừa, tự bảo vệ đã triển khai", required=True)
    acknowledgement_note = text("Ghi chú, đề xuất")


class ViolationHandlingForm(FormSchema):
    """Tiếp nhận, xử lý thông tin vi phạm."""

    handling_action = choice(HANDLING_ACTIONS, "Hướng xử lý", required=True)
    handling_result = text("Kết quả tiếp nhận, xử lý", required=True)
