"""Forms of situation monitoring and early warning (forms/threat_report.py)."""
from __future__ import annotations

import pytest

from forms import confidential_paths

from .test_complaint_post_decision_forms import check_contract, errors_of, loads, registered

PERSON = {"full_name": "Nguyễn Văn An", "relation": "ban_than", "position": "Thẩm phán", "phone": "0912345678"}
START = {"report_source": "nguoi_thi_hanh_cong_vu", "target_agency": "TAND_TINH", "threat_types": ["de_doa"],
         "protected_content": ["tinh_mang_suc_khoe_tai_san"], "threat_description": "Bị nhắn tin đe dọa.",
         "protected_persons": [PERSON]}
VALID = {
    "threat_report.start": START,
    "threat_report.assessment": {"threat_confirmed": True, "risk_level": "cao", "assessment_findings": "Có nguy cơ."},
    "threat_report.warning": {"warning_content": "Cảnh báo."},
    "threat_report.acknowledgement": {"measures_taken": "Đã bố trí bảo vệ."},
    "threat_report.violation_handling": {"handling_action": "xu_ly_hinh_su", "handling_result": "Đã tiếp nhận."},
}


def test_every_form_is_registered_and_tested():
    assert registered("threat_report") == sorted(VALID)


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_the_contract_of_each_form(form_key):
    check_contract(form_key, VALID[form_key])


def test_threatened_persons_and_the_reporter_are_confidential():
    paths = confidential_paths("threat_report.start")
    assert ("protected_persons", "*", "full_name") in paths and ("protected_persons", "*", "relation") in paths
    assert {("reporter_name",), ("reporter_id_number",), ("reporter_phone",), ("reporter_residence",),
            ("reporter_workplace",)} <= set(paths)


def test_the_start_form_defaults_to_the_provincial_police():
    assert loads("threat_report.start", START)["competent_agency"] == "CA_TINH"


def test_a_tip_from_the_public_or_by_phone_needs_minutes():
    assert set(errors_of("threat_report.start", {**START, "report_source": "nguoi_dan"})) == {"minutes"}
    assert set(errors_of("threat_report.start", {**START, "channel": "dien_thoai"})) == {"minutes"}
    loads("threat_report.start", {**START, "report_source": "nguoi_dan", "minutes": "Biên bản."})


def test_a_report_names_at_least_one_threatened_person():
    assert set(errors_of("threat_report.start", {**START, "protected_persons": []})) == {"protected_persons"}


def test_a_warning_without_referrals_names_no_other_agency():
    values = loads("threat_report.warning", {"warning_content": "Cảnh báo.", "violation_agency": "CA_TINH",
                                             "protection_agency": "CA_TINH"})
    assert values["refer_protection"] is False and values["refer_violation"] is False
    assert "violation_agency" not in values and "protection_agency" not in values
    assert values["preventive_measures"] == [] and values["referral_kind"] == "thuong"


def test_a_protection_referral_keeps_its_agency():
    values = loads("threat_report.warning", {"warning_content": "Cảnh báo.", "refer_protection": True})
    assert values["protection_agency"] == "CA_TINH"


def test_a_violation_referral_needs_an_agency_and_a_summary():
    messages = errors_of("threat_report.warning", {"warning_content": "Cảnh báo.", "refer_violation": True})
    assert set(messages) == {"violation_agency", "violation_summary"}
    values = loads("threat_report.warning", {"warning_content": "Cảnh báo.", "refer_violation": True,
                                             "violation_agency": "VKS_TINH", "violation_summary": "Đe dọa."})
    assert values["violation_agency"] == "VKS_TINH"


def test_preventive_measures_come_from_the_catalogue():
    assert set(errors_of("threat_report.warning", {"warning_content": "x", "preventive_measures": ["bay"]})) == {
        "preventive_measures"}
