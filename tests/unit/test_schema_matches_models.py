"""The migrations build the schema the models declare: tables, columns and indexes.

An index added to a model without a migration (or the other way round) shows here, on the
database the tests run on (SQLite, or PostgreSQL with TEST_DATABASE_URL).
"""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from workflow_app.extensions import db

CHECKED = {"add_table", "remove_table", "add_column", "remove_column", "add_index", "remove_index"}


def _other_dialect(item, dialect: str) -> bool:
    """An index the models declare for another database only (`.ddl_if(dialect=...)`);
    Alembic compares copies, so the declaration is looked up by name."""
    declared = {index.name: index for table in db.metadata.tables.values() for index in table.indexes}
    condition = getattr(declared.get(getattr(item, "name", None)), "_ddl_if", None)
    return condition is not None and condition.dialect not in (None, dialect)


def _kinds(diffs, dialect: str):
    for diff in diffs:
        if isinstance(diff, list):              # column modifications come as lists
            yield from _kinds(diff, dialect)
        elif (diff[0] in CHECKED and not (diff[0] == "remove_table" and diff[1].name == "alembic_version")
              and not _other_dialect(diff[1], dialect)):
            yield diff[0], getattr(diff[1], "name", str(diff[1]))


def test_migrated_schema_matches_the_models(app):
    connection = db.session.connection()
    diffs = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert sorted(_kinds(diffs, connection.dialect.name)) == []


def test_scale_indexes_exist(app):
    from sqlalchemy import inspect
    inspector = inspect(db.session.connection())
    names = {table: {i["name"] for i in inspector.get_indexes(table)}
             for table in ("human_task", "notification")}
    assert "ix_human_task_group" in names["human_task"] and "ix_human_task_inbox" not in names["human_task"]
    assert "ix_notification_group_unread" in names["notification"]
