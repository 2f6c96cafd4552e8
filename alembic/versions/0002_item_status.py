"""a tool call's badge keeps its status as data

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=10), nullable=True))
    # Badges saved before this revision carried their status only in their text ("add_task: error").
    op.execute("UPDATE message SET status = 'error' WHERE role = 'task' AND content LIKE '%: error'")
    op.execute("UPDATE message SET status = 'success' WHERE role = 'task' AND status IS NULL")


def downgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('status')
