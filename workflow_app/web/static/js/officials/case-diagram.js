/* The case's diagram: bpmn-js's navigated viewer (global BpmnJS from the vendor bundle)
 * draws the BPMN XML of the version the case runs on, marks the steps done and the step(s)
 * where the case stands, with a text badge on each so the state is not told by colour only.
 * The element ids come from the page (data-* attributes of #diagram), never inline script. */
(function () {
  "use strict";

  function list(container, name) {
    try { return JSON.parse(container.getAttribute("data-" + name) || "[]"); } catch (e) { return []; }
  }

  function badge(overlays, id, css, text) {
    var span = document.createElement("span");
    span.className = "diagram-badge " + css;
    span.textContent = text;
    overlays.add(id, "state", { position: { top: -12, right: 12 }, html: span });
  }

  function show(container) {
    if (typeof window.BpmnJS !== "function") { return; }
    var viewer = new window.BpmnJS({ container: container });
    var done = list(container, "done");
    var active = list(container, "active");
    var failed = list(container, "failed");
    fetch(container.getAttribute("data-xml-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        var placeholder = container.querySelector(".diagram-placeholder");
        if (placeholder) { placeholder.remove(); }
        var canvas = viewer.get("canvas");
        var registry = viewer.get("elementRegistry");
        var overlays = viewer.get("overlays");
        var activeIds = {};
        active.forEach(function (task) {
          var id = task.element_id;
          if (!registry.get(id)) {
            /* a task of a called process: mark the call activity that runs it */
            registry.filter(function (element) {
              return element.businessObject && element.businessObject.calledElement === task.process_id;
            }).forEach(function (element) { activeIds[element.id] = true; });
          } else {
            activeIds[id] = true;
          }
        });
        done.forEach(function (id) {
          var element = registry.get(id);
          if (!element || activeIds[id] || element.waypoints) { return; }
          canvas.addMarker(id, "wf-done");
          if (/Task$|CallActivity|SubProcess/.test(element.type)) {
            badge(overlays, id, "badge-done", "✓ " + container.getAttribute("data-label-done"));
          }
        });
        Object.keys(activeIds).forEach(function (id) {
          canvas.addMarker(id, "wf-active");
          badge(overlays, id, "badge-active", "● " + container.getAttribute("data-label-active"));
        });
        failed.forEach(function (id) {
          if (!registry.get(id)) { return; }
          canvas.addMarker(id, "wf-failed");
          badge(overlays, id, "badge-failed", "✕ " + container.getAttribute("data-label-failed"));
        });
        canvas.zoom("fit-viewport", "auto");
        container.setAttribute("data-ready", "true");
      })
      .catch(function () {
        var placeholder = container.querySelector(".diagram-placeholder");
        if (placeholder) { placeholder.textContent = container.getAttribute("data-error"); }
        container.setAttribute("data-ready", "error");
      });

    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var canvas = viewer.get("canvas");
        var how = button.getAttribute("data-zoom");
        if (how === "fit") { canvas.zoom("fit-viewport", "auto"); return; }
        var level = canvas.zoom();
        canvas.zoom(how === "in" ? level * 1.25 : level / 1.25);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("diagram");
    if (container) { show(container); }
  });
}());
