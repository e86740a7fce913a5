"""Process designers' pages: the modeler, drafts, versions and the diff between versions.

The pages talk to the JSON endpoints below (session login + CSRF header), which call the
same services as the API: drafts, deploy.validate / deploy.deploy (THE validation), dry_run.
Every page and endpoint is for designers (policy.can_deploy); others get 403.
"""
from __future__ import annotations

import secrets
from functools import wraps

from flask import (Blueprint, Response, abort, flash, jsonify, redirect, render_template, request,
                   url_for)
from flask_login import login_required
from sqlalchemy import select

import forms
import handlers

from ..auth import policy
from ..extensions import db
from ..models import ROLE_TITLES, ROLES, ProcessModel, ProcessModelVersion
from ..services import diagram_diff, drafts, dry_run
from ..services import deploy as deploy_service
from ..services.errors import Invalid, NotFound, ServiceError
from . import nav
from .session import protect_form, web_user

bp = Blueprint("designers", __name__, url_prefix="/designer")

nav.add("designers.index", "Thiết kế quy trình", lambda u: policy.can_deploy(u))

TASK_ROLES = [r for r in ROLES if r not in ("auditor", "admin", "designer")]


def designer_only(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not policy.can_deploy(web_user()):
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def _version(model_id: str, version: int) -> ProcessModelVersion:
    row = db.session.execute(select(ProcessModelVersion).where(
        ProcessModelVersion.process_model_id == model_id, ProcessModelVersion.version == version)).scalar_one_or_none()
    if row is None:
        abort(404)
    return row


def _versions(model_id: str) -> list[ProcessModelVersion]:
    return db.session.execute(select(ProcessModelVersion).where(ProcessModelVersion.process_model_id == model_id)
                              .order_by(ProcessModelVersion.version.desc())).scalars().all()


def _xml_response(xml: bytes | str) -> Response:
    return Response(xml, mimetype="application/xml",
                    headers={"Cache-Control": "no-store", "Content-Disposition": "inline"})


# -- pages --------------------------------------------------------------------------------------
@bp.get("/")
@designer_only
def index():
    models = db.session.execute(select(ProcessModel).order_by(ProcessModel.id)).scalars().all()
    return render_template("designers/index.html", models=models, drafts=drafts.listing(web_user()),
                           draft_name=drafts.name_of)


@bp.get("/modeler")
@designer_only
def modeler():
    """?model=ID[&version=N] opens a deployed version (latest by default), ?draft=ID a draft,
    ?new=1 the template of a new process."""
    draft_id = request.args.get("draft", type=int)
    model_id = request.args.get("model")
    context = {"draft": None, "model": None, "version": None}
    if draft_id is not None:
        try:
            context["draft"] = drafts.get(web_user(), draft_id)
        except NotFound:
            abort(404)
        source = url_for("designers.draft_xml", draft_id=draft_id)
        context["model"] = db.session.get(ProcessModel, context["draft"].process_model_id) \
            if context["draft"].process_model_id else None
    elif model_id:
        model = db.session.get(ProcessModel, model_id)
        if model is None:
            abort(404)
        version = _version(model_id, request.args.get("version", type=int) or model.latest_version)
        context.update(model=model, version=version)
        source = url_for("designers.version_xml", model_id=model_id, version=version.version)
    else:
        source = url_for("designers.template_xml", key=secrets.token_hex(2))
    return render_template("designers/modeler.html", source=source, **context)


@bp.get("/models/<model_id>/versions")
@designer_only
def versions(model_id):
    model = db.session.get(ProcessModel, model_id)
    if model is None:
        abort(404)
    return render_template("designers/versions.html", model=model, versions=_versions(model_id))


@bp.get("/models/<model_id>/diff")
@designer_only
def diff(model_id):
    model = db.session.get(ProcessModel, model_id)
    if model is None:
        abort(404)
    old_n = request.args.get("from", type=int) or max(model.latest_version - 1, 1)
    new_n = request.args.get("to", type=int) or model.latest_version
    old, new = _version(model_id, old_n), _version(model_id, new_n)
    result = diagram_diff.diff(bytes(old.bpmn_xml), bytes(new.bpmn_xml))
    return render_template("designers/diff.html", model=model, old=old, new=new, diff=result,
                           versions=_versions(model_id))


@bp.post("/drafts/<int:draft_id>/delete")
@designer_only
def delete_draft(draft_id):
    protect_form()
    drafts.delete(web_user(), draft_id)
    flash("Đã xóa bản nháp.", "info")
    return redirect(url_for("designers.index"))


# -- diagrams as XML ----------------------------------------------------------------------------
@bp.get("/models/<model_id>/versions/<int:version>.bpmn")
@designer_only
def version_xml(model_id, version):
    return _xml_response(bytes(_version(model_id, version).bpmn_xml))


@bp.get("/drafts/<int:draft_id>.bpmn")
@designer_only
def draft_xml(draft_id):
    try:
        return _xml_response(drafts.get(web_user(), draft_id).xml)
    except NotFound:
        abort(404)


@bp.get("/template.bpmn")
@designer_only
def template_xml():
    key = "".join(c for c in request.args.get("key", "") if c.isalnum())[:8] or secrets.token_hex(2)
    return _xml_response(render_template("designers/template.bpmn", process_id=f"quy_trinh_moi_{key}"))


@bp.get("/reference.json")
@designer_only
def reference():
    """What the properties panel offers: roles (lanes), forms, handlers, deployed processes."""
    models = db.session.execute(select(ProcessModel).order_by(ProcessModel.id)).scalars().all()
    return jsonify({
        "roles": [{"id": r, "title": ROLE_TITLES.get(r, r)} for r in TASK_ROLES],
        "forms": [{"key": key, "title": _first_line(schema.__doc__) or key}
                  for key, schema in sorted(forms.FORMS.items())],
        "handlers": [{"name": name, "title": _first_line(fn.__doc__)}
                     for name, fn in sorted(handlers.HANDLERS.items())],
        "processes": [{"id": m.id, "name": m.name} for m in models],
    })


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0].rstrip(".") if (doc or "").strip() else ""


