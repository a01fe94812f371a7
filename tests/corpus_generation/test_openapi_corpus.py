"""Every corpus document generates a package that imports, or fails with a located error.

Reads ../shared/corpus/openapi (skipped with a reason when absent). Type-checking the
whole corpus is slow, so mypy --strict runs here on a representative sample; the
full table (every document, mypy and strict) is benchmarks/corpus_report.py.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from generator.config import TargetConfig
from generator.errors import ClientgenError
from generator.pipeline import build
from generator.writer import write_tree
from tests.corpus import OPENAPI, entry_of, label, openapi_documents

DOCUMENTS = openapi_documents()
# documents no client can be built from, and why (each must fail with a located error)
UNBUILDABLE = {
    "dmcg-edge-cases/allof_no_merge_boolean_false_literal.yaml": "allOf with a `false` schema admits no value",
    "dmcg-edge-cases/allof_required_inherited_rw_cycle.yaml": "allOf inheritance cycle",
    "dmcg-edge-cases/allof_with_required_inherited_coverage.yaml": "a $ref loop",
    "dmcg-edge-cases/body_and_parameters_remote_ref.yaml": "remote $ref (needs --allow-remote-refs)",
    "dmcg-edge-cases/duplicate_models2.yaml": "dangling $ref",
    "dmcg-edge-cases/external_ref_mapping/api_absolute_path_template.yaml": "refers to a file that is not there",
    "dmcg-edge-cases/external_ref_mapping/api_file_uri_template.yaml": "file: URI ref",
    "dmcg-edge-cases/item_schema.yaml": "remote $ref",
    "dmcg-edge-cases/no_components.yaml": "dangling $ref",
    "dmcg-edge-cases/querystring_parameter_31.yaml": "a parameter without a name",
    "dmcg-edge-cases/read_only_write_only_allof_url_ref.yaml": "remote $ref",
    "dmcg-edge-cases/read_only_write_only_url_ref.yaml": "remote $ref",
    "dmcg-edge-cases/refs.yaml": "remote $ref",
}
# a sample across 3.1, 3.0 and Swagger 2.0; benchmarks/corpus_report.py --mypy --strict covers all
TYPECHECKED = (
    "museum/openapi.yaml",
    "oai-tictactoe/tictactoe.yaml",
    "oai-petstore-expanded/petstore-expanded.yaml",
    "netlify/swagger.yml",
)

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason=f"corpus not found at {OPENAPI} (needs ../shared/corpus)")


def _package(path: Path) -> str:
    return "corpus_" + "".join(ch if ch.isalnum() else "_" for ch in label(path).lower()).strip("_")[:50].rstrip("_")


def _generate(path: Path, output: Path) -> str:
    package = _package(path).replace("__", "_")
    target = TargetConfig(name=package, spec=path, package=package, output=output, ref_root=entry_of(path), spec_label=label(path))
    write_tree(build(target).files, output)
    return package


@pytest.mark.parametrize("path", DOCUMENTS, ids=[label(p) for p in DOCUMENTS])
def test_document_generates_an_importable_package_or_a_located_error(path: Path, tmp_path: Path) -> None:
    try:
        package = _generate(path, tmp_path / "project")
    except ClientgenError as exc:
        assert label(path) in UNBUILDABLE, f"unexpected error: {exc}"
        assert exc.location.file and (exc.location.line or exc.location.pointer), f"unlocated: {exc}"
        return
    assert label(path) not in UNBUILDABLE, "listed as unbuildable but generated: update UNBUILDABLE"
    sys.path.insert(0, str(tmp_path / "project"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            module = importlib.import_module(package)
            importlib.import_module(f"{package}.models")
            importlib.import_module(f"{package}.resources")
        assert module.__all__
    finally:
        sys.path.remove(str(tmp_path / "project"))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


@pytest.mark.parametrize("name", TYPECHECKED)
def test_sample_passes_mypy_strict(name: str, tmp_path: Path) -> None:
    path = OPENAPI / name
    package = _generate(path, tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", package],
        cwd=tmp_path / "project", capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:]
