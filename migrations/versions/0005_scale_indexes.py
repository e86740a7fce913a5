"""scale indexes: read paths that stay fast at 100 000 cases and 1 000 000 audit rows

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 07:05:00

Measured with bench/bigdata.py (figures and query plans in bench/README.md). The inbox
(services/inbox.py) counts and orders READY tasks on `human_task` alone, so each of its
scopes gets an index holding every column it filters and sorts on, in inbox order: counts
read the index only, and a page is the first entries of the index range (no sort):
- "group" (agency, role, unassigned or mine): replaces ix_human_task_inbox (agency_code,
  role, due_at) by (agency_code, role, due_at, created_at, id, assignee);
- "agency": (agency_code, due_at, created_at, id);
- "mine": (assignee, due_at, created_at, id).
process_instance (id, case_number): the case number of a task, and the search in case
numbers, read from the index instead of the wide case rows (engine state inline on SQLite).
On PostgreSQL only, a trigram index (pg_trgm, GIN) on process_instance.case_number answers
the inbox's search "case number contains ..." (ILIKE '%...%') without reading every number.
notification (recipient_username, read_at) and (recipient_agency, recipient_role,
recipient_username, read_at): the unread badge on every page, counted in two disjoint parts
(services/notifications.unread_count), each from its index alone.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

INDEXES = (
    ("human_task", "ix_human_task_group", ["agency_code", "role", "due_at", "created_at", "id", "assignee"]),
    ("human_task", "ix_human_task_agency_due", ["agency_code", "due_at", "created_at", "id"]),
    ("human_task", "ix_human_task_assignee_due", ["assignee", "due_at", "created_at", "id"]),
    ("process_instance", "ix_process_instance_id_case_number", ["id", "case_number"]),
    ("notification", "ix_notification_user_unread", ["recipient_username", "read_at"]),
    ("notification", "ix_notification_group_unread",
     ["recipient_agency", "recipient_role", "recipient_username", "read_at"]),
)
REPLACED = ("human_task", "ix_human_task_inbox", ["agency_code", "role", "due_at"])


TRIGRAM = "ix_process_instance_case_number_trgm"


def upgrade():
    # Plain CREATE/DROP INDEX, no batch mode: no table is rebuilt (audit_event keeps its triggers).
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.drop_index(REPLACED[1], table_name=REPLACED[0])
    if op.get_bind().dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(TRIGRAM, "process_instance", ["case_number"], unique=False,
                        postgresql_using="gin", postgresql_ops={"case_number": "gin_trgm_ops"})


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(TRIGRAM, table_name="process_instance")
    op.create_index(REPLACED[1], REPLACED[0], REPLACED[2], unique=False)
    for table, name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
