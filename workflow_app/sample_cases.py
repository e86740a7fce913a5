"""Sample protection cases for the demo, driven through the same use cases as the API."""
from __future__ import annotations

from sqlalchemy import select

from . import clock
from .extensions import db
from .models import HumanTask, User
from .services import instances, tasks


def _user(username: str) -> User:
    return db.session.execute(select(User).where(User.username == username)).scalar_one()


def _do(username: str, instance_id: str, element_id: str, data: dict) -> None:
    task = db.session.execute(select(HumanTask).where(HumanTask.instance_id == instance_id,
                                                      HumanTask.element_id == element_id)).scalars().first()
    tasks.complete(_user(username), task.id, data)


def request_data(name: str, kind: str = "thuong", channel: str = "van_ban", minutes: str | None = None) -> dict:
    data = {
        "request_kind": kind, "channel": channel, "competent_agency": "CA_TINH",
        "threat_types": ["de_doa", "xuc_pham"], "protected_content": ["tinh_mang_suc_khoe_tai_san"],
        "threat_description": "Nhận nhiều cuộc gọi đe dọa liên quan đến vụ án đang xét xử.",
        "protected_persons": [
            {"full_name": name, "relation": "ban_than", "position": "Thẩm phán", "id_number": "001080012345",
             "phone": "0912345678", "residence": "Số 1 đường Trần Phú, thành phố tỉnh",
             "workplace": "Tòa án nhân dân tỉnh"},
            {"full_name": "Trần Thị Bình", "relation": "vo_chong", "phone": "0987654321",
             "residence": "Số 1 đường Trần Phú, thành phố tỉnh"},
        ],
    }
    if minutes:
        data["minutes"] = minutes
    return data


def create_samples() -> int:
    today = clock.local_now().date().isoformat()
    judge = _user("requester.tand_tinh")
    # 1. Just filed: waiting for intake at the Provincial Police.
    instances.start_case(judge, "protection_request", request_data("Nguyễn Văn An"))
    # 2. Verified, waiting for the head's decision.
    second = instances.start_case(_user("requester.vks_tinh"), "protection_request",
                                  request_data("Lê Văn Cường"))
    _do("intake_officer.ca_tinh", second.id, "intake", {"intake_complete": True})
    _do("verifier.ca_tinh", second.id, "verify", {
        "grounds_confirmed": True, "authenticity": "xac_thuc", "danger_level": "cao",
        "verification_findings": "Xác định có đối tượng theo dõi nơi ở của kiểm sát viên."})
    # 3. Measures applied, the protection force reports.
    third = instances.start_case(_user("requester.thads_tinh"), "protection_request",
                                 request_data("Phạm Thị Dung"))
    _do("intake_officer.ca_tinh", third.id, "intake", {"intake_complete": True})
    _do("verifier.ca_tinh", third.id, "verify", {
        "grounds_confirmed": True, "authenticity": "xac_thuc", "danger_level": "trung_binh",
        "verification_findings": "Có tin nhắn đe dọa chấp hành viên."})
    _do("leader.ca_tinh", third.id, "decide", {
        "decision_outcome": "ap_dung", "measures": ["canh_gac_bao_ve", "giu_bi_mat_thong_tin"],
        "measures_start": today, "executing_agency": "CA_TINH", "is_complex": False})
    # 4. Refused, with written reasons: closed.
    fourth = instances.start_case(judge, "protection_request", request_data("Hoàng Văn Em"))
    _do("intake_officer.ca_tinh", fourth.id, "intake", {"intake_complete": True})
    _do("verifier.ca_tinh", fourth.id, "verify", {
        "grounds_confirmed": False, "authenticity": "khong_xac_thuc", "danger_level": "thap",
        "verification_findings": "Không xác định được hành vi đe dọa."})
    _do("leader.ca_tinh", fourth.id, "decide", {
        "decision_outcome": "tu_choi", "decision_reasons": "Không có căn cứ xác định nguy cơ bị xâm hại."})
    return 4
