"""The parsed specs and the bindings an instance runs on.

An instance is pinned to its model version and to the versions of the processes it calls,
fixed at start; both the specs and the bindings are immutable, so they are cached.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session

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
# (database URL, version row id) -> (process id, sha256, version number). Version rows never
# change once deployed, so each process reads one once per database. A version written
# through this process's session clears it: a database emptied and filled again (tests)
# numbers its rows from 1 again.
_rows: dict[tuple[str, int], tuple[str, str, int]] = {}


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
    rows = _version_rows(version_ids.values())
    key = tuple(sorted((pid, sha) for pid, sha, _ in rows))
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


def _version_rows(ids) -> list[tuple[str, str, int]]:
    """(process id, sha256, version) of each version row id, read once per process and database."""
    url = str(db.engine.url)
    missing = [i for i in ids if (url, i) not in _rows]
    if missing:
        for row_id, pid, sha, number in db.session.execute(
                select(ProcessModelVersion.id, ProcessModelVersion.process_model_id,
                       ProcessModelVersion.sha256, ProcessModelVersion.version)
                .where(ProcessModelVersion.id.in_(missing))).all():
            _rows[(url, row_id)] = (pid, sha, number)
    return [_rows[(url, i)] for i in ids if (url, i) in _rows]


def version_number(version_id: int) -> int:
    """The deployed version number of version row `version_id` (404 if there is none)."""
    rows = _version_rows([version_id])
    if not rows:
        raise NotFound("Không tìm thấy phiên bản quy trình.")
    return rows[0][2]


def for_instance(instance: ProcessInstance) -> Pinned:
    return pinned(instance.process_model_id, instance.called_versions)


@event.listens_for(Session, "after_flush")
def _versions_written(session, _flush_context):
    if any(isinstance(obj, ProcessModelVersion) for obj in session.new):
        _rows.clear()
