"""Hostile files: a located ClientgenError, never a traceback or memory exhaustion."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ClientgenError
from generator.spec import load_spec
from generator.spec.bundle import bundle
from generator.spec.documents import DocumentStore
from generator.spec.source import read_document
from tests.spec.conftest import HEAD


def _fails(path: Path, match: str) -> ClientgenError:
    with pytest.raises(ClientgenError, match=match) as info:
        load_spec(path)
    assert info.value.location.file
    return info.value


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text(HEAD + "x-bomb:\n" + "".join(f"  {line}\n" for line in lines))
    _fails(path, "alias bomb")


def test_deep_nesting(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"openapi": "3.0.3", "x": ' + "[" * 1000 + "]" * 1000 + "}")
    _fails(path, "nesting|deep")


def test_deep_schema_nesting(tmp_path: Path) -> None:
    schema = '{"type": "array", "items": ' * 1000 + "{}" + "}" * 1000
    path = tmp_path / "deep.json"
    path.write_text('{"openapi": "3.0.3", "info": {}, "paths": {}, "components": {"schemas": {"A": ' + schema + "}}}")
    _fails(path, "nesting|deep")


def test_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_text(HEAD + "paths: {}\ndescription: \"a\x00b\"\n")
    assert _fails(path, "NUL").location.line == 4


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((HEAD + "x-name: caf\xe9\n").encode("latin-1"))
    assert _fails(path, "UTF-8").location.line == 3


def test_duplicate_keys(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(HEAD + "paths: {}\npaths: {}\n")
    assert _fails(path, "duplicate key").location.line == 4


@pytest.mark.parametrize("text", ["", "[1, 2]", "just text", "swagger: '1.2'", "openapi: 4.0.0", "{a: [}"])
def test_not_a_spec(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    _fails(path, ".")


def test_ref_bomb_across_files(tmp_path: Path) -> None:
    """Each level copies the next ten times: 10**7 values must stop at the limit."""
    for level in range(7):
        target = f"l{level + 1}.yaml" if level < 6 else None
        body = "[" + ", ".join([f"{{$ref: '{target}'}}" if target else "x"] * 10) + "]"
        (tmp_path / f"l{level}.yaml").write_text(f"x-v: {body}\n")
    (tmp_path / "l7.yaml").write_text("x\n")
    path = tmp_path / "openapi.yaml"
    path.write_text(HEAD + "paths: {}\nx-root: {$ref: 'l0.yaml'}\n")
    store = DocumentStore(read_document(path), ref_root=tmp_path, fetch=None)
    with pytest.raises(ClientgenError, match="exceeds") as info:
        bundle(store, "3", max_values=200_000)
    assert info.value.location.file
