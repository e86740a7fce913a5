"""Step definitions of features/threat_report*.feature (situation monitoring and early warning).

The threatened official is described with the parent step `{chức danh} "{họ tên}" của {cơ
quan} bị {hành vi}` (tests/bdd/conftest.py), which prepares a protection request in
`ctx["request"]`; a threat report reuses its threat and persons. A referral opens a linked
protection case: "chuyển sang hồ sơ đề nghị bảo vệ" makes it the scenario's case, so the
protection-request steps of the parent conftest apply to it.
"""
from __future__ import annotations

import re

from parse import with_pattern
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import InstanceLink, ProcessInstance

from .. import helpers as h

PROCESS = "threat_report"
ROLE_WORDS = {**h.ROLES, "người báo tin": "requester", "đầu mối": "coordinator"}
FILE_ENTRIES = {
    "tin báo": "tin_bao",
    "biên bản ghi nhận tin báo": "bien_ban",
    "báo cáo đánh giá": "danh_gia",
    "văn bản cảnh báo": "canh_bao",
    "đề nghị áp dụng biện pháp bảo vệ": "chuyen_de_nghi_bao_ve",
    "văn bản chuyển thông tin vi phạm": "chuyen_xu_ly_vi_pham",
    "báo cáo tiếp nhận cảnh báo": "tiep_nhan_canh_bao",
    "kết quả xử lý thông tin vi phạm": "ket_qua_xu_ly_vi_pham",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
}
_AGENCY = h._alternatives(h.AGENCIES)
ASSESS_OK = {"threat_confirmed": True, "risk_level": "trung_binh",
             "assessment_findings": "Có cơ sở xác định nguy cơ bị xâm phạm.",
             "forecast": "Đối tượng có thể tiếp tục đe dọa trước phiên tòa phúc thẩm."}


@with_pattern(rf"(?:{h._alternatives(ROLE_WORDS)})(?: của)? (?:{_AGENCY})")
def person_type(text: str) -> str:
    role = next(r for r in sorted(ROLE_WORDS, key=len, reverse=True) if text.lower().startswith(r))
    agency = re.sub(r"^của ", "", text[len(role):].strip())
    return h.username(ROLE_WORDS[role], h.agency_type(agency))


@with_pattern(h._alternatives(FILE_ENTRIES))
def entry_type(text: str) -> str:
    return FILE_ENTRIES[text.lower()]


TYPES = {**h.TYPES, "Nguoi": person_type, "MucCanhBao": entry_type}


def P(text: str):
    return parsers.parse(text, extra_types=TYPES)


def report_data(ctx, **overrides) -> dict:
    """The threat report: what the scenario said of the threatened official."""
    request = h.request_for(ctx)
    target = h.AGENCIES.get(request["protected_persons"][0].get("workplace", ""), "TAND_TINH")
    data = {"report_source": "nguoi_thi_hanh_cong_vu", "target_agency": target,
            "threat_types": request["threat_types"], "protected_content": request["protected_content"],
            "threat_description": request["threat_description"], "protected_persons": request["protected_persons"],
            "threat_source": "Số điện thoại lạ, chưa xác định chủ thuê bao."}
    data.update(overrides)
    return data


def start_report(api, ctx, user, data, ok=True):
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": PROCESS, "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
        ctx["report_id"] = ctx["case_id"]
    elif ok:
        raise AssertionError(ctx["response"].get_json())


def warn(api, ctx, user, content, ok=True, **extra):
    data = {"warning_content": content, "preventive_measures": h.measure_codes(["Giữ bí mật thông tin"]),
            "preventive_instructions": "Hạn chế đi lại một mình, thông báo ngay khi có dấu hiệu bất thường.",
            **extra}
    return h.act(api, ctx, user, "warn", data, ok)


def links_of(case_id: str) -> list[InstanceLink]:
    return list(db.session.execute(select(InstanceLink).where(InstanceLink.source_instance_id == case_id))
                .scalars())


# -- the report ----------------------------------------------------------------------------------
@given(P("{nguoi:Nguoi} đã báo tin nguy cơ xâm phạm cho {co_quan:CoQuan}"))
@when(P("{nguoi:Nguoi} báo tin nguy cơ xâm phạm cho {co_quan:CoQuan}"))
def official_reports(api, ctx, nguoi, co_quan):
    start_report(api, ctx, nguoi, report_data(ctx, competent_agency=co_quan))


