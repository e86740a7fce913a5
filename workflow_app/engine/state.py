"""Instance state without the spec: dump and restore.

SpiffWorkflow's serializer writes the whole spec into every workflow it saves. We keep
the spec once per deployed version (and parsed specs in memory), so an instance row holds
only its task tree and data. These two functions are the serializer's own workflow
converter minus the spec (docs/adr/0003-engine-state.md).
"""
from __future__ import annotations

import json
from uuid import UUID

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.default.workflow import WorkflowConverter
from SpiffWorkflow.spiff.serializer import DEFAULT_CONFIG

from .sandbox import script_engine

_registry = BpmnWorkflowSerializer.configure(DEFAULT_CONFIG)
_workflow_converter = _registry.convert_from_dict[_registry.typenames[BpmnWorkflow]].args[0].__self__

FORMAT = "spiff-3.2-state-1"


def dump(workflow: BpmnWorkflow) -> str:
    dct = WorkflowConverter.to_dict(_workflow_converter, workflow)
    dct["subprocesses"] = _workflow_converter.mapping_to_dict(workflow.subprocesses)
    dct["bpmn_events"] = _registry.convert(workflow.bpmn_events)
    dct["format"] = FORMAT
    return json.dumps(dct, separators=(",", ":"), ensure_ascii=False)


def restore(state: str, spec, subprocess_specs) -> BpmnWorkflow:
    dct = json.loads(state)
    workflow = BpmnWorkflow(spec, subprocess_specs, deserializing=True)
    workflow.tasks = _workflow_converter.mapping_from_dict(dct["tasks"], UUID, workflow=workflow)
    workflow.task_tree = workflow.tasks.get(UUID(dct["root"]))
    _workflow_converter.set_default_attributes(workflow, dct)
    _workflow_converter.subprocesses_from_dict(dct["subprocesses"], workflow)
    workflow.bpmn_events = _registry.restore(dct.get("bpmn_events", []))
    attach_engine(workflow)
    return workflow


def attach_engine(workflow: BpmnWorkflow) -> None:
    """The sandboxed engine; subprocesses take theirs from the top workflow."""
    workflow.script_engine = script_engine()
