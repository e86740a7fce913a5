"""Process models: read by anyone signed in, deployed by designers."""
from __future__ import annotations

from flask import Response, request
from flask_smorest import Blueprint
from sqlalchemy import select

import forms

from ..extensions import db
from ..models import ProcessModel, ProcessModelVersion
from ..services import bundles, catalogue, deploy
from ..services.errors import NotFound
from ..services.instances import start_binding
from .common import authenticate, current_user, error_response
from .schemas import ProcessModelDetailOut, ProcessModelOut, VersionOut

MAX_VERSION = 2**31 - 1

blp = Blueprint("process_models", __name__, description="Mô hình quy trình")
blp.before_request(authenticate)


def _model(model_id: str) -> ProcessModel:
    model = db.session.get(ProcessModel, model_id)
    if model is None:
        raise NotFound("Không tìm thấy quy trình.")
    return model


@blp.get("/process-models")
@blp.response(200, ProcessModelOut(many=True))
def list_models():
    return db.session.execute(select(ProcessModel).order_by(ProcessModel.id)).scalars().all()


@blp.get("/process-models/<model_id>")
@blp.response(200, ProcessModelDetailOut)
def get_model(model_id):
    model = _model(model_id)
    latest = bundles.latest_version(model_id)
    form_key = next((b.get("form_key") for b in latest.bindings["tasks"].values()
                     if b.get("kind") == "start"), None)
    start_form = forms.json_schema(form_key, choices=catalogue.choices()) if form_key else \
        {"type": "object", "properties": {}, "additionalProperties": False}
    return {"id": model.id, "name": model.name, "latest_version": model.latest_version,
            "deployed_at": model.deployed_at, "start_form": start_form}


@blp.get("/process-models/<model_id>/versions")
@blp.response(200, VersionOut(many=True))
def list_versions(model_id):
    _model(model_id)
    return db.session.execute(select(ProcessModelVersion).where(ProcessModelVersion.process_model_id == model_id)
                              .order_by(ProcessModelVersion.version)).scalars().all()


@blp.get("/process-models/<model_id>/versions/<int:version>/bpmn")
@blp.response(200, content_type="application/xml")
def get_bpmn(model_id, version):
    if version > MAX_VERSION:
        raise NotFound("Không tìm thấy phiên bản.")       # beyond any integer column: not a version
    row = db.session.execute(select(ProcessModelVersion).where(
        ProcessModelVersion.process_model_id == model_id, ProcessModelVersion.version == version)).scalar_one_or_none()
    if row is None:
        raise NotFound("Không tìm thấy phiên bản.")
    return Response(bytes(row.bpmn_xml), mimetype="application/xml")


@blp.post("/process-models/<model_id>/versions")
@blp.doc(requestBody={"content": {"application/xml": {"schema": {"type": "string"}}}})
@blp.response(201, VersionOut)
def deploy_version(model_id):
    from ..auth import policy
    from ..services.errors import Forbidden
    if not policy.can_deploy(current_user()):                # 403 before 422 (API.md, Errors)
        raise Forbidden("Chỉ người thiết kế quy trình được triển khai sơ đồ.")
    xml = request.get_data()
    if not xml:
        return error_response(422, "Thiếu nội dung sơ đồ BPMN.", problems=[
            {"element_id": None, "message": "Nội dung yêu cầu phải là tệp BPMN (XML)."}])
    parsed_id = _process_id_of(xml)
    if parsed_id is not None and parsed_id != model_id:
        return error_response(422, "Sơ đồ không hợp lệ.", problems=[
            {"element_id": parsed_id, "message": f"Mã quy trình trong sơ đồ ('{parsed_id}') khác '{model_id}'."}])
    version, created = deploy.deploy(current_user(), xml, comment=request.args.get("comment", ""))
    return version, (201 if created else 200)


def _process_id_of(xml: bytes):
    from .. import engine
    return engine.read(xml).process_id
