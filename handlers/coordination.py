"""Handlers of the inter-agency coordination (a call activity of the protection request)."""
from __future__ import annotations


def record_plan(ctx) -> None:
    ctx.add_file_entry("phuong_an", "Phương án bảo vệ (cơ quan chủ trì)",
                       {"summary": ctx.values.get("plan_summary"), "report_by": ctx.values.get("plan_report_by"),
                        "cooperating_agencies": ctx.case.get("cooperating_agencies")})
    for agency in ctx.case.get("cooperating_agencies") or []:
        ctx.notify(f"Đề nghị phối hợp bảo vệ theo hồ sơ {ctx.case_number}.", agency=agency, role="coordinator")


def record_confirmation(ctx) -> None:
    """Each cooperating agency's answer becomes its item of `confirmations`."""
    v = ctx.values
    v["confirmation"] = {"agency": ctx.agency, "accepted": v.get("part_accepted"),
                         "assigned_forces": v.get("assigned_forces"), "note": v.get("confirmation_note"),
                         "by": ctx.username}
    ctx.add_file_entry("xac_nhan_phoi_hop", f"Xác nhận phối hợp của {ctx.agency}", v["confirmation"])


def record_consolidation(ctx) -> None:
    ctx.add_file_entry("tong_hop_phoi_hop", "Báo cáo tổng hợp kết quả phối hợp",
                       {"summary": ctx.values.get("coordination_summary")})


HANDLERS = {
    "record_plan": record_plan,
    "record_confirmation": record_confirmation,
    "record_consolidation": record_consolidation,
}
