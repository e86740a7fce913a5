"""The words for the audit log: event types as an auditor reads them.

The list is also the auditor's search menu (kept here rather than read with SELECT DISTINCT,
which would scan the whole log on every search). A type written by code added later and not
named here still shows, by its code, and the API's `type` filter still finds it: add it here.
"""
from __future__ import annotations

EVENT_TITLES = {
    "login_succeeded": "Đăng nhập",
    "login_failed": "Đăng nhập thất bại",
    "login_locked": "Đăng nhập khi tài khoản đang bị khóa tạm thời",
    "logout": "Đăng xuất",
    "token_issued": "Cấp mã truy cập API",
    "token_revoked": "Thu hồi mã truy cập API",
    "process_deployed": "Triển khai sơ đồ quy trình",
    "instance_started": "Khởi tạo hồ sơ",
    "instance_completed": "Hồ sơ kết thúc",
    "instance_cancelled": "Hủy hồ sơ",
    "error": "Sự cố",
    "task_ready": "Nhiệm vụ sẵn sàng",
    "task_claimed": "Nhận nhiệm vụ",
    "task_released": "Trả lại nhiệm vụ",
    "task_assigned": "Giao nhiệm vụ",
    "task_completed": "Hoàn thành nhiệm vụ",
    "task_cancelled": "Nhiệm vụ bị hủy",
    "gateway_taken": "Rẽ nhánh",
    "timer_fired": "Hết thời hạn (hẹn giờ)",
    "message_received": "Nhận thông điệp",
    "message_sent": "Gửi thông điệp",
    "element_completed": "Bước tự động",
    "data_revealed": "Xem thông tin bảo mật",
    "attachment_uploaded": "Tải lên tệp đính kèm",
    "attachment_downloaded": "Tải xuống tệp đính kèm",
    "document_downloaded": "Tải xuống văn bản",
    "export_made": "Xuất dữ liệu kiểm toán",
    "audit_viewed": "Xem nhật ký kiểm toán",
}


def title(event_type: str) -> str:
    return EVENT_TITLES.get(event_type, event_type)
