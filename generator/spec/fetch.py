"""Fetch a remote ``$ref`` target — only ever called when the user allowed it."""

from __future__ import annotations

import httpx

from generator.errors import ClientgenError, Location
from generator.spec.source import MAX_BYTES

TIMEOUT_SECONDS = 10.0


def fetch_text(url: str) -> str:
    """GET ``url`` with a timeout and a size cap; every failure is a ClientgenError."""
    try:
        with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=True, max_redirects=5) as client:
            with client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise ClientgenError(f"fetching remote $ref: HTTP {response.status_code}", Location(url))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise ClientgenError("remote document is too large", Location(url))
                    chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise ClientgenError(f"fetching remote $ref failed: {exc}", Location(url)) from None
    try:
        return b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClientgenError("remote document is not UTF-8 text", Location(url)) from None
