"""Changes made behind the system's back, with the database's append-only triggers dropped
(as someone with access to the files could): every one is found by `GET /audit/verify` and
`flask audit verify`, which name the first bad seq. On SQLite, and on PostgreSQL when
TEST_DATABASE_URL names one.

The last tests show the limit a bare hash chain has, and the exported head that closes it:
a whole chain recomputed after an edit verifies by itself, but not against a head kept
outside the system.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from workflow_app import clock
from workflow_app.audit.chain import HEAD_GENESIS, event_hash
from workflow_app.extensions import db
from workflow_app.models import AuditEvent, AuditHead

from ..support import INTAKE_OK
from .helpers import AUDITOR, INTAKE, audit_count, start, without_append_only_guard

COLUMNS = ("seq", "at", "actor_username", "actor_agency", "type", "instance_id", "element_id", "element_name",
           "task_id", "data")


@pytest.fixture
def log(api):
    """A log of a few dozen events; the auditor's token is taken before any tampering."""
    api.token(AUDITOR)
    for _ in range(2):
        case = start(api)
        api.do(INTAKE, case["id"], "intake", INTAKE_OK)
    db.session.remove()
    return audit_count()


@pytest.fixture
def verify(api, app):
    """verify() -> the API's answer, checked against the CLI's exit code and message."""
    runner = app.test_cli_runner()

    def check() -> dict:
        db.session.remove()
        cli = runner.invoke(args=["audit", "verify"])
        db.session.remove()
        response = api.get(AUDITOR, "/audit/verify")
        assert response.status_code == 200
        result = response.get_json()
        if result["ok"]:
            assert cli.exit_code == 0, cli.output
        else:
            assert cli.exit_code == 1
            assert f"từ sự kiện số {result['first_bad_seq']}." in cli.stderr
        return result
    return check


def run(sql: str, **params) -> int:
    with without_append_only_guard():
        with db.engine.begin() as conn:
            return conn.execute(text(sql), params).rowcount


def row(seq: int) -> dict:
    event = db.session.get(AuditEvent, seq)
    return {name: getattr(event, name) for name in COLUMNS} | {"prev_hash": event.prev_hash, "hash": event.hash}


def insert(fields: dict) -> None:
    with without_append_only_guard():
        with db.engine.begin() as conn:
            conn.execute(AuditEvent.__table__.insert().values(**fields))


def forged(seq: int, prev_hash: str) -> dict:
    """A plausible event, hashed exactly as the application would hash it."""
    fields = {"seq": seq, "at": clock.now(), "actor_username": "leader.ca_tinh", "actor_agency": "CA_TINH",
              "type": "task_completed", "instance_id": None, "element_id": "decide", "element_name": "Quyết định",
              "task_id": None, "data": {"values": {"decision_outcome": "tu_choi"}}}
    return {**fields, "prev_hash": prev_hash, "hash": event_hash(fields, prev_hash)}


# -- the guard ------------------------------------------------------------------------------------
@pytest.mark.parametrize("sql", ["UPDATE audit_event SET type = 'sua' WHERE seq = 3",
                                 "DELETE FROM audit_event WHERE seq = 3"])
