"""Generate the test packages once per session and serve them a loopback server per test.

``yc_test`` comes from ``specs/yc.yaml`` (Yandex-like: IAM credentials, long-running
operations, int64/timestamp/enum/Any/map fields, a paged list); ``pets_test`` from
``specs/generic.yaml`` (bearer, API key in query, basic). Every behaviour test runs
against the sync and the async client through the ``api`` fixture.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.config import TargetConfig
from generator.pipeline import build
from generator.writer import write_tree
from tests.client.server import LoopbackServer

SPECS = Path(__file__).parent / "specs"
FAST = {"backoff_base": 0.001, "backoff_max": 0.01}
TOKEN = "t1.SECRET-TOKEN-9f8e7d"


def _generate(root: Path, spec: str, package: str) -> ModuleType:
    target = TargetConfig(name=package, spec=SPECS / spec, package=package, output=root / package)
    write_tree(build(target).files, target.output)
    sys.path.insert(0, str(target.output))
    return importlib.import_module(package)


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    root = tmp_path_factory.mktemp("generated")
    return {"yc": _generate(root, "yc.yaml", "yc_test"), "pets": _generate(root, "generic.yaml", "pets_test")}


@pytest.fixture
def yc(packages: dict[str, ModuleType]) -> ModuleType:
    return packages["yc"]


@pytest.fixture
def pets(packages: dict[str, ModuleType]) -> ModuleType:
    return packages["pets"]


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


async def resolve(value: Any) -> Any:
    """Await what the async client returns; pass the sync client's values through."""
    return await value if inspect.isawaitable(value) else value


async def collect(iterable: Any) -> list[Any]:
    """Every item of a sync or an async iterable."""
    if hasattr(iterable, "__aiter__"):
        return [item async for item in iterable]
    return list(iterable)


class Api:
    """Builds sync or async clients of one package against the loopback server."""

    def __init__(self, package: ModuleType, server: LoopbackServer, is_async: bool) -> None:
        self.package = package
        self.server = server
        self.is_async = is_async
        self.made: list[Any] = []

    def client(self, **options: Any) -> Any:
        options.setdefault("base_url", self.server.url)
        options.setdefault("retry_policy", self.package.RetryPolicy(**FAST))
        if self.package.__name__ == "yc_test":
            options.setdefault("operation_base_url", self.server.url)
        names = [n for n in self.package.__all__ if n.endswith("Client")]
        cls_name = next(n for n in names if n.startswith("Async") == self.is_async)
        client = getattr(self.package, cls_name)(**options)
        self.made.append(client)
        return client

    async def close(self) -> None:
        for client in self.made:
            await resolve(client.aclose() if self.is_async else client.close())


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest, yc: ModuleType, server: LoopbackServer) -> AsyncIterator[Api]:
    made = Api(yc, server, request.param == "async")
    yield made
    await made.close()


@pytest.fixture(params=["sync", "async"])
async def pets_api(request: pytest.FixtureRequest, pets: ModuleType, server: LoopbackServer) -> AsyncIterator[Api]:
    made = Api(pets, server, request.param == "async")
    yield made
    await made.close()
