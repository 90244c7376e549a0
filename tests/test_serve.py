"""serve.py's middleware: every HTTP response says that only the app's own pages may frame it;
a header the app set itself is kept, and the websocket passes untouched."""

from __future__ import annotations

import asyncio
import threading

from serve import HEADERS, FrameGuard


def _run(scope: dict, start_headers: list[tuple[bytes, bytes]]) -> list[dict]:
    """Give the messages an app answering with `start_headers` sends through FrameGuard."""
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": start_headers})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive():
        return {"type": "http.request"}

    async def send(message):
        sent.append(message)

    # In its own thread: another test of the suite (a browser test) may have left this
    # thread's event loop running, and asyncio.run refuses to start inside one.
    worker = threading.Thread(target=asyncio.run, args=(FrameGuard(app)(scope, receive, send),))
    worker.start()
    worker.join()
    return sent


def test_a_response_gets_the_frame_headers():
    start, body = _run({"type": "http"}, [(b"content-type", b"text/html")])
    assert start["headers"] == [(b"content-type", b"text/html"), *HEADERS]
    assert dict(start["headers"])[b"x-frame-options"] == b"SAMEORIGIN"
    assert dict(start["headers"])[b"content-security-policy"] == b"frame-ancestors 'self'"
    assert body == {"type": "http.response.body", "body": b"ok"}


def test_a_header_the_app_set_is_not_doubled():
    start, _ = _run({"type": "http"}, [(b"X-Frame-Options", b"DENY")])
    names = [name.lower() for name, _ in start["headers"]]
    assert names.count(b"x-frame-options") == 1
    assert dict(start["headers"])[b"X-Frame-Options"] == b"DENY"


def test_a_websocket_is_passed_on_untouched():
    start, _ = _run({"type": "websocket"}, [(b"content-type", b"text/html")])
    assert start["headers"] == [(b"content-type", b"text/html")]
