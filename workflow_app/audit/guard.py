"""Database-level refusal of UPDATE and DELETE on the audit log.

Used by the migration that creates the table and by the test fixtures that build a schema
without Alembic. The hash chain still catches changes made by someone who drops these.
"""
from __future__ import annotations

from sqlalchemy import text


def install_append_only(connection) -> None:
    dialect = connection.dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            connection.execute(text(
                f"CREATE TRIGGER IF NOT EXISTS audit_event_no_{action.lower()} BEFORE {action} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"))
    elif dialect == "postgresql":
        connection.execute(text(
            "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$"))
        connection.execute(text("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event"))
        connection.execute(text(
            "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"))


def remove_append_only(connection) -> None:
    dialect = connection.dialect.name
    if dialect == "sqlite":
        for action in ("update", "delete"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS audit_event_no_{action}"))
    elif dialect == "postgresql":
        connection.execute(text("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event"))
        connection.execute(text("DROP FUNCTION IF EXISTS audit_event_append_only()"))
