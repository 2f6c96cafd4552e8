"""The SDK's trace provider without its exporter while tracing is off.

openai-agents makes its default trace provider on first use with an exporter attached: an HTTP
client (its TLS context loads the CA certificates: ~9 MiB of a worker's RSS) and a batch thread,
even when tracing is then switched off. With tracing off (the default) the first call installs a
provider with no processors; the exporter joins it only if tracing is turned on."""

from __future__ import annotations

import threading

from agents.tracing import add_trace_processor, set_trace_provider
from agents.tracing import setup as tracing_setup
from agents.tracing.provider import DefaultTraceProvider

_lock = threading.Lock()
_exporter_deferred = False


def quiet_provider(tracing_on: bool) -> None:
    """Call before the SDK's provider is first used (`providers.apply_tracing` does)."""
    global _exporter_deferred
    with _lock:
        if not tracing_on and tracing_setup.GLOBAL_TRACE_PROVIDER is None:
            set_trace_provider(DefaultTraceProvider())
            _exporter_deferred = True
        elif tracing_on and _exporter_deferred:
            from agents.tracing.processors import default_processor

            add_trace_processor(default_processor())
            _exporter_deferred = False
