"""Drafts of diagrams: what a designer saves from the modeler before deploying.

A draft is free text (it need not be valid: it is work in progress) of bounded size. Any
designer may open, save over and delete any draft: designers of a province work together.
"""
from __future__ import annotations

from sqlalchemy import select

from .. import clock
from ..auth import policy
from ..engine import lint
from ..extensions import db
from ..models import ProcessModel, ProcessModelDraft, User
from .errors import Forbidden, Invalid, NotFound
from .tx import begin_write

MAX_DRAFT_BYTES = 2 * 1024 * 1024


def _require_designer(user: User) -> None:
    if not policy.can_deploy(user):
        raise Forbidden("Chỉ người thiết kế quy trình được làm việc với bản nháp.")


def process_id_of(xml: str | bytes) -> str | None:
    """The id of the (first) process in `xml`, or None when it does not parse."""
    try:
        ids = lint.parse(xml if isinstance(xml, bytes) else xml.encode()).xpath(
            "./bpmn:process/@id", namespaces=lint.NS)
    except Exception:  # noqa: BLE001 - a draft may be broken XML
        return None
    return ids[0] if ids else None


def name_of(draft: ProcessModelDraft) -> str:
    try:
        names = lint.parse(draft.xml.encode()).xpath("./bpmn:process/@name", namespaces=lint.NS)
    except Exception:  # noqa: BLE001
        names = []
    return names[0] if names else (process_id_of(draft.xml) or f"Bản nháp {draft.id}")


def listing(user: User) -> list[ProcessModelDraft]:
    _require_designer(user)
    return db.session.execute(select(ProcessModelDraft).order_by(ProcessModelDraft.updated_at.desc(),
                                                                 ProcessModelDraft.id.desc())).scalars().all()


def get(user: User, draft_id: int) -> ProcessModelDraft:
    _require_designer(user)
    draft = db.session.get(ProcessModelDraft, draft_id)
    if draft is None:
        raise NotFound("Không tìm thấy bản nháp.")
    return draft


def save(user: User, xml: str, *, comment: str = "", draft_id: int | None = None) -> ProcessModelDraft:
    """Create a draft, or save over draft `draft_id`."""
    _require_designer(user)
    if not isinstance(xml, str) or not xml.strip():
        raise Invalid("Bản nháp trống.", {"json": {"xml": ["Thiếu nội dung sơ đồ."]}})
    if len(xml.encode()) > MAX_DRAFT_BYTES:
        raise Invalid("Sơ đồ quá lớn.", {"json": {"xml": [f"Tối đa {MAX_DRAFT_BYTES // 1024} KB."]}})
    begin_write()
    if draft_id is not None:
        draft = db.session.get(ProcessModelDraft, draft_id)
        if draft is None:
            raise NotFound("Không tìm thấy bản nháp.")
    else:
        draft = ProcessModelDraft(xml="", author=user.username, updated_at=clock.now())
        db.session.add(draft)
    pid = process_id_of(xml)
    draft.process_model_id = pid if pid and db.session.get(ProcessModel, pid) is not None else None
    draft.xml, draft.author, draft.updated_at = xml, user.username, clock.now()
    draft.comment = (comment or "")[:2000]
    db.session.commit()
    return draft


def delete(user: User, draft_id: int) -> None:
    _require_designer(user)
    begin_write()
    draft = db.session.get(ProcessModelDraft, draft_id)
    if draft is not None:
        db.session.delete(draft)
    db.session.commit()
