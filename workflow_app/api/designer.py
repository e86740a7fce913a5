"""Process designers' API: check a diagram and run it dry before deploying it.

Deploying itself is `POST /process-models/{id}/versions` (process_models.py); both go
through the ONE validation of services/deploy.validate.
"""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from ..auth import policy
from ..services import deploy, dry_run
from ..services.errors import Forbidden, Invalid
from .common import authenticate, current_user, json_body

blp = Blueprint("designer_api", __name__, description="Thiết kế quy trình")
blp.before_request(authenticate)


class ProblemOut(Schema):
    element_id = fields.String(allow_none=True)
    message = fields.String()


class ValidationOut(Schema):
    process_id = fields.String(allow_none=True)
    valid = fields.Boolean()
    problems = fields.List(fields.Nested(ProblemOut))


class DryRunIn(Schema):
    bpmn = fields.String(required=True, metadata={"description": "BPMN XML của sơ đồ"})
    data = fields.Dict(load_default=dict, metadata={"description": "Dữ liệu khởi tạo"})
    answers = fields.Dict(load_default=dict, metadata={
        "description": "Câu trả lời (dữ liệu biểu mẫu) cho từng nhiệm vụ người dùng, theo mã phần tử; "
                       "một danh sách câu trả lời cho nhiệm vụ gặp nhiều lần"})


class StepOut(Schema):
    element_id = fields.String()
    name = fields.String()
    kind = fields.String()


class DryRunOut(Schema):
    process_id = fields.String()
    status = fields.String(metadata={"description": "running | waiting | completed | error"})
    path = fields.List(fields.String(), metadata={"description": "Mã các phần tử đã đi qua, theo thứ tự"})
    flows = fields.List(fields.String(), metadata={"description": "Mã các luồng đã đi qua"})
    steps = fields.List(fields.Nested(StepOut))
    waiting_on = fields.List(fields.String(), metadata={"description": "Nhiệm vụ đang chờ (chưa có câu trả lời)"})
    waiting = fields.List(fields.Dict())
    next_timer_at = fields.String(allow_none=True)
    error = fields.String(allow_none=True)
    error_element_id = fields.String(allow_none=True)
    data = fields.Dict()


def _designer():
    if not policy.can_deploy(current_user()):
        raise Forbidden("Chỉ người thiết kế quy trình được dùng chức năng này.")


@blp.post("/process-models/validate")
@blp.doc(requestBody={"content": {"application/xml": {"schema": {"type": "string"}}}})
@blp.response(200, ValidationOut)
def validate_diagram():
    """Check a diagram as deploying it would, without deploying it."""
    _designer()
    xml = request.get_data()
    if not xml:
        raise Invalid("Thiếu nội dung sơ đồ BPMN.", {"problems": [
            {"element_id": None, "message": "Nội dung yêu cầu phải là tệp BPMN (XML)."}]})
    parsed = deploy.validate(xml)
    return {"process_id": parsed.process_id, "valid": not parsed.problems,
            "problems": [p.as_dict() for p in parsed.problems]}


@blp.post("/process-models/dry-run")
@blp.doc(requestBody={"content": {"application/json": {"schema": DryRunIn}}})
@blp.response(200, DryRunOut)
def dry_run_diagram():
    """Run a diagram in memory with start data and an answer per user task; nothing is saved."""
    _designer()
    body = json_body()
    errors = DryRunIn().validate(body)
    if errors:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": errors})
    body = DryRunIn().load(body)
    return dry_run.run(body["bpmn"].encode(), body["data"], body["answers"])
