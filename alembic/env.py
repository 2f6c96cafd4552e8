"""Alembic environment: the app's engine and the SQLModel metadata."""

from sqlmodel import SQLModel

import todo_chat.models  # noqa: F401  (register the tables)
from alembic import context
from todo_chat.core.db import migration_connection

target_metadata = SQLModel.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        with migration_connection() as connection:  # `alembic upgrade` from the command line
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
