"""Step definitions of features/liability_exemption*.feature (Điều 8 of Regulation 183:
exclusion, exemption or reduction of liability). The applicant files as the `requester` of
their agency ("người đề nghị"); the head of that agency decides unless another is named.
"""
from __future__ import annotations

import re

from parse import with_pattern
from pytest_bdd import given, parsers, then, when

from workflow_app import clock

from .. import helpers as h

PROCESS = "liability_exemption"
ROLE_WORDS = {**h.ROLES, "cán bộ kiểm tra": "inspector"}
GROUNDS = {"bắt giữ người phạm tội": "bat_giu_nguoi_pham_toi", "phòng vệ chính đáng": "phong_ve_chinh_dang",
           "tình thế cấp thiết": "tinh_the_cap_thiet", "sự kiện bất ngờ": "su_kien_bat_ngo"}
RELIEFS = {"loại trừ": "loai_tru", "miễn": "mien", "giảm nhẹ": "giam"}
FILE_ENTRIES = {
    "đơn đề nghị": "don_de_nghi",
    "báo cáo xác minh": "xac_minh",
    "tài liệu bổ sung": "bo_sung",
    "quyết định loại trừ, miễn, giảm trách nhiệm": "quyet_dinh_mien_giam",
    "văn bản không chấp nhận": "quyet_dinh_khong_chap_nhan",
    "văn bản chuyển xem xét trách nhiệm người ra mệnh lệnh": "chuyen_xem_xet_trach_nhiem",
    "ghi nhận vào hồ sơ cán bộ": "ghi_nhan",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
}
ROUTINE_STEPS = ["Xác minh căn cứ loại trừ, miễn, giảm trách nhiệm",
                 "Quyết định loại trừ, miễn, giảm trách nhiệm", "Ghi nhận kết quả vào hồ sơ"]
_AGENCY = h._alternatives(h.AGENCIES)


@with_pattern(rf"(?:{h._alternatives(ROLE_WORDS)})(?: của)? (?:{_AGENCY})")
def person_type(text: str) -> str:
    role = next(r for r in sorted(ROLE_WORDS, key=len, reverse=True) if text.lower().startswith(r))
    agency = re.sub(r"^của ", "", text[len(role):].strip())
    return h.username(ROLE_WORDS[role], h.agency_type(agency))


@with_pattern(h._alternatives(FILE_ENTRIES))
def entry_type(text: str) -> str:
    return FILE_ENTRIES[text.lower()]


@with_pattern(h._alternatives(RELIEFS))
def relief_type(text: str) -> str:
    return RELIEFS[text]


TYPES = {**h.TYPES, "Nguoi": person_type, "MucMienGiam": entry_type, "MienGiam": relief_type}


def P(text: str):
    return parsers.parse(text, extra_types=TYPES)


def act(api, ctx, user, element_id, data, ok=True):
    return h.act(api, ctx, user, element_id, data, ok)


def applicant(chuc_danh, ho_ten, **extra) -> dict:
    return {"applicant_name": ho_ten, "applicant_position": chuc_danh[:1].upper() + chuc_danh[1:],
            "applicant_id_number": "001085067890", "proceeding_reference": "Vụ án hình sự số 45/2026", **extra}


# -- the application -------------------------------------------------------------------------------
@given(P('{chuc_danh} "{ho_ten}" của {co_quan:CoQuan} đã chấp hành mệnh lệnh "{menh_lenh}" của "{nguoi_ra_lenh}" '
         'sau khi báo cáo không đồng ý bằng văn bản "{van_ban}"'))
def complied_with_order(ctx, chuc_danh, ho_ten, co_quan, menh_lenh, nguoi_ra_lenh, van_ban):
    ctx["application"] = applicant(
        chuc_danh, ho_ten, exemption_ground="menh_lenh_trai_phap_luat", order_description=menh_lenh,
        order_issuer=nguoi_ra_lenh, written_disagreement=van_ban, order_reaffirmed=True,
        act_description=f"Thực hiện mệnh lệnh: {menh_lenh}.")


@given(P('{chuc_danh} "{ho_ten}" của {co_quan:CoQuan} gây thiệt hại "{thiet_hai}" trong khi {tinh_huong}'))
def caused_harm(ctx, chuc_danh, ho_ten, co_quan, thiet_hai, tinh_huong):
    ctx["application"] = applicant(chuc_danh, ho_ten, exemption_ground=GROUNDS[tinh_huong],
                                   act_description=f"Gây thiệt hại {thiet_hai} trong khi {tinh_huong}.",
                                   damage_description=thiet_hai)


def apply(api, ctx, user, relief, evidence, ok=True, **extra):
    data = {**ctx["application"], "requested_relief": relief, "evidence": evidence, **extra}
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": PROCESS, "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
    elif ok:
        raise AssertionError(ctx["response"].get_json())


@given(P("{nguoi:Nguoi} đã đề nghị {muc:MienGiam} trách nhiệm, kèm chứng cứ {tai_lieu:CacMuc}"))
@when(P("{nguoi:Nguoi} đề nghị {muc:MienGiam} trách nhiệm, kèm chứng cứ {tai_lieu:CacMuc}"))
def application(api, ctx, nguoi, muc, tai_lieu):
    apply(api, ctx, nguoi, muc, tai_lieu)


