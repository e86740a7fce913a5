"""Forms of the protection request process (bpmn/protection_request.bpmn).

Field names are the contract of docs/protection-request.md: form values are merged into
the case data at the top level and read by gateways and handlers under these names.
The identity and whereabouts of protected persons are confidential (DOMAIN.md): those
fields carry `confidential` so the vault seals them the moment a request is validated.
"""

from __future__ import annotations

from marshmallow import ValidationError, validates, validates_schema

from .base import (
    SHORT_TEXT, FormSchema, Integer, List, MinItems, Nested, Range, current_case, date, flag,
    is_blank, meta, reject, text, unique_items,
)
from .choices import (
    AUTHENTICITY, CHANNELS, DANGER_LEVELS, DECISION_OUTCOMES, PROTECTED_CONTENT, RELATIONS,
    REQUEST_KINDS, REVIEW_ACTIONS, REVIEW_BASES, SITUATIONS, THREAT_TYPES, choice, choice_list,
)

DEFAULT_AGENCY = "CA_TINH"  # the provincial Police: the usual competent and executing agency


class ProtectedPerson(FormSchema):
    """Người được bảo vệ."""

    full_name = text("Họ và tên", required=True, max_length=SHORT_TEXT, confidential=True)
    relation = choice(RELATIONS, "Quan hệ với người thi hành công vụ",
                      "“Bản thân” nếu là chính người thi hành công vụ.",
                      required=True, confidential=True)
    position = text("Chức vụ, chức danh", max_length=SHORT_TEXT)
    id_number = text("Số định danh cá nhân (CCCD)", max_length=SHORT_TEXT, confidential=True)
    phone = text("Số điện thoại", max_length=SHORT_TEXT, confidential=True)
    residence = text("Nơi cư trú", confidential=True)
    workplace = text("Nơi làm việc", confidential=True)


