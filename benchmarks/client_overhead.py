"""What the generated client costs over plain httpx and plain pydantic.

    PYTHONPATH=. .venv/bin/python benchmarks/client_overhead.py [--calls N] [--parses N]

1. Per-call overhead: the generated sync client's ``instances.get`` against a plain
   ``httpx.Client.get`` + ``.json()``, both against the same loopback server in the same
   run, alternating in blocks; the figure is the ratio of the median call times.
2. Parse rate: a 1000-operation ``ListImageOperationsResponse`` page (yandex_compute
   models: Timestamp, open enums, Any) against an equivalent plain pydantic model.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pydantic

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "generated" / "yandex-compute"))

from generator.config import TargetConfig
from generator.pipeline import build
from generator.writer import write_tree
from tests.client.server import LoopbackServer, Reply

PATH = "/testsvc/v1/instances/i1"
BODY = {"id": "i1", "folderId": "f1", "name": "web", "memory": "4294967296", "status": "RUNNING",
        "createdAt": "2019-01-01T00:00:00.123456789Z", "labels": {"env": "prod"}}


def generated_package(directory: Path) -> Any:
    target = TargetConfig(name="yc_test", spec=ROOT / "tests/client/specs/yc.yaml", package="yc_test", output=directory / "yc")
    write_tree(build(target).files, target.output)
    sys.path.insert(0, str(target.output))
    return importlib.import_module("yc_test")


def per_call(package: Any, calls: int) -> None:
    with LoopbackServer() as server:
        server.script("GET", PATH, Reply(200, BODY))
        client = package.YcTestClient(base_url=server.url, token="t")
        plain = httpx.Client(headers={"Authorization": "Bearer t"})
        generated_times: list[float] = []
        plain_times: list[float] = []
        for _ in range(50):  # warm up both connection pools
            client.instances.get("i1")
            plain.get(server.url + PATH).json()
        block = 100
        for _ in range(max(calls // block, 1)):
            for _ in range(block):
                start = time.perf_counter()
                client.instances.get("i1")
                generated_times.append(time.perf_counter() - start)
            for _ in range(block):
                start = time.perf_counter()
                plain.get(server.url + PATH).json()
                plain_times.append(time.perf_counter() - start)
        client.close()
        plain.close()
    generated, baseline = statistics.median(generated_times), statistics.median(plain_times)
    print(f"per call ({len(generated_times)} calls each, medians):")
    print(f"  generated client  {generated * 1e6:8.1f} µs")
    print(f"  plain httpx       {baseline * 1e6:8.1f} µs")
    print(f"  ratio             {generated / baseline:8.2f}x   (overhead {(generated - baseline) * 1e6:.1f} µs/call)")


class PlainStatus(pydantic.BaseModel):
    code: int | None = None
    message: str | None = None
    details: list[dict[str, Any]] | None = None


class PlainOperation(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(populate_by_name=True)
    id: str | None = None
    description: str | None = None
    created_at: datetime | None = pydantic.Field(None, alias="createdAt")
    created_by: str | None = pydantic.Field(None, alias="createdBy")
    modified_at: datetime | None = pydantic.Field(None, alias="modifiedAt")
    done: bool | None = None
    metadata: dict[str, Any] | None = None
    error: PlainStatus | None = None
    response: dict[str, Any] | None = None


class PlainPage(pydantic.BaseModel):
    operations: list[PlainOperation] | None = None
    next_page_token: str | None = pydantic.Field(None, alias="nextPageToken")


def operations_page(count: int) -> bytes:
    operations = [
        {
            "id": f"fd8op{k:06d}",
            "description": "Create image",
            "createdAt": "2024-05-01T10:00:00.123456789Z",
            "createdBy": "ajeuser",
            "modifiedAt": "2024-05-01T10:01:00.987654321Z",
            "done": True,
            "metadata": {"@type": "type.googleapis.com/yandex.cloud.compute.v1.CreateImageMetadata", "imageId": f"fd8im{k}"},
            "response": {"@type": "type.googleapis.com/yandex.cloud.compute.v1.Image", "id": f"fd8im{k}", "name": "img"},
        }
        for k in range(count)
    ]
    return json.dumps({"operations": operations, "nextPageToken": "next"}).encode()


def parse_rate(parses: int) -> None:
    from yandex_compute.models import ListImageOperationsResponse

    page = operations_page(1000)

    def rate(parse: Any) -> float:
        parse(page)
        times = []
        for _ in range(parses):
            start = time.perf_counter()
            parse(page)
            times.append(time.perf_counter() - start)
        return 1000 / statistics.median(times)

    generated = rate(ListImageOperationsResponse.model_validate_json)
    plain = rate(PlainPage.model_validate_json)
    print(f"parse rate, 1000-operation page ({len(page)} bytes, median of {parses}):")
    print(f"  generated models  {generated:10,.0f} operations/s")
    print(f"  plain pydantic    {plain:10,.0f} operations/s")
    print(f"  ratio             {plain / generated:10.2f}x slower")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--parses", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        per_call(generated_package(Path(directory)), args.calls)
    parse_rate(args.parses)


if __name__ == "__main__":
    main()
