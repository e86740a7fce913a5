"""The parsed specs and the bindings an instance runs on.

An instance is pinned to its model version and to the versions of the processes it calls,
fixed at start; both the specs and the bindings are immutable, so they are cached.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from .. import engine
from ..extensions import db
from ..models import ProcessInstance, ProcessModelVersion
from .errors import NotFound


@dataclass(frozen=True)
class Pinned:
    bundle: engine.SpecBundle
    bindings: dict          # process id -> {element id -> binding}
    settings: dict          # process id -> settings
    version_ids: dict       # process id -> version row id
    messages: dict          # message name -> route ({"starts": process id}), all processes


_bindings_cache: dict[tuple, tuple[dict, dict, dict]] = {}


def latest_version(process_id: str) -> ProcessModelVersion:
    row = db.session.execute(select(ProcessModelVersion)
                             .where(ProcessModelVersion.process_model_id == process_id)
                             .order_by(ProcessModelVersion.version.desc()).limit(1)).scalar_one_or_none()
    if row is None:
        raise NotFound(f"Không có quy trình '{process_id}'.")
    return row


def resolve_called(top: ProcessModelVersion) -> dict[str, int]:
    """{process id: version row id} for the top process and, recursively, every process it
    calls, each at its latest deployed version."""
    pinned = {top.process_model_id: top.id}
    pending = list(top.bindings.get("called", []))
    while pending:
        pid = pending.pop()
        if pid in pinned:
            continue
        row = latest_version(pid)
        pinned[pid] = row.id
        pending.extend(row.bindings.get("called", []))
    return pinned


def pinned(process_id: str, version_ids: dict[str, int]) -> Pinned:
    # Cache keys are content hashes, not row ids: a spec parsed from the same XML is the
    # same spec whichever database (or test) the row came from.
    rows = db.session.execute(select(ProcessModelVersion.id, ProcessModelVersion.process_model_id,
                                     ProcessModelVersion.sha256)
                              .where(ProcessModelVersion.id.in_(version_ids.values()))).all()
    key = tuple(sorted((pid, sha) for _, pid, sha in rows))
    if key not in _bindings_cache:
        docs = db.session.execute(select(ProcessModelVersion.process_model_id, ProcessModelVersion.bindings)
                                  .where(ProcessModelVersion.id.in_(version_ids.values()))).all()
        _bindings_cache[key] = ({pid: b["tasks"] for pid, b in docs}, {pid: b["settings"] for pid, b in docs},
                                {name: route for _, b in docs for name, route in b.get("messages", {}).items()})
    bindings, settings, messages = _bindings_cache[key]

    def load_xml():
        docs = db.session.execute(select(ProcessModelVersion.process_model_id, ProcessModelVersion.bpmn_xml)
                                  .where(ProcessModelVersion.id.in_(version_ids.values()))).all()
        return {pid: bytes(xml) for pid, xml in docs}

    bundle = engine.get_specs(key, process_id, load_xml)
    return Pinned(bundle, bindings, settings, dict(version_ids), messages)


def for_instance(instance: ProcessInstance) -> Pinned:
    return pinned(instance.process_model_id, instance.called_versions)
