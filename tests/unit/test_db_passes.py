"""The PostgreSQL pass drops nothing silently: every test file that uses the database fixtures
says, in tests/db_passes.py, whether it runs again on PostgreSQL."""

from __future__ import annotations

from tests.conftest import ROOT, UNCLASSIFIED
from tests.db_passes import BOTH_DATABASES, SQLITE_ENOUGH


def test_every_file_using_the_database_fixtures_is_classified(request):
    unclassified = request.config.stash[UNCLASSIFIED]
    assert not unclassified, (f"add these files to BOTH_DATABASES (behaviour can differ by database) or to "
                              f"SQLITE_ENOUGH (with the reason) in tests/db_passes.py: {unclassified}")


def test_the_table_names_real_files_once_each():
    assert not set(BOTH_DATABASES) & set(SQLITE_ENOUGH)
    assert [name for name in (*BOTH_DATABASES, *SQLITE_ENOUGH) if not (ROOT / name).is_file()] == []
    assert all(reason.strip() for reason in (*BOTH_DATABASES.values(), *SQLITE_ENOUGH.values()))
