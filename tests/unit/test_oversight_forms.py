"""Forms of processes 6-8 (inspection, periodic review, rules review): what each accepts and refuses."""
from __future__ import annotations

import re

import pytest

from forms import FormError, json_schema, load

CHOICES = {"agencies": [("CA_TINH", "Công an tỉnh"), ("VKS_TINH", "Viện kiểm sát nhân dân tỉnh"),
                        ("UBKT_TU", "Ủy ban Kiểm tra Tỉnh ủy"), ("BNC_TU", "Ban Nội chính Tỉnh ủy")],
           "measures": [("canh_gac", "Canh gác")]}
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)

VALID = {
    "inspection.plan": {"inspection_kind": "kiem_tra", "inspected_agency": "CA_TINH", "subject": "Bảo vệ trụ sở",
                        "planned_from": "2026-03-01", "planned_to": "2026-03-05"},
    "inspection.conduct": {"conducted": True, "conducted_on": "2026-03-02", "work_minutes": "Biên bản"},
    "inspection.conclusion": {"findings": "Tốt", "assessment": "tot"},
    "inspection.remediation": {"recommendation_no": 1, "remediation_status": "da_khac_phuc",
                               "remediation_report": "Đã làm"},
    "inspection.assessment": {"assessment_note": "Đạt"},
    "periodic_review.round": {"review_kind": "so_ket", "period_start": "2026-01-01", "period_end": "2026-06-30",
                              "responsible_agencies": ["CA_TINH"], "directive": "Báo cáo sơ kết"},
    "periodic_review.unit_report": {"results": "Kết quả"},
    "periodic_review.consolidated_report": {"compile_action": "gui_bao_cao", "consolidated_report": "Báo cáo"},
    "periodic_review.supplement": {"supplement_content": "Bổ sung"},
    "rules_review.issue": {"document_title": "Quy chế", "document_kind": "quy_che", "issue_kind": "chong_cheo",
                           "issue_description": "Chồng chéo"},
    "rules_review.proposal": {"amendment_kind": "sua_doi", "proposal_content": "Sửa điều 5"},
    "rules_review.decision": {"proposal_decision": "chap_thuan", "adoption_due": "2026-12-31"},
    "rules_review.adoption": {"adoption_status": "da_ban_hanh", "adopted_document": "QĐ 1", "adopted_on": "2026-05-01"},
}
FOLLOW_UP = {"open_recommendations": [{"no": 1, "content": "A"}, {"no": 3, "content": "C"}],
             "round_reports": {"3": {"no": 3}}, "responsible_agencies": ["CA_TINH", "VKS_TINH"],
             "review_kind": "so_ket"}


def errors_of(form_key: str, data: dict, case: dict | None = None) -> dict:
    with pytest.raises(FormError) as caught:
        load(form_key, data, choices=CHOICES, case=case)
    messages = caught.value.messages
    for field_messages in messages.values():
        for message in (field_messages if isinstance(field_messages, list) else [field_messages]):
            assert isinstance(message, dict) or VIETNAMESE.search(message), message
    return messages


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_a_valid_submission_loads_and_has_a_schema(form_key):
    values = load(form_key, VALID[form_key], choices=CHOICES, case=FOLLOW_UP)
    assert isinstance(values, dict)
    schema = json_schema(form_key, choices=CHOICES)
    assert VIETNAMESE.search(schema["title"]) and schema["type"] == "object"


@pytest.mark.parametrize("form_key", sorted(VALID))
def test_an_unknown_field_is_refused(form_key):
    assert "bogus" in errors_of(form_key, {**VALID[form_key], "bogus": 1}, FOLLOW_UP)


# -- inspection -----------------------------------------------------------------------------------
def test_a_plan_ends_after_it_starts_and_inspects_another_agency():
    errors = errors_of("inspection.plan", {**VALID["inspection.plan"], "planned_to": "2026-02-01",
                                           "inspecting_agency": "CA_TINH"})
    assert errors["planned_to"] == ["Ngày kết thúc không được trước ngày bắt đầu."]
    assert "phải khác" in errors["inspected_agency"][0]


def test_a_conducted_inspection_has_its_minutes_and_an_obstructed_one_its_reasons():
    assert set(errors_of("inspection.conduct", {"conducted": True})) == {"conducted_on", "work_minutes"}
    assert set(errors_of("inspection.conduct", {"conducted": False})) == {"obstruction_report"}
    assert load("inspection.conduct", {"conducted": False, "obstruction_report": "Cản trở"}, choices=CHOICES)


@pytest.mark.parametrize("assessment", ["han_che", "vi_pham"])
def test_shortcomings_need_a_recommendation(assessment):
    errors = errors_of("inspection.conclusion", {"findings": "F", "assessment": assessment})
    assert "ít nhất một kiến nghị" in errors["recommendations"][0]
    values = load("inspection.conclusion", {"findings": "F", "assessment": assessment,
                                            "recommendations": [{"content": "Khắc phục", "due_date": "2026-06-01"}]},
                  choices=CHOICES)
    assert values["recommendations"] == [{"content": "Khắc phục", "due_date": "2026-06-01"}]


