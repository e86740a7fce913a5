"""Handlers of the review of rules and procedures (docs/processes/rules_review.md)."""
from __future__ import annotations

MONITOR_AGENCY = "BNC_TU"      # the Internal Affairs Committee follows and urges (KH-III.2, CT-6)


def open_rules_review(ctx) -> None:
    v = ctx.values
    v["raising_agency"] = ctx.agency
    v["raised_by"] = ctx.username
    if not v.get("proposing_agency"):
        v["proposing_agency"] = ctx.agency
    if not v.get("deciding_agency"):
        v["deciding_agency"] = v["proposing_agency"]
    v["monitor_agency"] = MONITOR_AGENCY
    v["proposal_round"] = 0
    ctx.add_file_entry("phat_hien_bat_cap", "Phiếu phát hiện quy định bất cập, chồng chéo",
                       {"document": v.get("document_title"), "document_kind": v.get("document_kind"),
                        "issue": v.get("issue_kind"), "description": v.get("issue_description"),
                        "proposing_agency": v["proposing_agency"], "deciding_agency": v["deciding_agency"]})
    if v["proposing_agency"] != ctx.agency:
        ctx.notify(f"Đề nghị xây dựng đề xuất sửa đổi {v.get('document_title')} ({ctx.case_number}).",
                   agency=v["proposing_agency"], role="coordinator")


def record_proposal(ctx) -> None:
    v, case = ctx.values, ctx.case
    v["proposal_round"] = (case.get("proposal_round") or 0) + 1
    ctx.add_file_entry("de_xuat_sua_doi", f"Đề xuất sửa đổi, bổ sung (lần {v['proposal_round']})",
                       {"kind": v.get("amendment_kind"), "content": v.get("proposal_content"),
                        "basis": v.get("proposal_basis")})
    ctx.notify(f"Đề xuất sửa đổi {case.get('document_title')} ({ctx.case_number}) chờ quyết định.",
               agency=case.get("deciding_agency"), role="leader")


def record_proposal_decision(ctx) -> None:
    v, case = ctx.values, ctx.case
    decision = v.get("proposal_decision")
    titles = {"chap_thuan": "Quyết định chấp thuận đề xuất sửa đổi, bổ sung",
              "hoan_thien": "Yêu cầu hoàn thiện đề xuất", "tu_choi": "Văn bản không chấp thuận đề xuất"}
    ctx.add_file_entry(f"quyet_dinh_{decision}", titles[decision],
                       {"reasons": v.get("decision_reasons"), "adoption_due": v.get("adoption_due")})
    messages = {"chap_thuan": f"được chấp thuận, hạn ban hành {v.get('adoption_due')}",
                "hoan_thien": f"cần hoàn thiện: {v.get('decision_reasons')}",
                "tu_choi": f"không được chấp thuận: {v.get('decision_reasons')}"}
    ctx.notify(f"Đề xuất sửa đổi {case.get('document_title')} ({ctx.case_number}) {messages[decision]}",
               agency=case.get("proposing_agency"), role="coordinator")
    if decision == "chap_thuan" and case.get("deciding_agency") != case.get("proposing_agency"):
        ctx.notify(f"Tổ chức soạn thảo, ban hành theo đề xuất {ctx.case_number}.",
                   agency=case.get("deciding_agency"), role="coordinator")


def record_adoption(ctx) -> None:
    v, case = ctx.values, ctx.case
    if v.get("adoption_status") == "da_ban_hanh":
        ctx.add_file_entry("van_ban_ban_hanh", "Văn bản sửa đổi, bổ sung đã ban hành",
                           {"document": v.get("adopted_document"), "date": v.get("adopted_on")})
        for agency in {case.get("proposing_agency"), case.get("raising_agency")} - {None}:
            ctx.notify(f"{case.get('document_title')} đã được sửa đổi, bổ sung: {v.get('adopted_document')} "
                       f"({ctx.case_number}).", agency=agency, role="coordinator")
        return
    ctx.add_file_entry("bao_cao_tien_do", "Báo cáo tiến độ ban hành", {"note": v.get("progress_note")})


def urge_proposal_decision(ctx) -> None:
    case = ctx.case
    ctx.add_file_entry("don_doc", "Đôn đốc xem xét đề xuất", {"instruction": ctx.values.get("instruction")})
    ctx.notify(f"Đề xuất {ctx.case_number} đã quá hạn xem xét: {ctx.values.get('instruction')}",
               agency=case.get("deciding_agency"), role="leader")


def urge_adoption(ctx) -> None:
    case = ctx.case
    ctx.add_file_entry("don_doc", "Đôn đốc việc ban hành, sửa đổi", {"instruction": ctx.values.get("instruction")})
    ctx.notify(f"Đôn đốc ban hành theo đề xuất {ctx.case_number}: {ctx.values.get('instruction')}",
               agency=case.get("deciding_agency"), role="coordinator")


HANDLERS = {
    "open_rules_review": open_rules_review,
    "record_proposal": record_proposal,
    "record_proposal_decision": record_proposal_decision,
    "record_adoption": record_adoption,
    "urge_proposal_decision": urge_proposal_decision,
    "urge_adoption": urge_adoption,
}
