"""personal access tokens (MCP clients): named, scoped, revocable; only a hash is stored

Revision ID: 0005_access_tokens
Revises: 0004
Create Date: 2026-12-03
"""
import sqlalchemy as sa

import todo_chat.core.time
from alembic import op

revision = '0005_access_tokens'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'access_token',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('scope', sa.Enum('read', 'write', name='tokenscope', native_enum=False, length=10),
                  nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('hint', sa.String(length=16), nullable=False),
        sa.Column('created_at', todo_chat.core.time.UTCDateTime(timezone=True), nullable=False),
        sa.Column('last_used_at', todo_chat.core.time.UTCDateTime(timezone=True), nullable=True),
        sa.Column('expires_at', todo_chat.core.time.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('access_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_token_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_token_token_hash'), ['token_hash'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('access_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_token_token_hash'))
        batch_op.drop_index(batch_op.f('ix_access_token_user_id'))
    op.drop_table('access_token')
