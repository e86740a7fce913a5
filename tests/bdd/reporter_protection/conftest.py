"""Step definitions of features/reporter_protection*.feature (protecting and rewarding people
who report violations). The reporter files as the `requester` of their agency ("người tố
giác"), or an intake officer records an urgent request made by phone.
"""
from __future__ import annotations

import json
import re

from parse import with_pattern
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import CaseFileEntry, Notification

from .. import helpers as h

PROCESS = "reporter_protection"
ROLE_WORDS = {**h.ROLES, "người tố giác": "requester"}
SCOPES = {"bí mật thông tin": "bi_mat_thong_tin", "vị trí công tác, việc làm": "vi_tri_cong_tac",
          "tính mạng, sức khỏe": "tinh_mang_suc_khoe", "tài sản": "tai_san",
          "danh dự, nhân phẩm": "danh_du_nhan_pham"}
RELATIVES = {"vợ": "vo_chong", "chồng": "vo_chong", "mẹ": "cha_me_de", "cha": "cha_me_de", "con": "con"}
REWARDS = {"giấy khen": "giay_khen", "bằng khen": "bang_khen", "tiền thưởng": "tien_thuong"}
FILE_ENTRIES = {
    "đề nghị bảo vệ": "de_nghi_bao_ve",
    "biên bản ghi nhận đề nghị": "bien_ban",
    "biên bản tiếp nhận, bảo mật thông tin": "tiep_nhan",
    "kết quả xác minh": "xac_minh",
    "quyết định áp dụng biện pháp bảo vệ": "quyet_dinh_bao_ve",
    "thông báo không áp dụng biện pháp bảo vệ": "thong_bao_khong_ap_dung",
    "văn bản yêu cầu bảo vệ vị trí công tác": "yeu_cau_bao_ve_viec_lam",
    "báo cáo thực hiện biện pháp bảo vệ": "bao_cao_bao_ve",
    "tờ trình đề xuất khen thưởng": "de_xuat_khen_thuong",
    "ý kiến không đề xuất khen thưởng": "khong_de_xuat_khen_thuong",
    "quyết định khen thưởng": "quyet_dinh_khen_thuong",
    "văn bản không khen thưởng": "khong_khen_thuong",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
}
ROUTINE_STEPS = ["Tiếp nhận, bảo mật thông tin người tố giác", "Xác minh căn cứ bảo vệ",
                 "Quyết định áp dụng biện pháp bảo vệ", "Thực hiện biện pháp bảo vệ, báo cáo",
                 "Đề xuất khen thưởng", "Quyết định khen thưởng"]
_AGENCY = h._alternatives(h.AGENCIES)


@with_pattern(rf"(?:{h._alternatives(ROLE_WORDS)})(?: của)? (?:{_AGENCY})")
def person_type(text: str) -> str:
    role = next(r for r in sorted(ROLE_WORDS, key=len, reverse=True) if text.lower().startswith(r))
    agency = re.sub(r"^của ", "", text[len(role):].strip())
    return h.username(ROLE_WORDS[role], h.agency_type(agency))


@with_pattern(h._alternatives(FILE_ENTRIES))
def entry_type(text: str) -> str:
    return FILE_ENTRIES[text.lower()]


TYPES = {**h.TYPES, "Nguoi": person_type, "MucToGiac": entry_type}


def P(text: str):
    return parsers.parse(text, extra_types=TYPES)


def act(api, ctx, user, element_id, data, ok=True):
    return h.act(api, ctx, user, element_id, data, ok)


