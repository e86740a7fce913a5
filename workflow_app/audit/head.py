"""The chain head, for anchoring outside the system.

Anyone who can write the database files can rebuild a whole chain that verifies; a head
(seq and hash) written down elsewhere — printed, sent to another body, photographed as a
QR code — cannot be rebuilt, and `verify(anchor=...)` checks the chain still passes it.
The text form is the one line `flask audit head` prints: "<seq> <hash>".
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, AuditHead
from .chain import HEAD_GENESIS


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str
    at: datetime | None              # when the event at the head was written

    @property
    def text(self) -> str:
        return f"{self.seq} {self.hash}"

    def as_dict(self) -> dict:
        return {"seq": self.seq, "hash": self.hash, "at": self.at.isoformat() if self.at else None}


def current() -> Head:
    row = db.session.get(AuditHead, 1)
    if row is None or not row.seq:
        return Head(0, HEAD_GENESIS, None)
    at = db.session.execute(select(AuditEvent.at).where(AuditEvent.seq == row.seq)).scalar_one_or_none()
    return Head(row.seq, row.hash, at)


def parse(text: str) -> tuple[int, str]:
    """"<seq> <hash>" (as printed) back to (seq, hash); ValueError when it is not that."""
    parts = (text or "").replace(":", " ").split()
    if len(parts) != 2 or not parts[0].isdigit() or len(parts[1]) != 64:
        raise ValueError(text)
    int(parts[1], 16)
    return int(parts[0]), parts[1].lower()


def qr_png(head: Head, scale: int = 6) -> bytes:
    import segno
    out = io.BytesIO()
    segno.make(head.text, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
