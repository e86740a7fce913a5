"""Task handlers: the only process-specific Python besides the forms.

A user task (or start event) names its handler in the diagram
(`<spiffworkflow:property name="handler" value="record_decision"/>`); the handler gets a
context (`workflow_app.services.casefile.HandlerContext`) before the task completes and may
enrich `ctx.values`, add entries to the case file and notify people. A task without a
handler just stores its data.
"""
from __future__ import annotations

from typing import Callable

from . import common, coordination, protection_request
from . import inspection, periodic_review, rules_review
from . import complaint, liability_exemption, reporter_protection, threat_report

HANDLERS: dict[str, Callable] = {
    **common.HANDLERS,
    **protection_request.HANDLERS,
    **coordination.HANDLERS,
    **complaint.HANDLERS,
    **threat_report.HANDLERS,
    **reporter_protection.HANDLERS,
    **liability_exemption.HANDLERS,
    **inspection.HANDLERS,
    **periodic_review.HANDLERS,
    **rules_review.HANDLERS,
}

# Case-number prefix per process (BV-2026-000123 for a protection request).
CASE_PREFIXES: dict[str, str] = {
    "protection_request": "BV",
    "complaint_post_decision": "KN",
    "threat_report": "CB",
    "reporter_protection": "BVNTG",
    "liability_exemption": "MTN",
    "inspection_supervision": "KT",
    "periodic_review": "SK",
    "rules_review": "RS",
}
DEFAULT_PREFIX = "HS"


def case_prefix(process_id: str) -> str:
    return CASE_PREFIXES.get(process_id, DEFAULT_PREFIX)


def run(name: str | None, ctx) -> None:
    if not name:
        return
    HANDLERS[name](ctx)