def test_the_database_refuses_updates_and_deletes(log, sql):
    db.session.remove()
    with pytest.raises(DBAPIError, match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(text(sql))
    assert audit_count() == log


def test_an_untouched_log_verifies(log, verify):
    assert verify() == {"ok": True, "events": log}


# -- edits, deletions, insertions, reordering -----------------------------------------------------
def test_an_edited_value_is_found(log, verify):
    seq = log // 2
    cast = "CAST(:data AS jsonb)" if db.engine.dialect.name == "postgresql" else ":data"
    assert run(f"UPDATE audit_event SET data = {cast} WHERE seq = :seq", data='{"values": {}}', seq=seq) == 1
    assert verify() == {"ok": False, "first_bad_seq": seq}


def test_an_edited_actor_or_time_is_found(log, verify):
    assert run("UPDATE audit_event SET actor_username = 'admin' WHERE seq = 5") == 1
    assert verify() == {"ok": False, "first_bad_seq": 5}


def test_a_deleted_row_is_found(log, verify):
    seq = log // 2
    assert run("DELETE FROM audit_event WHERE seq = :seq", seq=seq) == 1
    assert verify() == {"ok": False, "first_bad_seq": seq}


def test_a_deleted_last_row_is_found(log, verify):
    assert run("DELETE FROM audit_event WHERE seq = :seq", seq=log) == 1
    assert verify() == {"ok": False, "first_bad_seq": log}


def test_an_inserted_row_is_found_even_with_a_correct_hash(log, verify):
    insert(forged(log + 1, row(log)["hash"]))
    assert verify() == {"ok": False, "first_bad_seq": log + 1}


def test_a_row_inserted_before_the_first_is_found(log, verify):
    insert(forged(0, HEAD_GENESIS))
    assert verify() == {"ok": False, "first_bad_seq": 0}


def test_a_row_inserted_in_the_middle_is_found(log, verify):
    """Make room at k by moving every later row up one, then put a forged row at k."""
    k = log // 2
    for seq in range(log, k - 1, -1):
        assert run("UPDATE audit_event SET seq = :new WHERE seq = :old", new=seq + 1, old=seq) == 1
    insert(forged(k, row(k - 1)["hash"]))
    # the forged row is consistent with what precedes it; the break is where it meets the old row
    assert verify() == {"ok": False, "first_bad_seq": k + 1}


def test_two_swapped_rows_are_found(log, verify):
    i, j = 4, log - 3
    run("UPDATE audit_event SET seq = -1 WHERE seq = :i", i=i)
    run("UPDATE audit_event SET seq = :i WHERE seq = :j", i=i, j=j)
    run("UPDATE audit_event SET seq = :j WHERE seq = -1", j=j)
    assert verify() == {"ok": False, "first_bad_seq": i}


def test_two_rows_with_swapped_contents_are_found(log, verify):
    i, j = 6, 7
    first, second = row(i), row(j)
    db.session.remove()
    for target, source in ((i, second), (j, first)):
        sets = ", ".join(f"{name} = :{name}" for name in ("type", "element_id", "element_name", "task_id"))
        run(f"UPDATE audit_event SET {sets} WHERE seq = :seq", seq=target,
            **{name: source[name] for name in ("type", "element_id", "element_name", "task_id")})
    assert verify() == {"ok": False, "first_bad_seq": i}


# -- a whole chain rewritten: only an exported head shows it ---------------------------------------
def _rewrite_from(seq: int) -> None:
    """Edit event `seq`, then recompute every hash after it and the head row: what someone
    who knows the hashing rule (it is documented) and holds the files can do."""
    events = db.session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().all()
    values = [{name: getattr(e, name) for name in COLUMNS} for e in events]
    db.session.remove()
    values[seq - 1]["data"] = {"values": {"intake_complete": False}}
    prev = HEAD_GENESIS
    with without_append_only_guard():
        with db.engine.begin() as conn:
            conn.execute(AuditEvent.__table__.delete())
            for fields in values:
                digest = event_hash(fields, prev)
                conn.execute(AuditEvent.__table__.insert().values(**fields, prev_hash=prev, hash=digest))
                prev = digest
            conn.execute(AuditHead.__table__.update().values(seq=len(values), hash=prev))


def test_a_recomputed_chain_verifies_alone_but_not_against_an_exported_head(api, log, verify):
    exported = api.get(AUDITOR, "/audit/head").get_json()
    assert exported["seq"] == log                      # the head before this read was recorded
    anchor = f"{exported['seq']} {exported['hash']}"
    assert api.get(AUDITOR, f"/audit/verify?anchor={anchor}").get_json()["ok"] is True
    _rewrite_from(5)
    assert verify()["ok"] is True                      # the bare chain cannot tell
    response = api.get(AUDITOR, f"/audit/verify?anchor={anchor}")
    assert response.get_json() == {"ok": False, "first_bad_seq": exported["seq"]}
