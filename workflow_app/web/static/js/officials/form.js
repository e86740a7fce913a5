/* Forms drawn from a JSON Schema (web/forms_render.py): repeatable groups of fields
 * (protected persons) get their "add" and "remove" buttons working in the page. Without
 * this file the same buttons post the form and the server adds or removes the item. */
(function () {
  "use strict";

  function renumber(repeat) {
    var label = repeat.getAttribute("data-item-label") || "";
    var items = repeat.querySelectorAll(":scope > .repeat-items > .repeat-item");
    items.forEach(function (item, position) {
      var title = item.querySelector("[data-item-title]");
      if (title) { title.textContent = label + " " + (position + 1); }
      var number = item.querySelector("[data-item-number]");
      if (number) { number.textContent = String(position + 1); }
    });
    return items.length;
  }

  function nextIndex(repeat) {
    var highest = -1;
    repeat.querySelectorAll(":scope > .repeat-items > .repeat-item").forEach(function (item) {
      var index = parseInt(item.getAttribute("data-index"), 10);
      if (!isNaN(index) && index > highest) { highest = index; }
    });
    return highest + 1;
  }

  function announce(repeat, text) {
    var status = repeat.querySelector(":scope > [data-repeat-status]");
    if (status) { status.textContent = text; }
  }

  function add(repeat) {
    var template = repeat.querySelector(":scope > template");
    if (!template) { return; }
    var index = String(nextIndex(repeat));
    var html = template.innerHTML.split("__i__").join(index);
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var item = holder.querySelector(".repeat-item");
    repeat.querySelector(":scope > .repeat-items").appendChild(item);
    var count = renumber(repeat);
    announce(repeat, (repeat.getAttribute("data-item-label") || "") + " " + count);
    var first = item.querySelector("input:not([type=hidden]), select, textarea");
    if (first) { first.focus(); }
  }

  function remove(repeat, item) {
    item.parentNode.removeChild(item);
    renumber(repeat);
    var addButton = repeat.querySelector(":scope > [data-repeat-add]");
    if (addButton) { addButton.focus(); }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-repeat-add], [data-repeat-remove]");
    if (!button) { return; }
    var repeat = button.closest("[data-repeat]");
    if (!repeat) { return; }
    event.preventDefault();
    if (button.hasAttribute("data-repeat-add")) {
      add(repeat);
    } else {
      remove(repeat, button.closest(".repeat-item"));
    }
  });

  /* After a refused submission, bring the list of problems into view and focus. */
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  });
}());
