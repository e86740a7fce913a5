"""A form page from a form's JSON Schema: the fields to draw, and the posted fields back to JSON.

The JSON Schema (forms.json_schema) is the one description of a form, for the API and the
pages alike, so no form is written twice. `build` turns it into `Field`s that the template
macro `officials/_fields.html` draws; `parse` turns what the browser posted into the JSON
object the use cases (`tasks.complete`, `instances.start_case`) validate, so the page and
the API go through the same validation and get the same Vietnamese messages, which `build`
puts back next to their fields.

How a property is drawn (`widget_of`):
- an enum: radio buttons when it has at most RADIO_MAX choices and always a value
  (required, or a default), else a select;
- an array of enum strings: checkboxes; an array of numbers: one text box, comma separated;
- an array of objects: one fieldset per item, repeatable (static/js/officials/form.js adds
  and removes items; without JavaScript the buttons post back and the server does it);
- a date: <input type=date>; long text (maxLength over LONG_TEXT_OVER, none given, or the
  hint "x-multiline": true): a textarea; other text: <input>;
- a boolean: yes/no radios when required (no answer is not "no"), else a checkbox.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LONG_TEXT_OVER = 255
RADIO_MAX = 4
INDEX = "__i__"                 # placeholder of the item index in the template of a new item
MASK = "••••••"                 # vault.MASK: a confidential value the caller may not see


@dataclass
class Field:
    key: str
    name: str                   # posted name: the path joined with "-" (protected_persons-0-full_name)
    widget: str
    label: str
    help: str | None = None
    required: bool = False
    options: list[tuple[str, str]] = field(default_factory=list)
    value: Any = None
    errors: list[str] = field(default_factory=list)
    confidential: bool = False
    masked: bool = False        # a confidential value shown masked: drawn read-only, never posted
    max_length: int | None = None
    children: list["Field"] = field(default_factory=list)            # object: its fields
    items: list[list["Field"]] = field(default_factory=list)         # array of objects
    template: list["Field"] = field(default_factory=list)            # array of objects: a new item
    item_label: str = ""
    min_items: int = 0
    context: str = ""           # the repeated item a field belongs to ("Người được bảo vệ 2")

    @property
    def id(self) -> str:
        return "f-" + self.name

    @property
    def error_id(self) -> str:
        return self.id + "-error"

    @property
    def help_id(self) -> str:
        return self.id + "-help"

    def describedby(self) -> str:
        ids = ([self.help_id] if self.help else []) + ([self.error_id] if self.errors else [])
        return " ".join(ids)

    def is_checked(self, option: str) -> bool:
        if isinstance(self.value, list):
            return option in self.value
        return self.value == option

    @property
    def text_value(self) -> str:
        """The value as the text of an input (numbers of a list comma separated)."""
        if self.value is None:
            return ""
        if isinstance(self.value, list):
            return ", ".join(str(v) for v in self.value)
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return str(self.value)


def _types(prop: dict) -> tuple[str, bool]:
    """(main JSON type, nullable)."""
    kind = prop.get("type", "string")
    if isinstance(kind, list):
        others = [k for k in kind if k != "null"]
        return (others[0] if others else "string"), "null" in kind
    return kind, False


def _options(prop: dict) -> list[tuple[str, str]]:
    codes = prop.get("enum") or []
    titles = prop.get("x-enum-titles") or codes
    return [(str(c), str(t)) for c, t in zip(codes, titles) if c is not None]


def widget_of(prop: dict, required: bool) -> str:
    kind, _ = _types(prop)
    if kind == "array":
        items = prop.get("items") or {}
        item_kind, _ = _types(items)
        if item_kind == "object":
            return "repeat"
        if items.get("enum"):
            return "checkboxes"
        if item_kind in ("integer", "number"):
            return "numbers"
        return "lines"
    if kind == "object":
        return "group"
    if kind == "boolean":
        return "yesno" if required else "checkbox"
    if kind in ("integer", "number"):
        return "number"
    if prop.get("enum"):
        always_set = required or prop.get("default") is not None
        return "radio" if always_set and len(prop["enum"]) <= RADIO_MAX else "select"
    if prop.get("format") == "date":
        return "date"
    if prop.get("format") == "email":
        return "email"
    if prop.get("x-multiline") or (prop.get("maxLength") or 10 ** 9) > LONG_TEXT_OVER:
        return "textarea"
    return "text"


def _messages(node) -> list[str]:
    """Flatten marshmallow messages ({index: [...]} for list items) into plain strings."""
    if node is None:
        return []
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [m for item in node for m in _messages(item)]
    if isinstance(node, dict):
        out = []
        for key, value in node.items():
            prefix = f"Mục {int(key) + 1}: " if str(key).isdigit() else ""
            out += [prefix + m for m in _messages(value)]
        return out
    return [str(node)]


def _error_at(errors, key):
    if not isinstance(errors, dict):
        return None
    if key in errors:
        return errors[key]
    if str(key) in errors:
        return errors[str(key)]
    if isinstance(key, str) and key.isdigit():
        return errors.get(int(key))
    return None


def build(schema: dict, values: dict | None = None, errors: dict | None = None,
          prefix: str = "") -> list[Field]:
    """The fields of an object schema filled with `values` and marshmallow `errors`."""
    values = values if isinstance(values, dict) else {}
    required = set(schema.get("required") or [])
    fields = []
    for key, prop in (schema.get("properties") or {}).items():
        name = prefix + key
        widget = widget_of(prop, key in required)
        value = values[key] if key in values else prop.get("default")
        f = Field(key=key, name=name, widget=widget, label=prop.get("title") or key,
                  help=prop.get("description"), required=key in required, value=value,
                  confidential=bool(prop.get("x-confidential")), max_length=prop.get("maxLength"))
        node = _error_at(errors, key)
        if widget == "group":
            f.children = build(prop, value if isinstance(value, dict) else {},
                               node if isinstance(node, dict) else None, name + "-")
            f.errors = _messages(node.get("_schema")) if isinstance(node, dict) else _messages(node)
        elif widget == "repeat":
            _build_repeat(f, prop, value, node)
        else:
            f.options = _options(prop.get("items") or {}) if widget == "checkboxes" else _options(prop)
            f.errors = _messages(node)
            f.masked = f.confidential and value == MASK
        fields.append(f)
    return fields


def _build_repeat(f: Field, prop: dict, value, node) -> None:
    items_schema = prop.get("items") or {}
    f.item_label = items_schema.get("title") or f.label
    f.min_items = int(prop.get("minItems") or 0)
    current = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
    count = max(len(current), f.min_items, 1 if f.required else 0)
    per_item = node if isinstance(node, dict) else {}
    for index in range(count):
        item_values = current[index] if index < len(current) else {}
        item = build(items_schema, item_values, _error_at(per_item, index), f"{f.name}-{index}-")
        for child in item:
            child.context = f"{f.item_label} {index + 1}"
        f.items.append(item)
    f.template = build(items_schema, {}, None, f"{f.name}-{INDEX}-")
    f.errors = _messages(node) if not isinstance(node, dict) else \
        _messages({k: v for k, v in node.items() if not str(k).isdigit()})


# -- posted form -> JSON ------------------------------------------------------------------------
def _indices(form, name: str) -> list[int]:
    pattern = re.compile(re.escape(name) + r"-(\d+)-")
    return sorted({int(m.group(1)) for key in form.keys() if (m := pattern.match(key))})


def _number(text: str, kind: str):
    try:
        return int(text) if kind == "integer" else float(text)
    except ValueError:
        return text             # the form says "Phải là một số nguyên." next to the field


def parse(schema: dict, form, prefix: str = "", *, remove: str | None = None) -> dict:
    """The JSON object posted for an object schema; `form` is a werkzeug MultiDict.

    An empty text means "no value": null where the schema allows it, otherwise the key is
    left out (a default applies, or "Trường này là bắt buộc." comes back). `remove` is the
    name of one repeated item to drop (the no-JavaScript remove button)."""
    data: dict = {}
    for key, prop in (schema.get("properties") or {}).items():
        name = prefix + key
        required = key in set(schema.get("required") or [])
        widget = widget_of(prop, required)
        kind, nullable = _types(prop)
        if widget == "repeat":
            items = [parse(prop.get("items") or {}, form, f"{name}-{i}-")
                     for i in _indices(form, name) if f"{name}-{i}" != remove]
            if items or f"{name}-present" in form:
                data[key] = items
        elif widget == "group":
            data[key] = parse(prop, form, name + "-")
        elif widget == "checkbox":
            if f"{name}-present" in form or name in form:
                data[key] = form.get(name) in ("true", "on", "1")
        elif widget == "yesno":
            raw = form.get(name)
            if raw in ("true", "false"):
                data[key] = raw == "true"
        elif widget == "checkboxes":
            if name in form or f"{name}-present" in form:
                data[key] = [v for v in form.getlist(name) if v]
        elif widget == "numbers":
            raw = (form.get(name) or "").strip()
            if raw:
                item_kind, _ = _types(prop.get("items") or {})
                data[key] = [_number(t, item_kind) for t in re.split(r"[\s,;]+", raw) if t]
            elif name in form and nullable:
                data[key] = None
        elif widget == "lines":
            if name in form:
                data[key] = [line.strip() for line in (form.get(name) or "").splitlines() if line.strip()]
        else:
            if name not in form:
                continue        # not posted: a radio left unanswered, a masked field
            raw = form.get(name) or ""
            if kind in ("integer", "number"):
                raw = raw.strip()
                if raw:
                    data[key] = _number(raw, kind)
                elif nullable:
                    data[key] = None
            elif raw.strip():
                data[key] = raw
            elif nullable:
                data[key] = None
    return data