# -- the request -----------------------------------------------------------------------------------
@given(P('{chuc_danh} "{ho_ten}" của {co_quan:CoQuan} đã tố giác hành vi "{hanh_vi}"'))
def reporter(ctx, chuc_danh, ho_ten, co_quan, hanh_vi):
    ctx["reporter"] = {
        "report_kind": "to_giac", "reported_violation": hanh_vi, "related_case": "Vụ án hình sự số 12/2026",
        "reporter_name": ho_ten, "reporter_position": chuc_danh[:1].upper() + chuc_danh[1:],
        "reporter_id_number": "001190054321", "reporter_phone": "0933111222",
        "reporter_residence": "Số 5 ngõ Bình Yên, thành phố tỉnh",
        "reporter_workplace": next(n for n, c in h.AGENCIES.items() if c == co_quan),
        "employer_agency": co_quan, "protection_scope": ["bi_mat_thong_tin"],
        "retaliation_risk": "Bị nhắn tin đe dọa, bị dọa điều chuyển công tác sau khi tố giác.",
    }


@given(P('{quan_he} của người tố giác là "{ho_ten}" cũng cần được bảo vệ'))
def relative(ctx, quan_he, ho_ten):
    ctx["reporter"].setdefault("protected_relatives", []).append(
        {"full_name": ho_ten, "relation": RELATIVES[quan_he], "phone": "0933999888",
         "residence": "Số 5 ngõ Bình Yên, thành phố tỉnh"})


def file_request(api, ctx, user, agency, scope, ok=True, **extra):
    data = {**ctx["reporter"], "competent_agency": agency,
            "protection_scope": [SCOPES[s] for s in scope], **extra}
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": PROCESS, "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
        ctx["case_number"] = ctx["response"].get_json()["case_number"]
    elif ok:
        raise AssertionError(ctx["response"].get_json())


@given(P("{nguoi:Nguoi} đã đề nghị {co_quan:CoQuan} bảo vệ {pham_vi:CacMuc}"))
@when(P("{nguoi:Nguoi} đề nghị {co_quan:CoQuan} bảo vệ {pham_vi:CacMuc}"))
def request_protection(api, ctx, nguoi, co_quan, pham_vi):
    file_request(api, ctx, nguoi, co_quan, pham_vi)


@when(P('{can_bo:Nguoi} ghi nhận đề nghị khẩn cấp qua điện thoại của người tố giác vào biên bản "{bien_ban}"'))
def urgent_by_phone(api, ctx, can_bo, bien_ban):
    file_request(api, ctx, can_bo, h.agency_of(can_bo), ["tính mạng, sức khỏe"], channel="dien_thoai",
                 minutes=bien_ban, requester_agency=h.agency_of(can_bo))


@when(P("{can_bo:Nguoi} ghi nhận đề nghị khẩn cấp qua điện thoại của người tố giác mà không lập biên bản"))
def urgent_by_phone_without_minutes(api, ctx, can_bo):
    file_request(api, ctx, can_bo, h.agency_of(can_bo), ["tính mạng, sức khỏe"], ok=False,
                 channel="dien_thoai")


# -- handling ----------------------------------------------------------------------------------------
@given(P('{can_bo:Nguoi} đã tiếp nhận đề nghị, giữ bí mật bằng "{bien_phap}"'))
@when(P('{can_bo:Nguoi} tiếp nhận đề nghị, giữ bí mật bằng "{bien_phap}"'))
def intake(api, ctx, can_bo, bien_phap):
    act(api, ctx, can_bo, "intake", {"secrecy_measures": bien_phap})


@given(P('{can_bo:Nguoi} đã xác minh có căn cứ bảo vệ, mức độ "{muc_do}"'))
@when(P('{can_bo:Nguoi} xác minh có căn cứ bảo vệ, mức độ "{muc_do}"'))
def verify(api, ctx, can_bo, muc_do):
    act(api, ctx, can_bo, "verify", {"protection_grounds": True, "risk_level": h.DANGER_LEVELS[muc_do],
                                     "verification_findings": "Người tố giác bị nhắn tin đe dọa sau khi tố giác."})


@when(P("{can_bo:Nguoi} xác minh không có căn cứ bảo vệ"))
def verify_groundless(api, ctx, can_bo):
    act(api, ctx, can_bo, "verify", {"protection_grounds": False, "risk_level": "thap",
                                     "verification_findings": "Không có dấu hiệu bị xâm hại do việc tố giác."})


