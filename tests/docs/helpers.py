"""Shared paths and the golden-file helper of the docs importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = REPO / "specs" / "compute" / "docs" / "Image.ListOperations.md"
CORPUS = REPO.parent / "shared" / "corpus" / "yandex-cloud-docs"


def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (../shared beside the repo)")
    return CORPUS


def check_golden(request: pytest.FixtureRequest, name: str, actual: str) -> None:
    """Compare with tests/docs/golden/<name>; ``--update-golden`` rewrites it."""
    path = GOLDEN / name
    if request.config.getoption("--update-golden", default=False) or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not request.config.getoption("--update-golden", default=False):
            pytest.fail(f"golden {name} did not exist; written for review")
    assert actual == path.read_text(encoding="utf-8")
