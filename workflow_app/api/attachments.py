"""Attachments of a case: list, upload (multipart), download."""
from __future__ import annotations

from io import BytesIO

from flask import request, send_file
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..services import attachments
from .common import authenticate, current_user

blp = Blueprint("attachments", __name__, description="Tài liệu đính kèm của hồ sơ")
blp.before_request(authenticate)


class AttachmentOut(Schema):
    id = fields.String()
    filename = fields.String()
    content_type = fields.String()
    size = fields.Integer()
    sha256 = fields.String()
    created_by = fields.String()
    created_at = fields.DateTime()
    case_file_entry_id = fields.Integer(allow_none=True)


UPLOAD_BODY = {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": f"PDF, ảnh hoặc văn bản văn phòng ({attachments.ALLOWED})"},
                   "description": {"type": "string", "description": "Ghi chú về tài liệu (không bắt buộc)"}}}}}


@blp.get("/process-instances/<instance_id>/attachments")
@blp.response(200, AttachmentOut(many=True))
def list_attachments(instance_id):
    return attachments.listing(current_user(), instance_id)


@blp.post("/process-instances/<instance_id>/attachments")
@blp.doc(requestBody={"content": UPLOAD_BODY})
@blp.response(201, AttachmentOut)
def upload_attachment(instance_id):
    upload = request.files.get("file")
    return attachments.upload(current_user(), instance_id,
                              upload.filename if upload else None,
                              upload.read() if upload else b"",
                              request.form.get("description"))


@blp.get("/process-instances/<instance_id>/attachments/<file_id>")
@blp.response(200, {"type": "string", "format": "binary"}, content_type="application/octet-stream",
              description="Nội dung tệp; lượt tải được ghi vào nhật ký kiểm toán.")
def download_attachment(instance_id, file_id):
    row, content = attachments.download(current_user(), instance_id, file_id)
    return attachment_response(row, content)


def attachment_response(row, content: bytes):
    """The file as a download (never shown inline), not cached: the pages use it too."""
    response = send_file(BytesIO(content), mimetype=row.content_type, as_attachment=True,
                         download_name=row.filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
