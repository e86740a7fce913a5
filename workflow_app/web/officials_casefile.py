"""What a case shows a person: the case data under the forms' own labels, the protection
file with its documents, the history in words, and where the case stands on its diagram.

Labels come from the forms' JSON Schemas (the titles people saw when they filled them), so
nothing here knows a particular process. Confidential values stay masked (vault.masked):
seeing them is the reveal action, with a reason, audited.
"""
from __future__ import annotations

from flask import g
from flask_babel import gettext as _

import forms

from .. import vault
from ..extensions import db
from ..models import AuditEvent, CaseFileEntry, PendingDocument, ProcessInstance, StoredFile
from ..services import bundles, catalogue
from ..services.instances import start_binding
from .officials_labels import event_title, role_title, vn_date, vn_datetime

DIAGRAM_DONE = ("instance_started", "element_completed", "task_completed", "gateway_taken", "timer_fired",
                "message_received")
# Keys handlers write into case-file entries that are not the name of a form field.
CONTENT_LABELS = {
    "note": "Ghi chú", "summary": "Tóm tắt", "findings": "Kết quả xác minh", "reasons": "Lý do",
    "record": "Biên bản", "minutes": "Biên bản", "complete": "Hồ sơ đầy đủ", "from": "Từ",
    "to": "Đến", "number": "Số", "date": "Ngày", "action": "Kết quả xem xét", "basis": "Căn cứ",
    "outcome": "Kết quả", "filename": "Tên tệp", "size": "Dung lượng (byte)", "description": "Mô tả",
    "change": "Thay đổi, bổ sung", "previous_measures": "Biện pháp trước đó",
}
HIDDEN_CONTENT = {"file_id"}


def form_schemas(instance: ProcessInstance) -> list[dict]:
    """JSON Schemas of the forms of the case's processes, the start form first."""
    cache = g.setdefault("form_schemas", {})
    if instance.id in cache:
        return cache[instance.id]
    pinned = bundles.for_instance(instance)
    keys = [start_binding(pinned, instance.process_model_id).get("form_key")]
    for process_bindings in pinned.bindings.values():
        keys += [b.get("form_key") for b in process_bindings.values()]
    choices = catalogue.choices()
    seen, schemas = set(), []
    for key in keys:
        if key and key not in seen and key in forms.FORMS:
            seen.add(key)
            schemas.append(forms.json_schema(key, choices=choices))
    cache[instance.id] = schemas
    return schemas


