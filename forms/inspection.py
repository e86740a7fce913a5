"""Forms of inspection and supervision (bpmn/inspection_supervision.bpmn).

The Inspection Committee inspects (kiểm tra), the People's Council and the Fatherland Front
supervise (giám sát) how a unit carries out the protection work. The conclusion lists the
recommendations; each one is followed up on its own, round after round, until the
inspectors close it. A remediation task is one of several alike (one per open
recommendation), so its form names the recommendation it answers, and the form refuses a
number that is not open or was already answered in this round.
Field names are the contract of docs/processes/inspection_supervision.md.
"""

from __future__ import annotations

from marshmallow import ValidationError, validates, validates_schema

from .base import (SHORT_TEXT, FormSchema, Integer, List, Nested, Range, current_case, date, flag, is_blank,
                   meta, reject, text, unique_items)
from .choices import Choices, choice

MAX_RECOMMENDATIONS = 50

INSPECTION_KINDS = Choices(
    ("kiem_tra", "Kiểm tra (Ủy ban Kiểm tra)"),
    ("giam_sat", "Giám sát (Hội đồng nhân dân, Mặt trận Tổ quốc)"),
)

ASSESSMENTS = Choices(
    ("tot", "Thực hiện tốt"),
    ("dat", "Đạt yêu cầu"),
    ("han_che", "Còn hạn chế, thiếu sót"),
    ("vi_pham", "Có vi phạm"),
)
NEEDS_RECOMMENDATIONS = ("han_che", "vi_pham")

REMEDIATION_STATUSES = Choices(
    ("da_khac_phuc", "Đã khắc phục xong"),
    ("dang_khac_phuc", "Đang khắc phục"),
    ("chua_khac_phuc", "Chưa khắc phục (nêu lý do)"),
)


class PlanForm(FormSchema):
    """Kế hoạch kiểm tra, giám sát."""

    inspection_kind = choice(INSPECTION_KINDS, "Hình thức", required=True)
    inspecting_agency = choice("agencies", "Cơ quan kiểm tra, giám sát",
                               "Để trống: cơ quan của người lập kế hoạch.")
    inspected_agency = choice("agencies", "Đơn vị được kiểm tra, giám sát", required=True)
    subject = text("Nội dung kiểm tra, giám sát", required=True)
    plan_basis = text("Căn cứ", "Ví dụ: Kế hoạch thực hiện Quy định 183-QĐ/TW, mục II.4.")
    planned_from = date("Thời gian từ ngày", required=True)
    planned_to = date("Đến ngày", required=True)
    team = text("Thành phần đoàn kiểm tra, giám sát")

    @validates_schema(skip_on_field_errors=False)
    def check_plan(self, data, **kwargs):
        problems = {}
        start, end = data.get("planned_from"), data.get("planned_to")
        if start and end and end < start:
            problems["planned_to"] = "Ngày kết thúc không được trước ngày bắt đầu."
        inspecting = data.get("inspecting_agency")
        if inspecting and inspecting == data.get("inspected_agency"):
            problems["inspected_agency"] = "Đơn vị được kiểm tra, giám sát phải khác cơ quan kiểm tra, giám sát."
        reject(problems)


