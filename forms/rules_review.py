"""Forms of the review of rules and procedures (bpmn/rules_review.bpmn).

A unit that finds a rule inadequate, overlapping or out of date proposes to amend it; the
head of the competent agency decides; the competent agency reports its progress until the
amended text is adopted. Field names are the contract of docs/processes/rules_review.md.
"""

from __future__ import annotations

from marshmallow import validates_schema

from .base import SHORT_TEXT, FormSchema, date, is_blank, reject, text
from .choices import Choices, choice

DOCUMENT_KINDS = Choices(
    ("van_ban_phap_luat", "Văn bản quy phạm pháp luật"),
    ("quy_che", "Quy chế làm việc"),
    ("quy_dinh", "Quy định của cơ quan, tổ chức"),
    ("quy_trinh", "Quy trình nghiệp vụ"),
    ("chuan_muc", "Chuẩn mực đạo đức, quy tắc ứng xử"),
)

ISSUE_KINDS = Choices(
    ("bat_cap", "Bất cập"),
    ("chong_cheo", "Chồng chéo"),
    ("khong_phu_hop", "Không còn phù hợp với thực tế"),
    ("chua_dong_bo", "Chưa đồng bộ, thống nhất với Quy định 183-QĐ/TW"),
)

AMENDMENT_KINDS = Choices(
    ("sua_doi", "Sửa đổi"),
    ("bo_sung", "Bổ sung"),
    ("bai_bo", "Bãi bỏ"),
    ("ban_hanh_moi", "Ban hành mới"),
)

PROPOSAL_DECISIONS = Choices(
    ("chap_thuan", "Chấp thuận"),
    ("hoan_thien", "Yêu cầu hoàn thiện đề xuất"),
    ("tu_choi", "Không chấp thuận"),
)

ADOPTION_STATUSES = Choices(
    ("da_ban_hanh", "Đã ban hành"),
    ("dang_thuc_hien", "Đang soạn thảo, trình ban hành"),
)


class IssueForm(FormSchema):
    """Phát hiện quy định bất cập, chồng chéo."""

    document_title = text("Văn bản, quy chế, quy trình được rà soát", required=True)
    document_kind = choice(DOCUMENT_KINDS, "Loại văn bản", required=True)
    issue_kind = choice(ISSUE_KINDS, "Vấn đề phát hiện", required=True)
    issue_description = text("Mô tả bất cập, chồng chéo", required=True)
    proposing_agency = choice("agencies", "Đơn vị đề xuất", "Để trống: đơn vị của người phát hiện.")
    deciding_agency = choice("agencies", "Cơ quan có thẩm quyền sửa đổi, bổ sung",
                             "Để trống: thuộc thẩm quyền của đơn vị đề xuất.")


class ProposalForm(FormSchema):
    """Đề xuất sửa đổi, bổ sung."""

    amendment_kind = choice(AMENDMENT_KINDS, "Hình thức", required=True)
    proposal_content = text("Nội dung đề xuất", required=True)
    proposal_basis = text("Căn cứ, lý do đề xuất")


class DecisionForm(FormSchema):
    """Quyết định đối với đề xuất sửa đổi, bổ sung."""

    proposal_decision = choice(PROPOSAL_DECISIONS, "Quyết định", required=True)
    decision_reasons = text("Lý do", "Bắt buộc khi không chấp thuận hoặc yêu cầu hoàn thiện.")
    adoption_due = date("Thời hạn ban hành", "Bắt buộc khi chấp thuận.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_decision(self, data, original, **kwargs):
        problems = {}
        decision = data.get("proposal_decision")
        if decision in ("tu_choi", "hoan_thien") and is_blank("decision_reasons", data, original):
            problems["decision_reasons"] = "Phải nêu rõ lý do."
        if decision == "chap_thuan" and is_blank("adoption_due", data, original):
            problems["adoption_due"] = "Phải có thời hạn ban hành."
        reject(problems)


class AdoptionForm(FormSchema):
    """Tiến độ ban hành, sửa đổi."""

    adoption_status = choice(ADOPTION_STATUSES, "Tình trạng", required=True)
    adopted_document = text("Số, ký hiệu văn bản đã ban hành", max_length=SHORT_TEXT)
    adopted_on = date("Ngày ban hành")
    progress_note = text("Tiến độ, khó khăn", "Bắt buộc khi chưa ban hành.")

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_status(self, data, original, **kwargs):
        problems = {}
        if data.get("adoption_status") == "da_ban_hanh":
            if is_blank("adopted_document", data, original):
                problems["adopted_document"] = "Phải ghi số, ký hiệu văn bản đã ban hành."
            if is_blank("adopted_on", data, original):
                problems["adopted_on"] = "Phải ghi ngày ban hành."
        if data.get("adoption_status") == "dang_thuc_hien" and is_blank("progress_note", data, original):
            problems["progress_note"] = "Phải nêu tiến độ thực hiện."
        reject(problems)
