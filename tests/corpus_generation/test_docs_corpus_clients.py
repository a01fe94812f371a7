"""The Yandex Cloud docs corpus, imported per service, generates clients that import and
pass mypy --strict, and a long-running method there becomes a typed operation handle."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import TargetConfig
from generator.docs import dump_spec, import_docs
from generator.pipeline import build
from generator.writer import write_tree
from tests.corpus import DOCS

SERVICES = {"compute": "corpus_compute", "resource-manager": "corpus_resource_manager"}

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason=f"docs corpus not found at {DOCS} (needs ../shared/corpus)")


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_service_client_imports_and_passes_mypy_strict(service: str, tmp_path: Path) -> None:
    imported = import_docs([DOCS / service, DOCS / "_api-ref"])
    spec = tmp_path / "openapi.yaml"
    spec.write_text(dump_spec(imported.spec), encoding="utf-8")
    package = SERVICES[service]
    output = tmp_path / "project"
    write_tree(build(TargetConfig(name=service, spec=spec, package=package, output=output)).files, output)
    sys.path.insert(0, str(output))
    try:
        module = importlib.import_module(package)
        client = next(getattr(module, n) for n in module.__all__ if n.endswith("Client") and not n.startswith("Async"))
        instance = client(token="t", base_url="http://127.0.0.1:9")
        resources = [name for name in vars(instance) if not name.startswith("_")]
        assert len(resources) >= (5 if service == "compute" else 1), resources
        if service == "compute":
            returned = str(instance.images.create.__annotations__["return"])
            assert returned == "OperationHandle[Image, CreateImageMetadata | None]", returned
    finally:
        sys.path.remove(str(output))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", package],
        cwd=output, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:]