@given(P('{can_bo:Nguoi} đã ghi nhận tin báo của người dân "{ten}" vào biên bản "{bien_ban}"'))
@when(P('{can_bo:Nguoi} ghi nhận tin báo của người dân "{ten}" vào biên bản "{bien_ban}"'))
def public_tip(api, ctx, can_bo, ten, bien_ban):
    start_report(api, ctx, can_bo, report_data(
        ctx, report_source="nguoi_dan", channel="dien_thoai", competent_agency=h.agency_of(can_bo),
        minutes=bien_ban, reporter_name=ten, reporter_phone="0987000111",
        reporter_residence="Thôn Đông, xã Tây, huyện Nam"))


@when(P("{can_bo:Nguoi} ghi nhận tin báo của người dân mà không lập biên bản"))
def public_tip_without_minutes(api, ctx, can_bo):
    start_report(api, ctx, can_bo, report_data(ctx, report_source="nguoi_dan",
                                               competent_agency=h.agency_of(can_bo)), ok=False)


# -- assessment and warning ---------------------------------------------------------------------
@given(P('{can_bo:Nguoi} đã đánh giá có nguy cơ xâm phạm, mức độ "{muc_do}"'))
@when(P('{can_bo:Nguoi} đánh giá có nguy cơ xâm phạm, mức độ "{muc_do}"'))
def assess_confirmed(api, ctx, can_bo, muc_do):
    h.act(api, ctx, can_bo, "assess", {**ASSESS_OK, "risk_level": h.DANGER_LEVELS[muc_do]})


@when(P("{can_bo:Nguoi} đánh giá không có nguy cơ xâm phạm"))
def assess_unfounded(api, ctx, can_bo):
    h.act(api, ctx, can_bo, "assess", {"threat_confirmed": False, "risk_level": "thap",
                                       "assessment_findings": "Tin nhắn do nhầm số, không có dấu hiệu đe dọa."})


@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}"'))
def warn_only(api, ctx, can_bo, noi_dung):
    warn(api, ctx, can_bo, noi_dung)


@given(P('{can_bo:Nguoi} đã cảnh báo "{noi_dung}" và đề nghị áp dụng biện pháp bảo vệ cho {co_quan:CoQuan}'))
@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}" và đề nghị áp dụng biện pháp bảo vệ cho {co_quan:CoQuan}'))
def warn_and_refer(api, ctx, can_bo, noi_dung, co_quan):
    warn(api, ctx, can_bo, noi_dung, refer_protection=True, protection_agency=co_quan)


@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}" và đề nghị áp dụng biện pháp bảo vệ khẩn cấp cho {co_quan:CoQuan}'))
def warn_and_refer_urgently(api, ctx, can_bo, noi_dung, co_quan):
    warn(api, ctx, can_bo, noi_dung, refer_protection=True, protection_agency=co_quan, referral_kind="khan_cap")


@given(P('{can_bo:Nguoi} đã cảnh báo "{noi_dung}" và chuyển thông tin vi phạm "{vi_pham}" đến {co_quan:CoQuan}'))
@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}" và chuyển thông tin vi phạm "{vi_pham}" đến {co_quan:CoQuan}'))
def warn_and_report_violation(api, ctx, can_bo, noi_dung, vi_pham, co_quan):
    warn(api, ctx, can_bo, noi_dung, refer_violation=True, violation_agency=co_quan, violation_summary=vi_pham)


@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}", đề nghị áp dụng biện pháp bảo vệ cho {bao_ve:CoQuan} '
        'và chuyển thông tin vi phạm "{vi_pham}" đến {co_quan:CoQuan}'))
def warn_refer_and_report(api, ctx, can_bo, noi_dung, bao_ve, vi_pham, co_quan):
    warn(api, ctx, can_bo, noi_dung, refer_protection=True, protection_agency=bao_ve, refer_violation=True,
         violation_agency=co_quan, violation_summary=vi_pham)


@when(P('{can_bo:Nguoi} cảnh báo "{noi_dung}" và chuyển thông tin vi phạm mà không nêu cơ quan xử lý'))
def warn_and_report_nowhere(api, ctx, can_bo, noi_dung):
    warn(api, ctx, can_bo, noi_dung, ok=False, refer_violation=True, violation_summary="Hành vi đe dọa.")