# -- JSON actions of the modeler (session + CSRF header) ----------------------------------------
def _json() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        message = "Dữ liệu phải là một đối tượng JSON."
        raise Invalid(message, {"json": {"_schema": [message]}})
    return data


def _xml_of(data: dict, key: str = "xml") -> bytes:
    xml = data.get(key)
    if not isinstance(xml, str) or not xml.strip():
        raise Invalid("Thiếu nội dung sơ đồ BPMN.", {"problems": [
            {"element_id": None, "message": "Thiếu nội dung sơ đồ BPMN."}]})
    return xml.encode()


@bp.post("/api/drafts")
@designer_only
def save_draft():
    protect_form()
    data = _json()
    draft = drafts.save(web_user(), data.get("xml"), comment=data.get("comment") or "",
                        draft_id=data.get("draft_id") if isinstance(data.get("draft_id"), int) else None)
    return jsonify({"id": draft.id, "updated_at": draft.updated_at.isoformat(), "author": draft.author,
                    "url": url_for("designers.modeler", draft=draft.id)})


@bp.post("/api/validate")
@designer_only
def validate():
    protect_form()
    parsed = deploy_service.validate(_xml_of(_json()))
    return jsonify({"process_id": parsed.process_id, "valid": not parsed.problems,
                    "problems": [p.as_dict() for p in parsed.problems]})


@bp.post("/api/deploy")
@designer_only
def deploy():
    protect_form()
    data = _json()
    xml = _xml_of(data)
    comment = (data.get("comment") or "").strip()
    if not comment:
        raise Invalid("Hãy ghi chú nội dung thay đổi.", {"json": {"comment": ["Hãy ghi chú nội dung thay đổi."]}})
    version, created = deploy_service.deploy(web_user(), xml, comment=comment[:2000])
    draft_id = data.get("draft_id")
    if created and isinstance(draft_id, int):
        drafts.delete(web_user(), draft_id)
    return jsonify({"process_id": version.process_model_id, "version": version.version, "sha256": version.sha256,
                    "created": created,
                    "versions_url": url_for("designers.versions", model_id=version.process_model_id),
                    "modeler_url": url_for("designers.modeler", model=version.process_model_id,
                                           version=version.version)}), (201 if created else 200)


@bp.post("/api/dry-run")
@designer_only
def run_dry():
    protect_form()
    data = _json()
    return jsonify(dry_run.run(_xml_of(data, "bpmn"), data.get("data", {}), data.get("answers", {})))


@bp.errorhandler(ServiceError)
def on_service_error(exc: ServiceError):
    body = {"code": exc.status, "message": exc.message}
    if exc.errors and "problems" in exc.errors:
        body["problems"] = exc.errors["problems"]
    elif exc.errors:
        body["errors"] = exc.errors
    return jsonify(body), exc.status
