"""The features' Vietnamese words mapped to what the application understands, and small
readers of a case. Plain tables and functions, no steps: pytest-bdd finds step
definitions only in conftest.py (docs: toolchain notes §1).
"""
from __future__ import annotations

import json
import re
from datetime import timedelta

from parse import with_pattern
from sqlalchemy import and_, or_, select

from workflow_app import clock
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, CaseFileEntry, Measure, Notification, ProcessInstance

from ..support import INTAKE_OK, VERIFY_OK, decision_apply, request_data

# The numbered points of the two seed documents (shared/DOMAIN.md): the only tags of the
# form CT-… / KH-… a scenario may carry.
SEED_POINTS = (
    ["CT-1", "CT-2.1", "CT-2.2", "CT-2.3", "CT-2.4", "CT-3.1", "CT-3.2", "CT-4", "CT-5", "CT-6"]
    + [f"KH-I.1.{n}" for n in (1, 2, 3)] + [f"KH-I.2.{n}" for n in (1, 2)]
    + [f"KH-II.1.{n}" for n in range(1, 9)] + [f"KH-II.{n}" for n in (2, 3, 4, 5)]
    + ["KH-II.6.1", "KH-II.6.2", "KH-II.7", "KH-III.1", "KH-III.2"]
)

# -- the words of the features --------------------------------------------------------------
AGENCIES = {
    "Công an tỉnh": "CA_TINH",
    "Viện kiểm sát nhân dân tỉnh": "VKS_TINH",
    "Tòa án nhân dân tỉnh": "TAND_TINH",
    "Thi hành án dân sự tỉnh": "THADS_TINH",
    "Ban Nội chính Tỉnh ủy": "BNC_TU",
    "Ủy ban Kiểm tra Tỉnh ủy": "UBKT_TU",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy": "BTGDV_TU",
    "Hội đồng nhân dân tỉnh": "HDND_TINH",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": "MTTQ_TINH",
    "Ủy ban nhân dân tỉnh": "UBND_TINH",
}
ROLES = {
    "người đề nghị": "requester",
    "cán bộ tiếp nhận": "intake_officer",
    "cán bộ xác minh": "verifier",
    "thủ trưởng": "leader",
    "đầu mối phối hợp": "coordinator",
    "lực lượng bảo vệ": "protection_officer",
    "cán bộ theo dõi": "monitor",
}
THREATS = {
    "lôi kéo": "loi_keo", "dụ dỗ": "du_do", "mua chuộc": "mua_chuoc", "bôi nhọ": "boi_nho",
    "vu cáo": "vu_cao", "vu khống": "vu_khong", "xúc phạm": "xuc_pham", "tấn công": "tan_cong",
    "đe dọa": "de_doa", "can thiệp": "can_thiep",
}
PROTECTED_CONTENT = {
    "vị trí công tác": "vi_tri_cong_tac",
    "uy tín, danh dự, nhân phẩm": "uy_tin_danh_du_nhan_pham",
    "bí mật, an toàn thông tin, dữ liệu cá nhân": "bi_mat_thong_tin_du_lieu",
    "tính mạng, sức khỏe, tài sản": "tinh_mang_suc_khoe_tai_san",
}
RELATIONS = {"vợ": "vo_chong", "chồng": "vo_chong", "cha": "cha_me", "mẹ": "cha_me", "con": "con"}
DANGER_LEVELS = {"thấp": "thap", "trung bình": "trung_binh", "cao": "cao"}
SITUATIONS = {"ổn định": "on_dinh", "nguy cơ gia tăng": "gia_tang", "nguy cơ giảm": "giam"}
REVIEW_ACTIONS = {"tiếp tục áp dụng": "tiep_tuc", "thay đổi, bổ sung": "thay_doi", "chấm dứt": "cham_dut"}
REVIEW_BASES = {
    "đề nghị của người được bảo vệ": "de_nghi_nguoi_duoc_bao_ve",
    "nguy cơ xâm phạm thay đổi": "nguy_co_thay_doi",
    "báo cáo của lực lượng bảo vệ": "bao_cao_luc_luong",
}
# What the protection file (hồ sơ bảo vệ) holds, by the kind of its entries.
FILE_ENTRIES = {
    "văn bản đề nghị": "de_nghi",
    "biên bản ghi nhận đề nghị qua điện thoại": "bien_ban",
    "biên bản tiếp nhận": "tiep_nhan",
    "tài liệu bổ sung": "bo_sung",
    "văn bản chuyển cơ quan có thẩm quyền": "chuyen_co_quan",
    "kết quả xác minh": "xac_minh",
    "quyết định áp dụng biện pháp bảo vệ": "quyet_dinh_ap_dung",
    "văn bản từ chối áp dụng biện pháp bảo vệ": "quyet_dinh_tu_choi",
    "thông báo kết quả cho người đề nghị": "thong_bao",
    "phương án bảo vệ": "phuong_an",
    "xác nhận phối hợp": "xac_nhan_phoi_hop",
    "báo cáo tổng hợp kết quả phối hợp": "tong_hop_phoi_hop",
    "báo cáo kết quả thực hiện": "bao_cao_thuc_hien",
    "ý kiến xem xét biện pháp bảo vệ": "xem_xet",
    "quyết định chấm dứt biện pháp bảo vệ": "quyet_dinh_cham_dut",
    "chỉ đạo xử lý việc quá hạn": "chi_dao",
}
STATUSES = {"đang được xử lý": "running", "đã kết thúc": "completed", "đã hủy": "cancelled"}
DAYS_FROM_TODAY = {"hôm nay": 0, "ngày mai": 1}
UNITS = {"ngày": "days", "giờ": "hours", "phút": "minutes"}


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def username(role: str, agency: str) -> str:
    """Demo accounts are `<role>.<agency>` (DOMAIN.md)."""
    return f"{role}.{agency.lower()}"


