"""pending documents: decisions rendered to PDF after the commit

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 07:10:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
import workflow_app.models.types  # noqa: F401 (custom column types)


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pending_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instance_id', sa.String(length=36), nullable=False),
    sa.Column('case_file_entry_id', sa.Integer(), nullable=False),
    sa.Column('template', sa.String(length=60), nullable=False),
    sa.Column('context', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', workflow_app.models.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['case_file_entry_id'], ['case_file_entry.id'], ),
    sa.ForeignKeyConstraint(['instance_id'], ['process_instance.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pending_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_document_case_file_entry_id'), ['case_file_entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pending_document_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_pending_document_instance_id'), ['instance_id'], unique=False)


def downgrade():
    with op.batch_alter_table('pending_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_document_instance_id'))
        batch_op.drop_index(batch_op.f('ix_pending_document_created_at'))
        batch_op.drop_index(batch_op.f('ix_pending_document_case_file_entry_id'))
    op.drop_table('pending_document')
