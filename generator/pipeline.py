"""One target from spec to rendered files: the stages in order, as pure values."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import TargetConfig
from generator.docs import dump_spec, import_docs
from generator.errors import ClientgenError, Diagnostic, StrictModeError
from generator.ir import Target, normalize
from generator.render import RenderOptions, render_package
from generator.spec import load_spec


@dataclass(frozen=True)
class Built:
    target: TargetConfig
    files: dict[str, str]
    warnings: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Imported:
    """A docs target's spec as a fresh import produces it."""

    text: str
    warnings: tuple[Diagnostic, ...]


def import_target_docs(target: TargetConfig, *, strict: bool = False) -> Imported | None:
    """The spec text the target's doc pages give; None for targets without ``docs``."""
    if not target.docs:
        return None
    result = import_docs(list(target.docs), variables=dict(target.variables) or None, strict=strict or target.strict)
    return Imported(text=dump_spec(result.spec), warnings=result.warnings)


def build(target: TargetConfig, *, strict: bool = False) -> Built:
    """Load, normalize and render ``target`` in memory; nothing touches the disk."""
    strict = strict or target.strict
    spec = load_spec(
        target.spec,
        strict=strict,
        overlay=target.overlay,
        ref_root=target.ref_root,
        allow_remote_refs=target.allow_remote_refs,
    )
    try:
        normalized = normalize(
            spec,
            Target(
                package=target.package,
                distribution=target.distribution,
                client_name=target.client,
                source_name=target.spec_label or target.spec.name,
            ),
        )
        if strict and normalized.warnings:
            first = normalized.warnings[0]
            raise StrictModeError(first.message, first.location)
        version = str(spec.document.get("openapi", "3.0.3"))
        files = render_package(normalized.api, RenderOptions(project_dir=target.output.name, openapi_version=version))
    except ClientgenError as exc:
        if exc.location.file:
            raise
        # later stages may know only the pointer; the spec knows the file and line it came from
        raise type(exc)(exc.message, spec.locate(exc.location.pointer)) from None
    return Built(target=target, files=files, warnings=spec.warnings + normalized.warnings)
