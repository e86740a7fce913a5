"""The JSON Schema of a form, for the page that renders it and the API that serves it.

apispec's field converter already knows how marshmallow types, lengths, ranges, formats
and defaults map to JSON Schema, so leaf fields go through it. Objects and lists are
walked here instead: apispec would turn the protected persons into a `$ref` to a
registered component, while a form page wants one self-contained document. The walk also
adds what only this package knows: choices from the database with their Vietnamese titles
(`enum` + `x-enum-titles`) and `x-confidential` on the fields the vault seals.
"""

from __future__ import annotations

import inspect

from apispec.ext.marshmallow.field_converter import FieldConverterMixin
from marshmallow import Schema, fields
from packaging.version import Version

from .base import json_native, unique_items
from .choices import Pairs, resolve

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _LeafConverter(FieldConverterMixin):
    """apispec's per-field rules, minus those that reach into nested schemas."""

    def __init__(self):
        self.openapi_version = Version("3.1.0")  # 3.1 schemas are JSON Schema 2020-12
        self.init_attribute_functions()
        walked_here = {self.nested2properties, self.pluck2properties,
                       self.list2properties, self.dict2properties}
        self.attribute_functions = [f for f in self.attribute_functions if f not in walked_here]


_converter = _LeafConverter()


def form_title(schema_class: type[Schema]) -> str:
    """A form's title is the first line of its docstring, which is written in Vietnamese."""
    doc = inspect.getdoc(schema_class) or schema_class.__name__
    return doc.splitlines()[0].strip().rstrip(".")


def form_json_schema(schema_class: type[Schema], choices: dict[str, Pairs]) -> dict:
    return {"$schema": DIALECT, "title": form_title(schema_class),
            **object_schema(schema_class(), choices)}


def object_schema(schema: Schema, choices: dict[str, Pairs]) -> dict:
    properties, required = {}, []
    for name, field in schema.load_fields.items():
        key = field.data_key or name
        properties[key] = field_schema(field, choices)
        if field.required:
            required.append(key)
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    return result


def field_schema(field: fields.Field, choices: dict[str, Pairs]) -> dict:
    prop = _converter.field2property(field)
    if isinstance(field, fields.Nested):
        prop = {"title": form_title(type(field.schema)), **prop,
                **object_schema(field.schema, choices)}
    elif isinstance(field, fields.List):
        prop["items"] = field_schema(field.inner, choices)
        if unique_items in field.validators:
            prop["uniqueItems"] = True
    if callable(field.load_default):  # apispec leaves out factories such as `list`
        prop["default"] = json_native(field.load_default())
    source = field.metadata.get("choices")
    if source is not None:
        pairs = resolve(source, choices)
        prop["enum"] = [code for code, _ in pairs]
        prop["x-enum-titles"] = [title for _, title in pairs]
    if field.metadata.get("confidential"):
        prop["x-confidential"] = True
    return prop
