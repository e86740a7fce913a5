"""The hash chain of the audit log.

`hash` = SHA-256 over canonical JSON (sorted keys, compact separators, UTF-8, non-ASCII
kept) of the event's fixed fields plus the previous event's hash. `seq` and the previous
hash come from the single `audit_head` row, locked at the end of the writing transaction
(`SELECT ... FOR UPDATE` on PostgreSQL; SQLite's write lock serialises writers already).
Editing, deleting, inserting or reordering any row breaks the recomputed chain.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import select

from .. import clock
from ..extensions import db
from ..models import AuditEvent, AuditHead

HEAD_GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "at", "actor_username", "actor_agency", "type", "instance_id",
                 "element_id", "element_name", "task_id", "data")


def _canonical_at(at: datetime) -> str:
    return clock.as_utc(at).isoformat(timespec="microseconds")


def event_hash(fields: dict, prev_hash: str) -> str:
    body = {name: fields.get(name) for name in HASHED_FIELDS}
    body["at"] = _canonical_at(body["at"])
    body["prev_hash"] = prev_hash
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _head() -> AuditHead:
    head = db.session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=1, seq=0, hash=HEAD_GENESIS)
        db.session.add(head)
        db.session.flush()
    return head


def append(events: list[dict], actor=None) -> list[AuditEvent]:
    """Append `events` (dicts with type, instance_id, element_id, element_name, task_id,
    data) in the current transaction; `actor` is the acting user or None for the system."""
    if not events:
        return []
    db.session.flush()                    # the state change first, then the lock on the head
    head = _head()
    at = clock.now()
    rows = []
    for event in events:
        fields = {
            "seq": head.seq + 1,
            "at": at,
            "actor_username": getattr(actor, "username", None),
            "actor_agency": getattr(actor, "agency_code", None),
            "type": event["type"],
            "instance_id": event.get("instance_id"),
            "element_id": event.get("element_id"),
            "element_name": event.get("element_name"),
            "task_id": event.get("task_id"),
            "data": event.get("data") or {},
        }
        digest = event_hash(fields, head.hash)
        row = AuditEvent(**fields, prev_hash=head.hash, hash=digest)
        db.session.add(row)
        head.seq, head.hash = fields["seq"], digest
        rows.append(row)
    return rows


def verify(batch: int = 2000) -> dict:
    """Recompute the chain: `{"ok": True, "events": N}` or `{"ok": False, "first_bad_seq": k}`."""
    prev_hash, expected_seq, count = HEAD_GENESIS, 1, 0
    last_seq = 0
    columns = [getattr(AuditEvent, name) for name in HASHED_FIELDS] + [AuditEvent.prev_hash,
                                                                       AuditEvent.hash]
    while True:
        rows = db.session.execute(select(*columns).where(AuditEvent.seq > last_seq)
                                  .order_by(AuditEvent.seq).limit(batch)).all()
        if not rows:
            break
        for row in rows:
            fields = {name: getattr(row, name) for name in HASHED_FIELDS}
            if (row.seq != expected_seq or row.prev_hash != prev_hash
                    or event_hash(fields, prev_hash) != row.hash):
                return {"ok": False, "first_bad_seq": min(row.seq, expected_seq)}
            prev_hash, expected_seq, count = row.hash, expected_seq + 1, count + 1
            last_seq = row.seq
    head = db.session.get(AuditHead, 1)
    if head is not None and (head.seq != count or head.hash != prev_hash):
        return {"ok": False, "first_bad_seq": count + 1 if head.seq > count else max(head.seq, 1)}
    return {"ok": True, "events": count}
