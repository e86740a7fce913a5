"""Parsed specs, cached in memory per set of deployed versions.

Versions are immutable, so a spec parsed once is good for the life of the process; the
cache key is the tuple of version row ids an instance runs on.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from . import parsing


@dataclass(frozen=True)
class SpecBundle:
    key: tuple
    process_id: str
    spec: object
    subprocess_specs: dict


_cache: "OrderedDict[tuple, SpecBundle]" = OrderedDict()
_lock = threading.Lock()
MAX_ENTRIES = 64


def get(key: tuple, process_id: str, load_xml) -> SpecBundle:
    """The bundle for `key`; `load_xml()` -> {process id: xml bytes} is called on a miss."""
    with _lock:
        bundle = _cache.get(key)
        if bundle is not None:
            _cache.move_to_end(key)
            return bundle
    spec, subprocess_specs = parsing.build_specs(load_xml(), process_id)
    bundle = SpecBundle(key, process_id, spec, subprocess_specs)
    with _lock:
        _cache[key] = bundle
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)
    return bundle


def clear() -> None:
    with _lock:
        _cache.clear()