@when(P("{nguoi:Nguoi} đề nghị {muc:MienGiam} trách nhiệm mà không có văn bản báo cáo không đồng ý"))
def application_without_disagreement(api, ctx, nguoi, muc):
    apply(api, ctx, nguoi, muc, ["Bản tường trình"], ok=False, written_disagreement=None)


@when(P("{nguoi:Nguoi} đề nghị {muc:MienGiam} trách nhiệm mà không kèm chứng cứ"))
def application_without_evidence(api, ctx, nguoi, muc):
    apply(api, ctx, nguoi, muc, [], ok=False)


# -- verification, decision, record ------------------------------------------------------------------
@given(P('{can_bo:Nguoi} đã xác minh đủ chứng cứ, căn cứ được xác định'))
@when(P('{can_bo:Nguoi} xác minh đủ chứng cứ, căn cứ được xác định'))
def verify(api, ctx, can_bo):
    act(api, ctx, can_bo, "verify", {"evidence_sufficient": True, "grounds_established": True,
                                     "verification_findings": "Tài liệu, chứng cứ phù hợp với nội dung đề nghị.",
                                     "responsible_person": ctx["application"].get("order_issuer")})


@when(P('{can_bo:Nguoi} xác minh, yêu cầu bổ sung "{tai_lieu}"'))
def verify_incomplete(api, ctx, can_bo, tai_lieu):
    act(api, ctx, can_bo, "verify", {"evidence_sufficient": False, "missing_evidence": tai_lieu,
                                     "verification_findings": "Chưa đủ tài liệu để kết luận."})


@when(P("{nguoi:Nguoi} bổ sung chứng cứ {tai_lieu:CacMuc}"))
def supplement(api, ctx, nguoi, tai_lieu):
    act(api, ctx, nguoi, "supplement", {"additional_evidence": tai_lieu})


def decide(api, ctx, user, outcome, ok=True, **extra):
    data = {"exemption_outcome": outcome, "exemption_reasons": "Căn cứ Điều 8 Quy định 183-QĐ/TW.",
            "exemption_decision_number": "03/QĐ-MTN", **extra}
    return act(api, ctx, user, "decide", data, ok)


@when(P("{can_bo:Nguoi} quyết định loại trừ trách nhiệm, chuyển xem xét trách nhiệm người ra mệnh lệnh "
        "đến {co_quan:CoQuan}"))
def decide_exclusion_and_refer(api, ctx, can_bo, co_quan):
    decide(api, ctx, can_bo, "loai_tru", orderer_review_agency=co_quan,
           orderer_liability="Người ra mệnh lệnh chịu trách nhiệm về việc thi hành mệnh lệnh trái pháp luật.")


@given(P("{can_bo:Nguoi} đã quyết định {muc:MienGiam} trách nhiệm"))
@when(P("{can_bo:Nguoi} quyết định {muc:MienGiam} trách nhiệm"))
def decide_relief(api, ctx, can_bo, muc):
    decide(api, ctx, can_bo, muc, **({"liability_reduction": "Giảm một mức kỷ luật."} if muc == "giam" else {}))


@when(P("{can_bo:Nguoi} quyết định giảm nhẹ trách nhiệm mà không nêu mức độ"))
def decide_reduction_without_extent(api, ctx, can_bo):
    decide(api, ctx, can_bo, "giam", ok=False)


@when(P('{can_bo:Nguoi} quyết định không chấp nhận đề nghị vì "{ly_do}"'))
def decide_reject(api, ctx, can_bo, ly_do):
    decide(api, ctx, can_bo, "khong_chap_nhan", exemption_reasons=ly_do)


@when(P('{can_bo:Nguoi} ghi nhận vào hồ sơ cán bộ "{noi_dung}"'))
def record(api, ctx, can_bo, noi_dung):
    act(api, ctx, can_bo, "record", {"record_note": noi_dung, "personnel_file_updated": True})


@given(P('hồ sơ đề nghị miễn, giảm trách nhiệm đã đến bước "{ten}"'))
def drive_to(api, ctx, ten):
    agency = h.case_view(api, ctx)["data"]["competent_agency"]
    moves = [lambda: verify(api, ctx, h.username("verifier", agency)),
             lambda: decide_relief(api, ctx, h.username("leader", agency), "mien")]
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


@given(P("{nguoi:Nguoi} xem được hồ sơ"))
@then(P("{nguoi:Nguoi} xem được hồ sơ"))
def can_see(api, ctx, nguoi):
    assert api.get(nguoi, f"/process-instances/{ctx['case_id']}").status_code == 200


@then(P("hồ sơ miễn, giảm trách nhiệm có {muc:MucMienGiam}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the case file"


@then(P("hồ sơ miễn, giảm trách nhiệm có {so:d} {muc:MucMienGiam}"))
def file_has_count(ctx, so, muc):
    assert len(h.file_entries(ctx["case_id"], muc)) == so


@then(P("hồ sơ miễn, giảm trách nhiệm không có {muc:MucMienGiam}"))
def file_lacks(ctx, muc):
    assert not h.file_entries(ctx["case_id"], muc)


@then(P("{can_bo:Nguoi} thấy hồ sơ nhưng danh tính người đề nghị bị che"))
def sees_masked(api, ctx, can_bo):
    response = api.get(can_bo, f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200
    data = response.get_json()["data"]
    assert data["applicant_name"] == "••••••" and data["applicant_id_number"] == "••••••", data
    assert ctx["application"]["applicant_name"] not in response.get_data(as_text=True)