class StartForm(FormSchema):
    """Đề nghị áp dụng biện pháp bảo vệ."""

    request_kind = choice(REQUEST_KINDS, "Loại đề nghị",
                          "Đề nghị khẩn cấp được chuyển ngay cho thủ trưởng quyết định.",
                          load_default="thuong")
    channel = choice(CHANNELS, "Hình thức đề nghị",
                     "Đề nghị thông thường phải bằng văn bản; đề nghị khẩn cấp có thể trực "
                     "tiếp hoặc qua điện thoại, kèm biên bản.", load_default="van_ban")
    requester_agency = choice("agencies", "Cơ quan đề nghị",
                              "Để trống: cơ quan của người lập đề nghị.")
    competent_agency = choice("agencies", "Cơ quan có thẩm quyền áp dụng biện pháp bảo vệ",
                              load_default=DEFAULT_AGENCY)
    threat_types = choice_list(THREAT_TYPES, "Hành vi xâm phạm", min_items=1)
    protected_content = choice_list(PROTECTED_CONTENT, "Nội dung cần bảo vệ", min_items=1)
    threat_description = text("Mô tả hành vi xâm phạm, đe dọa",
                              "Diễn biến, thời gian, địa điểm, đối tượng (nếu biết).",
                              required=True)
    protected_persons = List(
        Nested(ProtectedPerson), required=True,
        validate=MinItems(1, "Phải có ít nhất một người được bảo vệ."),
        metadata=meta("Người được bảo vệ",
                      "Người thi hành công vụ và/hoặc người thân của họ; thông tin được bảo mật.",
                      False),
    )
    requested_measures = choice_list("measures", "Biện pháp bảo vệ đề nghị áp dụng",
                                     "Không bắt buộc.", load_default=list)
    minutes = text("Biên bản ghi nhận đề nghị",
                   "Bắt buộc khi đề nghị trực tiếp hoặc qua điện thoại.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_channel(self, data, original, **kwargs):
        # Only an emergency may be requested orally; the minutes then stand in for the letter.
        problems = {}
        channel = data.get("channel")
        if data.get("request_kind") == "thuong" and channel not in (None, "van_ban"):
            problems["channel"] = ("Đề nghị thông thường phải bằng văn bản; chỉ đề nghị khẩn "
                                   "cấp mới được trực tiếp hoặc qua điện thoại.")
        if channel not in (None, "van_ban") and is_blank("minutes", data, original):
            problems["minutes"] = ("Đề nghị trực tiếp hoặc qua điện thoại phải có biên bản "
                                   "ghi nhận.")
        reject(problems)


class IntakeForm(FormSchema):
    """Tiếp nhận đề nghị áp dụng biện pháp bảo vệ."""

    intake_complete = flag("Hồ sơ đầy đủ", required=True)
    missing_items = text("Nội dung cần bổ sung", "Bắt buộc khi hồ sơ chưa đầy đủ.")
    competent_agency = choice("agencies", "Cơ quan có thẩm quyền",
                              "Chọn cơ quan khác nếu đề nghị không thuộc thẩm quyền: hồ sơ "
                              "được chuyển đến cơ quan đó.")
    intake_note = text("Ghi chú tiếp nhận")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def incomplete_needs_missing_items(self, data, original, **kwargs):
        if data.get("intake_complete") is False and is_blank("missing_items", data, original):
            reject({"missing_items": "Phải nêu rõ nội dung hồ sơ cần bổ sung."})


class SupplementForm(FormSchema):
    """Bổ sung hồ sơ đề nghị."""

    supplement_note = text("Nội dung bổ sung", "Các thông tin, tài liệu đã bổ sung theo yêu cầu.",
                           required=True)


class VerificationForm(FormSchema):
    """Xác minh căn cứ đề nghị áp dụng biện pháp bảo vệ."""

    grounds_confirmed = flag("Có căn cứ áp dụng biện pháp bảo vệ", required=True)
    authenticity = choice(AUTHENTICITY, "Tính xác thực của thông tin đề nghị", required=True)
    danger_level = choice(DANGER_LEVELS, "Mức độ nguy hiểm", required=True)
    verification_findings = text("Kết quả xác minh", required=True)
    damage_record = text("Biên bản ghi nhận thiệt hại", "Nếu đã có thiệt hại xảy ra.")


class DecisionForm(FormSchema):
    """Quyết định áp dụng hoặc không áp dụng biện pháp bảo vệ."""

    decision_outcome = choice(DECISION_OUTCOMES, "Quyết định", required=True)
    decision_reasons = text("Lý do, căn cứ quyết định",
                            "Bắt buộc khi từ chối; lý do được thông báo cho người đề nghị.")
    measures = choice_list("measures", "Biện pháp bảo vệ áp dụng",
                           "Ít nhất một biện pháp khi quyết định áp dụng.", load_default=list)
    covered_persons = List(
        Integer(validate=Range(min=1)), validate=unique_items,
        metadata=meta("Người được áp dụng biện pháp",
                      "Số thứ tự trong danh sách người được bảo vệ (từ 1); để trống: tất cả.",
                      False),
    )
    measures_start = date("Ngày bắt đầu áp dụng", "Bắt buộc khi quyết định áp dụng.")
    executing_agency = choice("agencies", "Cơ quan thực hiện biện pháp bảo vệ",
                              load_default=DEFAULT_AGENCY)
    is_complex = flag("Vụ việc phức tạp, cần nhiều cơ quan phối hợp", load_default=False)
    cooperating_agencies = choice_list(
        "agencies", "Cơ quan phối hợp",
        "Bắt buộc khi vụ việc phức tạp; không gồm cơ quan có thẩm quyền (cơ quan chủ trì).",
        load_default=list)
    decision_number = text("Số quyết định", max_length=SHORT_TEXT)

    @validates("covered_persons")
    def covered_persons_exist(self, value, data_key, **kwargs):
        persons = (current_case() or {}).get("protected_persons")
        if persons is not None and any(index > len(persons) for index in value):
            raise ValidationError(f"Số thứ tự người được bảo vệ phải từ 1 đến {len(persons)}.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_outcome(self, data, original, **kwargs):
        problems = {}
        outcome = data.get("decision_outcome")
        if outcome == "tu_choi" and is_blank("decision_reasons", data, original):
            problems["decision_reasons"] = "Phải nêu rõ lý do từ chối áp dụng biện pháp bảo vệ."
        if outcome == "ap_dung":
            if is_blank("measures", data, original):
                problems["measures"] = "Phải chọn ít nhất một biện pháp bảo vệ."
            if is_blank("measures_start", data, original):
                problems["measures_start"] = "Phải có ngày bắt đầu áp dụng biện pháp bảo vệ."
            if data.get("covered_persons") == []:
                problems["covered_persons"] = "Phải chọn ít nhất một người được bảo vệ."
            problems.update(self.cooperation_problems(data))
        reject(problems)

    def cooperation_problems(self, data: dict) -> dict:
        agencies = data.get("cooperating_agencies")
        if not data.get("is_complex") or agencies is None:
            return {}
        if not agencies:
            return {"cooperating_agencies": "Vụ việc phức tạp phải có ít nhất một cơ quan "
                                            "phối hợp."}
        lead = (current_case() or {}).get("competent_agency")
        if lead in agencies:
            return {"cooperating_agencies": "Cơ quan chủ trì (cơ quan có thẩm quyền) không "
                                            "được đồng thời là cơ quan phối hợp."}
        return {}

    def complete(self, data: dict) -> dict:
        # Agencies named here may see the case, so a simple case names none.
        if not data.get("is_complex"):
            data["cooperating_agencies"] = []
        persons = (current_case() or {}).get("protected_persons")
        if "covered_persons" not in data and persons is not None:
            data["covered_persons"] = list(range(1, len(persons) + 1))
        return data


class ExecutionReportForm(FormSchema):
    """Báo cáo kết quả thực hiện biện pháp bảo vệ."""

    report_summary = text("Kết quả thực hiện", required=True)
    situation = choice(SITUATIONS, "Diễn biến tình hình", required=True)
    incidents = text("Sự việc phát sinh", "Nếu có.")
    recommendation = choice(REVIEW_ACTIONS, "Kiến nghị", required=True)


class ReviewForm(FormSchema):
    """Xem xét thay đổi, bổ sung, hủy bỏ biện pháp bảo vệ."""

    review_action = choice(REVIEW_ACTIONS, "Kết quả xem xét",
                           "“Thay đổi, bổ sung” dẫn đến một quyết định mới.", required=True)
    review_basis = choice(REVIEW_BASES, "Căn cứ xem xét", required=True)
    review_note = text("Ghi chú")


class TerminationForm(FormSchema):
    """Quyết định chấm dứt biện pháp bảo vệ."""

    termination_reasons = text("Lý do chấm dứt", required=True)
    termination_date = date("Ngày chấm dứt", required=True)