class ConductForm(FormSchema):
    """Tiến hành kiểm tra, giám sát tại đơn vị."""

    conducted = flag("Đã tiến hành kiểm tra, giám sát tại đơn vị", required=True)
    conducted_on = date("Ngày làm việc tại đơn vị", "Bắt buộc khi đã tiến hành.")
    work_minutes = text("Biên bản làm việc", "Bắt buộc khi đã tiến hành.")
    obstruction_report = text("Lý do không tiến hành được",
                              "Bắt buộc khi không tiến hành được, ví dụ đơn vị cản trở, can thiệp trái pháp "
                              "luật vào hoạt động kiểm tra, giám sát.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_outcome(self, data, original, **kwargs):
        problems = {}
        if data.get("conducted") is True:
            if is_blank("conducted_on", data, original):
                problems["conducted_on"] = "Phải có ngày làm việc tại đơn vị."
            if is_blank("work_minutes", data, original):
                problems["work_minutes"] = "Phải có biên bản làm việc."
        if data.get("conducted") is False and is_blank("obstruction_report", data, original):
            problems["obstruction_report"] = "Phải nêu rõ lý do không tiến hành được."
        reject(problems)


class RecommendationItem(FormSchema):
    """Kiến nghị."""

    content = text("Nội dung kiến nghị", required=True)
    due_date = date("Thời hạn thực hiện")


class ConclusionForm(FormSchema):
    """Kết luận kiểm tra, giám sát và kiến nghị."""

    findings = text("Kết quả kiểm tra, giám sát", required=True)
    assessment = choice(ASSESSMENTS, "Đánh giá chung", required=True)
    recommendations = List(
        Nested(RecommendationItem), load_default=list,
        metadata=meta("Kiến nghị", "Mỗi kiến nghị được theo dõi riêng cho đến khi hoàn thành.", False))
    conclusion_number = text("Số văn bản kết luận", max_length=SHORT_TEXT)

    @validates("recommendations")
    def not_too_many(self, value, data_key, **kwargs):
        if len(value) > MAX_RECOMMENDATIONS:
            raise ValidationError(f"Không được quá {MAX_RECOMMENDATIONS} kiến nghị trong một kết luận.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def shortcomings_need_recommendations(self, data, original, **kwargs):
        if data.get("assessment") in NEEDS_RECOMMENDATIONS and is_blank("recommendations", data, original):
            reject({"recommendations": "Đơn vị còn hạn chế hoặc có vi phạm thì phải có ít nhất một kiến "
                                       "nghị khắc phục."})


def open_numbers(case: dict | None) -> list[int] | None:
    """Numbers of the recommendations still followed up; None without a case to compare."""
    if case is None:
        return None
    return [item["no"] for item in case.get("open_recommendations") or []]


class RemediationForm(FormSchema):
    """Báo cáo khắc phục theo kiến nghị."""

    recommendation_no = Integer(required=True, validate=Range(min=1), metadata=meta(
        "Số thứ tự kiến nghị",
        "Kiến nghị mà báo cáo này trả lời; mỗi nhiệm vụ trả lời một kiến nghị còn đang theo dõi.", False))
    remediation_status = choice(REMEDIATION_STATUSES, "Kết quả thực hiện", required=True)
    remediation_report = text("Báo cáo kết quả khắc phục", required=True)

    @validates("recommendation_no")
    def answers_an_open_recommendation(self, value, data_key, **kwargs):
        case = current_case()
        numbers = open_numbers(case)
        if numbers is None:
            return
        if value not in numbers:
            listed = ", ".join(str(n) for n in numbers) or "không có"
            raise ValidationError(f"Kiến nghị số {value} không nằm trong các kiến nghị đang theo dõi ({listed}).")
        if str(value) in (case.get("round_reports") or {}):
            raise ValidationError(f"Kiến nghị số {value} đã được báo cáo trong đợt này.")


class AssessmentForm(FormSchema):
    """Đánh giá kết quả khắc phục."""

    closed_recommendations = List(
        Integer(validate=Range(min=1)), validate=unique_items, load_default=list,
        metadata=meta("Kiến nghị đã hoàn thành",
                      "Số thứ tự các kiến nghị đã thực hiện xong; các kiến nghị còn lại tiếp tục được theo dõi.",
                      False))
    assessment_note = text("Nhận xét, đánh giá", required=True)

    @validates("closed_recommendations")
    def closes_open_recommendations(self, value, data_key, **kwargs):
        numbers = open_numbers(current_case())
        if numbers is None:
            return
        unknown = [n for n in value if n not in numbers]
        if unknown:
            raise ValidationError("Không phải kiến nghị đang theo dõi: " + ", ".join(str(n) for n in unknown) + ".")
