"""Messages between cases: a case that refers to another process starts it, links both,
and the reply wakes the first case."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from workflow_app.extensions import db
from workflow_app.models import InstanceLink, User
from workflow_app.services import deploy

DIAGRAMS = Path(__file__).resolve().parent.parent / "diagrams"


def deploy_pair():
    designer = db.session.execute(select(User).where(User.username == "designer.bnc_tu")).scalar_one()
    deploy.deploy(designer, (DIAGRAMS / "msg_pong.bpmn").read_bytes())
    deploy.deploy(designer, (DIAGRAMS / "msg_ping.bpmn").read_bytes())


def test_a_referral_starts_a_linked_case_and_its_answer_wakes_the_sender(api):
    deploy_pair()
    ping = api.start("requester.tand_tinh", {"instruction": "Có tin đe dọa"}, process_model="ping")
    result = api.do("requester.tand_tinh", ping["id"], "report", {"instruction": "Chuyển công an xử lý"})
    assert result["process_instance"]["status"] == "waiting"

    link = db.session.execute(select(InstanceLink)).scalar_one()
    assert link.source_instance_id == ping["id"] and link.message == "referral"
    pong = api.get("leader.tand_tinh", f"/process-instances/{link.target_instance_id}").get_json()
    assert pong["process_model"] == "pong" and pong["data"]["note"] == "Chuyển công an xử lý"

    api.do("leader.tand_tinh", pong["id"], "handle", {"instruction": "Đã xử lý xong"})
    ping_after = api.get("requester.tand_tinh", f"/process-instances/{ping['id']}").get_json()
    assert ping_after["status"] == "completed"
    history = api.get("requester.tand_tinh", f"/process-instances/{ping['id']}/history").get_json()
    types = [e["type"] for e in history]
    assert "message_sent" in types and "message_received" in types
    received = [e for e in history if e["type"] == "message_received"][0]
    assert received["data"]["from"] == pong["case_number"]
    pong_history = api.get("leader.tand_tinh", f"/process-instances/{pong['id']}/history").get_json()
    assert pong_history[1]["type"] == "message_received"
    assert pong_history[1]["data"] == {"message": "referral", "from": ping["case_number"]}


def test_deploy_reads_message_routes(app):
    deploy_pair()
    from workflow_app.services.bundles import latest_version
    assert latest_version("ping").bindings["messages"] == {"referral": {"starts": "pong", "element_id": "refer"}}
