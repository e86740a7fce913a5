"""The vault: confidential values leave the request here and come back only by clearance.

A confidential form field (metadata `confidential: True`) is replaced, the moment its form
is validated, by a reference `{"$vault": "<id>"}`; the clear value is stored encrypted with
Fernet under `VAULT_KEY`. Engine state, case data and audit rows therefore never hold it.
"""
from __future__ import annotations

import copy
import uuid

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app
from sqlalchemy import select

from . import clock
from .extensions import db
from .models import VaultEntry

REF_KEY = "$vault"
MASK = "••••••"


def _fernet() -> MultiFernet:
    keys = [k.strip() for k in current_app.config["VAULT_KEY"].split(",") if k.strip()]
    return MultiFernet([Fernet(k) for k in keys])


def encrypt_bytes(content: bytes) -> bytes:
    return _fernet().encrypt(content)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def rotate_token(token: bytes) -> bytes:
    """Re-encrypt under the first (newest) key; readable with any configured key."""
    return _fernet().rotate(token)


def rotate_all(batch: int = 500) -> int:
    """Re-encrypt every vault entry under the newest key; returns how many."""
    count, last_id = 0, ""
    while True:
        rows = db.session.execute(select(VaultEntry).where(VaultEntry.id > last_id)
                                  .order_by(VaultEntry.id).limit(batch)).scalars().all()
        if not rows:
            return count
        for row in rows:
            row.ciphertext = rotate_token(row.ciphertext)
            last_id = row.id
        count += len(rows)
        db.session.flush()


def is_ref(value) -> bool:
    return isinstance(value, dict) and set(value) == {REF_KEY}


def seal(instance_id: str, values: dict, paths: list[tuple[str, ...]]) -> dict:
    """Return `values` with the confidential fields at `paths` replaced by references."""
    values = copy.deepcopy(values)
    fernet = _fernet()

    def store(path: str, clear):
        entry = VaultEntry(id=uuid.uuid4().hex, instance_id=instance_id, field=path,
                           ciphertext=fernet.encrypt(_encode(clear)), created_at=clock.now())
        db.session.add(entry)
        return {REF_KEY: entry.id}

    for path in paths:
        _replace(values, list(path), "", store)
    return values


def _replace(node, path: list[str], prefix: str, fn):
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                _replace(item, rest, f"{prefix}{index}.", fn)
        return
    if not isinstance(node, dict) or head not in node or node[head] in (None, ""):
        return
    if rest:
        _replace(node[head], rest, f"{prefix}{head}.", fn)
    elif not is_ref(node[head]):
        node[head] = fn(f"{prefix}{head}", node[head])


def _encode(value) -> bytes:
    import json
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _decode(token: bytes):
    import json
    return json.loads(_fernet().decrypt(token).decode("utf-8"))


def references(data, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted path, vault id) of every reference in `data`."""
    found = []
    if is_ref(data):
        return [(prefix.rstrip("."), data[REF_KEY])]
    if isinstance(data, dict):
        for key, value in data.items():
            found += references(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += references(value, f"{prefix}{index}.")
    return found


def masked(data):
    """A copy of `data` with every reference shown as a mask."""
    if is_ref(data):
        return MASK
    if isinstance(data, dict):
        return {k: masked(v) for k, v in data.items()}
    if isinstance(data, list):
        return [masked(v) for v in data]
    return data


def revealed(data):
    """A copy of `data` with every reference replaced by its clear value."""
    refs = dict((ref, None) for _, ref in references(data))
    clear = _load(list(refs))

    def walk(node):
        if is_ref(node):
            return clear.get(node[REF_KEY], MASK)
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node
    return walk(data)


def matching(data, fields: list[str]) -> dict[str, str]:
    """{path: vault id} of the references selected by `fields`.

    A field selects a path equal to it, ending with it (`full_name` selects
    `protected_persons.0.full_name`), or under it (`protected_persons`).
    """
    selected = {}
    for path, ref in references(data):
        for wanted in fields:
            if path == wanted or path.endswith("." + wanted) or path.startswith(wanted + "."):
                selected[path] = ref
    return selected


def reveal_paths(selected: dict[str, str]) -> dict[str, object]:
    clear = _load(list(selected.values()))
    return {path: clear.get(ref) for path, ref in selected.items()}


def _load(ids: list[str]) -> dict[str, object]:
    if not ids:
        return {}
    rows = db.session.execute(select(VaultEntry.id, VaultEntry.ciphertext)
                              .where(VaultEntry.id.in_(ids))).all()
    out = {}
    for row_id, token in rows:
        try:
            out[row_id] = _decode(token)
        except InvalidToken:
            current_app.logger.error("vault entry %s cannot be decrypted with the configured keys", row_id)
    return out
