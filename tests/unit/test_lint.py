"""The ONE validation of diagrams (services/deploy.validate): one failing fixture per rule.

Each fixture in tests/diagrams/lint/ is the valid diagram `_valid.bpmn` with one thing
broken; the test checks that the validation names the broken element with the expected
message, and nothing else (so a fixture fails for the reason its name says).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from workflow_app.engine import lint
from workflow_app.services import deploy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "diagrams" / "lint"

# fixture name -> [(element_id, words of the message)]
EXPECTED = {
    "xml-well-formed": [(None, "XML không hợp lệ")],
    "single-process": [(None, "đúng một quy trình")],
    "xsd": [(None, "bogus")],
    "duplicate-id": [("review", "bị dùng cho 2 phần tử")],
    "sequence-flow-refs": [("f_escalate_end", "'khong_co' (đích)"),
                           ("escalate", "không có luồng ra"), ("end_escalated", "không được nối")],
    "no-duplicate-sequence-flows": [("f_start_prepare_2", "trùng với luồng 'f_start_prepare'")],
    "start-event-required": [("lint_probe", "chưa có sự kiện bắt đầu"), ("wait_start", "không có luồng vào")],
    "end-event-required": [("lint_probe", "chưa có sự kiện kết thúc")],
    "no-disconnected": [("orphan", "không được nối với phần tử nào")],
    "no-implicit-start": [("extra_step", "không có luồng vào")],
    "no-implicit-end": [("escalate", "không có luồng ra")],
    "conditional-flows": [("f_gw_ok", "thiếu điều kiện")],
    "no-empty-condition": [("f_gw_refused", "điều kiện trống")],
    "label-required": [("review", "chưa có tên")],
    "supported-task-type": [("prepare", "chưa chọn loại")],
    "user-task-lane": [("review", "lane_<vai trò>")],
    "user-task-role": [("review", "Vai trò 'phu_thuy' không tồn tại"),
                       ("escalate", "Vai trò 'phu_thuy' không tồn tại")],
    "form-missing": [("review", "Thiếu thuộc tính formKey")],
    "form-unknown": [("review", "Biểu mẫu 'khong.co.bieu_mau' không tồn tại")],
    "handler-unknown": [("review", "Bộ xử lý 'xu_ly_ma' không tồn tại")],
    "timer-not-iso": [("late", "'P3X' không phải là thời hạn")],
    "timer-setting-missing": [("late", "thiếu tham số quy trình 'khong_co'")],
    "timer-unquoted": [("late", "phải đặt trong ngoặc kép, ví dụ \"PT1H\"")],
    "timer-date": [("late", "'P3D' không phải là thời điểm")],
    "call-activity-target": [("prepare", "'khong_co' chưa được triển khai")],
    "call-activity-settings": [("prepare", "'confirmation_days'")],
    "script-syntax": [("prepare", "lỗi cú pháp")],
    "script-import": [("prepare", "không được dùng import")],
    "script-import-call": [("prepare", "'__import__'")],
    "script-dunder": [("prepare", "thuộc tính '__bases__'")],
    "script-getattr": [("prepare", "thuộc tính '__globals__'")],
    "script-open": [("prepare", "không được gọi 'open'")],
    "script-while": [("prepare", "vòng lặp while")],
    "condition-sandbox": [("f_gw_refused", "'__import__'")],
}


def problems_of(name: str) -> list[dict]:
    return [p.as_dict() for p in deploy.validate((FIXTURES / f"{name}.bpmn").read_bytes()).problems]


def test_every_fixture_has_an_expectation_and_back():
    assert {p.stem for p in FIXTURES.glob("*.bpmn")} - {"_valid"} == set(EXPECTED)


def test_the_valid_base_diagram_has_no_problem(app):
    assert problems_of("_valid") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_rule_names_the_broken_element(app, name):
    problems = problems_of(name)
    for element_id, words in EXPECTED[name]:
        assert any(p["element_id"] == element_id and words in p["message"] for p in problems), problems
    assert {p["element_id"] for p in problems} <= {e for e, _ in EXPECTED[name]}, problems
    assert all(set(p) == {"element_id", "message"} for p in problems)


@pytest.mark.parametrize("path", sorted((ROOT / "bpmn").glob("*.bpmn")), ids=lambda p: p.stem)
def test_the_real_diagrams_pass_the_lint_rules(path):
    """Structure, scripts and timers (bindings to forms and handlers are tested by deploying them)."""
    from workflow_app.engine import expression_checks
    from workflow_app.engine.parsing import read
    xml = path.read_bytes()
    root = lint.parse(xml)
    findings = lint.lint(root) + expression_checks.check(root, read(xml).settings)
    assert findings == []


def test_the_real_diagrams_validate_together(app):
    batch = {lint.parse(p.read_bytes()).xpath("./bpmn:process/@id", namespaces=lint.NS)[0]: p.read_bytes()
             for p in sorted((ROOT / "bpmn").glob("*.bpmn"))}
    for process_id, xml in batch.items():
        assert [p.as_dict() for p in deploy.validate(xml, extra=batch).problems] == [], process_id


def test_a_timer_reading_case_data_is_checked_when_it_runs_not_before():
    from workflow_app.engine.expression_checks import timer_problem
    assert timer_problem('hours(settings["h"]) if request_kind == "khan_cap" else days(settings["d"])',
                         "timeDuration", {"h": 2, "d": 3}) is None
    assert timer_problem("days(report_days or settings['d'])", "timeDuration", {"d": 3}) is None
    assert timer_problem("days(custom_days)", "timeDuration", {}) is None
    assert timer_problem('"R3/PT10H"', "timeCycle", {}) is None
    assert "không phải là chu kỳ" in timer_problem('"mỗi ngày"', "timeCycle", {})
    assert timer_problem('"2026-12-31T17:00:00+07:00"', "timeDate", {}) is None
    assert "không tính được" in timer_problem("days(1) + 1", "timeDuration", {})


def test_lint_findings_carry_their_rule():
    findings = lint.lint((FIXTURES / "conditional-flows.bpmn").read_bytes())
    assert [(f.rule, f.element_id) for f in findings] == [("conditional-flows", "f_gw_ok")]
