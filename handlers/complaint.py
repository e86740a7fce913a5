"""Handlers of complaints and denunciations about decisions on an official's post
(docs/processes/complaint_post_decision.md).

Besides filing documents and telling the petitioner, these handlers keep the one legal
deadline of the resolution: it runs from acceptance (Law on Complaints 2011, Arts. 28 and
37; Law on Denunciations 2018, Art. 30), not from whichever step is open, so acceptance
writes it once as `resolution_due_at` and the timers of every resolution step read it. An
extension of a denunciation moves it; the second instance starts a new one.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
COMPLAINT, DENUNCIATION, PETITION = "khieu_nai", "to_cao", "kien_nghi"
SECOND_APPEAL = "khieu_nai_lan_hai"

PETITION_TITLES = {COMPLAINT: "Đơn khiếu nại", DENUNCIATION: "Đơn tố cáo",
                   PETITION: "Đơn kiến nghị, phản ánh"}
ROUND_WORDS = {1: "lần đầu", 2: "lần hai"}


def resolution_days(settings: dict, kind: str, *, complex_case: bool, remote: bool,
                    round_: int = 1) -> int:
    """The legal time to resolve, in days from acceptance, as the process settings say."""
    if kind == DENUNCIATION:
        return int(settings["denunciation_days"])
    if kind == PETITION:
        return int(settings["petition_days"])
    instance = "first" if round_ == 1 else "second"
    key = f"complaint_{instance}{'_remote' if remote else ''}{'_complex' if complex_case else ''}_days"
    return int(settings[key])


def local_day(moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone(LOCAL_TZ).strftime("%d/%m/%Y")


def _start_deadline(ctx, days: int) -> None:
    now = ctx.now()
    ctx.values.update(accepted_at=now.isoformat(), resolution_days=days,
                      resolution_due_at=(now + timedelta(days=days)).isoformat())


def _tell_petitioner(ctx, message: str) -> None:
    ctx.notify(message, username=ctx.case.get("requested_by"))


def open_petition(ctx) -> None:
    """The petition is filed: who filed it, and the counters the gateways read."""
    v = ctx.values
    if not v.get("requester_agency"):
        v["requester_agency"] = ctx.agency
    v.update(requested_by=ctx.username, received_at=ctx.now().isoformat(),
             complaint_round=1, extensions_used=0)
    if ctx.user_has_role("intake_officer") and ctx.agency == v.get("competent_agency"):
        v["file_holder"] = ctx.username
    kind = v.get("petition_kind")
    ctx.add_file_entry("don", PETITION_TITLES.get(kind, "Đơn"),
                       {"petition_kind": kind, "post_decision_type": v.get("post_decision_type"),
                        "contested_decision": v.get("contested_decision"),
                        "petition_content": v.get("petition_content")})
    if v.get("minutes"):
        ctx.add_file_entry("bien_ban", "Biên bản ghi lại nội dung trình bày trực tiếp",
                           {"minutes": v["minutes"]})


def record_petition_acceptance(ctx) -> None:
    """Acceptance or refusal, always in writing; acceptance starts the legal deadline."""
    v, case = ctx.values, ctx.case
    if not case.get("file_holder"):
        v["file_holder"] = ctx.username
    if not v.get("accepted"):
        ctx.add_file_entry("thong_bao_khong_thu_ly", "Thông báo không thụ lý",
                           {"reasons": v.get("refusal_reasons"), "number": v.get("acceptance_number")})
        _tell_petitioner(ctx, f"Đơn {ctx.case_number} không được thụ lý. Lý do: {v.get('refusal_reasons')}")
        return
    days = resolution_days(case.get("settings", {}), case.get("petition_kind"),
                           complex_case=bool(v.get("is_complex")), remote=bool(v.get("remote_area")))
    _start_deadline(ctx, days)
    due = local_day(v["resolution_due_at"])
    ctx.add_file_entry("thong_bao_thu_ly", "Thông báo thụ lý giải quyết",
                       {"number": v.get("acceptance_number"), "days": days, "due": due,
                        "is_complex": v.get("is_complex"), "remote_area": v.get("remote_area")})
    _tell_petitioner(ctx, f"Đơn {ctx.case_number} đã được thụ lý; thời hạn giải quyết {days} ngày, "
                          f"đến ngày {due}.")


def record_petition_verification(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("xac_minh", "Báo cáo kết quả xác minh nội dung đơn",
                       {"finding": v.get("verified_finding"), "findings": v.get("verification_findings"),
                        "proposal": v.get("proposed_resolution"),
                        "round": ctx.case.get("complaint_round")})


def record_dialogue(ctx) -> None:
    v = ctx.values
    if v.get("dialogue_held"):
        ctx.add_file_entry("bien_ban_doi_thoai", "Biên bản đối thoại",
                           {"minutes": v.get("dialogue_minutes"), "round": ctx.case.get("complaint_round")})
    else:
        ctx.add_file_entry("khong_doi_thoai", "Lý do không tổ chức đối thoại",
                           {"reason": v.get("dialogue_skip_reason")})


def record_complaint_decision(ctx) -> None:
    v, case = ctx.values, ctx.case
    round_ = case.get("complaint_round") or 1
    ctx.add_file_entry("quyet_dinh_giai_quyet", f"Quyết định giải quyết khiếu nại {ROUND_WORDS[round_]}",
                       {"round": round_, "finding": v.get("complaint_finding"),
                        "action": v.get("decision_action"), "content": v.get("resolution_content"),
                        "number": v.get("resolution_number")})
    message = f"Đã có quyết định giải quyết khiếu nại {ROUND_WORDS[round_]} đối với đơn {ctx.case_number}."
    if round_ == 1:
        settings = case.get("settings", {})
        window = settings.get("appeal_window_remote_days" if case.get("remote_area") else "appeal_window_days")
        message += f" Nếu không đồng ý, người khiếu nại có quyền khiếu nại lần hai trong thời hạn {window} ngày."
    _tell_petitioner(ctx, message)


def record_denunciation_conclusion(ctx) -> None:
    """A conclusion, or a written extension that moves the deadline (Art. 30)."""
    v, case = ctx.values, ctx.case
    if v.get("denunciation_outcome") == "gia_han":
        used = (case.get("extensions_used") or 0) + 1
        due = datetime.fromisoformat(case["resolution_due_at"]) + timedelta(days=v["extension_days"])
        v.update(extensions_used=used, resolution_due_at=due.isoformat(),
                 denunciation_complexity=v.get("extension_complexity"))
        ctx.add_file_entry("quyet_dinh_gia_han", f"Quyết định gia hạn giải quyết tố cáo (lần {used})",
                           {"days": v.get("extension_days"), "complexity": v.get("extension_complexity"),
                            "reasons": v.get("extension_reasons"), "due": local_day(v["resolution_due_at"])})
        _tell_petitioner(ctx, f"Thời hạn giải quyết tố cáo {ctx.case_number} được gia hạn đến ngày "
                              f"{local_day(v['resolution_due_at'])}.")
        return
    ctx.add_file_entry("ket_luan_to_cao", "Kết luận nội dung tố cáo",
                       {"finding": v.get("denunciation_finding"), "content": v.get("conclusion_content"),
                        "handling": v.get("violation_handling")})
    _tell_petitioner(ctx, f"Đã có kết luận nội dung tố cáo {ctx.case_number}.")


def record_petition_answer(ctx) -> None:
    v = ctx.values
    ctx.add_file_entry("tra_loi_kien_nghi", "Văn bản trả lời kiến nghị, phản ánh",
                       {"content": v.get("answer_content"), "measures": v.get("answer_measures")})
    _tell_petitioner(ctx, f"Đã có văn bản trả lời kiến nghị, phản ánh {ctx.case_number}.")


def record_appeal(ctx) -> None:
    v = ctx.values
    if v.get("appeal_choice") == SECOND_APPEAL:
        ctx.add_file_entry("don_khieu_nai_lan_hai", "Đơn khiếu nại lần hai",
                           {"to": v.get("appeal_agency"), "reasons": v.get("appeal_reasons")})
        ctx.notify(f"Khiếu nại lần hai theo hồ sơ {ctx.case_number} cần được xem xét thụ lý.",
                   agency=v.get("appeal_agency"), role="intake_officer")
    else:
        ctx.add_file_entry("dong_y_quyet_dinh", "Người khiếu nại đồng ý với quyết định giải quyết lần đầu")


def record_appeal_acceptance(ctx) -> None:
    """The second instance takes the case over: it becomes the competent agency."""
    v, case = ctx.values, ctx.case
    if not v.get("appeal_accepted"):
        ctx.add_file_entry("thong_bao_khong_thu_ly_lan_hai", "Thông báo không thụ lý khiếu nại lần hai",
                           {"reasons": v.get("appeal_refusal_reasons")})
        _tell_petitioner(ctx, f"Khiếu nại lần hai theo hồ sơ {ctx.case_number} không được thụ lý. "
                              f"Lý do: {v.get('appeal_refusal_reasons')}")
        return
    days = resolution_days(case.get("settings", {}), COMPLAINT, complex_case=bool(v.get("appeal_is_complex")),
                           remote=bool(case.get("remote_area")), round_=2)
    v.update(first_instance_agency=case.get("competent_agency"), competent_agency=case.get("appeal_agency"),
             complaint_round=2, file_holder=ctx.username)
    _start_deadline(ctx, days)
    due = local_day(v["resolution_due_at"])
    ctx.add_file_entry("thong_bao_thu_ly_lan_hai", "Thông báo thụ lý giải quyết khiếu nại lần hai",
                       {"days": days, "due": due, "is_complex": v.get("appeal_is_complex")})
    _tell_petitioner(ctx, f"Khiếu nại lần hai theo hồ sơ {ctx.case_number} đã được thụ lý; thời hạn giải "
                          f"quyết {days} ngày, đến ngày {due}.")


def record_petition_enforcement(ctx) -> None:
    v, case = ctx.values, ctx.case
    if case.get("petition_kind") == COMPLAINT and (case.get("complaint_round") or 1) == 1 \
            and not case.get("appeal_choice"):
        ctx.add_file_entry("quyet_dinh_co_hieu_luc", "Quyết định giải quyết lần đầu có hiệu lực pháp luật",
                           {"reason": "Người khiếu nại không khiếu nại lần hai trong thời hạn."})
    ctx.add_file_entry("thi_hanh", "Kết quả tổ chức thi hành",
                       {"result": v.get("enforcement_result"), "remedy": v.get("remedy_measures")})
    _tell_petitioner(ctx, f"Kết quả giải quyết đơn {ctx.case_number}: {v.get('enforcement_result')}")
    ctx.add_file_entry("thong_bao_ket_qua", "Thông báo kết quả giải quyết cho người gửi đơn")


HANDLERS = {
    "open_petition": open_petition,
    "record_petition_acceptance": record_petition_acceptance,
    "record_petition_verification": record_petition_verification,
    "record_dialogue": record_dialogue,
    "record_complaint_decision": record_complaint_decision,
    "record_denunciation_conclusion": record_denunciation_conclusion,
    "record_petition_answer": record_petition_answer,
    "record_appeal": record_appeal,
    "record_appeal_acceptance": record_appeal_acceptance,
    "record_petition_enforcement": record_petition_enforcement,
}
