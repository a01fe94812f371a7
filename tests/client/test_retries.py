"""Transient faults are retried with backoff; what cannot be retried becomes a typed error."""

from __future__ import annotations

import logging
import re

import pytest

from tests.client.conftest import TOKEN, Api, resolve
from tests.client.server import DROP, Reply

INSTANCE = "/testsvc/v1/instances/i1"
INSTANCES = "/testsvc/v1/instances"
OK = Reply(200, {"id": "i1", "name": "web"})
HTML_502 = Reply(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"Content-Type": "text/html"})


async def test_503_then_200_is_retried(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(503, {"code": 14, "message": "try again"}), OK)
    instance = await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert instance.name == "web"
    assert len(api.server.hits("GET", INSTANCE)) == 2


async def test_dropped_connection_is_retried(api: Api) -> None:
    api.server.script("GET", INSTANCE, DROP, OK)
    instance = await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert instance.id == "i1"
    assert len(api.server.hits("GET", INSTANCE)) == 2


async def test_dropped_connection_every_time_is_a_transport_error(api: Api) -> None:
    api.server.script("GET", INSTANCE, DROP)
    with pytest.raises(api.package.errors.TransportError) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert not isinstance(caught.value, api.package.errors.Timeout)
    assert len(api.server.hits("GET", INSTANCE)) == 3  # default: 3 tries


async def test_429_honours_retry_after_capped(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    # A backoff of minutes would hang this test: the delay must come from Retry-After, capped.
    policy = api.package.RetryPolicy(backoff_base=600, retry_after_max=0.05)
    api.server.script("GET", INSTANCE, Reply(429, {"code": 8, "message": "slow down"}, {"Retry-After": "3600"}), OK)
    with caplog.at_level(logging.DEBUG, logger="yc_test"):
        await resolve(api.client(token=TOKEN, retry_policy=policy).instances.get("i1"))
    assert len(api.server.hits("GET", INSTANCE)) == 2
    assert any("HTTP 429" in r.getMessage() and "retrying in 0.050 s" in r.getMessage() for r in caplog.records)


async def test_retries_give_up_with_the_typed_error(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(503, {"code": 14, "message": "down for maintenance"}))
    with pytest.raises(api.package.errors.Unavailable) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert caught.value.http_status == 503 and caught.value.message == "down for maintenance"
    assert len(api.server.hits("GET", INSTANCE)) == 3


async def test_max_retries_is_configurable_and_with_options_copies(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(503, {}))
    client = api.client(token=TOKEN, max_retries=4)
    with pytest.raises(api.package.errors.Unavailable):
        await resolve(client.with_options(max_retries=0).instances.get("i1"))
    assert len(api.server.hits("GET", INSTANCE)) == 1
    with pytest.raises(api.package.errors.Unavailable):
        await resolve(client.instances.get("i1"))  # the original keeps its own setting
    assert len(api.server.hits("GET", INSTANCE)) == 1 + 5


async def test_post_carries_one_idempotency_key_for_all_attempts(api: Api) -> None:
    operation = {"id": "op1", "done": False}
    api.server.script("POST", INSTANCES, Reply(503, {}), DROP, Reply(200, operation))
    api.server.script("GET", INSTANCE, OK)
    client = api.client(token=TOKEN)
    await resolve(client.instances.create(folder_id="f1"))
    await resolve(client.instances.create(folder_id="f1"))
    keys = [r.headers.get("idempotency-key") for r in api.server.hits("POST", INSTANCES)]
    assert len(keys) == 4
    assert keys[0] == keys[1] == keys[2] != keys[3]
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", keys[0] or "")
    await resolve(client.instances.get("i1"))
    assert "idempotency-key" not in api.server.hits("GET", INSTANCE)[0].headers


async def test_a_slow_response_times_out(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(200, {"id": "i1"}, delay=1.0))
    client = api.client(token=TOKEN, max_retries=0)
    with pytest.raises(api.package.errors.Timeout):
        await resolve(client.instances.get("i1", timeout=0.1))
    with pytest.raises(api.package.errors.Timeout):
        await resolve(client.with_options(timeout=0.1).instances.get("i1"))


async def test_timeouts_are_retried(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(200, {"id": "slow"}, delay=1.0), OK)
    instance = await resolve(api.client(token=TOKEN).instances.get("i1", timeout=0.2))
    assert instance.id == "i1"


async def test_malformed_json_is_a_response_error(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(200, b'{"id": "i1", '))
    with pytest.raises(api.package.errors.ResponseError) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert caught.value.http_status == 200


async def test_an_html_502_page_becomes_unavailable(api: Api) -> None:
    api.server.script("GET", INSTANCE, HTML_502)
    with pytest.raises(api.package.errors.Unavailable) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert caught.value.http_status == 502
    assert "<html" not in str(caught.value)
    assert len(api.server.hits("GET", INSTANCE)) == 3


async def test_an_error_body_becomes_the_typed_exception(api: Api) -> None:
    status = {
        "code": 5,
        "message": "Instance i1 not found",
        "details": [{"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "req-42"}],
    }
    api.server.script("GET", INSTANCE, Reply(404, status))
    with pytest.raises(api.package.errors.NotFound) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    error = caught.value
    assert isinstance(error, api.package.errors.ApiError)
    assert (error.code, error.message, error.http_status, error.request_id) == (5, "Instance i1 not found", 404, "req-42")
    assert error.details == status["details"]
    assert len(api.server.hits("GET", INSTANCE)) == 1  # 404 is not retried


async def test_request_id_from_the_header(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(403, {"code": 7, "message": "no"}, {"X-Request-Id": "hdr-1"}))
    with pytest.raises(api.package.errors.PermissionDenied) as caught:
        await resolve(api.client(token=TOKEN).instances.get("i1"))
    assert caught.value.request_id == "hdr-1"


def test_retry_after_reads_seconds_and_http_dates(yc: object) -> None:
    from yc_test._retry import RetryPolicy, parse_retry_after

    assert parse_retry_after("7", 0.0) == 7.0
    assert parse_retry_after("Thu, 01 Jan 1970 00:00:30 GMT", 10.0) == 20.0
    assert parse_retry_after("soon", 0.0) is None
    policy = RetryPolicy(backoff_base=1.0, backoff_max=3.0, retry_after_max=5.0)
    assert policy.delay(1, "120") == 5.0
    assert policy.delay(4, None, rng=lambda: 1.0) == 3.0  # 1 * 2**3 capped at 3
    assert policy.delay(2, None, rng=lambda: 0.5) == 1.0
    assert not policy.allows(1, replay_safe=False)
