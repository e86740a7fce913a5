"""The base form: Vietnamese messages, field factories and JSON-native output.

Every message a person can see comes from a form, so the Vietnamese wording of every
built-in marshmallow error is set here, on our own field and validator subclasses,
instead of patching marshmallow globally (other code in the process may use marshmallow
too and expects its defaults). Values leave `load` as JSON-native data (dates as ISO
strings) because they are merged straight into the workflow's task data, which is
serialised as JSON.
"""

from __future__ import annotations

import datetime as dt
import typing

from marshmallow import Schema, ValidationError, fields, post_load, pre_load, validate
from marshmallow.experimental.context import Context

_COMMON = {
    "required": "Trường này là bắt buộc.",
    "null": "Trường này không được để trống.",
    "validator_failed": "Giá trị không hợp lệ.",
}

BLANK = "Không được để trống."

LONG_TEXT = 20_000
SHORT_TEXT = 255


class Text(fields.String):
    """A string with surrounding whitespace removed, so "   " counts as blank."""

    default_error_messages = {
        **_COMMON,
        "invalid": "Phải là một chuỗi ký tự.",
        "invalid_utf8": "Chuỗi ký tự không hợp lệ (không phải UTF-8).",
    }

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class Flag(fields.Boolean):
    default_error_messages = {**_COMMON, "invalid": "Phải là giá trị có hoặc không."}


class Integer(fields.Integer):
    default_error_messages = {
        **_COMMON,
        "invalid": "Phải là một số nguyên.",
        "too_large": "Số quá lớn.",
    }


class Date(fields.Date):
    """An ISO date; an empty string from an HTML date input means "no date"."""

    default_error_messages = {
        **_COMMON,
        "invalid": "Ngày không hợp lệ (định dạng NNNN-TT-NN, ví dụ 2025-01-31).",
        "format": "Không thể định dạng “{input}” thành ngày.",
    }

    def deserialize(self, value, attr=None, data=None, **kwargs):
        return super().deserialize(None if value == "" else value, attr, data, **kwargs)


class List(fields.List):
    default_error_messages = {**_COMMON, "invalid": "Phải là một danh sách."}


class Nested(fields.Nested):
    default_error_messages = {**_COMMON, "type": "Phải là một đối tượng (các trường và giá trị)."}


class NotBlank(validate.Length):
    """Length(min=1) with our message; `Text` strips first, so it rejects blanks too."""

    def __init__(self):
        super().__init__(min=1, error=BLANK)


class MaxLength(validate.Length):
    def __init__(self, max_length: int):
        super().__init__(max=max_length, error="Không được dài quá {max} ký tự.")


class MinItems(validate.Length):
    def __init__(self, min_items: int = 1, error: str = "Phải có ít nhất {min} mục."):
        super().__init__(min=min_items, error=error)


class Range(validate.Range):
    message_min = "Phải {min_op} {{min}}."
    message_max = "Phải {max_op} {{max}}."
    message_all = "Phải {min_op} {{min}} và {max_op} {{max}}."
    message_gte = "lớn hơn hoặc bằng"
    message_gt = "lớn hơn"
    message_lte = "nhỏ hơn hoặc bằng"
    message_lt = "nhỏ hơn"


def unique_items(values: list) -> None:
    """Reject repeated entries: a repeated agency would get two confirmation tasks."""
    if len(set(values)) != len(values):
        raise ValidationError("Không được chọn trùng lặp.")


def meta(title: str, help: str | None, confidential: bool, **extra) -> dict:
    """The field metadata the JSON schema and the vault read."""
    data = {"title": title, **extra}
    if help:
        data["description"] = help
    if confidential:
        data["confidential"] = True
    return data


def text(title: str, help: str | None = None, *, required: bool = False,
         max_length: int = LONG_TEXT, confidential: bool = False, **kwargs) -> Text:
    """A text field; a required one must hold more than whitespace."""
    validators = [NotBlank()] if required else []
    validators.append(MaxLength(max_length))
    if not required:
        kwargs.setdefault("allow_none", True)
    return Text(required=required, validate=validators,
                metadata=meta(title, help, confidential), **kwargs)


def flag(title: str, help: str | None = None, **kwargs) -> Flag:
    return Flag(metadata=meta(title, help, False), **kwargs)


def date(title: str, help: str | None = None, *, required: bool = False, **kwargs) -> Date:
    if not required:
        kwargs.setdefault("allow_none", True)
    return Date(required=required, metadata=meta(title, help, False), **kwargs)


def current_case() -> dict | None:
    """The case data `forms.load` was given, for rules that compare with it."""
    return Context.get({}).get("case")


def reject(errors: dict[str, str]) -> None:
    """Raise every cross-field problem at once, each on the field a person must fix."""
    if errors:
        raise ValidationError({field: [message] for field, message in errors.items()})


def is_blank(key: str, data: dict, original: dict) -> bool:
    """Whether `key` was left empty.

    A value that failed its own validation is missing from `data` but is not blank: it
    already carries a message, and a second "required" message would only confuse.
    """
    value = data[key] if key in data else original.get(key)
    return value in (None, "", [])


def json_native(value: typing.Any) -> typing.Any:
    if isinstance(value, dict):
        return {key: json_native(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_native(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class FormSchema(Schema):
    """Base of every form: Vietnamese schema-level messages and JSON-native output.

    Subclasses normalise loaded values by overriding `complete` rather than adding their
    own `post_load`, because marshmallow does not promise an order between hooks.
    """

    error_messages = {
        "unknown": "Trường không hợp lệ.",
        "type": "Dữ liệu phải là một đối tượng (các trường và giá trị).",
    }

    @pre_load
    def _drop_empty_optionals(self, data, **kwargs):
        """An optional select or list left empty means "not given", so its default applies.

        Only fields that refuse null are concerned; optional texts and dates keep an
        explicit empty value, so a person can clear them.
        """
        if not isinstance(data, dict):
            return data  # marshmallow then reports the wrong type
        return {key: value for key, value in data.items()
                if not (value in ("", None) and self._optional_not_null(key))}

    def _optional_not_null(self, key: str) -> bool:
        field = self.fields.get(key)
        return field is not None and not field.required and not field.allow_none

    def complete(self, data: dict) -> dict:
        """Normalise validated values; runs before they become JSON-native."""
        return data

    @post_load
    def _finish(self, data: dict, **kwargs) -> dict:
        return json_native(self.complete(data))
