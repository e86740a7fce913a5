"""What the features of processes 6-8 (inspection, periodic review, rules review) share.

The parent `tests/bdd/helpers.py` knows the officials of a protection case; these processes
add inspectors ("kiểm tra viên", "cán bộ giám sát") and file entries of their own, and a few
steps that all three features use. pytest-bdd finds step definitions only among a conftest's
names, and a step decorator stores its fixture in the module that defines it; so each of the
three conftest.py files star-imports this module, which brings those fixtures along (their
names, `pytestbdd_stepdef_...`, are public), instead of each copying the same steps.
"""
from __future__ import annotations

import re

from parse import with_pattern
from pytest_bdd import parsers, then

from workflow_app import clock

from .. import helpers as h

ROLES = {**h.ROLES, "kiểm tra viên": "inspector", "cán bộ giám sát": "inspector"}
_OFFICIAL = rf"(?:{h._alternatives(ROLES)})(?: của)? (?:{h._AGENCY})"

# The case file of these processes, by the kind of its entries (handlers/inspection.py,
# handlers/periodic_review.py, handlers/rules_review.py).
FILE_ENTRIES = {
    "kế hoạch kiểm tra, giám sát": "ke_hoach_kiem_tra",
    "biên bản làm việc tại đơn vị": "bien_ban_lam_viec",
    "báo cáo không tiến hành được kiểm tra, giám sát": "bao_cao_can_tro",
    "kết luận kiểm tra, giám sát": "ket_luan",
    "báo cáo thực hiện kiến nghị": "bao_cao_khac_phuc",
    "đánh giá kết quả thực hiện kiến nghị": "danh_gia_khac_phuc",
    "văn bản kết thúc theo dõi thực hiện kiến nghị": "ket_thuc_theo_doi",
    "văn bản đôn đốc thực hiện kiến nghị": "don_doc_khac_phuc",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
    "văn bản giao nhiệm vụ": "van_ban_trien_khai",
    "báo cáo của đơn vị": "bao_cao_don_vi",
    "số liệu thống kê do hệ thống tổng hợp": "so_lieu_thong_ke",
    "báo cáo tổng hợp gửi Ban Thường vụ Tỉnh ủy": "bao_cao_tong_hop",
    "yêu cầu bổ sung báo cáo": "yeu_cau_bo_sung",
    "báo cáo bổ sung": "bao_cao_bo_sung",
    "văn bản nhắc đơn vị chậm báo cáo": "nhac_bao_cao",
    "báo cáo Thường trực về đơn vị chậm báo cáo": "bao_cao_cham",
    "phiếu phát hiện quy định bất cập": "phat_hien_bat_cap",
    "đề xuất sửa đổi, bổ sung": "de_xuat_sua_doi",
    "quyết định chấp thuận đề xuất": "quyet_dinh_chap_thuan",
    "yêu cầu hoàn thiện đề xuất": "quyet_dinh_hoan_thien",
    "văn bản không chấp thuận đề xuất": "quyet_dinh_tu_choi",
    "báo cáo tiến độ ban hành": "bao_cao_tien_do",
    "văn bản sửa đổi, bổ sung đã ban hành": "van_ban_ban_hanh",
    "văn bản đôn đốc": "don_doc",
}


@with_pattern(_OFFICIAL)
def official_type(text: str) -> str:
    """'kiểm tra viên của Ủy ban Kiểm tra Tỉnh ủy' → 'inspector.ubkt_tu'."""
    role = next(r for r in sorted(ROLES, key=len, reverse=True) if text.lower().startswith(r))
    agency = text[len(role):].strip()
    agency = agency[len("của "):] if agency.startswith("của ") else agency
    return h.username(ROLES[role], h.agency_type(agency))


@with_pattern(h._alternatives(FILE_ENTRIES))
def file_entry_type(text: str) -> str:
    return FILE_ENTRIES[next(k for k in FILE_ENTRIES if k.lower() == text.lower())]


@with_pattern(rf"(?:{h._AGENCY})(?:(?:, | và )(?:{h._AGENCY}))*")
def agency_list_type(text: str) -> list[str]:
    """Like the parent's list of agencies, but a name that holds " và " ("Ban Tuyên giáo và Dân
    vận Tỉnh ủy") stays whole: names are matched, longest first, instead of split on " và "."""
    return [h.agency_type(name) for name in re.findall(h._AGENCY, text)]


TYPES = {**h.TYPES, "CanBo": official_type, "CacCoQuan": agency_list_type, "MucHoSo": file_entry_type}


def P(text: str):
    return parsers.parse(text, extra_types=TYPES)


def start(api, ctx: dict, user: str, process_model: str, data: dict, ok: bool = True):
    """`user` opens a case of `process_model`; it becomes the scenario's case."""
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": process_model, "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
    elif ok:
        raise AssertionError(ctx["response"].get_json())
    return ctx["response"]


def tasks_named(api, user: str, case_id: str, name: str) -> list[dict]:
    return [t for t in h.inbox(api, user, case_id) if t["name"] == name]


def case_data(api, ctx: dict) -> dict:
    return h.case_view(api, ctx)["data"]


def form_data(api, user: str, task_id: str) -> dict:
    """The values a task's form starts from, as GET /tasks/{id} serves them."""
    response = api.get(user, f"/tasks/{task_id}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["data"]


# -- steps the three features share -----------------------------------------------------------
@then(P('{can_bo:CanBo} được giao nhiệm vụ "{ten}"'))
@then(P('{can_bo:CanBo} vẫn được giao nhiệm vụ "{ten}"'))
def assigned(api, ctx, can_bo, ten):
    assert tasks_named(api, can_bo, ctx["case_id"], ten), [t["name"] for t in h.inbox(api, can_bo, ctx["case_id"])]


@then(P('{can_bo:CanBo} được giao {so:d} nhiệm vụ "{ten}"'))
def assigned_many(api, ctx, can_bo, so, ten):
    assert len(tasks_named(api, can_bo, ctx["case_id"], ten)) == so


@then(P('{can_bo:CanBo} không được giao nhiệm vụ "{ten}"'))
def not_assigned(api, ctx, can_bo, ten):
    assert not tasks_named(api, can_bo, ctx["case_id"], ten)


@then(P("hồ sơ lưu {muc:MucHoSo}"))
def file_has(ctx, muc):
    assert h.file_entries(ctx["case_id"], muc), f"no {muc} in the case file"


@then(P("hồ sơ lưu {so:d} {muc:MucHoSo}"))
def file_has_count(ctx, so, muc):
    assert len(h.file_entries(ctx["case_id"], muc)) == so


@then(P('{can_bo:CanBo} không nhận được thông báo có nội dung "{noi_dung}"'))
def not_notified(ctx, can_bo, noi_dung):
    notices = h.notices_for(can_bo, ctx["case_id"])
    assert not any(noi_dung in n for n in notices), notices


@then(P("{can_bo:CanBo} mở được hồ sơ"))
def opens_case(api, ctx, can_bo):
    """Like the parent's "xem được hồ sơ", for every official these processes know (inspectors too)."""
    assert api.get(can_bo, f"/process-instances/{ctx['case_id']}").status_code == 200
