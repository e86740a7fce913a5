"""Handlers of inspection and supervision (docs/processes/inspection_supervision.md).

The follow-up of the recommendations runs in rounds: each round opens one remediation task
per open recommendation (`open_recommendations`, the multi-instance input); the unit's
answers are gathered in `round_reports`, then the inspectors close what is done and the
rest goes into the next round. `has_recommendations`, `conducted` and `all_closed` are set
on every pass, because the gateways read them.
"""
from __future__ import annotations

MONITOR_AGENCY = "BNC_TU"      # the Internal Affairs Committee follows every obstruction (KH-III.2)


def open_inspection(ctx) -> None:
    v = ctx.values
    if not v.get("inspecting_agency"):
        v["inspecting_agency"] = ctx.agency
    v["planned_by"] = ctx.username
    ctx.add_file_entry("ke_hoach_kiem_tra", "Kế hoạch kiểm tra, giám sát",
                       {"kind": v.get("inspection_kind"), "inspecting_agency": v["inspecting_agency"],
                        "inspected_agency": v.get("inspected_agency"), "subject": v.get("subject"),
                        "basis": v.get("plan_basis"), "from": v.get("planned_from"), "to": v.get("planned_to"),
                        "team": v.get("team")})
    notice = f"Thông báo kế hoạch kiểm tra, giám sát {ctx.case_number}: {v.get('subject')}"
    for role in ("leader", "coordinator"):
        ctx.notify(notice, agency=v.get("inspected_agency"), role=role)


def record_conduct(ctx) -> None:
    v, case = ctx.values, ctx.case
    if v.get("conducted"):
        ctx.add_file_entry("bien_ban_lam_viec", "Biên bản làm việc tại đơn vị",
                           {"date": v.get("conducted_on"), "minutes": v.get("work_minutes")})
        return
    ctx.add_file_entry("bao_cao_can_tro", "Báo cáo việc không tiến hành được kiểm tra, giám sát",
                       {"reasons": v.get("obstruction_report"), "inspected_agency": case.get("inspected_agency")})
    ctx.notify(f"Không tiến hành được kiểm tra, giám sát {ctx.case_number} tại {case.get('inspected_agency')}: "
               f"{v.get('obstruction_report')}", agency=MONITOR_AGENCY, role="monitor")


def record_conclusion(ctx) -> None:
    """Number the recommendations: the number is how each one is followed up."""
    v, case = ctx.values, ctx.case
    numbered = [{"no": i, "content": item["content"], "due_date": item.get("due_date"), "status": "dang_theo_doi"}
                for i, item in enumerate(v.get("recommendations") or [], start=1)]
    v["recommendations"] = numbered
    v["open_recommendations"] = [_open_item(item) for item in numbered]
    v["has_recommendations"] = bool(numbered)
    v["all_closed"] = not numbered
    v["follow_up_round"] = 1 if numbered else 0
    v["round_reports"] = {}
    v["remediations"] = []
    ctx.add_file_entry("ket_luan", "Kết luận kiểm tra, giám sát",
                       {"findings": v.get("findings"), "assessment": v.get("assessment"),
                        "recommendations": numbered, "number": v.get("conclusion_number")})
    if numbered:
        message = (f"Kết luận {ctx.case_number} có {len(numbered)} kiến nghị; đơn vị báo cáo kết quả thực hiện "
                   f"từng kiến nghị.")
    else:
        message = f"Kết luận {ctx.case_number}: không có kiến nghị."
    for role in ("leader", "coordinator"):
        ctx.notify(message, agency=case.get("inspected_agency"), role=role)


def record_remediation(ctx) -> None:
    """The unit's answer on one recommendation: the task's item of `remediations`."""
    v, case = ctx.values, ctx.case
    number = v["recommendation_no"]
    item = next((r for r in case.get("open_recommendations") or [] if r["no"] == number), {})
    v["remediation"] = {"no": number, "content": item.get("content"), "status": v.get("remediation_status"),
                        "report": v.get("remediation_report"), "agency": ctx.agency, "by": ctx.username}
    v["round_reports"] = {**(case.get("round_reports") or {}), str(number): v["remediation"]}
    ctx.add_file_entry("bao_cao_khac_phuc", f"Báo cáo thực hiện kiến nghị số {number}", v["remediation"])


def record_assessment(ctx) -> None:
    """Close what is done; what is not goes into the next round."""
    v, case = ctx.values, ctx.case
    closed_now = set(v.get("closed_recommendations") or [])
    round_no = case.get("follow_up_round") or 1
    recommendations = []
    for item in case.get("recommendations") or []:
        if item["no"] in closed_now:
            item = {**item, "status": "da_hoan_thanh", "closed_in_round": round_no}
        recommendations.append(item)
    still_open = [_open_item(r) for r in recommendations if r["status"] != "da_hoan_thanh"]
    v["recommendations"] = recommendations
    v["open_recommendations"] = still_open
    v["all_closed"] = not still_open
    v["follow_up_round"] = round_no + 1 if still_open else round_no
    v["round_reports"] = {}
    v["remediations"] = []          # the next round's collection must start empty
    ctx.add_file_entry("danh_gia_khac_phuc", f"Đánh giá kết quả thực hiện kiến nghị (đợt {round_no})",
                       {"closed": sorted(closed_now), "open": [r["no"] for r in still_open],
                        "note": v.get("assessment_note")})
    if still_open:
        numbers = ", ".join(str(r["no"]) for r in still_open)
        ctx.notify(f"Hồ sơ {ctx.case_number}: tiếp tục thực hiện kiến nghị số {numbers}.",
                   agency=case.get("inspected_agency"), role="coordinator")
    else:
        ctx.add_file_entry("ket_thuc_theo_doi", "Kết thúc theo dõi thực hiện kiến nghị",
                           {"recommendations": len(recommendations)})
        ctx.notify(f"Hồ sơ {ctx.case_number}: các kiến nghị đã được thực hiện xong.",
                   agency=case.get("inspected_agency"), role="coordinator")


def remind_remediation(ctx) -> None:
    """The inspectors' written reminder to the unit, naming what it has not answered yet."""
    case = ctx.case
    answered = set(case.get("round_reports") or {})
    pending = [r["no"] for r in case.get("open_recommendations") or [] if str(r["no"]) not in answered]
    ctx.add_file_entry("don_doc_khac_phuc", "Văn bản đôn đốc thực hiện kiến nghị",
                       {"pending": pending, "instruction": ctx.values.get("instruction")})
    numbers = ", ".join(str(n) for n in pending) or "(đã báo cáo đủ)"
    for role in ("coordinator", "leader"):
        ctx.notify(f"Đôn đốc báo cáo thực hiện kiến nghị số {numbers} theo hồ sơ {ctx.case_number}: "
                   f"{ctx.values.get('instruction')}", agency=case.get("inspected_agency"), role=role)


def _open_item(item: dict) -> dict:
    return {"no": item["no"], "content": item["content"], "due_date": item.get("due_date")}


HANDLERS = {
    "open_inspection": open_inspection,
    "record_conduct": record_conduct,
    "record_conclusion": record_conclusion,
    "record_remediation": record_remediation,
    "record_assessment": record_assessment,
    "remind_remediation": remind_remediation,
}