def _properties(schemas: list[dict]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for schema in schemas:
        for key, prop in (schema.get("properties") or {}).items():
            merged.setdefault(key, prop)
    return merged


def _enum_title(prop: dict, code) -> str:
    codes, titles = prop.get("enum") or [], prop.get("x-enum-titles") or []
    return str(titles[codes.index(code)]) if code in codes and len(titles) == len(codes) else str(code)


def shown(prop: dict | None, value):
    """A value for people: text, or for a list of objects a list of (label, text) rows."""
    prop = prop or {}
    if value is None or value == "" or value == []:
        return None
    if value == vault.MASK:
        return value
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if prop.get("enum"):
        return _enum_title(prop, value)
    if prop.get("format") == "date":
        return vn_date(value)
    if isinstance(value, list):
        items = prop.get("items") or {}
        if all(isinstance(v, dict) for v in value):
            return [[(p.get("title", k), s) for k, p in (items.get("properties") or {}).items()
                     if (s := shown(p, v.get(k))) is not None] for v in value]
        return ", ".join(str(shown(items, v)) for v in value)
    if isinstance(value, dict):
        return [[(k, str(v)) for k, v in value.items()]]
    return str(value)


def summary(instance: ProcessInstance) -> list[dict]:
    """[{"title": form title, "rows": [(label, shown value, confidential)]}] of the case data."""
    data = vault.masked(instance.data or {})
    seen, sections = set(), []
    for schema in form_schemas(instance):
        rows = []
        for key, prop in (schema.get("properties") or {}).items():
            if key in seen or key not in data:
                continue
            value = shown(prop, data[key])
            if value is None:
                continue
            seen.add(key)
            rows.append((prop.get("title", key), value, _has_confidential(prop)))
        if rows:
            sections.append({"title": schema.get("title", ""), "rows": rows})
    return sections


def _has_confidential(prop: dict) -> bool:
    if prop.get("x-confidential"):
        return True
    items = prop.get("items") or {}
    return any(p.get("x-confidential") for p in (items.get("properties") or {}).values())


def protection_file(instance: ProcessInstance) -> list[dict]:
    """The case-file entries, oldest first, with their content in words and their files."""
    entries = db.session.query(CaseFileEntry).filter(CaseFileEntry.instance_id == instance.id) \
        .order_by(CaseFileEntry.id).all()
    files: dict[int, list[StoredFile]] = {}
    for row in db.session.query(StoredFile).filter(StoredFile.instance_id == instance.id) \
            .order_by(StoredFile.created_at).all():
        files.setdefault(row.case_file_entry_id, []).append(row)
    pending: dict[int, list[PendingDocument]] = {}
    for row in db.session.query(PendingDocument).filter(PendingDocument.instance_id == instance.id) \
            .order_by(PendingDocument.id).all():
        pending.setdefault(row.case_file_entry_id, []).append(row)
    props = _properties(form_schemas(instance))
    out = []
    for entry in entries:
        rows = []
        for key, value in vault.masked(entry.content or {}).items():
            if key in HIDDEN_CONTENT:
                continue
            prop = props.get(key)
            text = shown(prop, value)
            if text is None:
                continue
            label = prop.get("title") if prop else _(CONTENT_LABELS.get(key, key.replace("_", " ")))
            rows.append((label, text))
        out.append({"entry": entry, "rows": rows, "files": files.get(entry.id, []),
                    "pending": pending.get(entry.id, [])})
    return out


def path_label(path: str, schemas: list[dict]) -> str:
    """'protected_persons.0.full_name' -> 'Người được bảo vệ 1 — Họ và tên'."""
    props, words, prop = _properties(schemas), [], {}
    for part in path.split("."):
        if part.isdigit() and words:
            items = prop.get("items") or {}
            words[-1] = f"{items.get('title') or words[-1]} {int(part) + 1}"
            prop, props = items, items.get("properties") or {}
        else:
            prop = props.get(part) or {}
            words.append(prop.get("title") or part)
            props = prop.get("properties") or {}
    return " — ".join(words)


def reveal_choices(instance: ProcessInstance) -> list[dict]:
    """The confidential values of the case, grouped per list item (one protected person)."""
    schemas = form_schemas(instance)
    groups: dict[str, list[str]] = {}
    for path, _ref in vault.references(instance.data or {}):
        parts = path.split(".")
        group = ".".join(parts[:2]) if len(parts) > 2 and parts[1].isdigit() else path
        groups.setdefault(group, []).append(path)
    return [{"value": group, "label": path_label(group, schemas),
             "fields": ", ".join(path_label(p, schemas).split(" — ")[-1] for p in paths)}
            for group, paths in groups.items()]


def _prop_at(path: str, schemas: list[dict]) -> dict:
    props, prop = _properties(schemas), {}
    for part in path.split("."):
        if part.isdigit():
            prop = prop.get("items") or {}
        else:
            prop = props.get(part) or {}
        props = prop.get("properties") or {}
    return prop


def revealed_rows(instance: ProcessInstance, values: dict) -> list[tuple[str, str]]:
    schemas = form_schemas(instance)
    rows = []
    for path, value in values.items():
        text = shown(_prop_at(path, schemas), value)
        rows.append((path_label(path, schemas), text if isinstance(text, str) else ("" if text is None else str(value))))
    return rows


def timeline(instance: ProcessInstance, events: list[AuditEvent], agencies: dict[str, str]) -> list[dict]:
    """The history in words: what, which step, who (and their agency), when, details."""
    schemas = form_schemas(instance)
    out = []
    for event in events:
        data = event.data or {}
        details = []
        if event.type == "task_ready" and data.get("role"):
            details.append(f"{role_title(data['role'])} · {agencies.get(data.get('agency'), data.get('agency') or '')}")
            if data.get("due_at"):
                details.append(_("hạn %(due)s", due=vn_datetime(data["due_at"])))
        elif event.type in ("task_claimed", "task_assigned") and data.get("assignee"):
            details.append(_("người xử lý: %(who)s", who=data["assignee"]))
        elif event.type == "task_released" and data.get("previous_assignee"):
            details.append(_("người trả lại: %(who)s", who=data["previous_assignee"]))
        elif event.type in ("instance_cancelled",) and data.get("reason"):
            details.append(_("lý do: %(reason)s", reason=data["reason"]))
        elif event.type == "data_revealed":
            details.append(_("trường: %(fields)s", fields="; ".join(path_label(f, schemas) for f in data.get("fields") or [])))
            if data.get("reason"):
                details.append(_("lý do: %(reason)s", reason=data["reason"]))
        elif event.type in ("attachment_uploaded", "attachment_downloaded", "document_downloaded"):
            details.append(data.get("filename") or "")
        elif event.type == "error":
            details.append(data.get("message") or "")
        out.append({"event": event, "title": event_title(event.type), "details": [d for d in details if d]})
    return out


def diagram_state(events: list[AuditEvent], active_tasks) -> dict:
    """Element ids for the diagram: steps done, where the case stands, where it failed."""
    done = sorted({e.element_id for e in events if e.type in DIAGRAM_DONE and e.element_id})
    failed = sorted({e.element_id for e in events if e.type == "error" and e.element_id})
    active = [{"element_id": t.element_id, "process_id": t.process_id, "name": t.name} for t in active_tasks]
    return {"done": done, "active": active, "failed": failed}
