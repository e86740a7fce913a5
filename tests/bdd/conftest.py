"""Step definitions of the protection-request features (features/bao_ve_*.feature).

Every step drives the real application through its HTTP API (the `api` fixture logs in
the demo users `<role>.<agency>`); the protection file and the notices are read from the
database, and time moves only through the application clock. State between steps lives
in the `ctx` dict: the request being prepared, the case, the last answer.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pytest_bdd import given, parsers, then, when

from workflow_app import clock
from workflow_app.services import timers

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data
from . import helpers as h


def P(text: str):
    return parsers.parse(text, extra_types=h.TYPES)


def pytest_configure(config):
    for point in h.SEED_POINTS:
        config.addinivalue_line("markers", f"{point}: scenario carrying seed point {point} (shared/DOMAIN.md)")


def pytest_bdd_apply_tag(tag, function):
    """A seed-point tag must name a real point: a typo would break the traceability matrix."""
    if tag.startswith(("CT-", "KH-")) and tag not in h.SEED_POINTS:
        raise pytest.UsageError(f"@{tag} is not a seed point id of shared/DOMAIN.md")
    return None


@pytest.fixture
def ctx() -> dict:
    return {}


# -- the request -------------------------------------------------------------------------------
@given(P('{chuc_danh} "{ho_ten}" của {co_quan:CoQuan} bị {mo_ta}'))
def threatened_official(ctx, chuc_danh, ho_ten, co_quan, mo_ta):
    position = chuc_danh[:1].upper() + chuc_danh[1:]
    ctx["request"] = request_data(
        threat_types=[h.threat_code(mo_ta)], threat_description=f"{position} bị {mo_ta}.",
        protected_persons=[{"full_name": ho_ten, "relation": "ban_than", "position": position,
                            "id_number": "001080012345", "phone": "0912345678",
                            "residence": "Số 12 đường Lê Lợi, thành phố tỉnh",
                            "workplace": next(n for n, c in h.AGENCIES.items() if c == co_quan)}])


@given(P('{quan_he} của {chuc_danh} là "{ho_ten}" cũng bị đe dọa'))
def threatened_relative(ctx, quan_he, chuc_danh, ho_ten):
    ctx["request"]["protected_persons"].append(
        {"full_name": ho_ten, "relation": h.RELATIONS[quan_he], "phone": "0987654321",
         "residence": "Số 12 đường Lê Lợi, thành phố tỉnh"})


@given(P("nội dung cần bảo vệ là {noi_dung}"))
def protected_content(ctx, noi_dung):
    ctx["request"]["protected_content"] = [h.PROTECTED_CONTENT[noi_dung]]


@given(P("{co_quan:CoQuan} đã gửi đề nghị áp dụng biện pháp bảo vệ cho {tham_quyen:CoQuan}"))
@when(P("{co_quan:CoQuan} gửi đề nghị áp dụng biện pháp bảo vệ cho {tham_quyen:CoQuan}"))
def file_request(api, ctx, co_quan, tham_quyen):
    request = h.request_for(ctx, competent_agency=tham_quyen)
    h.start_case(api, ctx, h.username("requester", co_quan), request)


@when(P("{co_quan:CoQuan} gửi đề nghị khẩn cấp bằng văn bản cho {tham_quyen:CoQuan}"))
def file_emergency_in_writing(api, ctx, co_quan, tham_quyen):
    request = h.request_for(ctx, competent_agency=tham_quyen, request_kind="khan_cap")
    h.start_case(api, ctx, h.username("requester", co_quan), request)


@when(P("{co_quan:CoQuan} gửi đề nghị thông thường qua điện thoại cho {tham_quyen:CoQuan}"))
def file_ordinary_by_phone(api, ctx, co_quan, tham_quyen):
    request = h.request_for(ctx, competent_agency=tham_quyen, channel="dien_thoai", minutes="Ghi nhận cuộc gọi.")
    h.start_case(api, ctx, h.username("requester", co_quan), request, ok=False)


@when(P('{can_bo:CanBo} ghi nhận đề nghị khẩn cấp qua điện thoại của {co_quan:CoQuan} vào biên bản "{bien_ban}"'))
def record_phone_emergency(api, ctx, can_bo, co_quan, bien_ban):
    request = h.request_for(ctx, request_kind="khan_cap", channel="dien_thoai", minutes=bien_ban,
                            requester_agency=co_quan, competent_agency=h.agency_of(can_bo))
    h.start_case(api, ctx, can_bo, request)


@when(P("{can_bo:CanBo} ghi nhận đề nghị khẩn cấp qua điện thoại của {co_quan:CoQuan} mà không lập biên bản"))
def record_phone_emergency_without_minutes(api, ctx, can_bo, co_quan):
    request = h.request_for(ctx, request_kind="khan_cap", channel="dien_thoai",
                            requester_agency=co_quan, competent_agency=h.agency_of(can_bo))
    h.start_case(api, ctx, can_bo, request, ok=False)


# -- intake, verification -----------------------------------------------------------------------
@given(P("{can_bo:CanBo} đã tiếp nhận đề nghị, hồ sơ đầy đủ"))
@when(P("{can_bo:CanBo} tiếp nhận đề nghị, hồ sơ đầy đủ"))
def intake_complete(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "intake", INTAKE_OK)


@when(P('{can_bo:CanBo} tiếp nhận đề nghị, hồ sơ còn thiếu "{thieu}"'))
def intake_incomplete(api, ctx, can_bo, thieu):
    h.act(api, ctx, can_bo, "intake", {"intake_complete": False, "missing_items": thieu})


@when(P("{can_bo:CanBo} chuyển đề nghị đến {co_quan:CoQuan} vì không thuộc thẩm quyền"))
def reroute(api, ctx, can_bo, co_quan):
    h.act(api, ctx, can_bo, "intake", {"intake_complete": True, "competent_agency": co_quan,
                                       "intake_note": "Không thuộc thẩm quyền, chuyển cơ quan có thẩm quyền."})


@when(P('{can_bo:CanBo} bổ sung hồ sơ "{noi_dung}"'))
def supplement(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "supplement", {"supplement_note": noi_dung})


@given(P("đề nghị đã được {co_quan:CoQuan} tiếp nhận và xác minh có căn cứ"))
def intake_and_verify(api, ctx, co_quan):
    h.act(api, ctx, h.username("intake_officer", co_quan), "intake", INTAKE_OK)
    h.act(api, ctx, h.username("verifier", co_quan), "verify", VERIFY_OK)


@when(P('{can_bo:CanBo} xác minh có căn cứ, mức độ nguy hiểm "{muc_do}"'))
def verify_grounded(api, ctx, can_bo, muc_do):
    h.act(api, ctx, can_bo, "verify", {**VERIFY_OK, "danger_level": h.DANGER_LEVELS[muc_do]})


@when(P('{can_bo:CanBo} xác minh không có căn cứ, mức độ nguy hiểm "{muc_do}"'))
def verify_groundless(api, ctx, can_bo, muc_do):
    h.act(api, ctx, can_bo, "verify", {"grounds_confirmed": False, "authenticity": "khong_xac_thuc",
                                       "danger_level": h.DANGER_LEVELS[muc_do],
                                       "verification_findings": "Không xác định được hành vi đe dọa."})


@given(P('hồ sơ đã đến bước "{ten}"'))
def drive_to(api, ctx, ten):
    h.drive_to(api, ctx, ten)


# -- decision ------------------------------------------------------------------------------------
@given(P("{can_bo:CanBo} đã quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}"))
@when(P("{can_bo:CanBo} quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}"))
def decide_apply(api, ctx, can_bo, bien_phap, ngay):
    h.decide(api, ctx, can_bo, bien_phap, ngay)


@given(P("{can_bo:CanBo} đã quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}, "
         "vụ việc phức tạp cần phối hợp với {co_quan:CacCoQuan}"))
@when(P("{can_bo:CanBo} quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}, "
        "vụ việc phức tạp cần phối hợp với {co_quan:CacCoQuan}"))
def decide_complex(api, ctx, can_bo, bien_phap, ngay, co_quan):
    h.decide(api, ctx, can_bo, bien_phap, ngay, is_complex=True, cooperating_agencies=co_quan)


@when(P("{can_bo:CanBo} quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}, "
        "vụ việc phức tạp nhưng chọn chính {co_quan:CoQuan} làm cơ quan phối hợp"))
def decide_complex_with_lead_as_partner(api, ctx, can_bo, bien_phap, ngay, co_quan):
    h.decide(api, ctx, can_bo, bien_phap, ngay, ok=False, is_complex=True, cooperating_agencies=[co_quan])


@when(P("{can_bo:CanBo} tìm cách quyết định áp dụng biện pháp {bien_phap:CacMuc} từ {ngay:Ngay}"))
def decide_without_authority(api, ctx, can_bo, bien_phap, ngay):
    task = next(t for t in h.case_view(api, ctx, can_bo)["active_tasks"] if t["element_id"] == "decide")
    ctx["response"] = api.post(can_bo, f"/tasks/{task['id']}/complete", json={
        "data": decision_apply(ngay, measures=h.measure_codes(bien_phap))})


@when(P('{can_bo:CanBo} quyết định từ chối áp dụng với lý do "{ly_do}"'))
def refuse(api, ctx, can_bo, ly_do):
    h.act(api, ctx, can_bo, "decide", {"decision_outcome": "tu_choi", "decision_reasons": ly_do})


@when(P("{can_bo:CanBo} quyết định từ chối áp dụng mà không nêu lý do"))
def refuse_without_reasons(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "decide", {"decision_outcome": "tu_choi"}, ok=False)


# -- coordination ----------------------------------------------------------------------------------
@when(P('{can_bo:CanBo} xây dựng phương án bảo vệ "{noi_dung}"'))
def draft_plan(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "draft_plan", {"plan_summary": noi_dung, "plan_report_by": h.local_date(7)})


@when(P('{can_bo:CanBo} xác nhận phần việc phối hợp, bố trí "{luc_luong}"'))
def confirm_part(api, ctx, can_bo, luc_luong):
    h.act(api, ctx, can_bo, "confirm_part", {"part_accepted": True, "assigned_forces": luc_luong})


@when(P('{can_bo:CanBo} tổng hợp kết quả phối hợp "{noi_dung}"'))
def consolidate(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "consolidate", {"coordination_summary": noi_dung})


# -- execution, review, termination -------------------------------------------------------------
@when(P('{can_bo:CanBo} báo cáo kết quả thực hiện "{noi_dung}", tình hình {tinh_hinh}, kiến nghị {kien_nghi}'))
def report(api, ctx, can_bo, noi_dung, tinh_hinh, kien_nghi):
    h.act(api, ctx, can_bo, "execute", {"report_summary": noi_dung, "situation": h.SITUATIONS[tinh_hinh],
                                        "recommendation": h.REVIEW_ACTIONS[kien_nghi]})


@when(P("{can_bo:CanBo} xem xét, quyết định {hanh_dong} biện pháp bảo vệ theo {can_cu}"))
def review(api, ctx, can_bo, hanh_dong, can_cu):
    h.act(api, ctx, can_bo, "review", {"review_action": h.REVIEW_ACTIONS[hanh_dong],
                                       "review_basis": h.REVIEW_BASES[can_cu]})


@when(P('{can_bo:CanBo} ra quyết định chấm dứt biện pháp bảo vệ từ {ngay:Ngay} vì "{ly_do}"'))
def terminate(api, ctx, can_bo, ngay, ly_do):
    h.act(api, ctx, can_bo, "terminate", {"termination_reasons": ly_do, "termination_date": ngay})


# -- deadlines ----------------------------------------------------------------------------------------
@when(P("đồng hồ hệ thống chuyển thêm {thoi_gian:ThoiHan}"))
def move_clock(api, thoi_gian):
    clock.advance(thoi_gian)
    api.tokens.clear()              # tokens expire by the same clock: log in again


@when("hệ thống xử lý các thời hạn đã đến")
def fire_timers():
    timers.fire_due()


@when(P('{can_bo:CanBo} chỉ đạo xử lý việc quá hạn "{chi_dao}"'))
def instruct(api, ctx, can_bo, chi_dao):
    element = next(t["element_id"] for t in h.inbox(api, can_bo, ctx["case_id"])
                   if t["name"] == "Đôn đốc xử lý quá hạn")
    h.act(api, ctx, can_bo, element, {"instruction": chi_dao})


# -- confidentiality ----------------------------------------------------------------------------------
@when(P('{can_bo:CanBo} xem thông tin bảo mật "{truong}" của hồ sơ với lý do "{ly_do}"'))
def reveal(api, ctx, can_bo, truong, ly_do):
    ctx["response"] = api.post(can_bo, f"/process-instances/{ctx['case_id']}/reveal",
                               json={"fields": [f.strip() for f in truong.split(",")], "reason": ly_do})


@when(P('{can_bo:CanBo} xem thông tin bảo mật "{truong}" của hồ sơ mà không nêu lý do'))
def reveal_without_reason(api, ctx, can_bo, truong):
    ctx["response"] = api.post(can_bo, f"/process-instances/{ctx['case_id']}/reveal",
                               json={"fields": [f.strip() for f in truong.split(",")]})


# -- outcomes -----------------------------------------------------------------------------------------
@then(P('{can_bo:CanBo} có nhiệm vụ "{ten}" trong hộp việc'))
@then(P('{can_bo:CanBo} vẫn có nhiệm vụ "{ten}" trong hộp việc'))
def has_task(api, ctx, can_bo, ten):
    names = [t["name"] for t in h.inbox(api, can_bo, ctx["case_id"])]
    assert ten in names, f"{can_bo} has {names}"


@then(P('{can_bo:CanBo} có nhiệm vụ "{ten}" trong hộp việc với hạn xử lý {han:ThoiHan}'))
def has_task_due(api, ctx, can_bo, ten, han):
    task = next((t for t in h.inbox(api, can_bo, ctx["case_id"]) if t["name"] == ten), None)
    assert task is not None and task["due_at"], task
    late_by = datetime.fromisoformat(task["due_at"]) - (ctx["started_at"] + han)
    assert abs(late_by) < timedelta(minutes=1), task["due_at"]


@then(P('{can_bo:CanBo} không có nhiệm vụ "{ten}" trong hộp việc'))
def has_no_task(api, ctx, can_bo, ten):
    assert ten not in [t["name"] for t in h.inbox(api, can_bo, ctx["case_id"])]


@then(P('{can_bo:CanBo} thấy nhiệm vụ "{ten}" trong danh sách quá hạn'))
def sees_overdue(api, ctx, can_bo, ten):
    names = [t["name"] for t in h.inbox(api, can_bo, ctx["case_id"], overdue=True)]
    assert ten in names, f"overdue for {can_bo}: {names}"


@then(P("hồ sơ {trang_thai:TrangThai}"))
def case_status(api, ctx, trang_thai):
    assert h.case_view(api, ctx)["status"] == trang_thai


@given(P("{can_bo:CanBo} xem được hồ sơ"))
@then(P("{can_bo:CanBo} xem được hồ sơ"))
def can_see(api, ctx, can_bo):
    assert api.get(can_bo, f"/process-instances/{ctx['case_id']}").status_code == 200


@given(P("{can_bo:CanBo} không tìm thấy hồ sơ"))
@then(P("{can_bo:CanBo} không tìm thấy hồ sơ"))
def cannot_see(api, ctx, can_bo):
    assert api.get(can_bo, f"/process-instances/{ctx['case_id']}").status_code == 404
    assert api.get(can_bo, f"/process-instances/{ctx['case_id']}/history").status_code == 404


@then(P("hồ sơ bảo vệ có {muc:MucHoSo}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the protection file"


@then(P("hồ sơ bảo vệ có {so:d} {muc:MucHoSo}"))
def file_has_count(ctx, so, muc):
    assert len(h.file_entries(ctx["case_id"], muc)) == so


@then(P("văn bản đề nghị trong hồ sơ bảo vệ ghi nhận hành vi {mo_ta} và nội dung {noi_dung}"))
def request_on_file(api, ctx, mo_ta, noi_dung):
    request = h.file_entries(ctx["case_id"], "de_nghi")[0].content
    assert request["threat_types"] == [h.threat_code(mo_ta)] and mo_ta in request["threat_description"]
    assert h.case_view(api, ctx)["data"]["protected_content"] == [h.PROTECTED_CONTENT[noi_dung]]


@then(P('{can_bo:CanBo} nhận được thông báo có nội dung "{noi_dung}"'))
def notified(ctx, can_bo, noi_dung):
    notices = h.notices_for(can_bo, ctx["case_id"])
    assert any(noi_dung in n for n in notices), f"{can_bo} got {notices}"


@then(P("quyết định trong hồ sơ bảo vệ áp dụng biện pháp {bien_phap:CacMuc} cho {so:d} người được bảo vệ từ {ngay:Ngay}"))
def decision_on_file(ctx, bien_phap, so, ngay):
    decision = h.file_entries(ctx["case_id"], "quyet_dinh_ap_dung")[-1].content
    assert decision["measures"] == h.measure_codes(bien_phap)
    assert len(decision["covered_persons"]) == so and decision["from"] == ngay


@then(P("biện pháp bảo vệ đang áp dụng là {bien_phap:CacMuc}"))
def measures_active(api, ctx, bien_phap):
    assert h.case_view(api, ctx)["data"]["measures_active"] == h.measure_codes(bien_phap)


@then("hồ sơ không còn biện pháp bảo vệ nào đang áp dụng")
def no_measures_active(api, ctx):
    assert h.case_view(api, ctx)["data"]["measures_active"] == []


@then(P('lịch sử hồ sơ ghi nhận sự kiện "{loai}" tại "{phan_tu}"'))
@then(P('{can_bo:CanBo} thấy trong lịch sử hồ sơ sự kiện "{loai}" tại "{phan_tu}"'))
def history_has(api, ctx, loai, phan_tu, can_bo=None):
    events = [(e["type"], e["element_name"]) for e in h.case_history(api, ctx, can_bo)]
    assert (loai, phan_tu) in events, events


@then(P('lịch sử hồ sơ chưa có sự kiện "{loai}"'))
def history_lacks(api, ctx, loai):
    assert loai not in [e["type"] for e in h.case_history(api, ctx)]


@then(P('lịch sử hồ sơ ghi nhận {can_bo:CanBo} đã xem thông tin bảo mật với lý do "{ly_do}"'))
def reveal_audited(api, ctx, can_bo, ly_do):
    reveals = [e for e in h.case_history(api, ctx) if e["type"] == "data_revealed"]
    assert any(e["actor"]["username"] == can_bo and e["data"]["reason"] == ly_do for e in reveals), reveals


@then(P("{can_bo:CanBo} thấy hồ sơ nhưng thông tin người được bảo vệ bị che"))
def sees_masked(api, ctx, can_bo):
    response = api.get(can_bo, f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200
    for person in response.get_json()["data"]["protected_persons"]:
        assert {person[f] for f in ("full_name", "relation", "phone", "residence")} == {"••••••"}, person
    for person in ctx["request"]["protected_persons"]:
        assert person["full_name"] not in response.get_data(as_text=True)


@then(P('thông tin được hiển thị gồm "{gia_tri}"'))
def revealed(ctx, gia_tri):
    assert ctx["response"].status_code == 200, ctx["response"].get_json()
    assert gia_tri in ctx["response"].get_json()["values"].values()


@then(P('cơ sở dữ liệu không lưu "{gia_tri}" ở dạng rõ trong dữ liệu và lịch sử hồ sơ'))
def not_stored_in_clear(ctx, gia_tri):
    assert gia_tri not in h.stored_text(ctx["case_id"])


@then(P('hệ thống từ chối với mã {ma:d} và thông báo "{thong_bao}"'))
def refused(ctx, ma, thong_bao):
    body = ctx["response"].get_json()
    assert ctx["response"].status_code == ma, body
    assert any(thong_bao in m for m in h.messages_of(body)), body
