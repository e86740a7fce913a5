"""The background jobs of generated documents (see store.py)."""
from __future__ import annotations

from ..jobs import job
from . import store


@job("render_document")
def render_document(pending_id: int) -> bool:
    return store.render_pending(pending_id) is not None


@job("sweep_documents")
def sweep_documents() -> int:
    return store.sweep()
