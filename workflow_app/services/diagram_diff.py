"""What changed between two versions of a diagram, computed from the two XMLs.

Flow elements (tasks, events, gateways, sequence flows) are matched by id and compared on
type, name, spiffworkflow properties (form, handler, agency, ...), condition, timer, script,
called process, default flow, source/target, attached-to and lane; the process settings
(deadlines) are compared by name. Lanes themselves show through the `lane` of the elements.
"""
from __future__ import annotations

from lxml import etree

from ..engine import lint
from ..engine.parsing import NS

FIELD_TITLES = {
    "type": "Loại", "name": "Tên", "properties": "Thuộc tính", "condition": "Điều kiện", "timer": "Hẹn giờ",
    "script": "Kịch bản", "called": "Quy trình được gọi", "default": "Luồng mặc định", "source": "Nguồn",
    "target": "Đích", "attached_to": "Gắn với", "lane": "Làn", "documentation": "Mô tả",
    "multi_instance": "Lặp nhiều phiên bản",
}


def _text(node) -> str:
    return (node.text or "").strip() if node is not None else ""


def _properties(node) -> dict:
    return {p.get("name"): p.get("value") for p in node.xpath(
        "./bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property", namespaces=NS)}


def _timer(node) -> str:
    for kind, title in (("timeDuration", "thời hạn"), ("timeDate", "thời điểm"), ("timeCycle", "chu kỳ")):
        found = node.xpath(f"./bpmn:timerEventDefinition/bpmn:{kind}", namespaces=NS)
        if found:
            return f"{title}: {_text(found[0])}"
    return ""


def elements(xml: bytes) -> tuple[dict[str, dict], dict]:
    """({element id: description}, settings) of the (single executable) process in `xml`."""
    root = lint.parse(xml)
    processes = root.xpath("./bpmn:process", namespaces=NS)
    process = next((p for p in processes if p.get("isExecutable", "true") == "true"), processes[0])
    lane_of = {}
    for lane in process.iter(f"{{{lint.BPMN}}}lane"):
        for ref in lane.xpath("./bpmn:flowNodeRef", namespaces=NS):
            lane_of[(ref.text or "").strip()] = lane.get("id")
    found = {}
    for node in process.iter():
        if not isinstance(node.tag, str) or etree.QName(node).namespace != lint.BPMN or not node.get("id"):
            continue
        kind = lint.local(node)
        if kind not in lint.FLOW_NODES and kind != "sequenceFlow":
            continue
        item = {"id": node.get("id"), "type": kind, "name": (node.get("name") or "").strip(),
                "properties": _properties(node), "lane": lane_of.get(node.get("id"), ""),
                "documentation": _text(node.find(f"{{{lint.BPMN}}}documentation"))}
        if kind == "sequenceFlow":
            item.update(source=node.get("sourceRef") or "", target=node.get("targetRef") or "",
                        condition=_text(node.find(f"{{{lint.BPMN}}}conditionExpression")))
            item.pop("lane")
        if kind == "boundaryEvent":
            item["attached_to"] = node.get("attachedToRef") or ""
        if node.xpath("./bpmn:timerEventDefinition", namespaces=NS):
            item["timer"] = _timer(node)
        if kind == "scriptTask":
            item["script"] = _text(node.find(f"{{{lint.BPMN}}}script"))
        if kind == "callActivity":
            item["called"] = node.get("calledElement") or ""
        if node.get("default"):
            item["default"] = node.get("default")
        loop = node.find(f"{{{lint.BPMN}}}multiInstanceLoopCharacteristics")
        if loop is not None:
            item["multi_instance"] = _text(loop.find(f"{{{lint.BPMN}}}loopDataInputRef"))
        found[item["id"]] = item
    settings = _properties(process)
    return found, settings


def _show(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in sorted(value.items())) or "(không có)"
    return value if value not in (None, "") else "(không có)"


def diff(old_xml: bytes, new_xml: bytes) -> dict:
    """{"added": [...], "removed": [...], "changed": [...], "settings": [...]} where elements are
    {id, type, type_title, name} and changed ones carry `changes`: [{field, title, before, after}]."""
    old, old_settings = elements(old_xml)
    new, new_settings = elements(new_xml)

    def head(item):
        return {"id": item["id"], "type": item["type"], "type_title": lint.TYPE_TITLES.get(item["type"], item["type"]),
                "name": item["name"] or item["id"]}
    added = [head(new[i]) for i in new if i not in old]
    removed = [head(old[i]) for i in old if i not in new]
    changed = []
    for element_id in (i for i in new if i in old):
        before, after = old[element_id], new[element_id]
        changes = []
        for field in FIELD_TITLES:
            if field == "properties":
                props_before, props_after = before.get(field) or {}, after.get(field) or {}
                for key in sorted(set(props_before) | set(props_after)):
                    if props_before.get(key) != props_after.get(key):
                        changes.append({"field": f"properties.{key}", "title": f"Thuộc tính {key}",
                                        "before": _show(props_before.get(key)), "after": _show(props_after.get(key))})
            elif (before.get(field) or "") != (after.get(field) or ""):
                changes.append({"field": field, "title": FIELD_TITLES[field],
                                "before": _show(before.get(field)), "after": _show(after.get(field))})
        if changes:
            changed.append({**head(after), "changes": changes})
    settings = [{"name": k, "before": old_settings.get(k), "after": new_settings.get(k)}
                for k in sorted(set(old_settings) | set(new_settings)) if old_settings.get(k) != new_settings.get(k)]
    return {"added": added, "removed": removed, "changed": changed, "settings": settings}
