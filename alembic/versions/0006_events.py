"""usage events (client analytics and the server's own turn records), the analytics setting,
and when each task was completed (the stats count completions per day)

Revision ID: 0006_events
Revises: 0005_access_tokens
Create Date: 2026-12-03
"""
import sqlalchemy as sa

import todo_chat.core.db
from alembic import op

revision = '0006_events'
down_revision = '0005_access_tokens'
branch_labels = None
depends_on = None

# SQLite rebuilds a table to alter it: keep the AUTOINCREMENT that 0003 gave it (ids never reused).
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}
KINDS = ('thread_change', 'message_sent', 'turn_started', 'turn_finished', 'tool_call', 'model_error',
         'retry', 'undo')
SOURCES = ('chatkit', 'native', 'server')


def upgrade() -> None:
    op.create_table(
        'analytics_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum(*KINDS, name='eventkind', native_enum=False, length=20), nullable=False),
        sa.Column('source', sa.Enum(*SOURCES, name='eventsource', native_enum=False, length=10), nullable=False),
        sa.Column('thread_id', sa.String(length=64), nullable=True),
        sa.Column('name', sa.String(length=64), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=True),
        sa.Column('duration_ms', sa.Integer(), nullable=True),
        sa.Column('request_id', sa.String(length=32), nullable=True),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('created_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    op.create_index('ix_analytics_event_user_id', 'analytics_event', ['user_id'])
    op.create_index('ix_analytics_event_user_kind_created', 'analytics_event', ['user_id', 'kind', 'created_at'])

    with op.batch_alter_table('user', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.add_column(sa.Column('analytics_enabled', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('task', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.add_column(sa.Column('completed_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_task_user_completed_at', ['user_id', 'completed_at'])
    # Tasks done before this revision: their last change is the best guess of when.
    op.execute(sa.text("UPDATE task SET completed_at = updated_at WHERE completed = :done")
               .bindparams(done=True))


def downgrade() -> None:
    with op.batch_alter_table('task', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_index('ix_task_user_completed_at')
        batch_op.drop_column('completed_at')
    with op.batch_alter_table('user', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('analytics_enabled')
    op.drop_index('ix_analytics_event_user_kind_created', table_name='analytics_event')
    op.drop_index('ix_analytics_event_user_id', table_name='analytics_event')
    op.drop_table('analytics_event')
