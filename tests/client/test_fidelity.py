"""Nothing is lost between the wire and Python: int64, nanoseconds, Any, unknown enums and fields."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.client.conftest import TOKEN, Api, resolve
from tests.client.server import Reply

INSTANCE = "/testsvc/v1/instances/i1"
STAMP = "2019-01-01T00:00:00.123456789Z"
FROM_SERVER = {
    "id": "i1",
    "createdAt": STAMP,
    "memory": "9223372036854775807",
    "status": "HIBERNATING",  # a value this client's enum does not list
    "labels": {"env": "prod"},
    "payload": {"@type": "type.googleapis.com/yandex.cloud.testsvc.v1.CreateInstanceMetadata", "instanceId": "i9"},
    "gpuCount": "2",  # a field a newer server added
    "placement": {"zone": "ru-central1-a", "hosts": ["h1"]},
}


async def test_a_message_round_trips_unchanged(api: Api) -> None:
    api.server.script("GET", INSTANCE, Reply(200, FROM_SERVER))
    api.server.script("PATCH", INSTANCE, Reply(200, {"id": "op1", "done": True}))
    client = api.client(token=TOKEN)
    instance = await resolve(client.instances.get("i1"))
    models = api.package.models
    assert instance.memory == 2**63 - 1 and isinstance(instance.memory, int)
    assert isinstance(instance.created_at, datetime) and instance.created_at.year == 2019
    assert instance.created_at.microsecond == 123456 and instance.created_at.nanosecond == 123456789
    assert instance.status == "HIBERNATING" and isinstance(instance.status, models.InstanceStatus)
    assert isinstance(instance.payload, models.CreateInstanceMetadata) and instance.payload.instance_id == "i9"
    assert instance.to_wire() == FROM_SERVER
    await resolve(client.instances.update("i1", **{name: getattr(instance, name) for name in ("created_at", "memory", "status", "payload")}))
    sent = api.server.hits("PATCH", INSTANCE)[0].json()
    assert sent == {k: FROM_SERVER[k] for k in ("createdAt", "memory", "status", "payload")}


def test_int64_reads_strings_and_numbers_and_writes_strings(yc: object) -> None:
    from yc_test.models import Instance

    assert Instance.model_validate({"memory": 5}).memory == 5
    assert Instance.model_validate({"memory": "-5"}).memory == -5
    assert Instance(memory=2**40).to_wire() == {"memory": str(2**40)}
    with pytest.raises(ValueError):
        Instance.model_validate({"memory": "12abc"})


def test_timestamps_keep_nine_digits(yc: object) -> None:
    from yc_test import Timestamp
    from yc_test.models import Instance

    for text in (STAMP, "2019-01-01T00:00:00Z", "2019-01-01T00:00:00.5+03:00", "2019-01-01T00:00:00.000000001Z"):
        assert Instance.model_validate({"createdAt": text}).to_wire() == {"createdAt": text}
    stamp = Timestamp.parse(STAMP)
    assert stamp < Timestamp.parse("2019-01-01T00:00:01Z")
    assert str(stamp) == STAMP


def test_unknown_any_type_stays_a_dict(yc: object) -> None:
    from yc_test.models import Instance

    payload = {"@type": "type.googleapis.com/some.other.Message", "x": 1}
    instance = Instance.model_validate({"payload": payload})
    assert instance.payload == payload and instance.to_wire() == {"payload": payload}


async def test_int64_query_and_body_travel_as_strings(api: Api) -> None:
    api.server.script("GET", "/testsvc/v1/instances", Reply(200, {"instances": []}))
    api.server.script("POST", "/testsvc/v1/instances", Reply(200, {"id": "op1", "done": False}))
    client = api.client(token=TOKEN)
    await resolve(client.instances.list(folder_id="f1", page_size=1000))
    await resolve(client.instances.create(folder_id="f1", memory=2**34, labels={"a": "b"}))
    assert api.server.hits("GET", "/testsvc/v1/instances")[0].query["pageSize"] == ["1000"]
    assert api.server.hits("POST", "/testsvc/v1/instances")[0].json() == {
        "folderId": "f1",
        "memory": "17179869184",
        "labels": {"a": "b"},
    }


async def test_validation_fails_before_any_request(api: Api) -> None:
    client = api.client(token=TOKEN)
    with pytest.raises(api.package.errors.ValidationError) as caught:
        await resolve(client.instances.get("x" * 51))
    assert "instance_id" in str(caught.value)
    with pytest.raises(api.package.errors.ValidationError):
        await resolve(client.instances.list(folder_id="f1", page_size=1001))
    with pytest.raises(api.package.errors.ValidationError):
        await resolve(client.instances.create(folder_id="f1", name="n" * 64))
    assert api.server.requests == []
