"""No spec, however hostile, may execute code when the generated package is imported
or write outside the output directory."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from generator.config import TargetConfig
from generator.errors import ClientgenError
from generator.pipeline import build
from generator.render.package import RUNTIME_MODULES
from generator.writer import write_tree
from tests.robustness.hostile import hostile_spec


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


def test_hostile_spec_generates_inert_code_inside_the_output(tmp_path: Path) -> None:
    sentinel = tmp_path / "PWNED"
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(hostile_spec(str(sentinel))), encoding="utf-8")
    output = tmp_path / "out" / "project"
    target = TargetConfig(name="hostile", spec=spec, package="hostile_api", output=output)
    before = files_under(tmp_path)
    built = build(target)
    assert any("(unclosed[" in w.message and w.location.file == str(spec) for w in built.warnings)
    write_tree(built.files, output)
    created = files_under(tmp_path) - before
    assert created and all(p == output.parent or output in p.parents or p == output for p in created), sorted(
        str(p) for p in created if output not in p.parents
    )
    for name, text in built.files.items():
        if name.endswith(".py"):
            tree = ast.parse(text, name)  # every file is valid Python
            if PurePosixPath(name).stem in RUNTIME_MODULES:
                continue  # the static runtime (reads env vars, key files): same for every spec
            imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
            imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
            assert not imported & {"os", "os.path", "subprocess", "pathlib", "builtins"}, (name, imported)
            called = {node.func.id for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
            assert not called & {"eval", "exec", "__import__", "compile", "open"}, (name, called)
    script = (
        "import importlib, pkgutil, sys\n"
        f"sys.path.insert(0, {str(output)!r})\n"
        "import hostile_api, hostile_api.models, hostile_api.resources\n"
        "for m in pkgutil.walk_packages(hostile_api.__path__, 'hostile_api.'):\n"
        "    importlib.import_module(m.name)\n"
        "client = hostile_api.HostileApiClient(base_url='http://127.0.0.1:9')\n"
        "print('imported')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "imported" in result.stdout
    assert not sentinel.exists(), "a spec string ran as code"
    assert not (Path("/tmp") / "evil").exists()


@pytest.mark.parametrize("package", ["../escape", "a/b", "..", "", "bad-name.x"])
def test_hostile_package_names_are_refused_or_made_safe(tmp_path: Path, package: str) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}), encoding="utf-8")
    output = tmp_path / "out"
    try:
        built = build(TargetConfig(name="t", spec=spec, package=package, output=output))
    except ClientgenError:
        return
    write_tree(built.files, output)
    for path in output.rglob("*"):
        assert output in path.parents
    assert all(".." not in name.split("/") for name in built.files)


def test_writer_refuses_paths_outside_the_output(tmp_path: Path) -> None:
    for name in ("../x.py", "/etc/passwd", "a/../../x", "a\\..\\x"):
        with pytest.raises(ClientgenError):
            write_tree({name: ""}, tmp_path / "out")
    assert not (tmp_path / "x.py").exists()


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: !!python/object/apply:os.system ['touch PWNED']\npaths: {}\n", encoding="utf-8"
    )
    try:  # the tag is ignored: the value is plain data (a list), so info is merely invalid
        build(TargetConfig(name="t", spec=spec, package="p", output=tmp_path / "o"))
    except ClientgenError:
        pass
    assert not (tmp_path / "PWNED").exists() and not (Path(os.getcwd()) / "PWNED").exists()


def test_limits_give_clear_errors_not_exhaustion(tmp_path: Path) -> None:
    huge_enum = {
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"Big": {"type": "string", "enum": [f"V{i}" for i in range(10_001)]}}},
    }
    spec = tmp_path / "enum.json"
    spec.write_text(json.dumps(huge_enum), encoding="utf-8")
    with pytest.raises(ClientgenError, match="10001 values in schema 'Big'; the limit is 10000") as caught:
        build(TargetConfig(name="t", spec=spec, package="p", output=tmp_path / "o"))
    assert caught.value.location.pointer == "/components/schemas/Big" and caught.value.location.line == 1
    inner = '{"type": "string"}'
    for _ in range(1000):
        inner = '{"type": "object", "properties": {"a": ' + inner + "}}"
    deep = tmp_path / "deep.json"
    deep.write_text('{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, '
                    '"components": {"schemas": {"Deep": ' + inner + "}}}", encoding="utf-8")
    with pytest.raises(ClientgenError, match="nesting") as caught:
        build(TargetConfig(name="t", spec=deep, package="p", output=tmp_path / "o"))
    assert caught.value.location.file == str(deep)
    assert not (tmp_path / "o").exists()
