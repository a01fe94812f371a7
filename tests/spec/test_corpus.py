"""Every corpus document loads (maybe with warnings) or fails with a located ClientgenError."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ClientgenError
from generator.spec import load_spec
from tests.spec.conftest import CORPUS

OPENAPI = CORPUS / "openapi"
_ROOTS = {"digitalocean": "DigitalOcean-public.v2.yaml", "oai-petstore-separate": "spec/swagger.yaml"}
_SUFFIXES = {".yaml", ".yml", ".json"}


def _documents() -> list[Path]:
    if not OPENAPI.is_dir():
        return []
    found: list[Path] = []
    for entry in sorted(p for p in OPENAPI.iterdir() if p.is_dir()):
        if entry.name in _ROOTS:
            found.append(entry / _ROOTS[entry.name])
        elif entry.name == "dmcg-edge-cases":
            found += sorted(p for p in entry.rglob("*") if p.is_file())
        else:
            found += sorted(p for p in entry.iterdir() if p.suffix in _SUFFIXES)
    return found


DOCUMENTS = _documents()


def _entry(path: Path) -> Path:
    return OPENAPI / path.relative_to(OPENAPI).parts[0]


@pytest.mark.skipif(not DOCUMENTS, reason=f"corpus not found at {OPENAPI}")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(OPENAPI)))
def test_loads_or_fails_located(path: Path) -> None:
    try:
        spec = load_spec(path, ref_root=_entry(path))
    except ClientgenError as exc:
        assert exc.location.file, f"unlocated error: {exc}"
        assert exc.location.line is not None or "not found" in exc.message or "remote" in exc.message, str(exc)
        return
    for warning in spec.warnings:
        assert warning.location.file and warning.location.line, str(warning)
    assert "openapi" in spec.document


@pytest.mark.skipif(not DOCUMENTS, reason=f"corpus not found at {OPENAPI}")
@pytest.mark.parametrize("name", ["openai", "digitalocean", "argo-workflows", "netlify", "oai-petstore-separate"])
def test_big_and_swagger_specs_load(name: str) -> None:
    root = OPENAPI / name / _ROOTS.get(name, "")
    if root.is_dir():
        root = next(p for p in sorted(root.iterdir()) if p.suffix in _SUFFIXES)
    spec = load_spec(root, ref_root=OPENAPI / name)
    assert spec.document["openapi"].startswith("3.")
    assert spec.document["paths"]
