"""bench/procs.py: what a forked worker costs, read from /proc (RSS counts shared pages, USS not)."""

import os
import sys

import pytest

from bench import procs

MIB = 1024 * 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_forked_child_shares_its_parents_pages_until_it_writes_them():
    block = bytearray(b"\1" * (48 * MIB))  # touched in the parent: resident before the fork
    reader, writer = os.pipe()
    go_read, go_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: wait, then write every page of the inherited block (copy on write)
        os.close(reader)
        os.read(go_read, 1)
        for offset in range(0, len(block), 4096):
            block[offset] = 2
        os.write(writer, b"w")
        os.read(go_read, 1)
        os._exit(0)
    try:
        os.close(writer)
        shared = procs.rss_mib(pid), procs.pss_mib(pid), procs.uss_mib(pid)
        os.write(go_write, b"1")
        os.read(reader, 1)
        written = procs.rss_mib(pid), procs.pss_mib(pid), procs.uss_mib(pid)
    finally:
        os.write(go_write, b"1")
        os.waitpid(pid, 0)
    rss, pss, uss = shared
    assert rss >= 48 and uss < 24 < pss  # shared with the parent: in RSS, half in PSS, not in USS
    assert written[2] >= 48  # its own copy now
    assert procs.uss_mib(pid) == 0.0  # a process gone
