"""`flask backup --to FILE`: SQLite's online backup API in the embedded mode; refused on
PostgreSQL with a pointer to pg_dump."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from workflow_app.extensions import db
from workflow_app.models import AuditEvent, ProcessInstance

from ..support import request_data


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


def _count(connection, table: str) -> int:
    return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_backup_copies_the_database_while_it_is_open(app, api, cli, tmp_path):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the online backup API is SQLite's; PostgreSQL is backed up with pg_dump")
    case = api.start("requester.tand_tinh", request_data())
    db.session.execute(select(func.count()).select_from(ProcessInstance)).scalar_one()   # a connection open
    target = tmp_path / "backup.sqlite3"
    result = cli("backup", "--to", str(target))
    assert result.exit_code == 0, result.output
    assert f"Đã sao lưu cơ sở dữ liệu vào {target}" in result.output
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM process_instance WHERE id = ?", (case["id"],)).fetchone()[0] == 1
        events = db.session.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
        assert _count(copy, "audit_event") == events
    finally:
        copy.close()
    assert not (tmp_path / "backup.sqlite3.part").exists()


def test_backup_never_overwrites_a_file(app, cli, tmp_path):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    target = tmp_path / "exists.sqlite3"
    target.write_bytes(b"keep me")
    result = cli("backup", "--to", str(target))
    assert result.exit_code != 0
    assert "đã tồn tại" in result.output
    assert target.read_bytes() == b"keep me"


def test_backup_on_postgresql_points_to_pg_dump(app, cli, tmp_path):
    if db.engine.dialect.name == "sqlite":
        from sqlalchemy import create_engine

        from workflow_app.backup import BackupRefused, sqlite_backup
        engine = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
        with pytest.raises(BackupRefused, match="pg_dump"):
            sqlite_backup(engine, tmp_path / "x")
        engine.dispose()
        return
    result = cli("backup", "--to", str(tmp_path / "x"))
    assert result.exit_code != 0 and "pg_dump" in result.output
    assert not (tmp_path / "x").exists()
