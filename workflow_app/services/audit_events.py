"""Recording history from a use case: a thin name over the audit chain."""
from __future__ import annotations

from .. import audit


def record(events: list[dict], actor) -> None:
    audit.append(events, actor)
