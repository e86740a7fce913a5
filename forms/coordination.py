"""Forms of inter-agency coordination (bpmn/interagency_coordination.bpmn).

A complex case is led by the competent agency (chủ trì) and each cooperating agency
confirms its own part; the confirmation form is filled once per agency, and the
`record_confirmation` handler adds the agency to what it submits.
"""

from __future__ import annotations

from .base import FormSchema, date, flag, text


class PlanForm(FormSchema):
    """Phương án bảo vệ phối hợp liên ngành."""

    plan_summary = text("Nội dung phương án bảo vệ",
                        "Lực lượng, biện pháp, phân công nhiệm vụ của từng cơ quan phối hợp.",
                        required=True)
    plan_report_by = date("Hạn báo cáo kết quả phối hợp", required=True)


class ConfirmationForm(FormSchema):
    """Xác nhận phần việc phối hợp của cơ quan."""

    part_accepted = flag("Cơ quan nhận thực hiện phần việc được phân công", required=True)
    assigned_forces = text("Lực lượng, phương tiện bố trí")
    confirmation_note = text("Ghi chú", "Nêu lý do nếu không nhận hoặc chỉ nhận một phần.")


class ConsolidationForm(FormSchema):
    """Tổng hợp kết quả phối hợp."""

    coordination_summary = text("Kết quả phối hợp", "Tổng hợp xác nhận của các cơ quan phối hợp.",
                                required=True)
