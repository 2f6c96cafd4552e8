"""the undo journal (what the assistant changed, before and after)

Revision ID: 0007_undo_journal
Revises: 0006_events
Create Date: 2026-12-03
"""
import sqlalchemy as sa

import todo_chat.core.db
from alembic import op

revision = '0007_undo_journal'
down_revision = '0006_events'
branch_labels = None
depends_on = None

KINDS = ('created', 'updated', 'completed', 'reopened', 'deleted', 'restored')


def upgrade() -> None:
    op.create_table(
        'journal_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('conversation_id', sa.Integer(), nullable=True),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('call_id', sa.String(length=128), nullable=True),
        sa.Column('batch', sa.String(length=64), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum(*KINDS, name='changekind', native_enum=False, length=12), nullable=False),
        sa.Column('before', sa.JSON(), nullable=True),
        sa.Column('after', sa.JSON(), nullable=True),
        sa.Column('reverts_id', sa.Integer(), nullable=True),
        sa.Column('generation', sa.Integer(), server_default='0', nullable=False),
        sa.Column('undone_by', sa.String(length=64), nullable=True),
        sa.Column('created_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['message_id'], ['message.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journal_entry_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_batch'), ['batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_journal_entry_task_id'), ['task_id'], unique=False)


def downgrade() -> None:
    op.drop_table('journal_entry')