def test_a_conclusion_has_at_most_fifty_recommendations():
    many = [{"content": f"Kiến nghị {i}"} for i in range(51)]
    assert "Không được quá 50" in errors_of("inspection.conclusion", {"findings": "F", "assessment": "dat",
                                                                      "recommendations": many})["recommendations"][0]


def test_a_remediation_answers_an_open_recommendation_not_yet_answered_in_the_round():
    base = VALID["inspection.remediation"]
    assert "không nằm trong" in errors_of("inspection.remediation", {**base, "recommendation_no": 2},
                                          FOLLOW_UP)["recommendation_no"][0]
    assert errors_of("inspection.remediation", {**base, "recommendation_no": 3}, FOLLOW_UP)["recommendation_no"] == [
        "Kiến nghị số 3 đã được báo cáo trong đợt này."]
    assert load("inspection.remediation", base, choices=CHOICES, case=FOLLOW_UP)["recommendation_no"] == 1


def test_an_assessment_closes_open_recommendations_only():
    errors = errors_of("inspection.assessment", {"assessment_note": "x", "closed_recommendations": [1, 2]}, FOLLOW_UP)
    assert errors["closed_recommendations"] == ["Không phải kiến nghị đang theo dõi: 2."]
    values = load("inspection.assessment", {"assessment_note": "x", "closed_recommendations": [3]},
                  choices=CHOICES, case=FOLLOW_UP)
    assert values["closed_recommendations"] == [3]
    assert load("inspection.assessment", {"assessment_note": "x"}, choices=CHOICES)["closed_recommendations"] == []


# -- periodic review ---------------------------------------------------------------------------------
def test_a_round_has_units_a_period_in_order_and_a_sensible_deadline():
    base = VALID["periodic_review.round"]
    assert "period_end" in errors_of("periodic_review.round", {**base, "period_end": "2025-12-31"})
    assert "responsible_agencies" in errors_of("periodic_review.round", {**base, "responsible_agencies": []})
    assert "report_days" in errors_of("periodic_review.round", {**base, "report_days": 0})
    assert "report_days" in errors_of("periodic_review.round", {**base, "report_days": 366})
    assert "report_days" not in load("periodic_review.round", base, choices=CHOICES)


def test_a_rollout_report_names_the_units_programme():
    rollout = {**FOLLOW_UP, "review_kind": "trien_khai"}
    assert "programme" in errors_of("periodic_review.unit_report", {"results": "R"}, rollout)
    values = load("periodic_review.unit_report", {"results": "R"}, choices=CHOICES, case=FOLLOW_UP)
    assert (values["dissemination_sessions"], values["participants"]) == (0, 0)
    assert "participants" in errors_of("periodic_review.unit_report", {"results": "R", "participants": -1})


def test_a_supplement_request_names_units_of_the_round_and_what_to_add():
    form = "periodic_review.consolidated_report"
    errors = errors_of(form, {"compile_action": "yeu_cau_bo_sung"}, FOLLOW_UP)
    assert set(errors) == {"supplement_agencies", "supplement_request"}
    errors = errors_of(form, {"compile_action": "yeu_cau_bo_sung", "supplement_agencies": ["BNC_TU"],
                              "supplement_request": "Thêm số liệu"}, FOLLOW_UP)
    assert errors["supplement_agencies"] == ["Chỉ yêu cầu bổ sung đối với đơn vị được giao nhiệm vụ trong đợt."]
    assert "consolidated_report" in errors_of(form, {"compile_action": "gui_bao_cao"}, FOLLOW_UP)


def test_a_report_that_is_sent_names_no_unit_to_supplement():
    values = load("periodic_review.consolidated_report",
                  {**VALID["periodic_review.consolidated_report"], "supplement_agencies": ["CA_TINH"]},
                  choices=CHOICES, case=FOLLOW_UP)
    assert values["supplement_agencies"] == []


# -- rules review -----------------------------------------------------------------------------------
@pytest.mark.parametrize("decision", ["tu_choi", "hoan_thien"])
def test_a_refusal_or_a_request_to_rework_gives_reasons(decision):
    assert errors_of("rules_review.decision", {"proposal_decision": decision}) == {
        "decision_reasons": ["Phải nêu rõ lý do."]}


def test_an_approval_sets_when_the_text_is_due():
    assert "adoption_due" in errors_of("rules_review.decision", {"proposal_decision": "chap_thuan"})


def test_an_adopted_text_has_its_number_and_date_and_progress_has_a_note():
    assert set(errors_of("rules_review.adoption", {"adoption_status": "da_ban_hanh"})) == {
        "adopted_document", "adopted_on"}
    assert set(errors_of("rules_review.adoption", {"adoption_status": "dang_thuc_hien"})) == {"progress_note"}


def test_an_issue_names_a_known_kind_of_document():
    assert "document_kind" in errors_of("rules_review.issue", {**VALID["rules_review.issue"],
                                                               "document_kind": "thong_tu"})
