"""Cases (process instances)."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from ..models import STATUSES
from ..services import instances
from ..services.errors import Invalid
from .common import authenticate, current_user, json_body, page_args, paged
from .schemas import HistoryEventOut, InstanceOut, RevealOut

blp = Blueprint("instances", __name__, description="Hồ sơ (phiên bản quy trình đang chạy)")
blp.before_request(authenticate)

START_BODY = {"type": "object", "required": ["process_model"],
              "properties": {"process_model": {"type": "string"}, "data": {"type": "object"}}}


@blp.post("/process-instances")
@blp.doc(requestBody={"content": {"application/json": {"schema": START_BODY}}})
@blp.response(201, InstanceOut)
def start():
    body = json_body()
    model = body.get("process_model")
    if not isinstance(model, str) or not model:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": {"process_model": ["Trường này là bắt buộc."]}})
    data = body.get("data", {})
    return instances.start_case(current_user(), model, data)


@blp.get("/process-instances")
@blp.response(200, InstanceOut(many=True))
def list_instances():
    page, per_page = page_args()
    status = request.args.get("status") or None
    if status and status not in STATUSES:
        raise Invalid("Tham số không hợp lệ.", {"query": {"status": [f"Phải là một trong: {', '.join(STATUSES)}."]}})
    rows, total = instances.listing(current_user(), process_model=request.args.get("process_model") or None,
                                    status=status, q=request.args.get("q") or None,
                                    page=page, per_page=per_page)
    return paged(InstanceOut(many=True).dump(rows), total)


@blp.get("/process-instances/<instance_id>")
@blp.response(200, InstanceOut)
def get_instance(instance_id):
    return instances.visible(current_user(), instance_id)


@blp.post("/process-instances/<instance_id>/cancel")
@blp.doc(requestBody={"content": {"application/json": {"schema": {
    "type": "object", "properties": {"reason": {"type": "string"}}}}}})
@blp.response(200, InstanceOut)
def cancel(instance_id):
    user = current_user()
    instances.visible(user, instance_id, for_cancel=True)   # 404 before the body is read
    body = json_body()
    return instances.cancel(user, instance_id, body.get("reason"))


@blp.post("/process-instances/<instance_id>/reveal")
@blp.doc(requestBody={"content": {"application/json": {"schema": {
    "type": "object", "properties": {"fields": {"type": "array", "items": {"type": "string"}},
                                     "reason": {"type": "string"}}}}}})
@blp.response(200, RevealOut)
def reveal(instance_id):
    user = current_user()
    instances.visible(user, instance_id)
    body = json_body()
    return {"values": instances.reveal(user, instance_id, body.get("fields"), body.get("reason"))}


@blp.get("/process-instances/<instance_id>/history")
@blp.response(200, HistoryEventOut(many=True))
def history(instance_id):
    return instances.history(current_user(), instance_id)
