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

from sqlalchemy import bindparam, select
from sqlalchemy.orm.util import identity_key

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


_HEAD = AuditHead.__table__
_EVENTS = AuditEvent.__table__
# Every write runs these three (built once: building a statement costs more than running it).
_LOCK_HEAD = select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1).with_for_update()
_INSERT_EVENTS = _EVENTS.insert()
_MOVE_HEAD = _HEAD.update().where(_HEAD.c.id == 1).values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))


def _head(connection) -> tuple[int, str]:
    """(seq, hash) of the head row, locked for this transaction (created on first use)."""
    row = connection.execute(_LOCK_HEAD).first()
    if row is None:
        connection.execute(_HEAD.insert().values(id=1, seq=0, hash=HEAD_GENESIS))
        return 0, HEAD_GENESIS
    return row.seq, row.hash


def append(events: list[dict], actor=None) -> list[dict]:
    """Append `events` (dicts with type, instance_id, element_id, element_name, task_id,
    data) in the current transaction; `actor` is the acting user or None for the system.
    Returns the rows written, as dicts. Plain Core statements on the session's connection
    (one multi-row INSERT), as this runs under the lock of the head on every write."""
    if not events:
        return []
    db.session.flush()                    # the state change first, then the lock on the head
    connection = db.session.connection()
    seq, prev_hash = _head(connection)
    at = clock.now()
    rows = []
    for event in events:
        seq += 1
        fields = {
            "seq": seq,
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
        digest = event_hash(fields, prev_hash)
        rows.append({**fields, "prev_hash": prev_hash, "hash": digest})
        prev_hash = digest
    connection.execute(_INSERT_EVENTS, rows)
    connection.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": prev_hash})
    loaded = db.session.identity_map.get(identity_key(AuditHead, 1))
    if loaded is not None:                # a head read earlier in this session is now old
        db.session.expire(loaded)
    return rows


def verify(batch: int = 2000, anchor: tuple[int, str] | None = None) -> dict:
    """Recompute the chain: `{"ok": True, "events": N}` or `{"ok": False, "first_bad_seq": k}`.

    Rows are read from the lowest seq there is (a forged row numbered 0 or below is found
    too), and the head row must name the last row. `anchor` = (seq, hash) exported earlier
    (`flask audit head`): someone with write access to the files can recompute a whole
    consistent chain, and only a head kept outside the system shows that history moved."""
    prev_hash, expected_seq, count = HEAD_GENESIS, 1, 0
    last_seq = None
    anchor_seen = False
    columns = [getattr(AuditEvent, name) for name in HASHED_FIELDS] + [AuditEvent.prev_hash,
                                                                       AuditEvent.hash]
    while True:
        query = select(*columns).order_by(AuditEvent.seq).limit(batch)
        if last_seq is not None:
            query = query.where(AuditEvent.seq > last_seq)
        rows = db.session.execute(query).all()
        if not rows:
            break
        for row in rows:
            fields = {name: getattr(row, name) for name in HASHED_FIELDS}
            if (row.seq != expected_seq or row.prev_hash != prev_hash
                    or event_hash(fields, prev_hash) != row.hash):
                return {"ok": False, "first_bad_seq": min(row.seq, expected_seq)}
            if anchor is not None and row.seq == anchor[0]:
                if row.hash != anchor[1]:
                    return {"ok": False, "first_bad_seq": anchor[0]}
                anchor_seen = True
            prev_hash, expected_seq, count = row.hash, expected_seq + 1, count + 1
            last_seq = row.seq
    if anchor is not None and not anchor_seen and anchor[0] > 0:
        return {"ok": False, "first_bad_seq": count + 1}          # the anchored row is gone
    if anchor is not None and anchor[0] <= 0 and anchor[1] != HEAD_GENESIS:
        return {"ok": False, "first_bad_seq": 1}
    head = db.session.get(AuditHead, 1)
    if head is None:                      # nothing was ever appended through the application
        return {"ok": count == 0, **({"events": 0} if count == 0 else {"first_bad_seq": 1})}
    head_seq, head_hash = head.seq, head.hash
    if head_seq != count:
        # rows after the head were added (the first one is bad), or the last ones removed
        return {"ok": False, "first_bad_seq": min(head_seq, count) + 1}
    if head_hash != prev_hash:
        return {"ok": False, "first_bad_seq": max(count, 1)}
    return {"ok": True, "events": count}
