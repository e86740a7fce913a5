"""audit exports: auditors' CSV and PDF exports rendered in the background

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 09:00:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
import workflow_app.models.types  # noqa: F401 (custom column types)


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_export',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('what', sa.String(length=20), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('filters', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('shown', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('title', sa.String(length=255), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('head_seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('head_hash', sa.String(length=64), nullable=False),
    sa.Column('requested_by', sa.String(length=80), nullable=False),
    sa.Column('requested_agency', sa.String(length=40), nullable=False),
    sa.Column('requested_at', workflow_app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_until', workflow_app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('finished_at', workflow_app.models.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('row_count', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('stored_file_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['stored_file_id'], ['stored_file.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_export', schema=None) as batch_op:
        batch_op.create_index('ix_audit_export_requester', ['requested_by', 'requested_at'], unique=False)
        batch_op.create_index('ix_audit_export_status', ['status', 'requested_at'], unique=False)


def downgrade():
    with op.batch_alter_table('audit_export', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_export_status')
        batch_op.drop_index('ix_audit_export_requester')
    op.drop_table('audit_export')
