"""The diff between two versions of a diagram, computed from the XMLs."""
from __future__ import annotations

from pathlib import Path

from workflow_app.services.diagram_diff import diff

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "diagrams" / "lint" / "_valid.bpmn").read_bytes()


def changed(xml: bytes, *pairs) -> bytes:
    for old, new in pairs:
        assert old.encode() in xml, old
        xml = xml.replace(old.encode(), new.encode(), 1)
    return xml


def test_the_same_diagram_has_no_difference():
    assert diff(BASE, BASE) == {"added": [], "removed": [], "changed": [], "settings": []}


def test_added_removed_and_changed_elements_come_with_their_names():
    new = changed(
        BASE,
        ('<bpmn:userTask id="review" name="Xem xét">', '<bpmn:userTask id="review" name="Xem xét hồ sơ">'),
        ('<spiffworkflow:property name="handler" value="record_escalation"/>', ''),
        ('instruction == "tu_choi"', 'instruction == "khong_dong_y"'),
        ('days(settings["review_days"])', 'hours(settings["review_days"])'),
        ('<spiffworkflow:property name="review_days" value="3"/>', '<spiffworkflow:property name="review_days" value="5"/>'
                                                                   '<spiffworkflow:property name="remind_days" value="1"/>'),
        ('<bpmn:endEvent id="end_refused" name="Từ chối"><bpmn:incoming>f_gw_refused</bpmn:incoming></bpmn:endEvent>',
         '<bpmn:endEvent id="end_no" name="Không đồng ý"><bpmn:incoming>f_gw_refused</bpmn:incoming></bpmn:endEvent>'),
        ('targetRef="end_refused"', 'targetRef="end_no"'),
        ('<bpmn:flowNodeRef>escalate</bpmn:flowNodeRef>', ''),
    )
    result = diff(BASE, new)
    assert [(e["id"], e["name"], e["type_title"]) for e in result["added"]] == [("end_no", "Không đồng ý", "Sự kiện kết thúc")]
    assert [(e["id"], e["name"]) for e in result["removed"]] == [("end_refused", "Từ chối")]
    changes = {e["id"]: {c["field"]: (c["before"], c["after"]) for c in e["changes"]} for e in result["changed"]}
    assert changes["review"] == {"name": ("Xem xét", "Xem xét hồ sơ"),
                                 "properties.handler": ("record_escalation", "(không có)")}
    assert changes["f_gw_refused"] == {"condition": ('instruction == "tu_choi"', 'instruction == "khong_dong_y"'),
                                       "target": ("end_refused", "end_no")}
    assert changes["late"] == {"timer": ('thời hạn: days(settings["review_days"])',
                                         'thời hạn: hours(settings["review_days"])')}
    assert changes["escalate"] == {"lane": ("lane_leader", "(không có)")}
    assert [e["name"] for e in result["changed"] if e["id"] == "review"] == ["Xem xét hồ sơ"]
    assert result["settings"] == [{"name": "remind_days", "before": None, "after": "1"},
                                  {"name": "review_days", "before": "3", "after": "5"}]


def test_the_real_protection_diagram_against_itself_renamed():
    xml = (ROOT / "bpmn" / "protection_request.bpmn").read_bytes()
    renamed = xml.replace(b'name="X\xc3\xa1c minh c\xc4\x83n c\xe1\xbb\xa9 \xc4\x91\xe1\xbb\x81 ngh\xe1\xbb\x8b"',
                          b'name="X\xc3\xa1c minh"', 1)
    assert renamed != xml
    result = diff(xml, renamed)
    assert [(e["id"], [c["field"] for c in e["changes"]]) for e in result["changed"]] == [("verify", ["name"])]
