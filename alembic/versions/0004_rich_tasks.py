"""richer tasks: priority always set, due_at + all_day, RRULE recurrence, reminders; user time zones

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from datetime import datetime, time, timezone

import sqlalchemy as sa
from alembic import op

import todo_chat.core.db

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# SQLite rebuilds a table to alter it: keep the AUTOINCREMENT that 0003 gave it (ids never reused).
KEEP_AUTOINCREMENT = {"sqlite_autoincrement": True}
# The words v1 stored in `recurrence`, as RFC 5545 rules.
WORDS = {"daily": "FREQ=DAILY", "weekly": "FREQ=WEEKLY", "monthly": "FREQ=MONTHLY", "yearly": "FREQ=YEARLY"}


def upgrade() -> None:
    with op.batch_alter_table('user', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=False, server_default='UTC'))
    with op.batch_alter_table('task', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.add_column(sa.Column('due_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('all_day', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('remind_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.alter_column('recurrence', type_=sa.String(length=200), existing_type=sa.String(length=40))

    # Existing due dates become all-day due instants (local midnight; every user starts in UTC).
    bind = op.get_bind()
    task = sa.table('task', sa.column('id', sa.Integer), sa.column('due_date', sa.Date),
                    sa.column('due_at', todo_chat.core.db.UTCDateTime(timezone=True)),
                    sa.column('all_day', sa.Boolean),
                    sa.column('recurrence', sa.String))
    for row in bind.execute(sa.select(task.c.id, task.c.due_date).where(task.c.due_date.is_not(None))).all():
        due = datetime.combine(row.due_date, time(0), tzinfo=timezone.utc)
        bind.execute(task.update().where(task.c.id == row.id).values(due_at=due, all_day=True))
    op.execute("UPDATE task SET priority = 'medium' WHERE priority IS NULL")  # a literal fits PG's enum too
    for word, rule in WORDS.items():
        bind.execute(task.update().where(sa.func.lower(task.c.recurrence) == word).values(recurrence=rule))

    with op.batch_alter_table('task', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('due_date')
        batch_op.alter_column('priority', existing_type=sa.Enum('low', 'medium', 'high', name='priority'), nullable=False,
                              server_default='medium')
        batch_op.create_index('ix_task_due_at', ['due_at'])
        batch_op.create_index('ix_task_remind_at', ['remind_at'])


def downgrade() -> None:
    with op.batch_alter_table('task', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_index('ix_task_remind_at')
        batch_op.drop_index('ix_task_due_at')
        batch_op.add_column(sa.Column('due_date', sa.Date(), nullable=True))
        batch_op.alter_column('priority', existing_type=sa.Enum('low', 'medium', 'high', name='priority'), nullable=True, server_default=None)
        batch_op.drop_column('remind_at')
        batch_op.drop_column('all_day')
        batch_op.drop_column('due_at')
    with op.batch_alter_table('user', schema=None, table_kwargs=KEEP_AUTOINCREMENT) as batch_op:
        batch_op.drop_column('timezone')