def agency_of(user: str) -> str:
    return user.split(".", 1)[1].upper()


def threat_code(description: str) -> str:
    for words, code in THREATS.items():
        if description.startswith(words):
            return code
    raise KeyError(f"no threat type for {description!r}; known: {list(THREATS)}")


def local_date(days_from_today: int) -> str:
    return (clock.local_now().date() + timedelta(days=days_from_today)).isoformat()


# -- parse types (the `{name:Type}` of the step patterns) ----------------------------------
_AGENCY = _alternatives(AGENCIES)
_OFFICIAL = rf"(?:{_alternatives(ROLES)})(?: của)? (?:{_AGENCY})"
_DURATION = rf"\d+ (?:{_alternatives(UNITS)})(?: \d+ (?:{_alternatives(UNITS)}))*"
_QUOTED = r'"[^"]+"'


@with_pattern(_AGENCY)
def agency_type(text: str) -> str:
    return AGENCIES[_canonical(text, AGENCIES)]


@with_pattern(rf"(?:{_AGENCY})(?:(?:, | và )(?:{_AGENCY}))*")
def agency_list_type(text: str) -> list[str]:
    return [agency_type(part) for part in re.split(r", | và ", text)]


@with_pattern(_OFFICIAL)
def official_type(text: str) -> str:
    """'thủ trưởng Công an tỉnh', 'cán bộ tiếp nhận của Công an tỉnh' → demo username."""
    role = next(r for r in sorted(ROLES, key=len, reverse=True) if text.lower().startswith(r))
    agency = text[len(role):].strip()
    agency = agency[len("của "):] if agency.startswith("của ") else agency
    return username(ROLES[role], agency_type(agency))


@with_pattern(rf"{_QUOTED}(?:(?:, | và ){_QUOTED})*")
def quoted_list_type(text: str) -> list[str]:
    return re.findall(r'"([^"]+)"', text)


@with_pattern(_alternatives(DAYS_FROM_TODAY))
def day_type(text: str) -> str:
    return local_date(DAYS_FROM_TODAY[text.lower()])


@with_pattern(_DURATION)
def duration_type(text: str) -> timedelta:
    parts = re.findall(rf"(\d+) ({_alternatives(UNITS)})", text)
    return sum((timedelta(**{UNITS[unit]: int(n)}) for n, unit in parts), timedelta())


@with_pattern(_alternatives(FILE_ENTRIES))
def file_entry_type(text: str) -> str:
    return FILE_ENTRIES[text.lower()]


@with_pattern(_alternatives(STATUSES))
def status_type(text: str) -> str:
    return STATUSES[text.lower()]


def _canonical(text: str, table: dict) -> str:
    return next(k for k in table if k.lower() == text.lower())


TYPES = {"CoQuan": agency_type, "CacCoQuan": agency_list_type, "CanBo": official_type,
         "CacMuc": quoted_list_type, "Ngay": day_type, "ThoiHan": duration_type,
         "MucHoSo": file_entry_type, "TrangThai": status_type}


# -- readers of a case -------------------------------------------------------------------
def measure_codes(titles: list[str]) -> list[str]:
    """Catalogue codes of the measures whose title starts with each of `titles`."""
    catalogue = db.session.execute(select(Measure.code, Measure.title).where(Measure.active)).all()
    codes = []
    for wanted in titles:
        found = [code for code, title in catalogue if title.lower().startswith(wanted.lower())]
        assert len(found) == 1, f"{wanted!r} names {found or 'no'} measure of the catalogue"
        codes.append(found[0])
    return codes


