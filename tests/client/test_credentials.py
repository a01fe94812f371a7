"""Where the token comes from: arguments, providers, the environment, IAM key exchange, metadata."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.client.conftest import TOKEN, Api, resolve
from tests.client.server import LoopbackServer, Recorded, Reply

INSTANCE = "/testsvc/v1/instances/i1"
IAM = "/iam/v1/tokens"
METADATA = "/computeMetadata/v1/instance/service-accounts/default/token"
OK = Reply(200, {"id": "i1"})


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def sa_key(rsa_key: rsa.RSAPrivateKey) -> dict[str, str]:
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return {
        "id": "ajekey123",
        "service_account_id": "ajesa456",
        "private_key": "PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <ajekey123>\n" + pem,
    }


class IamEndpoint:
    """Verifies the PS256 JWT like the IAM service would and counts exchanges."""

    def __init__(self, server: LoopbackServer, rsa_key: rsa.RSAPrivateKey) -> None:
        self.exchanges = 0
        self.url = server.url + IAM
        self._public = rsa_key.public_key()
        self._lock = threading.Lock()
        server.route("POST", IAM, self)

    def __call__(self, request: Recorded) -> Reply:
        token = request.json()["jwt"]
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, self._public, algorithms=["PS256"], audience=self.url, leeway=7200)  # fake clocks
        assert header["kid"] == "ajekey123" and claims["iss"] == "ajesa456"
        assert claims["exp"] - claims["iat"] <= 3600
        with self._lock:
            self.exchanges += 1
            number = self.exchanges
        expires = datetime.now(timezone.utc) + timedelta(hours=12)
        return Reply(200, {"iamToken": f"iam-token-{number}", "expiresAt": expires.isoformat().replace("+00:00", "Z")})


def bearer_of(api: Api) -> list[str]:
    return [r.headers.get("authorization", "") for r in api.server.hits("GET", INSTANCE)]


async def test_token_is_sent_as_bearer(api: Api) -> None:
    api.server.script("GET", INSTANCE, OK)
    await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert bearer_of(api) == [f"Bearer {TOKEN}"]


async def test_token_provider_sync_and_async(api: Api) -> None:
    api.server.script("GET", INSTANCE, OK)
    calls: list[int] = []

    def provider() -> str:
        calls.append(1)
        return f"provided-{len(calls)}"

    client = api.client(token_provider=provider)
    await resolve(client.instances.get("i1"))
    await resolve(client.instances.get("i1"))
    assert bearer_of(api) == ["Bearer provided-1", "Bearer provided-2"]
    if api.is_async:

        async def async_provider() -> str:
            await asyncio.sleep(0)
            return "from-coroutine"

        await api.client(token_provider=async_provider).instances.get("i1")
        assert bearer_of(api)[-1] == "Bearer from-coroutine"


async def test_async_provider_on_the_sync_client_is_refused(yc: Any, server: LoopbackServer) -> None:
    async def provider() -> str:
        return "never"

    with yc.YcTestClient(base_url=server.url, token_provider=provider) as client:
        with pytest.raises(yc.errors.CredentialsError):
            client.instances.get("i1")
    assert server.requests == []


async def test_token_from_the_environment(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YC_IAM_TOKEN", "env-token")
    api.server.script("GET", INSTANCE, OK)
    await resolve(api.client().instances.get("i1"))
    await resolve(api.client(token="explicit").instances.get("i1"))  # arguments win
    assert bearer_of(api) == ["Bearer env-token", "Bearer explicit"]


async def test_no_credentials_fails_before_sending(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YC_IAM_TOKEN", raising=False)
    monkeypatch.delenv("YC_SERVICE_ACCOUNT_KEY_FILE", raising=False)
    with pytest.raises(api.package.errors.CredentialsError):
        await resolve(api.client().instances.get("i1"))
    assert api.server.requests == []


async def test_service_account_key_is_exchanged_once_and_cached(
    api: Api, rsa_key: rsa.RSAPrivateKey, sa_key: dict[str, str]
) -> None:
    iam = IamEndpoint(api.server, rsa_key)
    api.server.script("GET", INSTANCE, OK)
    client = api.client(service_account_key=sa_key, iam_endpoint=iam.url)
    for _ in range(3):
        await resolve(client.instances.get("i1"))
    assert iam.exchanges == 1
    assert bearer_of(api) == ["Bearer iam-token-1"] * 3


async def test_concurrent_calls_share_one_exchange(
    api: Api, rsa_key: rsa.RSAPrivateKey, sa_key: dict[str, str]
) -> None:
    iam = IamEndpoint(api.server, rsa_key)
    api.server.script("GET", INSTANCE, OK)
    client = api.client(service_account_key=sa_key, iam_endpoint=iam.url)
    if api.is_async:
        await asyncio.gather(*(client.instances.get("i1") for _ in range(8)))
    else:
        threads = [threading.Thread(target=client.instances.get, args=("i1",)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(api.server.hits("GET", INSTANCE)) == 8
    assert iam.exchanges == 1


async def test_key_file_from_the_environment(
    api: Api, rsa_key: rsa.RSAPrivateKey, sa_key: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    iam = IamEndpoint(api.server, rsa_key)
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps(sa_key))
    monkeypatch.delenv("YC_IAM_TOKEN", raising=False)
    monkeypatch.setenv("YC_SERVICE_ACCOUNT_KEY_FILE", str(key_file))
    api.server.script("GET", INSTANCE, OK)
    await resolve(api.client(iam_endpoint=iam.url).instances.get("i1"))
    assert iam.exchanges == 1 and bearer_of(api) == ["Bearer iam-token-1"]


async def test_token_is_refreshed_well_before_expiry(
    api: Api, rsa_key: rsa.RSAPrivateKey, sa_key: dict[str, str]
) -> None:
    iam = IamEndpoint(api.server, rsa_key)
    api.server.script("GET", INSTANCE, OK)
    now = [datetime.now(timezone.utc).timestamp()]
    credentials = api.package.ServiceAccountKey(sa_key, iam_endpoint=iam.url, clock=lambda: now[0])
    client = api.client(credentials=credentials)
    await resolve(client.instances.get("i1"))
    now[0] += 30 * 60  # half an hour: the 12-hour token is still fresh
    await resolve(client.instances.get("i1"))
    assert iam.exchanges == 1
    now[0] += 31 * 60  # past an hour: refreshed, though it would live for hours more
    await resolve(client.instances.get("i1"))
    assert iam.exchanges == 2
    assert bearer_of(api) == ["Bearer iam-token-1", "Bearer iam-token-1", "Bearer iam-token-2"]


async def test_failed_exchange_is_a_credentials_error(api: Api, sa_key: dict[str, str]) -> None:
    api.server.script("POST", IAM, Reply(401, {"code": 16, "message": "bad jwt"}))
    with pytest.raises(api.package.errors.CredentialsError) as caught:
        await resolve(api.client(service_account_key=sa_key, iam_endpoint=api.server.url + IAM).instances.get("i1"))
    assert "bad jwt" in str(caught.value)
    assert api.server.hits("GET", INSTANCE) == []


async def test_metadata_service_is_opt_in(api: Api) -> None:
    api.server.script("GET", METADATA, Reply(200, {"access_token": "vm-token", "expires_in": 3600, "token_type": "Bearer"}))
    api.server.script("GET", INSTANCE, OK)
    client = api.client(credentials=api.package.MetadataService(url=api.server.url + METADATA))
    await resolve(client.instances.get("i1"))
    await resolve(client.instances.get("i1"))
    (fetch,) = api.server.hits("GET", METADATA)
    assert fetch.headers["metadata-flavor"] == "Google"
    assert bearer_of(api) == ["Bearer vm-token"] * 2




async def test_generic_api_key_in_query(pets_api: Api) -> None:
    pets_api.server.script("GET", "/pets/p1", Reply(200, {"id": "p1"}))
    await resolve(pets_api.client(api_key="k-123").pets.get_pet("p1"))
    (hit,) = pets_api.server.hits("GET", "/pets/p1")
    assert hit.query["key"] == ["k-123"] and "authorization" not in hit.headers


async def test_generic_basic_and_bearer(pets_api: Api) -> None:
    pets_api.server.script("GET", "/pets/p1", Reply(200, {"id": "p1"}))
    await resolve(pets_api.client(username="ann", password="pw").pets.get_pet("p1"))
    await resolve(pets_api.client(token="bt").pets.get_pet("p1"))
    first, second = pets_api.server.hits("GET", "/pets/p1")
    assert first.headers["authorization"] == "Basic " + base64.b64encode(b"ann:pw").decode()
    assert second.headers["authorization"] == "Bearer bt"
