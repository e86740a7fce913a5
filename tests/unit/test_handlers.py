"""Task handlers with a stand-in context: what they add to the values, the file and the outbox."""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import handlers


@dataclass
class FakeContext:
    values: dict
    case: dict = field(default_factory=dict)
    username: str = "someone"
    agency: str = "CA_TINH"
    roles: tuple = ()
    case_number: str = "BV-2026-000001"
    task_name: str = "Nhiệm vụ"
    entries: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    documents: list = field(default_factory=list)

    def user_has_role(self, role):
        return role in self.roles

    def add_file_entry(self, kind, title, content=None):
        self.entries.append((kind, title, content or {}))

    def add_document(self, kind, title, template, content=None):
        self.add_file_entry(kind, title, content)
        self.documents.append(template)

    def notify(self, message, *, username=None, agency=None, role=None):
        self.notices.append((message, username, agency, role))


def test_every_handler_named_in_the_registry_is_callable():
    assert handlers.HANDLERS and all(callable(h) for h in handlers.HANDLERS.values())
    assert handlers.case_prefix("protection_request") == "BV"
    assert handlers.case_prefix("something_else") == "HS"


def test_open_request_records_the_requester_and_the_minutes():
    ctx = FakeContext({"competent_agency": "CA_TINH", "minutes": "Biên bản cuộc gọi"},
                      username="intake_officer.ca_tinh", roles=("intake_officer",))
    handlers.run("open_request", ctx)
    assert ctx.values["requester_agency"] == "CA_TINH"
    assert ctx.values["requested_by"] == "intake_officer.ca_tinh"
    assert ctx.values["file_holder"] == "intake_officer.ca_tinh"
    assert [e[0] for e in ctx.entries] == ["de_nghi", "bien_ban"]


def test_a_requester_does_not_become_the_file_holder():
    ctx = FakeContext({"competent_agency": "CA_TINH", "requester_agency": "TAND_TINH"},
                      username="requester.tand_tinh", agency="TAND_TINH", roles=("requester",))
    handlers.run("open_request", ctx)
    assert "file_holder" not in ctx.values and ctx.values["requester_agency"] == "TAND_TINH"


@pytest.mark.parametrize("new_agency, rerouted", [("CA_TINH", False), ("VKS_TINH", True), (None, False)])
def test_register_request_sets_rerouted_always(new_agency, rerouted):
    values = {"intake_complete": True}
    if new_agency:
        values["competent_agency"] = new_agency
    ctx = FakeContext(values, case={"competent_agency": "CA_TINH"}, username="intake_officer.ca_tinh")
    handlers.run("register_request", ctx)
    assert ctx.values["rerouted"] is rerouted
    assert ("file_holder" in ctx.values) is (not rerouted)


def test_an_incomplete_request_notifies_the_requesting_agency():
    ctx = FakeContext({"intake_complete": False, "missing_items": "Thiếu đơn"},
                      case={"competent_agency": "CA_TINH", "requester_agency": "TAND_TINH"})
    handlers.run("register_request", ctx)
    assert ctx.notices[0][2:] == ("TAND_TINH", "requester")


def test_a_refusal_notifies_the_requester_with_the_reasons_and_is_never_complex():
    ctx = FakeContext({"decision_outcome": "tu_choi", "decision_reasons": "Không có căn cứ", "is_complex": True},
                      case={"requested_by": "requester.tand_tinh", "file_holder": "x"})
    handlers.run("record_decision", ctx)
    assert ctx.values["is_complex"] is False
    assert ctx.notices == [("Đề nghị BV-2026-000001 không được chấp nhận. Lý do: Không có căn cứ",
                            "requester.tand_tinh", None, None)]
    assert [e[0] for e in ctx.entries] == ["quyet_dinh_tu_choi", "thong_bao"]


def test_applying_measures_notifies_the_requester_and_the_protection_force():
    ctx = FakeContext({"decision_outcome": "ap_dung", "measures": ["canh_gac_bao_ve"], "measures_start": "2026-12-01",
                       "executing_agency": "CA_TINH", "is_complex": False},
                      case={"requested_by": "requester.tand_tinh"}, username="leader.ca_tinh")
    handlers.run("record_decision", ctx)
    assert ctx.values["file_holder"] == "leader.ca_tinh"      # emergency: no intake before
    assert ctx.values["measures_active"] == ["canh_gac_bao_ve"]
    assert ctx.values["cooperating_agencies"] == []
    assert {n[1] or n[3] for n in ctx.notices} == {"requester.tand_tinh", "protection_officer"}


def test_a_confirmation_becomes_the_agencys_item_of_the_collection():
    ctx = FakeContext({"part_accepted": True, "assigned_forces": "2 cán bộ"}, agency="VKS_TINH",
                      username="coordinator.vks_tinh")
    handlers.run("record_confirmation", ctx)
    assert ctx.values["confirmation"]["agency"] == "VKS_TINH"
    assert ctx.values["confirmation"]["accepted"] is True


def test_termination_clears_the_active_measures():
    ctx = FakeContext({"termination_reasons": "Hết nguy cơ", "termination_date": "2026-12-31"},
                      case={"requested_by": "requester.tand_tinh", "measures_active": ["canh_gac_bao_ve"]})
    handlers.run("record_termination", ctx)
    assert ctx.values["measures_active"] == []
    assert ctx.entries[0][0] == "quyet_dinh_cham_dut"


def test_a_task_without_handler_does_nothing():
    ctx = FakeContext({"x": 1})
    handlers.run(None, ctx)
    assert ctx.values == {"x": 1} and ctx.entries == []