def file_entries(instance_id: str, kind: str) -> list[CaseFileEntry]:
    return list(db.session.execute(select(CaseFileEntry).where(
        CaseFileEntry.instance_id == instance_id, CaseFileEntry.kind == kind)
        .order_by(CaseFileEntry.id)).scalars())


def notices_for(user: str, instance_id: str) -> list[str]:
    """Notices addressed to `user` by name, or to their role in their agency."""
    to_user = or_(Notification.recipient_username == user,
                  and_(Notification.recipient_agency == agency_of(user),
                       Notification.recipient_role == user.split(".", 1)[0]))
    return list(db.session.execute(select(Notification.message).where(
        Notification.instance_id == instance_id, to_user)).scalars())


def stored_text(instance_id: str) -> str:
    """What the database keeps of a case outside the vault: its data and its history."""
    instance = db.session.get(ProcessInstance, instance_id)
    events = db.session.execute(select(AuditEvent.data).where(AuditEvent.instance_id == instance_id)).scalars()
    return json.dumps([instance.data, instance.state, list(events)], ensure_ascii=False)


def messages_of(body) -> list[str]:
    """Every message of an error answer, however deep its `errors` nest them."""
    if isinstance(body, str):
        return [body]
    if isinstance(body, dict):
        return [m for value in body.values() for m in messages_of(value)]
    if isinstance(body, list):
        return [m for value in body for m in messages_of(value)]
    return []


# -- driving a case through the API ---------------------------------------------------------
def inbox(api, user: str, case_id: str, overdue: bool = False) -> list[dict]:
    """The tasks of one case in `user`'s inbox (GET /tasks, as the inbox page reads it)."""
    response = api.get(user, "/tasks", query_string={"per_page": 200, "overdue": str(overdue).lower()})
    assert response.status_code == 200, response.get_json()
    return [t for t in response.get_json() if t["process_instance_id"] == case_id]


def case_view(api, ctx: dict, user: str | None = None) -> dict:
    response = api.get(user or ctx["starter"], f"/process-instances/{ctx['case_id']}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def act(api, ctx: dict, user: str, element_id: str, data: dict, ok: bool = True):
    """`user` does the case's task `element_id`, found in their own inbox."""
    found = [t for t in inbox(api, user, ctx["case_id"]) if t["element_id"] == element_id]
    assert found, f"{user} has no {element_id}: {[t['element_id'] for t in inbox(api, user, ctx['case_id'])]}"
    ctx["response"] = api.post(user, f"/tasks/{found[0]['id']}/complete", json={"data": data})
    if ok:
        assert ctx["response"].status_code == 200, ctx["response"].get_json()
    return ctx["response"]


def start_case(api, ctx: dict, user: str, data: dict, ok: bool = True):
    """`user` files a protection request; the case becomes the scenario's case."""
    ctx["started_at"] = clock.now()
    ctx["response"] = api.post(user, "/process-instances", json={"process_model": "protection_request", "data": data})
    if ctx["response"].status_code == 201:
        ctx["case_id"], ctx["starter"] = ctx["response"].get_json()["id"], user
    elif ok:
        raise AssertionError(ctx["response"].get_json())
    return ctx["response"]


def request_for(ctx: dict, **overrides) -> dict:
    """The start form: what the scenario described, else the shared test request."""
    return {**ctx.get("request", request_data()), **overrides}


def case_history(api, ctx: dict, user: str | None = None) -> list[dict]:
    response = api.get(user or ctx["starter"], f"/process-instances/{ctx['case_id']}/history")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def decide(api, ctx, user, measures, day, ok=True, **extra):
    return act(api, ctx, user, "decide", decision_apply(day, measures=measure_codes(measures), **extra), ok)


# How a case is moved past each step when a scenario only needs it to get further.
ROUTINE = {
    "intake": ("intake_officer", INTAKE_OK),
    "verify": ("verifier", VERIFY_OK),
    "decide": ("leader", None),
}


def drive_to(api, ctx: dict, task_name: str) -> None:
    """Move the case routinely (ROUTINE) until a task named `task_name` is open."""
    for _ in range(len(ROUTINE) + 1):
        active = case_view(api, ctx)["active_tasks"]
        if any(t["name"] == task_name for t in active):
            return
        task = active[0]
        role, data = ROUTINE[task["element_id"]]
        act(api, ctx, username(role, task["agency"]), task["element_id"],
            data or decision_apply(local_date(0)))
    raise AssertionError(f"the case never reached {task_name!r}")
