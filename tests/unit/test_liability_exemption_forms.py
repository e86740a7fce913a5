"""Forms of the exclusion, exemption or reduction of liability (forms/liability_exemption.py)."""
from __future__ import annotations

import pytest

from forms import confidential_paths

from .test_complaint_post_decision_forms import check_contract, errors_of, loads, registered

ORDER = {"exemption_ground": "menh_lenh_trai_phap_luat", "requested_relief": "loai_tru",
         "applicant_name": "Trần Văn Nam", "act_description": "Trả tài sản tạm giữ.",
         "order_description": "Trả tài sản.", "order_issuer": "Phó Thủ trưởng", "written_disagreement": "Báo cáo 12/BC",
         "evidence": ["Báo cáo 12/BC"]}
VALID = {
    "liability_exemption.start": ORDER,
    "liability_exemption.verification": {"evidence_sufficient": True, "verification_findings": "Đủ."},
    "liability_exemption.supplement": {"additional_evidence": ["Kết luận giám định"]},
    "liability_exemption.decision": {"exemption_outcome": "mien", "exemption_reasons": "Điều 8."},
    "liability_exemption.record": {"record_note": "Đã ghi nhận.", "personnel_file_updated": True},
}


def test_every_form_is_registered_and_tested():
    assert registered("liability_exemption") == sorted(VALID)


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_the_contract_of_each_form(form_key):
    check_contract(form_key, VALID[form_key])


def test_the_applicant_identity_is_confidential():
    assert confidential_paths("liability_exemption.start") == [("applicant_name",), ("applicant_id_number",)]


def test_an_unlawful_order_needs_the_order_its_issuer_and_the_written_disagreement():
    data = {k: v for k, v in ORDER.items() if k not in ("order_description", "order_issuer", "written_disagreement")}
    assert set(errors_of("liability_exemption.start", data)) == {
        "order_description", "order_issuer", "written_disagreement"}


def test_other_grounds_do_not_need_an_order():
    data = {k: v for k, v in ORDER.items() if k not in ("order_description", "order_issuer", "written_disagreement")}
    values = loads("liability_exemption.start", {**data, "exemption_ground": "phong_ve_chinh_dang"})
    assert values["order_reaffirmed"] is False


@pytest.mark.parametrize("evidence", [[], ["  "]])
def test_evidence_is_required_and_not_blank(evidence):
    assert set(errors_of("liability_exemption.start", {**ORDER, "evidence": evidence})) == {"evidence"}


def test_missing_evidence_is_named():
    assert set(errors_of("liability_exemption.verification", {"evidence_sufficient": False,
                                                              "verification_findings": "Thiếu."})) == {
        "missing_evidence"}


def test_a_reduction_states_its_extent():
    assert set(errors_of("liability_exemption.decision", {"exemption_outcome": "giam",
                                                          "exemption_reasons": "x"})) == {"liability_reduction"}
    assert set(errors_of("liability_exemption.decision", {"exemption_outcome": "mien"})) == {"exemption_reasons"}
