"""The background jobs of the auditors' exports (workflow_app/audit/export_render.py).

- "render_audit_export"   one requested export, queued by the request with after_commit
- "sweep_audit_exports"   (periodic) the exports whose job was lost, failed, or whose worker died
"""
from __future__ import annotations

from .registry import job


@job("render_audit_export")
def render_audit_export(export_id: str) -> bool:
    from ..audit import export_render
    return export_render.render_export(export_id)


@job("sweep_audit_exports")
def sweep_audit_exports() -> int:
    from ..audit import export_render
    return export_render.sweep()