def decide(api, ctx, user, scope, measures, ok=True, **extra):
    data = {"protection_outcome": "ap_dung", "applied_scope": [SCOPES[s] for s in scope],
            "protection_measures": h.measure_codes(measures), "executing_agency": "CA_TINH",
            "protection_decision_number": "07/QĐ-BV"}
    if "vị trí công tác, việc làm" in scope:
        data["employer_instruction"] = "Không điều động, kỷ luật người tố giác vì lý do tố giác."
    data.update(extra)
    return act(api, ctx, user, "decide", data, ok)


@given(P("{can_bo:Nguoi} đã quyết định bảo vệ {pham_vi:CacMuc} bằng biện pháp {bien_phap:CacMuc}"))
@when(P("{can_bo:Nguoi} quyết định bảo vệ {pham_vi:CacMuc} bằng biện pháp {bien_phap:CacMuc}"))
def decide_apply(api, ctx, can_bo, pham_vi, bien_phap):
    decide(api, ctx, can_bo, pham_vi, bien_phap)


@when(P("{can_bo:Nguoi} quyết định bảo vệ {pham_vi:CacMuc} bằng biện pháp {bien_phap:CacMuc} "
        "mà không nêu yêu cầu đối với cơ quan quản lý người tố giác"))
def decide_job_without_instruction(api, ctx, can_bo, pham_vi, bien_phap):
    decide(api, ctx, can_bo, pham_vi, bien_phap, ok=False, employer_instruction=None)


@when(P('{can_bo:Nguoi} quyết định không áp dụng biện pháp bảo vệ vì "{ly_do}"'))
def decide_refuse(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "decide", {"protection_outcome": "tu_choi", "protection_refusal_reasons": ly_do})


@when(P("{can_bo:Nguoi} quyết định không áp dụng biện pháp bảo vệ mà không nêu lý do"))
def decide_refuse_without_reasons(api, ctx, can_bo):
    act(api, ctx, can_bo, "decide", {"protection_outcome": "tu_choi"}, ok=False)


@when(P('{can_bo:Nguoi} báo cáo đã thực hiện biện pháp bảo vệ "{noi_dung}"'))
def execute(api, ctx, can_bo, noi_dung):
    act(api, ctx, can_bo, "execute", {"protection_report": noi_dung, "protection_situation": "on_dinh"})


@when(P('{can_bo:Nguoi} đề xuất khen thưởng "{hinh_thuc}" vì "{thanh_tich}"'))
def propose(api, ctx, can_bo, hinh_thuc, thanh_tich):
    act(api, ctx, can_bo, "propose_reward", {"information_value": "dung_su_that", "reward_proposed": True,
                                             "reward_form": REWARDS[hinh_thuc], "reward_grounds": thanh_tich})


@when(P('{can_bo:Nguoi} không đề xuất khen thưởng vì "{ly_do}"'))
def propose_nothing(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "propose_reward", {"information_value": "khong_co_can_cu", "reward_proposed": False,
                                             "no_reward_reasons": ly_do})


@when(P("{can_bo:Nguoi} đề xuất khen thưởng dù thông tin không có căn cứ"))
def propose_groundless(api, ctx, can_bo):
    act(api, ctx, can_bo, "propose_reward", {"information_value": "khong_co_can_cu", "reward_proposed": True,
                                             "reward_form": "giay_khen", "reward_grounds": "Tích cực."},
        ok=False)


@when(P("{can_bo:Nguoi} quyết định khen thưởng {so:d} đồng"))
def reward(api, ctx, can_bo, so):
    act(api, ctx, can_bo, "decide_reward", {"reward_approved": True, "reward_amount": so,
                                            "reward_decision_number": "15/QĐ-KT"})


@when(P('{can_bo:Nguoi} quyết định không khen thưởng vì "{ly_do}"'))
def no_reward(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "decide_reward", {"reward_approved": False, "reward_refusal_reasons": ly_do})


