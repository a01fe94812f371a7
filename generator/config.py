"""``clientgen.yaml``: the targets a repository builds (docs → spec → package)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ClientgenError
from generator.ir.names import snake_case
from generator.spec.source import read_document

DEFAULT_CONFIG = "clientgen.yaml"
_KNOWN_KEYS = frozenset(
    {"spec", "package", "output", "client", "distribution", "docs", "overlay", "variables", "strict", "ref_root", "allow_remote_refs"}
)


@dataclass(frozen=True)
class TargetConfig:
    """One target: where the spec is, which package to make, where to put it."""

    name: str
    spec: Path
    package: str
    output: Path
    client: str = ""
    distribution: str = ""
    docs: tuple[Path, ...] = ()
    overlay: Path | None = None
    variables: tuple[tuple[str, str], ...] = ()
    strict: bool = False
    spec_label: str = ""  # how generated headers name the spec (relative, machine-independent)
    ref_root: Path | None = None  # relative $refs may reach files under this folder (default: the spec's)
    allow_remote_refs: bool = False  # http(s) $refs are fetched only when the user says so


def _string(value: Any, where: str, config: Any, pointer: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ClientgenError(f"{where} must be a non-empty string", config.locate(pointer))
    return value


def load_config(path: Path) -> tuple[TargetConfig, ...]:
    """Every target in the file, paths resolved against the file's folder."""
    document = read_document(path)
    data = document.data
    base = path.resolve().parent
    if not isinstance(data, Mapping) or not isinstance(data.get("targets"), Mapping) or not data["targets"]:
        raise ClientgenError("expected a 'targets' mapping with at least one target", document.locate(""))
    targets: list[TargetConfig] = []
    for name, raw in data["targets"].items():
        pointer = f"/targets/{name}"
        if not isinstance(raw, Mapping):
            raise ClientgenError("a target must be a mapping", document.locate(pointer))
        unknown = sorted(set(raw) - _KNOWN_KEYS)
        if unknown:
            raise ClientgenError(f"unknown key {unknown[0]!r}", document.locate(f"{pointer}/{unknown[0]}"))
        spec = _string(raw.get("spec"), "spec", document, f"{pointer}/spec")
        package = _string(raw.get("package"), "package", document, f"{pointer}/package")
        if snake_case(package) != package:
            raise ClientgenError(
                f"package {package!r} is not a valid module name (try {snake_case(package)!r})",
                document.locate(f"{pointer}/package"),
            )
        output = _string(raw.get("output"), "output", document, f"{pointer}/output")
        docs_raw = raw.get("docs", [])
        docs_list = [docs_raw] if isinstance(docs_raw, str) else docs_raw
        if not isinstance(docs_list, list) or not all(isinstance(d, str) for d in docs_list):
            raise ClientgenError("docs must be a path or a list of paths", document.locate(f"{pointer}/docs"))
        variables = raw.get("variables", {})
        if not isinstance(variables, Mapping):
            raise ClientgenError("variables must be a mapping", document.locate(f"{pointer}/variables"))
        overlay = raw.get("overlay")
        ref_root = raw.get("ref_root")
        targets.append(
            TargetConfig(
                name=str(name),
                spec=base / spec,
                package=package,
                output=base / output,
                client=str(raw.get("client", "") or ""),
                distribution=str(raw.get("distribution", "") or ""),
                docs=tuple(base / d for d in docs_list),
                overlay=base / _string(overlay, "overlay", document, f"{pointer}/overlay") if overlay else None,
                variables=tuple((str(k), str(v)) for k, v in variables.items()),
                strict=bool(raw.get("strict", False)),
                spec_label=spec,
                ref_root=base / _string(ref_root, "ref_root", document, f"{pointer}/ref_root") if ref_root else None,
                allow_remote_refs=raw.get("allow_remote_refs") is True,
            )
        )
    return tuple(targets)


def select(targets: tuple[TargetConfig, ...], names: tuple[str, ...], config: Path) -> tuple[TargetConfig, ...]:
    if not names:
        return targets
    known = {t.name: t for t in targets}
    for name in names:
        if name not in known:
            raise ClientgenError(f"no target named {name!r} (known: {', '.join(known)})", read_document(config).locate("/targets"))
    return tuple(known[name] for name in names)
