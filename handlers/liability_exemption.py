"""Handlers of the exclusion, exemption or reduction of liability (Điều 8, Quy định 183-QĐ/TW;
docs/processes/liability_exemption.md).

When the official is cleared because they carried out an order they had objected to in
writing, liability moves to the one who gave the order: the decision may send that question
to the body that judges it (e.g. the Inspection Committee), which is told here.
"""
from __future__ import annotations

REJECTED = "khong_chap_nhan"
OUTCOME_TITLES = {
    "loai_tru": "Quyết định loại trừ trách nhiệm",
    "mien": "Quyết định miễn trách nhiệm",
    "giam": "Quyết định giảm nhẹ trách nhiệm",
}


def open_exemption_request(ctx) -> None:
    v = ctx.values
    if not v.get("requester_agency"):
        v["requester_agency"] = ctx.agency
    if not v.get("competent_agency"):
        v["competent_agency"] = v["requester_agency"]
    v["requested_by"] = ctx.username
    ctx.add_file_entry("don_de_nghi", "Đơn đề nghị loại trừ, miễn, giảm trách nhiệm",
                       {"ground": v.get("exemption_ground"), "relief": v.get("requested_relief"),
                        "act": v.get("act_description"), "order": v.get("order_description"),
                        "order_issuer": v.get("order_issuer"),
                        "written_disagreement": v.get("written_disagreement"),
                        "order_reaffirmed": v.get("order_reaffirmed"), "evidence": v.get("evidence")})


def record_exemption_verification(ctx) -> None:
    v, case = ctx.values, ctx.case
    if not case.get("file_holder"):
        v["file_holder"] = ctx.username
    ctx.add_file_entry("xac_minh", "Báo cáo xác minh căn cứ loại trừ, miễn, giảm trách nhiệm",
                       {"sufficient": v.get("evidence_sufficient"), "grounds": v.get("grounds_established"),
                        "findings": v.get("verification_findings"),
                        "responsible_person": v.get("responsible_person")})
    if not v.get("evidence_sufficient"):
        ctx.notify(f"Hồ sơ {ctx.case_number} cần bổ sung: {v.get('missing_evidence')}",
                   username=case.get("requested_by"))


def record_exemption_supplement(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("bo_sung", "Tài liệu, chứng cứ bổ sung",
                       {"evidence": v.get("additional_evidence"), "explanation": v.get("supplement_explanation")})


def record_exemption_decision(ctx) -> None:
    v, case = ctx.values, ctx.case
    outcome = v.get("exemption_outcome")
    if outcome == REJECTED:
        ctx.add_file_entry("quyet_dinh_khong_chap_nhan", "Văn bản không chấp nhận đề nghị",
                           {"reasons": v.get("exemption_reasons"), "number": v.get("exemption_decision_number")})
        ctx.notify(f"Đề nghị {ctx.case_number} không được chấp nhận. Lý do: {v.get('exemption_reasons')}",
                   username=case.get("requested_by"))
        return
    ctx.add_file_entry("quyet_dinh_mien_giam", OUTCOME_TITLES[outcome],
                       {"outcome": outcome, "reasons": v.get("exemption_reasons"),
                        "reduction": v.get("liability_reduction"), "orderer_liability": v.get("orderer_liability"),
                        "number": v.get("exemption_decision_number")})
    if v.get("orderer_review_agency"):
        ctx.add_file_entry("chuyen_xem_xet_trach_nhiem", "Văn bản chuyển xem xét trách nhiệm người ra mệnh lệnh",
                           {"to": v["orderer_review_agency"], "orderer_liability": v.get("orderer_liability")})
        ctx.notify(f"Đề nghị xem xét trách nhiệm người ra mệnh lệnh theo hồ sơ {ctx.case_number}.",
                   agency=v["orderer_review_agency"], role="inspector")
    ctx.notify(f"Đề nghị {ctx.case_number} được chấp nhận: {OUTCOME_TITLES[outcome].lower()}.",
               username=case.get("requested_by"))


def record_exemption_entry(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("ghi_nhan", "Ghi nhận kết quả vào hồ sơ cán bộ",
                       {"note": v.get("record_note"), "personnel_file_updated": v.get("personnel_file_updated")})


HANDLERS = {
    "open_exemption_request": open_exemption_request,
    "record_exemption_verification": record_exemption_verification,
    "record_exemption_supplement": record_exemption_supplement,
    "record_exemption_decision": record_exemption_decision,
    "record_exemption_entry": record_exemption_entry,
}
