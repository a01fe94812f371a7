"""Secrets stay out of sight; logs say what happened; TLS is verified; connections are closed."""

from __future__ import annotations

import datetime as dt
import logging
import ssl
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.client.conftest import TOKEN, Api, resolve
from tests.client.server import DROP, LoopbackServer, Reply

INSTANCE = "/testsvc/v1/instances/i1"


async def test_the_token_never_shows(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    api.server.script("GET", INSTANCE, Reply(503, {}), Reply(404, {"code": 5, "message": "gone"}))
    client = api.client(token=TOKEN, max_retries=1)
    with caplog.at_level(logging.DEBUG, logger="yc_test"), pytest.raises(api.package.errors.NotFound) as caught:
        await resolve(client.instances.get("i1"))
    texts = [repr(client), str(client), repr(client._transport.credentials), str(caught.value), repr(caught.value)]
    texts += [r.getMessage() for r in caplog.records]
    assert caplog.records and all(TOKEN not in text for text in texts)
    assert api.server.hits("GET", INSTANCE)[0].headers["authorization"] == f"Bearer {TOKEN}"


async def test_debug_log_has_method_url_status_duration_attempt(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    api.server.script("GET", INSTANCE, Reply(503, {}), Reply(200, {"id": "i1"}))
    with caplog.at_level(logging.DEBUG, logger="yc_test"):
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    lines = [r.getMessage() for r in caplog.records if " -> " in r.getMessage()]
    assert len(lines) == 2
    first, second = lines
    assert first.startswith(f"GET {api.server.url}{INSTANCE} -> 503 in ") and "(attempt 1)" in first
    assert second.startswith(f"GET {api.server.url}{INSTANCE} -> 200 in ") and "(attempt 2)" in second
    assert "'authorization': '***'" in second and " s (attempt" in second


async def test_api_keys_are_redacted_from_urls_and_errors(pets_api: Api, caplog: pytest.LogCaptureFixture) -> None:
    pets_api.server.script("GET", "/pets/p1", Reply(200, {"id": "p1"}), DROP)
    client = pets_api.client(api_key="SECRET-KEY-77", max_retries=0)
    with caplog.at_level(logging.DEBUG, logger="pets_test"):
        await resolve(client.pets.get_pet("p1"))
        with pytest.raises(pets_api.package.errors.TransportError) as caught:
            await resolve(client.pets.get_pet("p1"))
    texts = [r.getMessage() for r in caplog.records] + [str(caught.value), repr(client)]
    assert any("key=%2A%2A%2A" in t or "key=***" in t for t in texts)
    assert all("SECRET-KEY-77" not in t for t in texts)


async def test_user_agent_names_the_package_and_clientgen(api: Api) -> None:
    import generator

    api.server.script("GET", INSTANCE, Reply(200, {"id": "i1"}))
    await resolve(api.client(token=TOKEN).instances.get("i1"))
    agent = api.server.hits("GET", INSTANCE)[0].headers["user-agent"]
    assert agent.startswith(f"yc-test/{api.package.__version__} clientgen/{generator.__version__} ")


def _self_signed(directory: Path) -> ssl.SSLContext:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    (directory / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (directory / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(directory / "cert.pem", directory / "key.pem")
    return context


@pytest.mark.parametrize("is_async", [False, True])
async def test_tls_certificates_are_verified(yc: Any, tmp_path: Path, is_async: bool) -> None:
    with LoopbackServer(tls=_self_signed(tmp_path)) as server:
        server.script("GET", INSTANCE, Reply(200, {"id": "i1"}))
        options = {"base_url": server.url, "token": TOKEN, "max_retries": 0}
        client = yc.AsyncYcTestClient(**options) if is_async else yc.YcTestClient(**options)
        try:
            with pytest.raises(yc.errors.TransportError) as caught:
                await resolve(client.instances.get("i1"))
        finally:
            await resolve(client.aclose() if is_async else client.close())
    assert "CERTIFICATE_VERIFY_FAILED" in str(caught.value) or "certificate" in str(caught.value).lower()
    assert server.hits("GET", INSTANCE) == []


async def test_context_managers_close_the_pool(yc: Any, server: LoopbackServer) -> None:
    with yc.YcTestClient(base_url=server.url, token=TOKEN) as client:
        pass
    assert client._transport.http.is_closed
    async with yc.AsyncYcTestClient(base_url=server.url, token=TOKEN) as aclient:
        pass
    assert aclient._transport.http.is_closed
