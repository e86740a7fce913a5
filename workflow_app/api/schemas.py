"""Output and input schemas of the JSON API (they also document it in OpenAPI)."""
from __future__ import annotations

from marshmallow import Schema, fields

from .. import vault


class AgencyOut(Schema):
    code = fields.String()
    name = fields.String()


class MeOut(Schema):
    username = fields.String()
    full_name = fields.String()
    roles = fields.List(fields.String())
    agency = fields.String(attribute="agency_code")


class TokenIn(Schema):
    username = fields.String(required=True)
    password = fields.String(required=True)


class TokenOut(Schema):
    token = fields.String()
    expires_at = fields.DateTime()


class ProcessModelOut(Schema):
    id = fields.String()
    name = fields.String()
    latest_version = fields.Integer()
    deployed_at = fields.DateTime(allow_none=True)


class ProcessModelDetailOut(ProcessModelOut):
    start_form = fields.Dict(metadata={"description": "JSON Schema of the start form"})


class VersionOut(Schema):
    version = fields.Integer()
    sha256 = fields.String()
    deployed_by = fields.String()
    deployed_at = fields.DateTime()
    comment = fields.String()


class TaskOut(Schema):
    id = fields.String()
    name = fields.String()
    element_id = fields.String()
    process_instance_id = fields.String(attribute="instance_id")
    case_number = fields.String()
    role = fields.String()
    agency = fields.String(attribute="agency_code")
    assignee = fields.String(allow_none=True)
    due_at = fields.DateTime(allow_none=True)
    form_key = fields.String()


# Shared instances for dumping lists of tasks (a schema copies its fields when built).
TASKS_OUT = TaskOut(many=True)


class TaskDetailOut(TaskOut):
    form = fields.Dict()
    data = fields.Dict()


class InstanceOut(Schema):
    id = fields.String()
    case_number = fields.String()
    process_model = fields.String(attribute="process_model_id")
    model_version = fields.Method("model_version_of", metadata={
        "description": "the deployed version of the diagram this case runs on"})
    version = fields.Integer(metadata={"description": "change counter of the case (optimistic lock)"})
    status = fields.String()
    error = fields.String(allow_none=True)
    data = fields.Method("masked_data")
    active_tasks = fields.Method("tasks")
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    completed_at = fields.DateTime(allow_none=True)

    def model_version_of(self, instance):
        from ..services.bundles import version_number
        return version_number(instance.model_version_id)

    def masked_data(self, instance):
        return vault.masked(instance.data or {})

    def tasks(self, instance):
        from ..services.instances import active_tasks_of
        rows = [{**task_dict(t), "case_number": instance.case_number} for t in active_tasks_of(instance)]
        return TASKS_OUT.dump(rows)


class CompletionOut(Schema):
    process_instance = fields.Nested(InstanceOut)
    next_tasks = fields.List(fields.Nested(TaskOut))


class ActorOut(Schema):
    username = fields.String(allow_none=True)
    agency = fields.String(allow_none=True)


class HistoryEventOut(Schema):
    seq = fields.Integer()
    at = fields.DateTime()
    actor = fields.Method("actor_of")
    type = fields.String()
    process_instance_id = fields.String(attribute="instance_id", allow_none=True)
    element_id = fields.String(allow_none=True)
    element_name = fields.String(allow_none=True)
    task_id = fields.String(allow_none=True)
    data = fields.Dict()
    hash = fields.String()

    def actor_of(self, event):
        return {"username": event.actor_username, "agency": event.actor_agency}


class RevealOut(Schema):
    values = fields.Dict()


def task_dict(task) -> dict:
    return {c: getattr(task, c) for c in ("id", "name", "element_id", "instance_id", "role",
                                          "agency_code", "assignee", "due_at", "form_key")}