@when(P('{can_bo:Nguoi} báo cáo đã triển khai phòng ngừa "{noi_dung}"'))
def acknowledge(api, ctx, can_bo, noi_dung):
    h.act(api, ctx, can_bo, "acknowledge", {"measures_taken": noi_dung})


@when(P('{can_bo:Nguoi} xử lý thông tin vi phạm "{ket_qua}"'))
def handle_violation(api, ctx, can_bo, ket_qua):
    h.act(api, ctx, can_bo, "handle_violation", {"handling_action": "xu_ly_hinh_su", "handling_result": ket_qua})


@given(P('hồ sơ cảnh báo đã đến bước "{ten}"'))
def drive_to(api, ctx, ten):
    """Assess and warn routinely (with a violation referral, so every step exists)."""
    competent = h.case_view(api, ctx)["data"]["competent_agency"]
    if ten != "Đánh giá, dự báo tình hình":
        h.act(api, ctx, h.username("verifier", competent), "assess", ASSESS_OK)
    if ten not in ("Đánh giá, dự báo tình hình", "Cảnh báo, chỉ đạo phòng ngừa"):
        warn(api, ctx, h.username("leader", competent), "Cảnh báo nguy cơ bị đe dọa.", refer_violation=True,
             violation_agency="CA_TINH", violation_summary="Hành vi đe dọa người thi hành công vụ.")
    assert ten in [t["name"] for t in h.case_view(api, ctx)["active_tasks"]]


# -- the linked protection case ------------------------------------------------------------------
@when("chuyển sang hồ sơ đề nghị bảo vệ được khởi tạo từ cảnh báo")
def switch_to_protection_case(ctx):
    (link,) = links_of(ctx["report_id"])
    target = db.session.get(ProcessInstance, link.target_instance_id)
    ctx["case_id"], ctx["starter"] = target.id, target.started_by


@then(P("hồ sơ đề nghị bảo vệ được khởi tạo, liên kết với hồ sơ cảnh báo qua thông điệp \"{ten}\""))
def protection_case_linked(api, ctx, ten):
    links = links_of(ctx["report_id"])
    assert [link.message for link in links] == [ten], links
    target = db.session.get(ProcessInstance, links[0].target_instance_id)
    assert target.process_model_id == "protection_request" and target.case_number.startswith("BV-")
    history = api.get(ctx["starter"], f"/process-instances/{ctx['report_id']}/history").get_json()
    sent = [e for e in history if e["type"] == "message_sent"]
    assert sent and sent[0]["data"] == {"message": ten, "to": [target.case_number]}, sent


@then("không có hồ sơ đề nghị bảo vệ nào được khởi tạo")
def no_protection_case(ctx):
    assert links_of(ctx["report_id"]) == []


@then(P("đề nghị bảo vệ do {yeu_cau:CoQuan} đề nghị, {tham_quyen:CoQuan} có thẩm quyền, "
        "ghi nhận hành vi {mo_ta} và số hồ sơ cảnh báo"))
def protection_case_content(api, ctx, yeu_cau, tham_quyen, mo_ta):
    data = h.case_view(api, ctx)["data"]
    report = db.session.get(ProcessInstance, ctx["report_id"])
    assert (data["requester_agency"], data["competent_agency"]) == (yeu_cau, tham_quyen), data
    assert data["threat_types"] == [h.threat_code(mo_ta)]
    assert report.case_number in data["threat_description"]
    history = h.case_history(api, ctx)
    received = [e for e in history if e["type"] == "message_received"]
    assert received and received[0]["data"]["from"] == report.case_number, received


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


@then(P("hồ sơ cảnh báo có {muc:MucCanhBao}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the case file"


@then(P("hồ sơ cảnh báo không có {muc:MucCanhBao}"))
def file_lacks(ctx, muc):
    assert not h.file_entries(ctx["case_id"], muc)


@then(P("{can_bo:Nguoi} thấy hồ sơ nhưng thông tin người bị đe dọa và người báo tin bị che"))
def sees_masked(api, ctx, can_bo):
    response = api.get(can_bo, f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200
    data = response.get_json()["data"]
    for person in data["protected_persons"]:
        assert {person[f] for f in ("full_name", "relation", "phone", "residence")} == {"••••••"}, person
    for field in ("reporter_name", "reporter_phone", "reporter_residence"):
        assert data.get(field, "••••••") == "••••••", (field, data.get(field))
    for person in ctx["request"]["protected_persons"]:
        assert person["full_name"] not in response.get_data(as_text=True)
