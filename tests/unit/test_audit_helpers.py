"""Small pieces of the audit package: dates as officials type them, the head's text form,
what a completion changed, CSV cells, the hashing rule pinned by ARCHITECTURE.md."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

import pytest
from werkzeug.datastructures import MultiDict

from workflow_app.audit import export, head, search
from workflow_app.audit.chain import HEAD_GENESIS, event_hash
from workflow_app.services.tasks import data_changes


@pytest.mark.parametrize("raw, day", [("05/03/2026", date(2026, 3, 5)), ("5/3/2026", date(2026, 3, 5)),
                                      (" 31/12/2025 ", date(2025, 12, 31))])
def test_dates_are_read_day_first(raw, day):
    assert search.parse_date(raw) == day


@pytest.mark.parametrize("raw", ["2026-03-05", "31/02/2026", "05/03/26", "hôm qua", ""])
def test_what_is_not_a_date_is_refused(raw):
    with pytest.raises(ValueError):
        search.parse_date(raw)


def test_a_date_range_covers_whole_local_days():
    filters, errors = search.from_page(MultiDict({"from_date": "05/03/2026", "to_date": "05/03/2026"}))
    assert errors == {}
    # Vietnam is UTC+7: the local day 05/03 runs from 04/03 17:00 UTC to 05/03 17:00 UTC.
    assert filters.since == datetime(2026, 3, 4, 17, tzinfo=timezone.utc)
    assert filters.until == datetime(2026, 3, 5, 17, tzinfo=timezone.utc)
    assert filters.described() == {"since": "2026-03-04T17:00:00+00:00", "until": "2026-03-05T17:00:00+00:00"}


def test_a_range_ending_before_it_starts_is_an_error():
    _, errors = search.from_page(MultiDict({"from_date": "06/03/2026", "to_date": "05/03/2026"}))
    assert set(errors) == {"to_date"}


def test_head_text_round_trips():
    digest = hashlib.sha256(b"x").hexdigest()
    current = head.Head(42, digest, None)
    assert current.text == f"42 {digest}"
    assert head.parse(current.text) == (42, digest)
    assert head.parse(f"42:{digest.upper()}") == (42, digest)
    for bad in ("42", f"x {digest}", f"42 {digest[:-1]}", f"42 {'z' * 64}"):
        with pytest.raises(ValueError):
            head.parse(bad)


def test_changes_name_each_field_that_moved():
    before = {"a": 1, "b": [1, 2], "c": "giữ", "ref": {"$vault": "r1"}}
    after = {"a": 2, "b": [1, 2], "c": "giữ", "d": True, "ref": {"$vault": "r2"}}
    assert data_changes(before, after) == {"a": {"from": 1, "to": 2}, "d": {"from": None, "to": True},
                                           "ref": {"from": {"$vault": "r1"}, "to": {"$vault": "r2"}}}
    assert data_changes(after, after) == {}


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+84", "'+84"), ("-x", "'-x"), ("@a", "'@a"),
                                         ("{\"a\": 1}", "{\"a\": 1}"), (12, 12), ("", "")])
def test_csv_cells_never_start_a_formula(value, cell):
    assert export._cell(value) == cell


def test_the_hash_is_sha256_of_canonical_json_with_the_previous_hash():
    fields = {"seq": 1, "at": datetime(2026, 3, 5, 1, 2, 3, tzinfo=timezone.utc), "actor_username": "a",
              "actor_agency": "CA_TINH", "type": "task_completed", "instance_id": "i", "element_id": "e",
              "element_name": "Tiếp nhận", "task_id": "t", "data": {"b": 1, "a": "đ"}}
    body = {**fields, "at": "2026-03-05T01:02:03.000000+00:00", "prev_hash": HEAD_GENESIS}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert event_hash(fields, HEAD_GENESIS) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert event_hash({**fields, "seq": 2}, HEAD_GENESIS) != event_hash(fields, HEAD_GENESIS)