@given(P('hồ sơ bảo vệ người tố giác đã đến bước "{ten}"'))
def drive_to(api, ctx, ten):
    agency = h.case_view(api, ctx)["data"]["competent_agency"]
    moves = [lambda: intake(api, ctx, h.username("intake_officer", agency), "Mã hóa danh tính"),
             lambda: verify(api, ctx, h.username("verifier", agency), "cao"),
             lambda: decide(api, ctx, h.username("leader", agency), ["tính mạng, sức khỏe"], ["Bố trí lực lượng"]),
             lambda: execute(api, ctx, "protection_officer.ca_tinh", "Đã bố trí lực lượng."),
             lambda: propose(api, ctx, h.username("verifier", agency), "giấy khen", "Thông tin chính xác.")]
    for move in moves[:ROUTINE_STEPS.index(ten)]:
        move()
    assert ten in [t["name"] for t in h.case_view(api, ctx)["active_tasks"]]


# -- outcomes ------------------------------------------------------------------------------------------
@then(P('{nguoi:Nguoi} có nhiệm vụ "{ten}" trong hộp việc'))
def has_task(api, ctx, nguoi, ten):
    names = [t["name"] for t in h.inbox(api, nguoi, ctx["case_id"])]
    assert ten in names, f"{nguoi} has {names}"


@then(P('{nguoi:Nguoi} không có nhiệm vụ "{ten}" trong hộp việc'))
def has_no_task(api, ctx, nguoi, ten):
    assert ten not in [t["name"] for t in h.inbox(api, nguoi, ctx["case_id"])]


@then(P('{nguoi:Nguoi} nhận được thông báo có nội dung "{noi_dung}"'))
def notified(ctx, nguoi, noi_dung):
    notices = h.notices_for(nguoi, ctx["case_id"])
    assert any(noi_dung in n for n in notices), f"{nguoi} got {notices}"


@then(P("{nguoi:Nguoi} nhận được thông báo gọi người tố giác bằng số hồ sơ"))
def notified_by_alias(ctx, nguoi):
    notices = h.notices_for(nguoi, ctx["case_id"])
    assert any(f"Người tố giác (hồ sơ {ctx['case_number']})" in n for n in notices), notices


@given(P("{nguoi:Nguoi} xem được hồ sơ"))
@then(P("{nguoi:Nguoi} xem được hồ sơ"))
def can_see(api, ctx, nguoi):
    assert api.get(nguoi, f"/process-instances/{ctx['case_id']}").status_code == 200


@then(P("hồ sơ bảo vệ người tố giác có {muc:MucToGiac}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the case file"


@then(P("hồ sơ bảo vệ người tố giác không có {muc:MucToGiac}"))
def file_lacks(ctx, muc):
    assert not h.file_entries(ctx["case_id"], muc)


@then(P('không văn bản, thông báo nào của hồ sơ nêu tên "{ten}"'))
def nowhere_named(ctx, ten):
    entries = db.session.execute(select(CaseFileEntry.title, CaseFileEntry.content)
                                 .where(CaseFileEntry.instance_id == ctx["case_id"])).all()
    notices = db.session.execute(select(Notification.message)
                                 .where(Notification.instance_id == ctx["case_id"])).scalars().all()
    assert entries and notices
    assert ten not in json.dumps([list(e) for e in entries] + list(notices), ensure_ascii=False)


@then(P("{can_bo:Nguoi} thấy hồ sơ nhưng danh tính người tố giác và người thân bị che"))
def sees_masked(api, ctx, can_bo):
    response = api.get(can_bo, f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200
    data = response.get_json()["data"]
    for field in ("reporter_name", "reporter_position", "reporter_phone", "reporter_residence",
                  "reporter_workplace", "reporter_id_number"):
        assert data[field] == "••••••", (field, data[field])
    for person in data.get("protected_relatives", []):
        assert {person[f] for f in ("full_name", "relation", "phone", "residence")} == {"••••••"}, person
    assert ctx["reporter"]["reporter_name"] not in response.get_data(as_text=True)
