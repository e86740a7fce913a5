"""Who may see and do what: the one place for every access rule.

- A case is visible to users of every agency taking part in it (requesting, competent,
  cooperating, executing); monitors and auditors see every case, read-only.
- A user acts on a task when their role is the task's role and their agency the task's
  agency, or when the task is assigned to them. Auditors never write.
- Clearance for confidential values: the head of the competent agency (who decides), the
  protection force of the executing agency, and the case's file holder.
"""
from __future__ import annotations

from flask import g, has_request_context
from sqlalchemy import exists, select

from ..extensions import db
from ..models import HumanTask, InstanceParty, ProcessInstance, User

READ_ALL_ROLES = ("monitor", "auditor")


def reads_everything(user: User) -> bool:
    return any(user.has_role(r) for r in READ_ALL_ROLES)


def is_read_only(user: User) -> bool:
    """Auditors never write, whatever other role they also hold."""
    return user.has_role("auditor")


def visible_instances_filter(user: User):
    """A WHERE clause on ProcessInstance for the cases `user` may see (None = all)."""
    if reads_everything(user):
        return None
    return exists().where(InstanceParty.instance_id == ProcessInstance.id,
                          InstanceParty.agency_code == user.agency_code)


def can_see_instance(user: User, instance_id: str) -> bool:
    if reads_everything(user):
        return True
    # Asked several times per request for the same case (task, then instance, then answer):
    # a yes is remembered for the request — parties are only ever added to a case.
    seen = _seen()
    if (user.id, user.agency_code, instance_id) in seen:
        return True
    visible = db.session.execute(select(
        exists().where(InstanceParty.instance_id == instance_id,
                       InstanceParty.agency_code == user.agency_code))).scalar()
    if visible:
        seen.add((user.id, user.agency_code, instance_id))
    return bool(visible)


def can_see_given_parties(user: User, instance_id: str, parties: set[str]) -> bool:
    """`can_see_instance` for a caller who has read the case's parties (agency codes) already."""
    visible = reads_everything(user) or user.agency_code in parties
    if visible:
        _seen().add((user.id, user.agency_code, instance_id))
    return visible


def _seen() -> set:
    return g.setdefault("policy_seen_instances", set()) if has_request_context() else set()


def eligible_for(user: User, role: str, agency_code: str) -> bool:
    """May `user` do a task of `role` in `agency_code` (claim, complete, be assigned)?"""
    return (not is_read_only(user) and user.active
            and user.has_role(role) and user.agency_code == agency_code)


def can_act_on_task(user: User, task: HumanTask) -> bool:
    if is_read_only(user):
        return False
    return eligible_for(user, task.role, task.agency_code) or task.assignee == user.username


def is_head_of(user: User, agency_code: str) -> bool:
    return not is_read_only(user) and user.has_role("leader") and user.agency_code == agency_code


def can_assign(user: User, task: HumanTask) -> bool:
    return is_head_of(user, task.agency_code)


def can_release(user: User, task: HumanTask) -> bool:
    return task.assignee == user.username or is_head_of(user, task.agency_code)


def has_clearance(user: User, instance: ProcessInstance) -> bool:
    if is_read_only(user):
        return False
    data = instance.data or {}
    return ((user.has_role("leader") and user.agency_code == data.get("competent_agency"))
            or (user.has_role("protection_officer") and user.agency_code == data.get("executing_agency"))
            or (bool(data.get("file_holder")) and user.username == data.get("file_holder")))


def can_find_for_cancel(user: User, instance_id: str) -> bool:
    """An admin may cancel any case (API.md), so to an admin cancelling, every case exists."""
    return (user.has_role("admin") and not is_read_only(user)) or can_see_instance(user, instance_id)


def can_cancel(user: User, instance: ProcessInstance) -> bool:
    return user.has_role("admin") or is_head_of(user, (instance.data or {}).get("competent_agency"))


def can_start(user: User, start_binding: dict) -> bool:
    """The start event's lane role may start a case, and any role the diagram adds with
    the `startedBy` property (an intake officer recording an oral request, for example)."""
    return not is_read_only(user) and any(user.has_role(r) for r in start_binding.get("starters", []))


def can_deploy(user: User) -> bool:
    return not is_read_only(user) and (user.has_role("designer") or user.has_role("admin"))


def can_read_audit(user: User) -> bool:
    """The audit log is for auditors (API.md); monitors follow cases, not the log."""
    return user.has_role("auditor")


def can_read_attachments(user: User, instance_id: str) -> bool:
    """Whoever may see a case may list and download its attachments."""
    return can_see_instance(user, instance_id)


def can_add_attachment(user: User, instance_id: str) -> bool:
    """Officials of an agency taking part in a case may add a document to its file; those
    who read every case (monitors, auditors) only read it."""
    return not is_read_only(user) and db.session.execute(select(
        exists().where(InstanceParty.instance_id == instance_id,
                       InstanceParty.agency_code == user.agency_code))).scalar()
