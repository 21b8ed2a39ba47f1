"""The limits of ``settings.Limits``: a fetch's total deadline, named in its refusal."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from storybrief.ingest.web import FetchError, fetch
from storybrief.settings import LIMITS

BRIDGE = (
    "Harbour bridge to close\n\nThe harbour bridge will close for six weeks from Monday, the "
    "city council said on Tuesday, after engineers found corrosion in two of its main cables. "
    "Ferries will run every ten minutes while the bridge is shut, the operator said."
)


@pytest.fixture
def dribbling() -> Iterator[str]:
    """A server on 127.0.0.1 that sends its page a byte every 0.2 s: each read is quick."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            connection.recv(4096)
            reply = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n"
            connection.sendall(reply)
            for _ in range(500):
                if stop.wait(0.2):
                    return
                try:
                    connection.sendall(b"a")
                except OSError:
                    return

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/slow"
    stop.set()
    server.close()
    thread.join(timeout=5)


def test_a_fetch_stops_at_its_total_deadline_whatever_each_read_takes(dribbling: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took over 1 s, the limit for one URL"):
        fetch(dribbling, allow_private=True, max_bytes=10_000, timeout=5, deadline=1)
    assert time.monotonic() - started < 3


def test_the_defaults_bound_any_single_input() -> None:
    assert LIMITS.fetch_seconds <= 60 and LIMITS.read_seconds <= LIMITS.fetch_seconds
    assert LIMITS.max_bytes == 10 * 2**20 and LIMITS.max_sentences >= 1000


def test_a_brief_past_its_time_budget_is_written_with_what_was_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storybrief import pipeline
    from storybrief.analyze import agreements
    from storybrief.errors import time_budget
    from storybrief.models import Text

    def endless(*_: object, **__: object) -> None:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(agreements, "_units", endless)
    articles = pipeline.read([Text(BRIDGE), Text(BRIDGE.replace("Monday", "Tuesday"))])
    started = time.monotonic()
    with time_budget(1):
        brief = pipeline.brief_of(articles)
    assert time.monotonic() - started < 5
    stopped = [w for w in brief.warnings if "time budget" in w.message]
    assert stopped and stopped[0].message.startswith("OverBudget: stopped: over the 1 s")
    assert brief.articles and all(a.ok for a in brief.articles)
