"""Words the officials' pages show for codes: statuses, history events, roles, dates.

Vietnamese is the source language (the msgids); the English catalog in
workflow_app/translations translates them. Lazy strings, so each request gets its locale.
"""
from __future__ import annotations

from datetime import date, datetime

from flask_babel import format_datetime, gettext, lazy_gettext as _l

from .. import clock
from ..models.identity import ROLE_TITLES

STATUS_TITLES = {
    "running": _l("Đang xử lý"),
    "waiting": _l("Đang chờ"),
    "completed": _l("Đã kết thúc"),
    "cancelled": _l("Đã hủy"),
    "error": _l("Có sự cố"),
}

EVENT_TITLES = {
    "instance_started": _l("Khởi tạo hồ sơ"),
    "task_ready": _l("Nhiệm vụ mới"),
    "task_claimed": _l("Nhận xử lý nhiệm vụ"),
    "task_released": _l("Trả lại nhiệm vụ"),
    "task_assigned": _l("Giao nhiệm vụ"),
    "task_completed": _l("Hoàn thành nhiệm vụ"),
    "task_cancelled": _l("Nhiệm vụ bị hủy"),
    "gateway_taken": _l("Rẽ nhánh"),
    "element_completed": _l("Bước tự động"),
    "timer_fired": _l("Đến hạn (hẹn giờ)"),
    "message_received": _l("Nhận thông điệp"),
    "message_sent": _l("Gửi thông điệp"),
    "instance_completed": _l("Hồ sơ kết thúc"),
    "instance_cancelled": _l("Hủy hồ sơ"),
    "error": _l("Sự cố"),
    "data_revealed": _l("Xem thông tin bảo mật"),
    "attachment_uploaded": _l("Tải lên tài liệu"),
    "attachment_downloaded": _l("Tải xuống tài liệu"),
    "document_downloaded": _l("Tải xuống văn bản"),
}

ROLE_LABELS = {
    "requester": _l("Cơ quan, người đề nghị"),
    "intake_officer": _l("Cán bộ tiếp nhận"),
    "verifier": _l("Cán bộ xác minh"),
    "leader": _l("Thủ trưởng cơ quan"),
    "coordinator": _l("Đầu mối phối hợp"),
    "protection_officer": _l("Lực lượng bảo vệ"),
    "monitor": _l("Ban Nội chính (theo dõi, đôn đốc)"),
    "inspector": _l("Kiểm tra, giám sát"),
    "auditor": _l("Kiểm toán nhật ký"),
    "designer": _l("Thiết kế quy trình"),
    "admin": _l("Quản trị hệ thống"),
}


def status_title(status: str | None):
    return STATUS_TITLES.get(status or "", status or "")


def event_title(kind: str | None):
    return EVENT_TITLES.get(kind or "", kind or "")


def role_title(role: str | None):
    return ROLE_LABELS.get(role or "", ROLE_TITLES.get(role or "", role or ""))


def vn_datetime(value) -> str:
    """dd/mm/yyyy HH:MM in Vietnam's time (Flask-Babel's time zone setting)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        return format_datetime(clock.as_utc(value), "dd/MM/yyyy HH:mm")
    return vn_date(value)


def vn_date(value) -> str:
    """dd/mm/yyyy of a date (or an ISO date string, as form values are stored)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        return format_datetime(clock.as_utc(value), "dd/MM/yyyy")
    return value.strftime("%d/%m/%Y")


def translate(text) -> str:
    """A string known only at run time (a flash message, a navigation label) in the
    current language, when the catalog has it. Not Jinja's `_`, which would %-format it."""
    return gettext(str(text)) if text else ""


def register_filters(app) -> None:
    app.add_template_filter(translate, "translate")
    app.add_template_filter(vn_datetime, "vn_datetime")
    app.add_template_filter(vn_date, "vn_date")
    app.add_template_filter(status_title, "status_title")
    app.add_template_filter(event_title, "event_title")
    app.add_template_filter(role_title, "role_title")
