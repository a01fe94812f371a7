"""Property-based robustness: random valid specs generate working packages; random
corruptions of real specs fail only with clientgen's own located error."""

from __future__ import annotations

import copy
import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import TargetConfig
from generator.errors import ClientgenError
from generator.pipeline import build
from generator.render.format import format_python
from generator.render.package import RUNTIME_MODULES
from generator.writer import write_tree
from tests.corpus import OPENAPI
from tests.robustness.strategies import TEXTS, documents

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
PACKAGE = "hyp_api"
SETTINGS = settings(
    deadline=None,
    derandomize=True,  # the same examples on every CI run: main stays green or fails for a reason
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


def _purge(package: str) -> None:
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]


@settings(SETTINGS, max_examples=200)
@given(document=documents())
def test_random_valid_specs_generate_importable_black_stable_packages(document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("hyp")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    output = folder / "out"
    built = build(TargetConfig(name="h", spec=spec, package=PACKAGE, output=output))
    for name, text in built.files.items():
        if name.endswith(".py"):
            compile(text, name, "exec")
            if Path(name).stem not in RUNTIME_MODULES:  # the static runtime is covered by the golden trees
                assert format_python(text, name) == text, f"{name} is not black-stable"
    write_tree(built.files, output)
    sys.path.insert(0, str(output))
    try:
        package = importlib.import_module(PACKAGE)
        importlib.import_module(f"{PACKAGE}.models")
        client_class = next(getattr(package, n) for n in package.__all__ if n.endswith("Client") and not n.startswith("Async"))
        client = client_class(base_url="http://127.0.0.1:9")
        for resource in package.resources.__all__:
            assert resource
        assert repr(client)
    finally:
        sys.path.remove(str(output))
        _purge(PACKAGE)


def _bases() -> list[dict[str, Any]]:
    found = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*/spec.yaml"))]
    for name in ("oai-petstore/petstore.yaml", "oai-petstore-expanded/petstore-expanded.yaml", "museum/openapi.yaml", "oai-uspto/uspto.yaml"):
        if (OPENAPI / name).is_file():
            found.append(yaml.safe_load((OPENAPI / name).read_text(encoding="utf-8")))
    return found


BASES = _bases()
JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False), TEXTS,
    st.just({"$ref": "#/components/schemas/Nowhere"}), st.just({"$ref": "#/"}), st.just({"type": ["string", 3]}),
    st.just({"type": {"a": 1}}), st.just([]), st.just({}), st.just({"enum": []}), st.just({"format": {"x": 1}}),
    st.just({"allOf": [{"$ref": "#/components/schemas/Nowhere"}]}), st.just({"properties": []}),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(_paths(document)[1:]))
        parent: Any = document
        for key in where[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = copy.deepcopy(draw(JUNK))  # st.just values are shared objects
    return document


@settings(SETTINGS, max_examples=300)
@given(document=mutated())
def test_corrupted_specs_fail_only_with_located_clientgen_errors(document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("mut")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(document), encoding="utf-8")
    try:
        build(TargetConfig(name="m", spec=spec, package=PACKAGE, output=folder / "out"))
    except ClientgenError as exc:
        assert exc.location.file == str(spec), f"error does not name the file: {exc}"
        assert "internal error" not in exc.message, exc.message
