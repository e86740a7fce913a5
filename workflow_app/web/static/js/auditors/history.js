/* The auditor's case diagram: the path the case took, drawn with the bpmn-js navigated viewer.
 *
 * Data comes from the page's JSON endpoint (data-path-url on #audit-diagram): the diagrams the
 * case is pinned to, each element's state and events, the sequence flows taken. Every state is
 * drawn with a colour AND a line pattern AND a text badge, so it never rests on colour alone.
 * No inline script (strict CSP); text from the log is set with textContent only.
 */
(function () {
  "use strict";

  var root = document.getElementById("audit-diagram");
  if (!root) { return; }
  var statusLine = document.getElementById("diagram-status");
  var detail = document.getElementById("element-detail");
  var list = document.getElementById("element-list");
  var picker = document.getElementById("diagram-select");

  var STATES = {
    completed: "✓ Đã xong",
    active: "▶ Đang xử lý",
    cancelled: "✕ Đã hủy",
    timed_out: "◷ Hết hạn (bị ngắt)",
    error: "⚠ Sự cố"
  };
  var OVERDUE = "⚑ Quá hạn";

  if (!window.BpmnJS) {
    statusLine.textContent = "Không tải được trình xem sơ đồ; lịch sử dạng bảng vẫn đầy đủ ở dưới.";
    return;
  }

  var viewer = new window.BpmnJS({ container: "#audit-canvas" });
  var path = null;
  var selected = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function eventsOf(elementId) {
    var info = path.elements[elementId];
    if (!info) { return []; }
    return info.seqs.map(function (seq) { return path.events[String(seq)]; }).filter(Boolean);
  }

  function badgeText(info) {
    var parts = [];
    if (info.state && STATES[info.state]) { parts.push(STATES[info.state]); }
    if (info.overdue) { parts.push(OVERDUE); }
    return parts.join(" · ");
  }

  function focusOn(elementId) {
    var canvas = viewer.get("canvas");
    var shape = viewer.get("elementRegistry").get(elementId);
    if (!shape) { return; }
    canvas.zoom(1);
    canvas.scrollToElement(shape);
  }

  function showDetail(elementId) {
    var registry = viewer.get("elementRegistry");
    var canvas = viewer.get("canvas");
    if (selected && registry.get(selected)) { canvas.removeMarker(selected, "audit-selected"); }
    selected = elementId;
    if (registry.get(elementId)) { canvas.addMarker(elementId, "audit-selected"); }
    Array.prototype.forEach.call(list.querySelectorAll("button"), function (button) {
      button.setAttribute("aria-pressed", button.dataset.element === elementId ? "true" : "false");
    });

    detail.replaceChildren();
    var shape = registry.get(elementId);
    var info = path.elements[elementId];
    var name = (info && info.name) || (shape && shape.businessObject && shape.businessObject.name) || elementId;
    detail.appendChild(el("h4", null, name));
    detail.appendChild(el("p", "element-id", elementId));
    if (!info) {
      detail.appendChild(el("p", null, "Hồ sơ chưa đi qua bước này: không có sự kiện."));
      return;
    }
    var state = badgeText(info);
    if (state) { detail.appendChild(el("p", "badge b-" + (info.state || "none"), state)); }
    if (info.visits > 1) { detail.appendChild(el("p", null, "Đi qua " + info.visits + " lần.")); }
    var events = eventsOf(elementId);
    var ol = el("ol", "element-events");
    events.forEach(function (event) {
      var li = el("li");
      var head = el("p", "event-head");
      head.appendChild(el("strong", null, "#" + event.seq + " " + event.title));
      head.appendChild(document.createTextNode(" · " + event.at + " · " + (event.actor || "hệ thống") +
        (event.agency ? " (" + event.agency + ")" : "")));
      li.appendChild(head);
      if (event.data && Object.keys(event.data).length) {
        li.appendChild(el("pre", null, JSON.stringify(event.data, null, 2)));
      }
      ol.appendChild(li);
    });
    detail.appendChild(ol);
  }

  function fillList() {
    var registry = viewer.get("elementRegistry");
    list.replaceChildren();
    var ids = Object.keys(path.elements).filter(function (id) { return registry.get(id); });
    ids.sort(function (a, b) { return path.elements[a].seqs[0] - path.elements[b].seqs[0]; });
    ids.forEach(function (id) {
      var info = path.elements[id];
      var button = el("button", "link", (info.name || id) + (badgeText(info) ? " — " + badgeText(info) : ""));
      button.type = "button";
      button.dataset.element = id;
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () { focusOn(id); showDetail(id); });
      var li = el("li");
      li.appendChild(button);
      list.appendChild(li);
    });
    if (!ids.length) { list.appendChild(el("li", null, "Không có bước nào của hồ sơ trên sơ đồ này.")); }
  }

  function mark() {
    var registry = viewer.get("elementRegistry");
    var canvas = viewer.get("canvas");
    var overlays = viewer.get("overlays");
    Object.keys(path.elements).forEach(function (id) {
      var info = path.elements[id];
      var shape = registry.get(id);
      if (!shape) { return; }
      if (info.state) { canvas.addMarker(id, "audit-" + info.state); }
      if (info.overdue) { canvas.addMarker(id, "audit-overdue"); }
      var text = badgeText(info);
      if (text && shape.type !== "label") {
        overlays.add(id, "audit-badge", {
          position: { top: -18, left: 0 },
          html: el("span", "badge diagram-badge b-" + (info.state || "overdue"), text)
        });
      }
    });
    path.flows.forEach(function (id) {
      if (registry.get(id)) { canvas.addMarker(id, "audit-taken"); }
    });
  }

  function show(diagram) {
    statusLine.textContent = "Đang tải sơ đồ " + diagram.name + "…";
    fetch(diagram.url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        viewer.get("canvas").zoom("fit-viewport", "auto");
        mark();
        fillList();
        selected = null;
        detail.replaceChildren();
        statusLine.textContent = "Sơ đồ " + diagram.name + " (phiên bản " + diagram.version + ").";
        root.dataset.ready = diagram.process_id;
      })
      .catch(function () {
        statusLine.textContent = "Không tải được sơ đồ; lịch sử dạng bảng vẫn đầy đủ ở dưới.";
      });
  }

  document.getElementById("diagram-fit").addEventListener("click", function () {
    viewer.get("canvas").zoom("fit-viewport", "auto");
  });

  viewer.get("eventBus").on("element.click", function (event) {
    var element = event.element;
    if (!element || element.type === "bpmn:Process" || element.type === "bpmn:Collaboration" ||
        element.type === "bpmn:Participant" || element.type === "bpmn:Lane") { return; }
    showDetail(element.type === "label" && element.labelTarget ? element.labelTarget.id : element.id);
  });

  fetch(root.dataset.pathUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      path = data;
      if (!path.diagrams.length) { statusLine.textContent = "Hồ sơ không có sơ đồ."; return; }
      if (path.diagrams.length > 1) {
        path.diagrams.forEach(function (diagram, index) {
          var option = el("option", null, diagram.name + " (" + diagram.process_id + ")");
          option.value = String(index);
          picker.appendChild(option);
        });
        picker.parentElement.hidden = false;
        picker.addEventListener("change", function () { show(path.diagrams[Number(picker.value)]); });
      }
      show(path.diagrams[0]);
    })
    .catch(function () {
      statusLine.textContent = "Không tải được dữ liệu đường đi; lịch sử dạng bảng vẫn đầy đủ ở dưới.";
    });
}());
