"""User tasks: the officials' inbox and the way a task is done."""
from __future__ import annotations

from flask import request
from flask_smorest import Blueprint

from ..services import instances, tasks
from ..services.errors import Invalid
from .common import authenticate, current_user, json_body, page_args, paged
from .schemas import TASKS_OUT, CompletionOut, TaskDetailOut, TaskOut, task_dict

blp = Blueprint("tasks", __name__, description="Nhiệm vụ")
blp.before_request(authenticate)


@blp.get("/tasks")
@blp.response(200, TaskOut(many=True))
def list_tasks():
    page, per_page = page_args()
    scope = request.args.get("scope", "all")
    errors = {}
    if scope not in tasks.SCOPES:
        errors["scope"] = [f"Phải là một trong: {', '.join(tasks.SCOPES)}."]
    overdue = request.args.get("overdue", "false").lower()
    if overdue not in ("true", "false", "1", "0"):
        errors["overdue"] = ["Phải là true hoặc false."]
    if errors:
        raise Invalid("Tham số không hợp lệ.", {"query": errors})
    rows, total = tasks.listing(current_user(), scope=scope, overdue=overdue in ("true", "1"),
                                process_model=request.args.get("process_model") or None,
                                q=request.args.get("q") or None, page=page, per_page=per_page)
    items = [{**task_dict(task), "case_number": case_number} for task, case_number in rows]
    return paged(TASKS_OUT.dump(items), total)


@blp.get("/tasks/<task_id>")
@blp.response(200, TaskDetailOut)
def get_task(task_id):
    user = current_user()
    task = tasks.visible_task(user, task_id)
    instance = instances.visible(user, task.instance_id)
    form, data = tasks.form_of(user, task, instance)
    return {**task_dict(task), "case_number": instance.case_number, "form": form, "data": data}


def _task_out(task):
    instance = instances.visible(current_user(), task.instance_id)
    return {**task_dict(task), "case_number": instance.case_number}


@blp.post("/tasks/<task_id>/claim")
@blp.response(200, TaskOut)
def claim(task_id):
    return _task_out(tasks.claim(current_user(), task_id))


@blp.post("/tasks/<task_id>/release")
@blp.response(200, TaskOut)
def release(task_id):
    return _task_out(tasks.release(current_user(), task_id))


@blp.post("/tasks/<task_id>/assign")
@blp.doc(requestBody={"content": {"application/json": {"schema": {
    "type": "object", "properties": {"username": {"type": "string"}}}}}})
@blp.response(200, TaskOut)
def assign(task_id):
    user = current_user()
    tasks.visible_task(user, task_id)
    body = json_body()
    return _task_out(tasks.assign(user, task_id, body.get("username")))


@blp.post("/tasks/<task_id>/complete")
@blp.doc(requestBody={"content": {"application/json": {"schema": {
    "type": "object", "properties": {"data": {"type": "object"}}}}}})
@blp.response(200, CompletionOut)
def complete(task_id):
    # The body is read only once the task has passed its checks (404 / 403 / 409 first).
    instance, next_rows = tasks.complete(current_user(), task_id, lambda: json_body().get("data", {}))
    next_tasks = [{**task_dict(t), "case_number": instance.case_number} for t in next_rows]
    return {"process_instance": instance, "next_tasks": next_tasks}
