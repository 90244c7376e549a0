"""Serve the dashboard (`streamlit run serve.py`) with response headers that keep other sites
from framing it (clickjacking): `X-Frame-Options` and CSP `frame-ancestors`, which Streamlit's
own server does not send. It runs dashboard.py as `streamlit run dashboard.py` does."""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

# Added to every HTTP response (the websocket's upgrade included): only the app's own pages
# may frame it, and no response is read as another type than the one it declares.
HEADERS = (
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"x-content-type-options", b"nosniff"),
)


class FrameGuard:
    """ASGI middleware that adds `HEADERS` to each response it passes on."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_guarded(message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_guarded)


app = st.App(Path(__file__).with_name("dashboard.py"), middleware=[Middleware(FrameGuard)])
