"""login sessions (revocable tokens, refresh-token families); ids never reused on SQLite

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

import todo_chat.core.db

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# Parents first. SQLite only hands out never-reused ids to tables created AUTOINCREMENT, and a
# table cannot be altered into one: each is rebuilt, rows and ids kept (core.db.migrate runs this
# with foreign keys off, so dropping the old table cascades into nothing).
REBUILT = ('user', 'conversation', 'task', 'message', 'toolcall')


def upgrade() -> None:
    op.create_table(
        'auth_session',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('refresh_jti', sa.String(length=32), nullable=False),
        sa.Column('created_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_session_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auth_session_expires_at'), ['expires_at'], unique=False)

    if op.get_context().dialect.name == 'sqlite':
        for table in REBUILT:
            with op.batch_alter_table(table, recreate='always',
                                      table_kwargs={'sqlite_autoincrement': True}):
                pass


def downgrade() -> None:
    # The AUTOINCREMENT tables stay as they are: they hold the same rows either way.
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_session_expires_at'))
        batch_op.drop_index(batch_op.f('ix_auth_session_user_id'))
    op.drop_table('auth_session')
