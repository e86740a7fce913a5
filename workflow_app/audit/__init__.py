"""The audit log: append-only, hash-chained (see chain.py)."""
from .chain import HEAD_GENESIS, append, event_hash, verify

__all__ = ["HEAD_GENESIS", "append", "event_hash", "verify"]
