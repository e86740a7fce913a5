"""Handlers of rollout and periodic review (docs/processes/periodic_review.md).

The units' reports are gathered in the case data (`reports_by_agency`); when the last
expected one arrives (all responsible units, or all units asked to supplement), the handler
writes the draft of the consolidated report, with the figures the system computes for the
round's period, into the case data the report form starts from (`consolidated_report`,
`report_figures`). A handler runs when its own task completes, so the draft is written by
the step before the report, never by the report itself.
"""
from __future__ import annotations

from datetime import date

from forms.choices import THREAT_TYPES
from forms.periodic_review import REVIEW_KINDS

KIND_TITLES = dict(REVIEW_KINDS.pairs)
THREAT_TITLES = dict(THREAT_TYPES.pairs)


def open_review_round(ctx) -> None:
    v = ctx.values
    v["monitor_agency"] = ctx.agency
    v["report_days"] = v.get("report_days")          # the timers read it: always set, None = default
    v["reports_by_agency"] = {}
    v["reported_agencies"] = []
    v["supplement_agencies"] = []
    title = KIND_TITLES.get(v.get("review_kind"), "")
    ctx.add_file_entry("van_ban_trien_khai", f"Văn bản giao nhiệm vụ {title.lower()}",
                       {"kind": v.get("review_kind"), "from": v.get("period_start"), "to": v.get("period_end"),
                        "units": v.get("responsible_agencies"), "directive": v.get("directive")})
    for agency in v.get("responsible_agencies") or []:
        ctx.notify(f"{title} thực hiện Quy định 183-QĐ/TW ({ctx.case_number}): {v.get('directive')}",
                   agency=agency, role="coordinator")


def record_unit_report(ctx) -> None:
    """One unit's report: its item of `unit_reports`, and its entry of `reports_by_agency`."""
    v, case = ctx.values, ctx.case
    report = {"agency": ctx.agency, "programme": v.get("programme"), "results": v.get("results"),
              "dissemination_sessions": v.get("dissemination_sessions"), "participants": v.get("participants"),
              "limitations": v.get("limitations"), "proposals": v.get("proposals"), "by": ctx.username}
    v["unit_report"] = report
    reports = {**(case.get("reports_by_agency") or {}), ctx.agency: report}
    v["reports_by_agency"] = reports
    v["reported_agencies"] = sorted(reports)
    ctx.add_file_entry("bao_cao_don_vi", f"Báo cáo kết quả thực hiện của {ctx.agency}", report)
    if set(case.get("responsible_agencies") or []) <= set(reports):
        prefill(ctx, reports)


def record_consolidated_report(ctx) -> None:
    v, case = ctx.values, ctx.case
    if v.get("compile_action") == "yeu_cau_bo_sung":
        v["supplements"] = []             # the supplement round's collection starts empty
        v["supplements_received"] = []
        ctx.add_file_entry("yeu_cau_bo_sung", "Yêu cầu bổ sung báo cáo",
                           {"units": v.get("supplement_agencies"), "request": v.get("supplement_request")})
        for agency in v.get("supplement_agencies") or []:
            ctx.notify(f"Yêu cầu bổ sung báo cáo ({ctx.case_number}): {v.get('supplement_request')}",
                       agency=agency, role="coordinator")
        return
    ctx.add_file_entry("bao_cao_tong_hop", "Báo cáo tổng hợp gửi Ban Thường vụ Tỉnh ủy",
                       {"kind": case.get("review_kind"), "from": case.get("period_start"),
                        "to": case.get("period_end"), "number": v.get("report_number"),
                        "report": v.get("consolidated_report"), "figures": case.get("report_figures"),
                        "units": sorted(case.get("reports_by_agency") or {})})


def record_report_supplement(ctx) -> None:
    v, case = ctx.values, ctx.case
    v["supplement"] = {"agency": ctx.agency, "content": v.get("supplement_content"), "by": ctx.username}
    reports = dict(case.get("reports_by_agency") or {})
    unit = dict(reports.get(ctx.agency) or {"agency": ctx.agency})
    unit["supplements"] = [*(unit.get("supplements") or []), v.get("supplement_content")]
    reports[ctx.agency] = unit
    v["reports_by_agency"] = reports
    received = sorted({*(case.get("supplements_received") or []), ctx.agency})
    v["supplements_received"] = received
    ctx.add_file_entry("bao_cao_bo_sung", f"Báo cáo bổ sung của {ctx.agency}", v["supplement"])
    if set(case.get("supplement_agencies") or []) <= set(received):
        prefill(ctx, reports)


