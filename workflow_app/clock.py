"""The application clock: the one source of "now".

Deadlines, timers, audit timestamps and case-number years all read this clock, and
tests move it forward instead of waiting. The offset lives in the process: every
worker of a real deployment keeps it at zero.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_offset = timedelta(0)


def now() -> datetime:
    """Current time, timezone-aware UTC, shifted by the test offset."""
    return datetime.now(timezone.utc) + _offset


def local_now() -> datetime:
    return now().astimezone(LOCAL_TZ)


def advance(delta: timedelta) -> None:
    """Move the clock forward (tests only)."""
    global _offset
    _offset += delta


def reset() -> None:
    global _offset
    _offset = timedelta(0)


def as_utc(value: datetime | None) -> datetime | None:
    """Databases without time zones (SQLite) hand back naive datetimes stored in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)
