"""Messages between cases: the one way a case starts or wakes another.

A message thrown by a case and not caught inside it goes, in the same transaction:
1. to every linked case (one it started, or the one that started it) that waits for it;
2. otherwise, when the throwing event names `startsProcess`, to a new case of that process,
   started with the message payload as its start data (validated by its start form);
and the two cases are linked (`instance_link`), each history recording the message.
A message nobody takes is an incident on the sending case, not a silent loss.
"""
from __future__ import annotations

from sqlalchemy import or_, select

from .. import clock, engine
from ..extensions import db
from ..models import InstanceLink, ProcessInstance
from . import bundles
from .errors import Invalid

MAX_HOPS = 5


def route(source: ProcessInstance, pinned: bundles.Pinned, step: engine.Step, actor, hops: int = 0) -> None:
    from .advance import apply_step
    from .audit_events import record
    for message in step.thrown:
        name, payload = message["name"], message["payload"]
        if hops >= MAX_HOPS:
            raise RuntimeError(f"message loop: {name} after {hops} hops")
        delivered = _deliver_to_linked(source, name, payload, actor, hops)
        route_spec = pinned.messages.get(name)
        if not delivered and route_spec:
            target = _start_target(source, route_spec["starts"], name, payload, actor)
            delivered = [target]
        if not delivered:
            source.status, source.error = "error", f"Không có hồ sơ nào nhận thông điệp '{name}'."
            record([{"type": "error", "instance_id": source.id, "data": {"message": source.error}}], actor)
            continue
        record([{"type": "message_sent", "instance_id": source.id,
                 "data": {"message": name, "to": [t.case_number for t in delivered]}}], actor)


def _linked(instance_id: str) -> list[str]:
    rows = db.session.execute(select(InstanceLink.source_instance_id, InstanceLink.target_instance_id)
                              .where(or_(InstanceLink.source_instance_id == instance_id,
                                         InstanceLink.target_instance_id == instance_id))).all()
    return sorted({b if a == instance_id else a for a, b in rows})


def _deliver_to_linked(source, name, payload, actor, hops) -> list[ProcessInstance]:
    from .advance import apply_step
    delivered = []
    for other_id in _linked(source.id):
        other = db.session.execute(select(ProcessInstance).where(ProcessInstance.id == other_id)
                                   .with_for_update().execution_options(populate_existing=True)).scalar_one()
        if other.status not in ("running", "waiting"):
            continue
        other_pinned = bundles.for_instance(other)
        try:
            step = engine.deliver(other_pinned.bundle, other.state, name, payload)
        except engine.NotWaiting:
            continue
        other.data = {**other.data, **{k: v for k, v in payload.items() if k not in ("settings", "case_number")}}
        for event in step.events:           # the engine saw the catch; say what and from whom
            if event["type"] == "message_received":
                event["data"] = {"message": name, "from": source.case_number}
        apply_step(other, other_pinned, step, actor, hops=hops + 1)
        delivered.append(other)
    return delivered


def _start_target(source, process_id, name, payload, actor) -> ProcessInstance:
    from .. import vault
    from .instances import create_case
    # The payload may carry vault references (a threatened official's name, say). The target
    # form validates clear values and seals them again into its own case: they are revealed
    # here in server memory only, never written anywhere in clear.
    data = vault.revealed({k: v for k, v in payload.items() if k not in ("settings", "case_number")})
    top = bundles.latest_version(process_id)
    pinned = bundles.pinned(process_id, bundles.resolve_called(top))
    start = next((b for b in pinned.bindings[process_id].values() if b.get("kind") == "start"), None)
    if start and start.get("form_key"):
        import forms
        allowed = set(forms.fields_of(start["form_key"]))
        data = {k: v for k, v in data.items() if k in allowed}
    try:
        target = create_case(actor, process_id, data, top=top, pinned=pinned, from_message=True, events=[
            {"type": "message_received", "data": {"message": name, "from": source.case_number}}])
    except Invalid as exc:
        raise Invalid(f"Không khởi tạo được hồ sơ '{process_id}' từ thông điệp '{name}'.", exc.errors) from None
    db.session.add(InstanceLink(source_instance_id=source.id, target_instance_id=target.id,
                                message=name, created_at=clock.now()))
    return target
