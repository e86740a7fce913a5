"""Forms of protecting and rewarding reporters (forms/reporter_protection.py)."""
from __future__ import annotations

import pytest

from forms import confidential_paths

from .test_complaint_post_decision_forms import check_contract, errors_of, loads, registered

START = {"report_kind": "to_giac", "reported_violation": "Đưa hối lộ thẩm phán.", "reporter_name": "Hoàng Thị Hoa",
         "protection_scope": ["bi_mat_thong_tin"], "retaliation_risk": "Bị đe dọa.",
         "protected_relatives": [{"full_name": "Nguyễn Thị Lan", "relation": "cha_me_de"}]}
APPLY = {"protection_outcome": "ap_dung", "applied_scope": ["tinh_mang_suc_khoe"],
         "protection_measures": ["canh_gac_bao_ve"]}
VALID = {
    "reporter_protection.start": START,
    "reporter_protection.intake": {"secrecy_measures": "Mã hóa danh tính."},
    "reporter_protection.verification": {"protection_grounds": True, "risk_level": "cao",
                                         "verification_findings": "Có căn cứ."},
    "reporter_protection.decision": APPLY,
    "reporter_protection.execution": {"protection_report": "Đã bố trí.", "protection_situation": "on_dinh"},
    "reporter_protection.reward_proposal": {"information_value": "dung_su_that", "reward_proposed": True,
                                            "reward_form": "bang_khen", "reward_grounds": "Thông tin chính xác."},
    "reporter_protection.reward_decision": {"reward_approved": True, "reward_amount": 5000000},
}


def test_every_form_is_registered_and_tested():
    assert registered("reporter_protection") == sorted(VALID)


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_the_contract_of_each_form(form_key):
    check_contract(form_key, VALID[form_key])


def test_everything_that_identifies_the_reporter_and_relatives_is_confidential():
    assert confidential_paths("reporter_protection.start") == [
        ("reporter_name",), ("reporter_position",), ("reporter_id_number",), ("reporter_phone",),
        ("reporter_residence",), ("reporter_workplace",), ("protected_relatives", "*", "full_name"),
        ("protected_relatives", "*", "relation"), ("protected_relatives", "*", "phone"),
        ("protected_relatives", "*", "residence")]


def test_only_the_relatives_the_law_protects():
    relatives = [{"full_name": "X", "relation": "ban_be"}]
    assert set(errors_of("reporter_protection.start", {**START, "protected_relatives": relatives})) == {
        "protected_relatives"}


def test_a_spoken_request_needs_minutes():
    assert set(errors_of("reporter_protection.start", {**START, "channel": "dien_thoai"})) == {"minutes"}


def test_a_request_asks_for_at_least_one_kind_of_protection():
    assert set(errors_of("reporter_protection.start", {**START, "protection_scope": []})) == {"protection_scope"}


def test_applying_needs_scope_and_measures_and_job_protection_an_instruction():
    messages = errors_of("reporter_protection.decision", {"protection_outcome": "ap_dung"})
    assert set(messages) == {"applied_scope", "protection_measures"}
    messages = errors_of("reporter_protection.decision", {**APPLY, "applied_scope": ["vi_tri_cong_tac"]})
    assert set(messages) == {"employer_instruction"}


def test_a_refusal_needs_reasons_and_names_no_executing_force():
    assert set(errors_of("reporter_protection.decision", {"protection_outcome": "tu_choi"})) == {
        "protection_refusal_reasons"}
    values = loads("reporter_protection.decision", {"protection_outcome": "tu_choi", "protection_refusal_reasons": "x",
                                                    "protection_measures": ["canh_gac_bao_ve"]})
    assert "executing_agency" not in values and values["protection_measures"] == []


def test_a_reward_proposal_rules():
    assert set(errors_of("reporter_protection.reward_proposal", {
        "information_value": "khong_co_can_cu", "reward_proposed": True, "reward_form": "giay_khen",
        "reward_grounds": "x"})) == {"reward_proposed"}
    assert set(errors_of("reporter_protection.reward_proposal", {
        "information_value": "dung_su_that", "reward_proposed": True})) == {"reward_form", "reward_grounds"}
    assert set(errors_of("reporter_protection.reward_proposal", {
        "information_value": "mot_phan", "reward_proposed": False})) == {"no_reward_reasons"}


def test_a_reward_refusal_needs_reasons_and_amounts_are_not_negative():
    assert set(errors_of("reporter_protection.reward_decision", {"reward_approved": False})) == {
        "reward_refusal_reasons"}
    assert set(errors_of("reporter_protection.reward_decision", {"reward_approved": True, "reward_amount": -1})) == {
        "reward_amount"}