def remind_late_units(ctx) -> None:
    late = late_units(ctx.case)
    ctx.add_file_entry("nhac_bao_cao", "Nhắc đơn vị chậm báo cáo",
                       {"units": late, "instruction": ctx.values.get("instruction")})
    for agency in late:
        ctx.notify(f"Đề nghị khẩn trương gửi báo cáo ({ctx.case_number}): {ctx.values.get('instruction')}",
                   agency=agency, role="coordinator")


def escalate_late_units(ctx) -> None:
    """Late units are reported to the Standing Committee; their heads are told to act."""
    late = late_units(ctx.case)
    ctx.add_file_entry("bao_cao_cham", "Báo cáo Thường trực Tỉnh ủy về đơn vị chậm báo cáo",
                       {"units": late, "instruction": ctx.values.get("instruction")})
    for agency in late:
        ctx.notify(f"Đơn vị chưa gửi báo cáo quá hạn ({ctx.case_number}), đã báo cáo Thường trực Tỉnh ủy: "
                   f"{ctx.values.get('instruction')}", agency=agency, role="leader")


def late_units(case: dict) -> list[str]:
    reported = set(case.get("reported_agencies") or [])
    return [a for a in case.get("responsible_agencies") or [] if a not in reported]


def prefill(ctx, reports: dict) -> None:
    """The figures of the round's period and the draft report, for the report form to start from."""
    case = ctx.case
    figures = ctx.statistics(date.fromisoformat(case["period_start"]), date.fromisoformat(case["period_end"]))
    ctx.values["report_figures"] = figures
    ctx.values["consolidated_report"] = draft(case, figures, reports)
    ctx.add_file_entry("so_lieu_thong_ke", "Số liệu thống kê do hệ thống tổng hợp", figures)


def draft(case: dict, figures: dict, reports: dict) -> str:
    """The consolidated report as the monitor first sees it; they edit it before sending."""
    requests, times, deadlines = figures["requests"], figures["time_to_decision_hours"], figures["deadlines"]
    measures = ", ".join(f"{code}: {n}" for code, n in figures["measures_applied"].items() if n) or "không có"
    threats = ", ".join(f"{THREAT_TITLES.get(code, code).lower()}: {n}"
                        for code, n in figures["threats"].items() if n) or "không có"
    complaints = figures["complaints"]
    rate = deadlines["on_time_rate"]
    lines = [
        f"BÁO CÁO {KIND_TITLES.get(case.get('review_kind'), '').upper()} THỰC HIỆN QUY ĐỊNH 183-QĐ/TW",
        f"Kỳ báo cáo: từ {_vn(case['period_start'])} đến {_vn(case['period_end'])}.",
        "I. SỐ LIỆU DO HỆ THỐNG TỔNG HỢP",
        f"1. Tiếp nhận {requests['received']} đề nghị áp dụng biện pháp bảo vệ ({requests['emergency']} khẩn cấp); "
        f"đã quyết định {requests['decided']} đề nghị: áp dụng {requests['applied']}, từ chối {requests['refused']}.",
        f"2. Biện pháp bảo vệ đã áp dụng (số hồ sơ): {measures}.",
        "3. Thời gian từ khi nhận đề nghị đến khi quyết định: "
        + (f"trung vị {times['median']} giờ, 90% hồ sơ trong {times['p90']} giờ." if times["cases"]
           else "chưa có hồ sơ được quyết định trong kỳ."),
        f"4. Nhiệm vụ có thời hạn đã hoàn thành: {deadlines['tasks_with_deadline']}, đúng hạn {deadlines['on_time']}, "
        f"quá hạn {deadlines['late']}" + (f" (tỷ lệ đúng hạn {round(rate * 100, 1)}%)." if rate is not None else "."),
        f"5. Hành vi xâm phạm được đề nghị bảo vệ: {threats}.",
        f"6. Khiếu nại, tố cáo, kiến nghị liên quan đến vị trí công tác: tiếp nhận {complaints['received']}.",
        "II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ",
    ]
    for agency in sorted(reports):
        report = reports[agency]
        lines.append(f"- {agency}: {report.get('results') or ''}".rstrip())
        for extra in report.get("supplements") or []:
            lines.append(f"  Bổ sung: {extra}")
    sessions = sum(int(r.get("dissemination_sessions") or 0) for r in reports.values())
    people = sum(int(r.get("participants") or 0) for r in reports.values())
    lines.append(f"Tổng số hội nghị, buổi quán triệt, tuyên truyền: {sessions}; lượt cán bộ, đảng viên: {people}.")
    return "\n".join(lines)


def _vn(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


HANDLERS = {
    "open_review_round": open_review_round,
    "record_unit_report": record_unit_report,
    "record_consolidated_report": record_consolidated_report,
    "record_report_supplement": record_report_supplement,
    "remind_late_units": remind_late_units,
    "escalate_late_units": escalate_late_units,
}
