"""Forms of rollout and periodic review (bpmn/periodic_review.bpmn).

One round (triển khai, sơ kết or tổng kết) is one case: the Internal Affairs Committee
assigns it to the responsible units, each unit reports once (one task per unit), and the
committee compiles the report to the Standing Committee. The consolidated report starts
pre-filled: the handler of the last unit report writes the draft, built from the units'
reports and from the figures the system computes (workflow_app/services/statistics.py).
Field names are the contract of docs/processes/periodic_review.md.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import SHORT_TEXT, FormSchema, Integer, Range, current_case, date, is_blank, meta, reject, text
from .choices import Choices, choice, choice_list

REVIEW_KINDS = Choices(
    ("trien_khai", "Triển khai thực hiện"),
    ("so_ket", "Sơ kết"),
    ("tong_ket", "Tổng kết"),
)

COMPILE_ACTIONS = Choices(
    ("gui_bao_cao", "Gửi báo cáo Ban Thường vụ Tỉnh ủy"),
    ("yeu_cau_bo_sung", "Yêu cầu đơn vị bổ sung báo cáo"),
)
SUPPLEMENT = "yeu_cau_bo_sung"

MAX_REPORT_DAYS = 365


class RoundForm(FormSchema):
    """Giao nhiệm vụ triển khai, sơ kết, tổng kết."""

    review_kind = choice(REVIEW_KINDS, "Loại đợt", required=True)
    period_start = date("Kỳ báo cáo từ ngày", required=True)
    period_end = date("Kỳ báo cáo đến ngày", required=True)
    responsible_agencies = choice_list("agencies", "Đơn vị được giao nhiệm vụ",
                                       "Mỗi đơn vị nhận một nhiệm vụ báo cáo.", min_items=1)
    report_days = Integer(validate=Range(min=1, max=MAX_REPORT_DAYS), metadata=meta(
        "Thời hạn báo cáo (số ngày)", "Để trống: theo thời hạn mặc định của quy trình (report_days).", False))
    directive = text("Nội dung triển khai, yêu cầu báo cáo", required=True)

    @validates_schema(skip_on_field_errors=False)
    def check_period(self, data, **kwargs):
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            reject({"period_end": "Ngày cuối kỳ không được trước ngày đầu kỳ."})


class UnitReportForm(FormSchema):
    """Báo cáo kết quả thực hiện của đơn vị."""

    programme = text("Chương trình, kế hoạch của đơn vị",
                     "Đơn vị cụ thể hóa nhiệm vụ được giao; bắt buộc trong đợt triển khai.")
    results = text("Kết quả thực hiện", required=True)
    dissemination_sessions = Integer(validate=Range(min=0), load_default=0, metadata=meta(
        "Số hội nghị, buổi quán triệt, tuyên truyền", None, False))
    participants = Integer(validate=Range(min=0), load_default=0, metadata=meta(
        "Số lượt cán bộ, đảng viên được quán triệt", None, False))
    limitations = text("Hạn chế, khó khăn, vướng mắc")
    proposals = text("Đề xuất, kiến nghị")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def rollout_needs_a_programme(self, data, original, **kwargs):
        case = current_case() or {}
        if case.get("review_kind") == "trien_khai" and is_blank("programme", data, original):
            reject({"programme": "Đợt triển khai: đơn vị phải báo cáo chương trình, kế hoạch thực hiện."})


class ConsolidatedReportForm(FormSchema):
    """Báo cáo tổng hợp gửi Ban Thường vụ Tỉnh ủy."""

    compile_action = choice(COMPILE_ACTIONS, "Xử lý", required=True)
    consolidated_report = text("Báo cáo tổng hợp",
                               "Điền sẵn từ báo cáo của các đơn vị và số liệu do hệ thống tổng hợp; bắt buộc "
                               "khi gửi báo cáo.")
    report_number = text("Số báo cáo", max_length=SHORT_TEXT)
    supplement_agencies = choice_list("agencies", "Đơn vị phải bổ sung báo cáo",
                                      "Bắt buộc khi yêu cầu bổ sung.", load_default=list)
    supplement_request = text("Nội dung yêu cầu bổ sung", "Bắt buộc khi yêu cầu bổ sung.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_action(self, data, original, **kwargs):
        problems = {}
        if data.get("compile_action") == "gui_bao_cao" and is_blank("consolidated_report", data, original):
            problems["consolidated_report"] = "Phải có nội dung báo cáo tổng hợp."
        if data.get("compile_action") == SUPPLEMENT:
            agencies = data.get("supplement_agencies")
            responsible = (current_case() or {}).get("responsible_agencies")
            if is_blank("supplement_agencies", data, original):
                problems["supplement_agencies"] = "Phải chọn ít nhất một đơn vị phải bổ sung báo cáo."
            elif agencies and responsible is not None and not set(agencies) <= set(responsible):
                problems["supplement_agencies"] = "Chỉ yêu cầu bổ sung đối với đơn vị được giao nhiệm vụ trong đợt."
            if is_blank("supplement_request", data, original):
                problems["supplement_request"] = "Phải nêu nội dung cần bổ sung."
        reject(problems)

    def complete(self, data: dict) -> dict:
        # Agencies named here get a task, so a report that is sent names none.
        if data.get("compile_action") != SUPPLEMENT:
            data["supplement_agencies"] = []
        return data


class SupplementForm(FormSchema):
    """Bổ sung báo cáo."""

    supplement_content = text("Nội dung bổ sung", required=True)
