"""Step definitions of features/complaint_post_decision*.feature (complaints and denunciations
about decisions on an official's post).

Steps drive the real HTTP API as the demo users; the generic steps of tests/bdd/conftest.py
(clock, timers, history, reveal, case status) apply too, reading `ctx["case_id"]` and
`ctx["starter"]`. The petitioner is the `requester` of their agency, called here "người
khiếu nại", "người tố cáo" or "người kiến nghị".
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from workflow_app import clock

from .. import helpers as h

PROCESS = "complaint_post_decision"
ROLE_WORDS = {**h.ROLES, "người khiếu nại": "requester", "người tố cáo": "requester",
              "người kiến nghị": "requester"}
KINDS = {"khiếu nại": "khieu_nai", "tố cáo": "to_cao", "kiến nghị": "kien_nghi"}
FINDINGS = {"đúng": "dung", "đúng một phần": "dung_mot_phan", "sai": "sai"}
ACTIONS = {"giữ nguyên": "giu_nguyen", "sửa đổi": "sua_doi", "hủy bỏ": "huy_bo"}
COMPLEXITY = {"phức tạp": "phuc_tap", "đặc biệt phức tạp": "dac_biet_phuc_tap"}
FILE_ENTRIES = {
    "đơn khiếu nại, tố cáo, kiến nghị": "don",
    "thông báo thụ lý": "thong_bao_thu_ly",
    "thông báo không thụ lý": "thong_bao_khong_thu_ly",
    "báo cáo kết quả xác minh": "xac_minh",
    "biên bản đối thoại": "bien_ban_doi_thoai",
    "lý do không đối thoại": "khong_doi_thoai",
    "quyết định giải quyết khiếu nại": "quyet_dinh_giai_quyet",
    "kết luận nội dung tố cáo": "ket_luan_to_cao",
    "quyết định gia hạn giải quyết tố cáo": "quyet_dinh_gia_han",
    "văn bản trả lời kiến nghị": "tra_loi_kien_nghi",
    "đơn khiếu nại lần hai": "don_khieu_nai_lan_hai",
    "thông báo thụ lý khiếu nại lần hai": "thong_bao_thu_ly_lan_hai",
    "thông báo không thụ lý khiếu nại lần hai": "thong_bao_khong_thu_ly_lan_hai",
    "quyết định có hiệu lực pháp luật": "quyet_dinh_co_hieu_luc",
    "kết quả tổ chức thi hành": "thi_hanh",
    "thông báo kết quả giải quyết": "thong_bao_ket_qua",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
}
_AGENCY = h._alternatives(h.AGENCIES)


@with_pattern(rf"(?:{h._alternatives(ROLE_WORDS)})(?: của)? (?:{_AGENCY})")
def person_type(text: str) -> str:
    role = next(r for r in sorted(ROLE_WORDS, key=len, reverse=True) if text.lower().startswith(r))
    agency = re.sub(r"^của ", "", text[len(role):].strip())
    return h.username(ROLE_WORDS[role], h.agency_type(agency))


@with_pattern(h._alternatives(FILE_ENTRIES))
def entry_type(text: str) -> str:
    return FILE_ENTRIES[text.lower()]


@with_pattern(h._alternatives(KINDS))
def kind_type(text: str) -> str:
    return KINDS[text]


TYPES = {**h.TYPES, "Nguoi": person_type, "MucHoSoDon": entry_type, "LoaiDon": kind_type}


def P(text: str):
    return parsers.parse(text, extra_types=TYPES)


def act(api, ctx, user, element_id, data, ok=True):
    return h.act(api, ctx, user, element_id, data, ok)


def case_data(api, ctx) -> dict:
    return h.case_view(api, ctx)["data"]


# -- the petition -------------------------------------------------------------------------------
@given(P('{chuc_danh} "{ho_ten}" của {co_quan:CoQuan} nhận quyết định {loai} "{quyet_dinh}"'))
def contested_decision(ctx, chuc_danh, ho_ten, co_quan, loai, quyet_dinh):
    types = {"điều động": "dieu_dong", "kỷ luật": "ky_luat", "cách chức": "mien_nhiem",
             "tạm đình chỉ công tác": "tam_dinh_chi"}
    ctx["petition"] = {
        "competent_agency": co_quan, "post_decision_type": types[loai],
        "contested_decision": quyet_dinh, "respondent": "Người đứng đầu cơ quan ban hành quyết định",
        "petition_content": f"Đề nghị xem xét lại quyết định {loai} vì không đúng quy định.",
        "petitioner_name": ho_ten, "petitioner_position": chuc_danh[:1].upper() + chuc_danh[1:],
        "petitioner_id_number": "001080012345", "petitioner_phone": "0912345678",
        "petitioner_residence": "Số 12 đường Lê Lợi, thành phố tỉnh",
        "petitioner_workplace": next(n for n, c in h.AGENCIES.items() if c == co_quan),
    }


def file_petition(api, ctx, user, kind, agency, ok=True, **extra):
    data = {**ctx["petition"], "petition_kind": kind, "competent_agency": agency, **extra}
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": PROCESS, "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
    elif ok:
        raise AssertionError(ctx["response"].get_json())


@given(P("{nguoi:Nguoi} đã gửi đơn {loai:LoaiDon} về quyết định đó đến {co_quan:CoQuan}"))
@when(P("{nguoi:Nguoi} gửi đơn {loai:LoaiDon} về quyết định đó đến {co_quan:CoQuan}"))
def file_in_writing(api, ctx, nguoi, loai, co_quan):
    file_petition(api, ctx, nguoi, loai, co_quan)


@when(P('{can_bo:Nguoi} ghi nhận đơn {loai:LoaiDon} trình bày trực tiếp vào biên bản "{bien_ban}"'))
def file_in_person(api, ctx, can_bo, loai, bien_ban):
    file_petition(api, ctx, can_bo, loai, h.agency_of(can_bo), channel="truc_tiep", minutes=bien_ban,
                  requester_agency=ctx["petition"]["competent_agency"])


@when(P("{can_bo:Nguoi} ghi nhận đơn {loai:LoaiDon} trình bày trực tiếp mà không lập biên bản"))
def file_in_person_without_minutes(api, ctx, can_bo, loai):
    file_petition(api, ctx, can_bo, loai, h.agency_of(can_bo), ok=False, channel="truc_tiep")


# -- acceptance -----------------------------------------------------------------------------------
def accept(api, ctx, user, features=""):
    data = {"accepted": True, "is_complex": "phức tạp" in features, "remote_area": "vùng sâu" in features,
            "acceptance_number": "05/TB-TL"}
    act(api, ctx, user, "accept", data)
    ctx["accepted_at"] = datetime.fromisoformat(case_data(api, ctx)["accepted_at"])


@given(P("{can_bo:Nguoi} đã thụ lý đơn"))
@when(P("{can_bo:Nguoi} thụ lý đơn"))
def accept_plain(api, ctx, can_bo):
    accept(api, ctx, can_bo)


@given(P("{can_bo:Nguoi} đã thụ lý đơn, {dac_diem}"))
@when(P("{can_bo:Nguoi} thụ lý đơn, {dac_diem}"))
def accept_with_features(api, ctx, can_bo, dac_diem):
    accept(api, ctx, can_bo, dac_diem)


@when(P('{can_bo:Nguoi} không thụ lý đơn vì "{ly_do}"'))
def refuse(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "accept", {"accepted": False, "refusal_reasons": ly_do})


@when(P("{can_bo:Nguoi} không thụ lý đơn mà không nêu lý do"))
def refuse_without_reasons(api, ctx, can_bo):
    act(api, ctx, can_bo, "accept", {"accepted": False}, ok=False)


# -- resolution ------------------------------------------------------------------------------------
@given(P('{can_bo:Nguoi} đã xác minh nội dung đơn "{ket_qua}"'))
@when(P('{can_bo:Nguoi} xác minh nội dung đơn "{ket_qua}"'))
def verify(api, ctx, can_bo, ket_qua):
    act(api, ctx, can_bo, "verify", {"verified_finding": FINDINGS[ket_qua],
                                     "verification_findings": f"Nội dung đơn {ket_qua}.",
                                     "proposed_resolution": "Đề xuất hướng giải quyết theo kết quả xác minh."})


@given(P('{can_bo:Nguoi} đã tổ chức đối thoại, lập biên bản "{bien_ban}"'))
@when(P('{can_bo:Nguoi} tổ chức đối thoại, lập biên bản "{bien_ban}"'))
def dialogue(api, ctx, can_bo, bien_ban):
    act(api, ctx, can_bo, "dialogue", {"dialogue_held": True, "dialogue_minutes": bien_ban})


@when(P('{can_bo:Nguoi} không tổ chức đối thoại vì "{ly_do}"'))
def no_dialogue(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "dialogue", {"dialogue_held": False, "dialogue_skip_reason": ly_do}, ok=False)


@when(P("{can_bo:Nguoi} không tổ chức đối thoại mà không nêu lý do"))
def no_dialogue_without_reason(api, ctx, can_bo):
    act(api, ctx, can_bo, "dialogue", {"dialogue_held": False}, ok=False)


@given(P('{can_bo:Nguoi} đã quyết định khiếu nại "{ket_qua}", {xu_ly} quyết định bị khiếu nại'))
@when(P('{can_bo:Nguoi} quyết định khiếu nại "{ket_qua}", {xu_ly} quyết định bị khiếu nại'))
def decide(api, ctx, can_bo, ket_qua, xu_ly):
    act(api, ctx, can_bo, "decide_complaint", {
        "complaint_finding": FINDINGS[ket_qua], "decision_action": ACTIONS[xu_ly],
        "resolution_content": f"Khiếu nại {ket_qua}; {xu_ly} quyết định bị khiếu nại.",
        "resolution_number": "20/QĐ-GQKN"}, ok=False)


@when(P('{can_bo:Nguoi} kết luận nội dung tố cáo "{ket_qua}"'))
def conclude(api, ctx, can_bo, ket_qua):
    act(api, ctx, can_bo, "conclude_denunciation", {
        "denunciation_outcome": "ket_luan", "denunciation_finding": FINDINGS[ket_qua],
        "conclusion_content": f"Nội dung tố cáo {ket_qua}.",
        "violation_handling": "Kiến nghị xem xét trách nhiệm người ký quyết định."})


@when(P("{can_bo:Nguoi} gia hạn giải quyết tố cáo {so:d} ngày vì vụ việc {muc_do}"))
def extend(api, ctx, can_bo, so, muc_do):
    act(api, ctx, can_bo, "conclude_denunciation", {
        "denunciation_outcome": "gia_han", "extension_complexity": COMPLEXITY[muc_do], "extension_days": so,
        "extension_reasons": f"Vụ việc {muc_do}, cần xác minh thêm tại nhiều nơi."}, ok=False)


@when(P('{can_bo:Nguoi} trả lời kiến nghị "{noi_dung}"'))
def answer(api, ctx, can_bo, noi_dung):
    act(api, ctx, can_bo, "answer_petition", {"answer_content": noi_dung})


@when(P("{nguoi:Nguoi} đồng ý với quyết định giải quyết lần đầu"))
def agree(api, ctx, nguoi):
    act(api, ctx, nguoi, "appeal_choice", {"appeal_choice": "dong_y"})


@given(P("{nguoi:Nguoi} đã khiếu nại lần hai đến {co_quan:CoQuan}"))
@when(P("{nguoi:Nguoi} khiếu nại lần hai đến {co_quan:CoQuan}"))
def appeal(api, ctx, nguoi, co_quan):
    act(api, ctx, nguoi, "appeal_choice", {"appeal_choice": "khieu_nai_lan_hai", "appeal_agency": co_quan,
                                           "appeal_reasons": "Không đồng ý với quyết định giải quyết lần đầu."},
        ok=False)


@given(P("{can_bo:Nguoi} đã thụ lý khiếu nại lần hai"))
@when(P("{can_bo:Nguoi} thụ lý khiếu nại lần hai"))
def accept_appeal(api, ctx, can_bo):
    act(api, ctx, can_bo, "accept_appeal", {"appeal_accepted": True})
    ctx["accepted_at"] = datetime.fromisoformat(case_data(api, ctx)["accepted_at"])


@when(P("{can_bo:Nguoi} thụ lý khiếu nại lần hai, vụ việc phức tạp"))
def accept_complex_appeal(api, ctx, can_bo):
    act(api, ctx, can_bo, "accept_appeal", {"appeal_accepted": True, "appeal_is_complex": True})
    ctx["accepted_at"] = datetime.fromisoformat(case_data(api, ctx)["accepted_at"])


@when(P('{can_bo:Nguoi} không thụ lý khiếu nại lần hai vì "{ly_do}"'))
def refuse_appeal(api, ctx, can_bo, ly_do):
    act(api, ctx, can_bo, "accept_appeal", {"appeal_accepted": False, "appeal_refusal_reasons": ly_do})


@when(P('{can_bo:Nguoi} tổ chức thi hành "{ket_qua}"'))
def enforce(api, ctx, can_bo, ket_qua):
    act(api, ctx, can_bo, "enforce", {"enforcement_result": ket_qua,
                                      "remedy_measures": "Bố trí lại vị trí công tác cũ."})


@given(P("khiếu nại đã được {co_quan:CoQuan} giải quyết lần đầu"))
def first_instance_done(api, ctx, co_quan):
    accept(api, ctx, h.username("intake_officer", co_quan))
    verify(api, ctx, h.username("verifier", co_quan), "đúng một phần")
    dialogue(api, ctx, h.username("leader", co_quan), "Hai bên trình bày ý kiến.")
    decide(api, ctx, h.username("leader", co_quan), "đúng một phần", "sửa đổi")
    assert ctx["response"].status_code == 200, ctx["response"].get_json()


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


@then(P("hồ sơ giải quyết đơn có {muc:MucHoSoDon}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the case file"


@then(P("hồ sơ giải quyết đơn có {so:d} {muc:MucHoSoDon}"))
def file_has_count(ctx, so, muc):
    assert len(h.file_entries(ctx["case_id"], muc)) == so


@then(P("hồ sơ giải quyết đơn không có {muc:MucHoSoDon}"))
def file_lacks(ctx, muc):
    assert not h.file_entries(ctx["case_id"], muc)


@then(P('nhiệm vụ "{ten}" có hạn xử lý {so:d} ngày kể từ ngày thụ lý'))
def due_from_acceptance(api, ctx, ten, so):
    task = next((t for t in h.case_view(api, ctx)["active_tasks"] if t["name"] == ten), None)
    assert task is not None and task["due_at"], task
    late_by = datetime.fromisoformat(task["due_at"]) - (ctx["accepted_at"] + timedelta(days=so))
    assert abs(late_by) < timedelta(seconds=5), (task["due_at"], ctx["accepted_at"])


@given(P("{nguoi:Nguoi} xem được hồ sơ"))
@then(P("{nguoi:Nguoi} xem được hồ sơ"))
def can_see(api, ctx, nguoi):
    assert api.get(nguoi, f"/process-instances/{ctx['case_id']}").status_code == 200


@then(P("hồ sơ thuộc thẩm quyền giải quyết của {co_quan:CoQuan}"))
def competent(api, ctx, co_quan):
    assert case_data(api, ctx)["competent_agency"] == co_quan


@then(P("{can_bo:Nguoi} thấy hồ sơ nhưng thông tin người gửi đơn bị che"))
def sees_masked(api, ctx, can_bo):
    response = api.get(can_bo, f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200
    data = response.get_json()["data"]
    for field in ("petitioner_name", "petitioner_phone", "petitioner_residence", "petitioner_id_number"):
        assert data[field] == "••••••", (field, data[field])
    assert ctx["petition"]["petitioner_name"] not in response.get_data(as_text=True)
