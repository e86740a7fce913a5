"""Generated documents of a case (decisions, notices): list and download the PDFs."""
from __future__ import annotations

from io import BytesIO

from flask import send_file
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..documents import access
from .common import authenticate, current_user

blp = Blueprint("documents", __name__, description="Văn bản của hồ sơ (quyết định, thông báo)")
blp.before_request(authenticate)


class DocumentOut(Schema):
    id = fields.String(allow_none=True, metadata={"description": "null while the document is pending"})
    status = fields.String(metadata={"description": "issued: the PDF can be downloaded; pending: decided, "
                                                    "being rendered (ask again in a moment)",
                                     "enum": ["issued", "pending"]})
    title = fields.String()
    filename = fields.String()
    size = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True)
    created_at = fields.DateTime()
    case_file_entry_id = fields.Integer(allow_none=True)


@blp.get("/process-instances/<instance_id>/documents")
@blp.response(200, DocumentOut(many=True))
def list_documents(instance_id):
    return access.case_documents(current_user(), instance_id)


@blp.get("/process-instances/<instance_id>/documents/<file_id>")
@blp.response(200, {"type": "string", "format": "binary"}, content_type="application/pdf",
              description="Tệp PDF của văn bản; lượt tải được ghi vào nhật ký kiểm toán.")
def download_document(instance_id, file_id):
    row, content = access.download(current_user(), instance_id, file_id)
    response = send_file(BytesIO(content), mimetype=row.content_type, as_attachment=True,
                         download_name=row.filename, max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response
