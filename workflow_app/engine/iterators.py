"""Lift SpiffWorkflow's task-iterator depth limit.

The iterators stop at depth 1000 by default; each pass of a loop adds about three levels,
so after ~333 passes a gateway is never reached and the workflow wrongly reports itself
completed. Our loops are short by design (docs/protection-request.md), but a silent wrong
"completed" is worse than slowness, so the limit goes (tested in the notes to 1,500 passes).
"""
from __future__ import annotations

from SpiffWorkflow.bpmn.util.task import BpmnTaskIterator
from SpiffWorkflow.util.task import TaskIterator

DEPTH = 10**9


def raise_depth_limit() -> None:
    TaskIterator.__init__.__defaults__ = (None, DEPTH, True, None)
    BpmnTaskIterator.__init__.__defaults__ = (None, DEPTH, True, False, None)
