"""Long-running operations: a handle that polls the operation service until done."""

from __future__ import annotations

import pytest

from tests.client.conftest import TOKEN, Api, resolve
from tests.client.server import Recorded, Reply

INSTANCES = "/testsvc/v1/instances"
TYPE = "type.googleapis.com/yandex.cloud.testsvc.v1."
INSTANCE = {"@type": TYPE + "Instance", "id": "i1", "name": "web", "memory": "4294967296"}


class OperationService:
    """``GET /operations/{id}``: running for ``polls`` polls, then ``final``; ``:cancel`` cancels."""

    def __init__(self, api: Api, polls: int, final: dict[str, object], operation_id: str = "op1") -> None:
        self.polls = 0
        self.remaining = polls
        self.final = final
        self.id = operation_id
        self.cancelled = False
        api.server.route("GET", f"/operations/{operation_id}", self.get)
        api.server.route("POST", f"/operations/{operation_id}:cancel", self.cancel)

    def state(self, done: bool) -> dict[str, object]:
        base: dict[str, object] = {"id": self.id, "done": done, "metadata": {"@type": TYPE + "CreateInstanceMetadata", "instanceId": "i1"}}
        if self.cancelled:
            return {**base, "done": True, "error": {"code": 1, "message": "operation cancelled"}}
        return {**base, **self.final} if done else base

    def get(self, _: Recorded) -> Reply:
        self.polls += 1
        self.remaining -= 1
        return Reply(200, self.state(self.remaining <= 0 or self.cancelled))

    def cancel(self, _: Recorded) -> Reply:
        self.cancelled = True
        return Reply(200, self.state(True))


def start(api: Api, operation_id: str = "op1") -> None:
    api.server.script("POST", INSTANCES, Reply(200, {"id": operation_id, "done": False}))


async def test_wait_polls_until_done_and_returns_the_typed_response(api: Api) -> None:
    service = OperationService(api, polls=3, final={"response": INSTANCE})
    start(api)
    operation = await resolve(api.client(token=TOKEN).instances.create(folder_id="f1", name="web"))
    assert operation.id == "op1" and not operation.done
    instance = await resolve(operation.wait(poll_interval=0.001))
    assert isinstance(instance, api.package.models.Instance)
    assert (instance.id, instance.memory) == ("i1", 4294967296)
    assert service.polls == 3
    metadata = operation.metadata
    assert isinstance(metadata, api.package.models.CreateInstanceMetadata) and metadata.instance_id == "i1"
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in api.server.hits("GET", "/operations/op1"))


async def test_an_operation_that_fails_raises_the_typed_error(api: Api) -> None:
    error = {"code": 9, "message": "disk is busy", "details": [{"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "r-9"}]}
    OperationService(api, polls=2, final={"error": error})
    start(api)
    operation = await resolve(api.client(token=TOKEN).instances.create(folder_id="f1"))
    with pytest.raises(api.package.errors.FailedPrecondition) as caught:
        await resolve(operation.wait(poll_interval=0.001))
    assert caught.value.operation_id == "op1"
    assert (caught.value.code, caught.value.message, caught.value.request_id) == (9, "disk is busy", "r-9")


async def test_a_wait_that_times_out_carries_the_operation_id(api: Api) -> None:
    OperationService(api, polls=10**9, final={})
    start(api)
    operation = await resolve(api.client(token=TOKEN).instances.create(folder_id="f1"))
    with pytest.raises(api.package.errors.OperationTimeout) as caught:
        await resolve(operation.wait(timeout=0.05, poll_interval=0.005))
    assert caught.value.operation_id == "op1"
    assert isinstance(caught.value, api.package.errors.Timeout)
    assert "op1" in str(caught.value)


async def test_cancel_then_wait_raises_cancelled(api: Api) -> None:
    OperationService(api, polls=10**9, final={})
    start(api)
    operation = await resolve(api.client(token=TOKEN).instances.create(folder_id="f1"))
    await resolve(operation.cancel())
    assert len(api.server.hits("POST", "/operations/op1:cancel")) == 1
    with pytest.raises(api.package.errors.Cancelled):
        await resolve(operation.wait(poll_interval=0.001))


async def test_an_undocumented_response_is_read_by_its_type(api: Api) -> None:
    OperationService(api, polls=1, final={"response": INSTANCE})
    api.server.script("POST", f"{INSTANCES}/i1:restart", Reply(200, {"id": "op1", "done": False}))
    operation = await resolve(api.client(token=TOKEN).instances.restart("i1"))
    result = await resolve(operation.wait(poll_interval=0.001))
    assert isinstance(result, api.package.models.Instance) and result.name == "web"


async def test_an_unknown_response_type_stays_a_dict(api: Api) -> None:
    unknown = {"@type": TYPE + "Hibernation", "sleepUntil": "2030-01-01T00:00:00Z"}
    OperationService(api, polls=1, final={"response": unknown})
    api.server.script("POST", f"{INSTANCES}/i1:restart", Reply(200, {"id": "op1", "done": False}))
    operation = await resolve(api.client(token=TOKEN).instances.restart("i1"))
    assert await resolve(operation.wait(poll_interval=0.001)) == unknown


async def test_an_operation_done_at_once_needs_no_poll(api: Api) -> None:
    service = OperationService(api, polls=1, final={})
    api.server.script(
        "DELETE", f"{INSTANCES}/i1", Reply(200, {"id": "op1", "done": True, "metadata": {"instanceId": "i1"}})
    )
    operation = await resolve(api.client(token=TOKEN).instances.delete("i1"))
    assert await resolve(operation.wait()) is None
    assert operation.metadata.instance_id == "i1"
    assert service.polls == 0
