"""Handlers of processes 6-8 with a stand-in context: what they set for the gateways and the
multi-instance tasks, what they file and whom they tell."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import handlers
from handlers import inspection, periodic_review, rules_review

FIGURES = {
    "requests": {"received": 3, "emergency": 1, "decided": 2, "applied": 1, "refused": 1},
    "measures_applied": {"canh_gac_bao_ve": 1, "giu_bi_mat_thong_tin": 0},
    "time_to_decision_hours": {"cases": 2, "median": 4.5, "p90": 8.0},
    "deadlines": {"tasks_with_deadline": 4, "on_time": 3, "late": 1, "on_time_rate": 0.75},
    "threats": {"de_doa": 2, "boi_nho": 0},
    "complaints": {"received": 1, "by_kind": {}, "by_outcome": {}},
}


@dataclass
class FakeContext:
    values: dict
    case: dict = field(default_factory=dict)
    username: str = "someone"
    agency: str = "CA_TINH"
    case_number: str = "KT-2026-000001"
    entries: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    periods: list = field(default_factory=list)

    def add_file_entry(self, kind, title, content=None):
        self.entries.append((kind, title, content or {}))

    def notify(self, message, *, username=None, agency=None, role=None):
        self.notices.append((message, agency, role))

    def statistics(self, period_start, period_end, agency=None):
        self.periods.append((period_start, period_end, agency))
        return FIGURES

    def kinds(self):
        return [kind for kind, _, _ in self.entries]


def test_the_registry_and_case_numbers_know_the_three_processes():
    for name in ("open_inspection", "record_assessment", "record_unit_report", "open_rules_review"):
        assert name in handlers.HANDLERS
    assert [handlers.case_prefix(p) for p in ("inspection_supervision", "periodic_review", "rules_review")] == [
        "KT", "SK", "RS"]


# -- inspection -------------------------------------------------------------------------------------
def test_the_plan_is_made_by_the_inspectors_agency_and_announced_to_the_unit():
    ctx = FakeContext({"inspected_agency": "VKS_TINH", "subject": "Bảo vệ"}, agency="UBKT_TU")
    inspection.open_inspection(ctx)
    assert ctx.values["inspecting_agency"] == "UBKT_TU"
    assert ctx.kinds() == ["ke_hoach_kiem_tra"]
    assert {(agency, role) for _, agency, role in ctx.notices} == {("VKS_TINH", "leader"), ("VKS_TINH", "coordinator")}


def test_an_obstructed_inspection_is_reported_to_the_internal_affairs_committee():
    ctx = FakeContext({"conducted": False, "obstruction_report": "Không cung cấp hồ sơ"},
                      case={"inspected_agency": "CA_TINH"})
    inspection.record_conduct(ctx)
    assert ctx.kinds() == ["bao_cao_can_tro"]
    assert ctx.notices[0][1:] == ("BNC_TU", "monitor")


def test_the_conclusion_numbers_the_recommendations_and_opens_them_all():
    ctx = FakeContext({"recommendations": [{"content": "A"}, {"content": "B", "due_date": "2026-06-01"}]},
                      case={"inspected_agency": "CA_TINH"})
    inspection.record_conclusion(ctx)
    v = ctx.values
    assert [r["no"] for r in v["recommendations"]] == [1, 2]
    assert v["open_recommendations"] == [{"no": 1, "content": "A", "due_date": None},
                                         {"no": 2, "content": "B", "due_date": "2026-06-01"}]
    assert (v["has_recommendations"], v["all_closed"], v["follow_up_round"], v["remediations"]) == (True, False, 1, [])


def test_a_conclusion_without_recommendations_sets_what_the_gateway_reads():
    ctx = FakeContext({"recommendations": []})
    inspection.record_conclusion(ctx)
    assert ctx.values["has_recommendations"] is False and ctx.values["open_recommendations"] == []


def test_a_remediation_report_is_the_tasks_item_and_joins_the_rounds_reports():
    case = {"open_recommendations": [{"no": 1, "content": "A"}, {"no": 2, "content": "B"}],
            "round_reports": {"1": {"no": 1}}}
    ctx = FakeContext({"recommendation_no": 2, "remediation_status": "da_khac_phuc", "remediation_report": "R"},
                      case=case, username="coordinator.ca_tinh")
    inspection.record_remediation(ctx)
    assert ctx.values["remediation"] == {"no": 2, "content": "B", "status": "da_khac_phuc", "report": "R",
                                         "agency": "CA_TINH", "by": "coordinator.ca_tinh"}
    assert set(ctx.values["round_reports"]) == {"1", "2"}


def test_the_assessment_closes_what_is_done_and_opens_a_new_round_for_the_rest():
    case = {"recommendations": [{"no": 1, "content": "A", "status": "dang_theo_doi"},
                                {"no": 2, "content": "B", "status": "dang_theo_doi"}],
            "open_recommendations": [{"no": 1, "content": "A"}, {"no": 2, "content": "B"}],
            "follow_up_round": 1, "inspected_agency": "CA_TINH"}
    ctx = FakeContext({"closed_recommendations": [1], "assessment_note": "N"}, case=case)
    inspection.record_assessment(ctx)
    v = ctx.values
    assert [r["no"] for r in v["open_recommendations"]] == [2]
    assert (v["all_closed"], v["follow_up_round"], v["round_reports"], v["remediations"]) == (False, 2, {}, [])
    assert v["recommendations"][0]["status"] == "da_hoan_thanh" and v["recommendations"][0]["closed_in_round"] == 1
    assert "ket_thuc_theo_doi" not in ctx.kinds()

    last = FakeContext({"closed_recommendations": [2], "assessment_note": "N"},
                       case={**case, **{k: v[k] for k in ("recommendations", "open_recommendations",
                                                          "follow_up_round")}})
    inspection.record_assessment(last)
    assert last.values["all_closed"] is True and last.values["open_recommendations"] == []
    assert last.kinds()[-1] == "ket_thuc_theo_doi"


def test_the_reminder_names_the_recommendations_not_yet_answered():
    ctx = FakeContext({"instruction": "Báo cáo ngay"}, case={
        "open_recommendations": [{"no": 1}, {"no": 4}], "round_reports": {"1": {}}, "inspected_agency": "CA_TINH"})
    inspection.remind_remediation(ctx)
    assert ctx.entries[0][2]["pending"] == [4]
    assert "số 4" in ctx.notices[0][0]


# -- periodic review ---------------------------------------------------------------------------------
ROUND = {"review_kind": "so_ket", "period_start": "2026-01-01", "period_end": "2026-06-30",
         "responsible_agencies": ["CA_TINH", "VKS_TINH"], "reports_by_agency": {}}


def test_a_round_opens_with_what_the_timers_and_the_units_need():
    ctx = FakeContext({"review_kind": "so_ket", "responsible_agencies": ["CA_TINH", "VKS_TINH"],
                       "directive": "Báo cáo"}, agency="BNC_TU")
    periodic_review.open_review_round(ctx)
    v = ctx.values
    assert (v["monitor_agency"], v["report_days"], v["reported_agencies"], v["supplement_agencies"]) == (
        "BNC_TU", None, [], [])
    assert [(a, r) for _, a, r in ctx.notices] == [("CA_TINH", "coordinator"), ("VKS_TINH", "coordinator")]


def test_the_report_is_prefilled_only_when_the_last_unit_has_reported():
    first = FakeContext({"results": "Kết quả CA", "dissemination_sessions": 2, "participants": 50}, case=ROUND)
    periodic_review.record_unit_report(first)
    assert first.values["reported_agencies"] == ["CA_TINH"] and "consolidated_report" not in first.values
    assert first.values["unit_report"]["agency"] == "CA_TINH"

    last = FakeContext({"results": "Kết quả VKS", "dissemination_sessions": 1, "participants": 10},
                       case={**ROUND, "reports_by_agency": first.values["reports_by_agency"]}, agency="VKS_TINH")
    periodic_review.record_unit_report(last)
    assert last.periods == [(date(2026, 1, 1), date(2026, 6, 30), None)]
    assert last.values["report_figures"] == FIGURES
    draft = last.values["consolidated_report"]
    assert "BÁO CÁO SƠ KẾT" in draft and "Kỳ báo cáo: từ 01/01/2026 đến 30/06/2026." in draft
    assert "Tiếp nhận 3 đề nghị" in draft and "áp dụng 1, từ chối 1" in draft
    assert "trung vị 4.5 giờ, 90% hồ sơ trong 8.0 giờ" in draft and "tỷ lệ đúng hạn 75.0%" in draft
    assert "đe dọa: 2" in draft and "- VKS_TINH: Kết quả VKS" in draft
    assert "Tổng số hội nghị, buổi quán triệt, tuyên truyền: 3; lượt cán bộ, đảng viên: 60." in draft
    assert "so_lieu_thong_ke" in last.kinds()


def test_a_supplement_request_starts_an_empty_collection_and_names_the_units():
    ctx = FakeContext({"compile_action": "yeu_cau_bo_sung", "supplement_agencies": ["VKS_TINH"],
                       "supplement_request": "Thêm"}, case=ROUND)
    periodic_review.record_consolidated_report(ctx)
    assert (ctx.values["supplements"], ctx.values["supplements_received"]) == ([], [])
    assert ctx.notices[0][1:] == ("VKS_TINH", "coordinator")


def test_the_last_supplement_prefills_the_report_again():
    case = {**ROUND, "reports_by_agency": {"VKS_TINH": {"agency": "VKS_TINH", "results": "R"}},
            "supplement_agencies": ["VKS_TINH"], "supplements_received": []}
    ctx = FakeContext({"supplement_content": "Thêm số liệu"}, case=case, agency="VKS_TINH")
    periodic_review.record_report_supplement(ctx)
    assert ctx.values["supplement"]["agency"] == "VKS_TINH"
    assert "  Bổ sung: Thêm số liệu" in ctx.values["consolidated_report"]


def test_late_units_are_those_that_have_not_reported():
    case = {**ROUND, "reported_agencies": ["CA_TINH"]}
    assert periodic_review.late_units(case) == ["VKS_TINH"]
    ctx = FakeContext({"instruction": "Nhanh"}, case=case)
    periodic_review.escalate_late_units(ctx)
    assert [(a, r) for _, a, r in ctx.notices] == [("VKS_TINH", "leader")]


# -- rules review --------------------------------------------------------------------------------------
def test_an_issue_defaults_to_the_raising_unit_and_is_followed_by_the_monitor():
    ctx = FakeContext({"document_title": "Quy chế"}, agency="VKS_TINH")
    rules_review.open_rules_review(ctx)
    v = ctx.values
    assert (v["proposing_agency"], v["deciding_agency"], v["raising_agency"], v["monitor_agency"]) == (
        "VKS_TINH", "VKS_TINH", "VKS_TINH", "BNC_TU")
    assert ctx.notices == []


def test_an_issue_raised_for_another_unit_tells_that_unit():
    ctx = FakeContext({"document_title": "Quy chế", "proposing_agency": "CA_TINH"}, agency="UBKT_TU")
    rules_review.open_rules_review(ctx)
    assert ctx.values["deciding_agency"] == "CA_TINH"
    assert ctx.notices[0][1:] == ("CA_TINH", "coordinator")


def test_each_proposal_is_numbered_and_each_decision_filed_by_its_kind():
    ctx = FakeContext({"proposal_content": "P"}, case={"proposal_round": 1, "deciding_agency": "CA_TINH"})
    rules_review.record_proposal(ctx)
    assert ctx.values["proposal_round"] == 2
    for decision in ("chap_thuan", "hoan_thien", "tu_choi"):
        ctx = FakeContext({"proposal_decision": decision, "decision_reasons": "L"},
                          case={"proposing_agency": "CA_TINH", "deciding_agency": "CA_TINH"})
        rules_review.record_proposal_decision(ctx)
        assert ctx.kinds() == [f"quyet_dinh_{decision}"]
