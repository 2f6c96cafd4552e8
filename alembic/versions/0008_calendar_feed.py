"""secret calendar feeds: one revocable URL per user, only the secret's SHA-256 kept

Revision ID: 0008_calendar_feed
Revises: 0007_undo_journal
Create Date: 2026-12-03
"""
import sqlalchemy as sa

import todo_chat.core.db
from alembic import op

revision = '0008_calendar_feed'
down_revision = '0007_undo_journal'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'calendar_feed',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', todo_chat.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('user_id'),
    )
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feed_secret_hash'), ['secret_hash'], unique=True)


def downgrade() -> None:
    op.drop_table('calendar_feed')
