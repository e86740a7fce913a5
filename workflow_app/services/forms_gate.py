"""Validation and sealing of submitted form data: the way in for every value."""
from __future__ import annotations

import forms

from .. import vault
from . import catalogue
from .errors import Invalid


def validated(form_key: str, data, *, case: dict | None) -> dict:
    """Validate `data` with the form `form_key` (422 with per-field messages); writes nothing."""
    try:
        return forms.load(form_key, data, choices=catalogue.choices(), case=case)
    except forms.FormError as exc:
        raise Invalid("Dữ liệu không hợp lệ.", {"json": {"data": exc.messages}}) from None


def sealed(form_key: str, values: dict, instance_id: str) -> dict:
    """Confidential values go to the vault; the result holds only references."""
    return vault.seal(instance_id, values, forms.confidential_paths(form_key))
