"""Which tests run again on PostgreSQL (`pytest --db=postgres`, the second pass of `make test`).

The rule: a test that uses the database fixtures (`data_dir`, so `session`, `client`, `alice`,
`bob` too) runs on PostgreSQL when its behaviour can differ by database: the queries it makes
(filters, LIKE, sorting, aggregates, date functions, pagination cursors), migrations, ids and
constraints, concurrency, pools and locking, what the database refuses (NUL bytes, integers out of
range). Its file is in BOTH_DATABASES, or the test itself carries `@pytest.mark.both_databases`.

A file whose tests use the fixtures only to have a user and a place to write, and prove something
else (a protocol, the NLU, a subprocess door), is in SQLITE_ENOUGH, with the reason.

Every test file that uses the fixtures is in exactly one of the two (tests/unit/test_db_passes.py
fails otherwise, and the PostgreSQL pass refuses to start): a new file is never dropped silently.
"""

from __future__ import annotations

BOTH_DATABASES: dict[str, str] = {
    "tests/api/test_tasks.py": "task queries: filters, sort, search (LIKE), pagination, counts",
    "tests/api/test_rich_tasks.py": "tags (JSON text LIKE), due dates and their time zones, recurrence rows",
    "tests/api/test_conversations.py": "conversation listing, search (icontains), cascades on delete",
    "tests/api/test_auth.py": "accounts: unique email, lookups",
    "tests/api/test_sessions.py": "session rows, rotation, cascades when an account is deleted",
    "tests/api/test_access_tokens.py": "token lookup by hash, expiry compared as timestamps",
    "tests/api/test_analytics.py": "usage aggregates",
    "tests/api/test_tool_call_ids.py": "unique call ids, retries that find what already ran",
    "tests/api/test_turn_statements.py": "the statements a turn makes, and their answers",
    "tests/api/test_chatkit.py": "the ChatKit store: item pages and cursors, ordering, thread rows",
    "tests/api/test_chatkit_attachments.py": "an attachment row vanishing mid-turn (a race)",
    "tests/api/test_hardening.py": "races as 404s, NUL bytes and huge ids the database must refuse cleanly",
    "tests/api/test_schema_fuzz.py": "generated input reaching the database (NUL bytes, range limits)",
    "tests/api/test_chat.py": "the turn's writes: messages, tool calls, history order",
    "tests/unit/test_core.py": "the database's guarantees (sessions, units of work, time zones)",
    "tests/unit/test_storage.py": "ids never reused (sequences vs AUTOINCREMENT), a migration keeping rows",
    "tests/unit/test_stats.py": "date functions per database (to_char / strftime) in the stats queries",
    "tests/unit/test_turn_edits.py": "edit and resend: deleting the later messages",
    "tests/unit/test_turn_stop.py": "the stopped reply saved while the turn is cancelled (pool, threads)",
    "tests/unit/test_task_tools.py": "one unit of work per tool call: commit or nothing",
    "tests/load/test_concurrency.py": "concurrent turns and writes",
    "tests/load/test_pool.py": "an exhausted connection pool",
    "tests/api/test_undo.py": "the undo journal's rows, conflicts refused with nothing changed",
    "tests/api/test_undo_journal.py": "pruning the journal by count and by age (timestamp comparisons)",
    "tests/api/test_bulk_delete.py": "a bulk DELETE by filters, nothing deleted before the confirmation",
    "tests/api/test_downloads.py": "export queries; a calendar feed token looked up by hash, revoked",
    "tests/unit/test_turn_open.py": "the page's new message: session, message and event in one commit",
}

SQLITE_ENOUGH: dict[str, str] = {
    "tests/api/test_headers.py": "CORS, security headers and URLs from settings: HTTP layers, no query",
    "tests/nlu/test_dev_set.py": "its harness makes its own SQLite databases: on PostgreSQL it would run the same",
    "tests/nlu/test_choices.py": "offered choices of the offline model; the rows are test_chat's",
    "tests/api/test_chat_rich_tasks.py": "what the offline model understands; the queries are test_rich_tasks'",
    "tests/api/test_model_server.py": "the OpenAI-compatible wire protocol",
    "tests/api/test_model_context.py": "fitting history into a model's context window",
    "tests/api/test_schema_agreement.py": "the published schemas against the code",
    "tests/api/test_chatkit_requests.py": "ChatKit request validation before any query",
    "tests/api/test_chatkit_choices.py": "choice widgets over ChatKit; the rows are test_chatkit's",
    "tests/api/test_chatkit_stop.py": "the ChatKit door's hang-up; the stopped save is test_turn_stop's",
    "tests/api/test_throttling.py": "rate limits live in memory or Redis, not the database",
    "tests/api/test_limits_and_errors.py": "rate limits and client error reports",
    "tests/api/test_door_threads.py": "which work FastAPI hands to its thread pool, not the queries",
    "tests/api/test_metrics.py": "Prometheus counters",
    "tests/mcp/test_mcp_stdio.py": "the stdio door; its unit of work is test_task_tools'",
    "tests/api/test_chatkit_undo.py": "ChatKit's door onto undo; the journal's rows are test_undo's",
    "tests/api/test_offline_undo.py": "what the offline model understands of undo; the rows are test_undo's",
    "tests/api/test_attachments_to_model.py": "what reaches the model's request (images, text, PDF)",
}
