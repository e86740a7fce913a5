"""Keep the task tree of a long case bounded: drop the finished past above the live tasks.

SpiffWorkflow never removes a finished task. A loop (execute → review → execute ...) adds
a few tasks to the tree on every pass, each a child of the last, so the tree becomes a long
chain and every step restores, runs over and dumps all of it. This module cuts that chain
after a step, before the state is dumped (docs/adr/0009-bounded-task-tree.md).

For each workflow (the top one and every subprocess still running):

1. The live tasks are the unfinished ones and those in ERROR, plus every task that owns a
   subprocess that still has unfinished tasks. A WAITING end join (`<process>.EndJoin`,
   which waits for the whole process) and its predicted children are not counted: they
   are kept as they are, with the join's parent, as described in 3.
2. A is the lowest common ancestor of the live tasks and K its parent. K and everything
   below it stay exactly as they are; K becomes a child of the root (the `Start` task).
   The tasks strictly between the root and K, and every finished branch hanging off them,
   go. Nothing in a live task's subtree changes, nor the parent of any task in it except K,
   which is finished (it is an ancestor of a live task and not live itself).
3. What SpiffWorkflow reads outside the subtree of K is kept:
   - finished instances of joins that look at every task of their spec in the workflow
     (parallel and inclusive gateways, the end join: `UnstructuredJoin`), with their
     parents, whose data and state those joins read; they hang under the root in their
     former depth-first order, so they stay off the path of every live task;
   - an inclusive gateway on the path is never cut (it searches the tree from the root
     and stops at the first instance of its spec): K moves up above the first one;
   - ad hoc subprocesses (which look at the root's children) are never compacted.
4. Subprocesses of dropped tasks (finished call activities and subprocesses) go too.

The result is an ordinary SpiffWorkflow task tree: the state format does not change, an old
un-compacted state restores as before and is compacted after its next step.
"""
from __future__ import annotations

from SpiffWorkflow.bpmn.specs.bpmn_process_spec import AdHocSubprocessSpec
from SpiffWorkflow.bpmn.specs.mixins.inclusive_gateway import InclusiveGateway
from SpiffWorkflow.bpmn.specs.mixins.unstructured_join import UnstructuredJoin
from SpiffWorkflow.util.task import TaskState

ENABLED = True          # tests switch it off to compare with the uncompacted behaviour


def compact(workflow) -> int:
    """Compact `workflow` (a BpmnWorkflow) and its running subprocesses in place; the number
    of tasks removed."""
    if not ENABLED:
        return 0
    live_subprocesses = _live_subprocesses(workflow)
    removed = _compact_one(workflow, workflow, live_subprocesses)
    for task_id, sp in list(workflow.subprocesses.items()):
        if task_id in workflow.subprocesses:          # not dropped with its parent meanwhile
            removed += _compact_one(workflow, sp, live_subprocesses)
    return removed


def _live_subprocesses(top) -> set:
    """Ids of the tasks whose subprocess (or a subprocess nested in it) has unfinished tasks."""
    live = set()
    changed = True
    while changed:             # nested subprocesses: a parent is live when a child is
        changed = False
        for task_id, sp in top.subprocesses.items():
            if task_id in live:
                continue
            if any(t.has_state(TaskState.NOT_FINISHED_MASK | TaskState.ERROR) or t.id in live for t in sp.tasks.values()):
                live.add(task_id)
                changed = True
    return live


def _compact_one(top, wf, live_subprocesses: set) -> int:
    if wf.completed or isinstance(wf.spec, AdHocSubprocessSpec):
        return 0
    root = wf.task_tree
    end_join = getattr(wf.spec, "end", None)
    detached = set()                          # WAITING end joins and their predicted children
    for task in wf.tasks.values():
        if task.task_spec is end_join and task.state == TaskState.WAITING:
            detached.update(t.id for t in _subtree(task))
    live = [t for t in wf.tasks.values()
            if t.id not in detached
            and (t.has_state(TaskState.NOT_FINISHED_MASK | TaskState.ERROR) or t.id in live_subprocesses)]
    if not live:
        return 0

    # The path root → A (A: lowest common ancestor of the live tasks).
    chain = _path_from_root(live[0])
    if chain[0] is not root:
        return 0                              # not a tree we understand: leave it alone
    index = {t.id: i for i, t in enumerate(chain)}
    lowest = len(chain) - 1
    for task in live[1:]:
        node = task
        while node is not None and node.id not in index:
            node = node.parent
        if node is None:
            return 0
        lowest = min(lowest, index[node.id])
    keep_at = lowest - 1                      # K = A's parent
    for i in range(1, keep_at + 1):           # never cut at or below an inclusive gateway
        if isinstance(chain[i].task_spec, InclusiveGateway):
            keep_at = i - 1
            break
    if keep_at <= 1:
        return 0                              # nothing between the root and K
    keep = chain[keep_at]

    # Depth-first order of the whole tree (to re-hang kept tasks where the iterators met them),
    # and the subtree of K.
    order, subtree, stack = {}, set(), [(root, False)]
    while stack:
        task, inside = stack.pop()
        order[task.id] = len(order)
        inside = inside or task is keep
        if inside:
            subtree.add(task.id)
        stack.extend((child, inside) for child in reversed(task.children) if child is not None)
    if len(order) != len(wf.tasks) or keep.id not in subtree:
        return 0                              # tasks the tree does not reach: leave it alone
    path = {t.id for t in chain[:keep_at]}

    # Finished joins that look the whole workflow over, and their parents.
    kept = set()
    for task in wf.tasks.values():
        if task.id in subtree or task.id in path or task is root:
            continue
        if isinstance(task.task_spec, UnstructuredJoin) or task.id in detached:
            kept.add(task.id)
            if task._parent is not None and task._parent != root.id:
                kept.add(task._parent)
    drop = [t for t in wf.tasks.values() if t is not root and t.id not in subtree and t.id not in kept]
    if not drop:
        return 0

    # Re-link (everything is computed first, then assigned): K and the tops of the kept
    # groups become children of the root.
    children = {i: [c for c in wf.tasks[i]._children if c in kept] for i in kept}
    tops = [i for i in kept if wf.tasks[i]._parent not in kept]
    for task_id, kept_children in children.items():
        wf.tasks[task_id]._children = kept_children
    for task_id in tops:
        wf.tasks[task_id]._parent = root.id
    keep._parent = root.id
    root._children = sorted([keep.id, *tops], key=order.__getitem__)

    dropped = {t.id for t in drop}
    for task in drop:
        del wf.tasks[task.id]
        top.event_manager.remove_task(task)
    if wf.last_task is not None and wf.last_task.id in dropped:
        wf.last_task = None
    _drop_subprocesses(top, dropped)
    return len(drop)


def _subtree(task) -> list:
    found, stack = [], [task]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(c for c in node.children if c is not None)
    return found


def _path_from_root(task) -> list:
    path = []
    while task is not None:
        path.append(task)
        task = task.parent
    path.reverse()
    return path


def _drop_subprocesses(top, task_ids: set) -> None:
    """Remove the subprocesses of dropped tasks, and the subprocesses nested in them."""
    pending = [i for i in task_ids if i in top.subprocesses]
    while pending:
        sp = top.subprocesses.pop(pending.pop())
        pending.extend(t for t in sp.tasks if t in top.subprocesses)
