"""Load, bundle, convert, overlay and validate an OpenAPI document: the spec stage's entry point.

Order matters: refs are bundled in the document's own version (Swagger 2.0 keeps its
``definitions`` layout while bundling), then 2.0 is converted to 3.0.3, then the
overlay is applied to the 3.x document the user will see, then every local ref is
checked and the result validated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ClientgenError, Diagnostic, Location, StrictModeError
from generator.spec.bundle import bundle
from generator.spec.documents import DocumentStore
from generator.spec.fetch import fetch_text
from generator.spec.locator import Locator
from generator.spec.overlay import apply_overlay, read_overlay
from generator.spec.refcheck import check_local_refs
from generator.spec.source import SourceDocument, read_document
from generator.spec.swagger2 import convert_swagger2
from generator.spec.validate import validate_document


@dataclass(frozen=True)
class Spec:
    """One OpenAPI 3.x document, bundled, with the warnings found on the way.

    ``document`` is shared structure: treat it as read-only.
    """

    document: Mapping[str, Any]
    source: SourceDocument
    warnings: tuple[Diagnostic, ...] = ()
    locator: Locator | None = None

    def locate(self, pointer: str) -> Location:
        """The original file, line and pointer of the value at ``pointer``."""
        if self.locator is None:
            return self.source.locate(pointer)
        return self.locator.locate(pointer)


def _check_version(source: SourceDocument) -> str:
    data = source.data
    if not isinstance(data, dict):
        raise ClientgenError("an OpenAPI document must be a mapping", source.locate(""))
    version = data.get("openapi")
    if version is None:
        if str(data.get("swagger", "")).startswith("2."):
            return "2.0"
        if "swagger" in data:
            raise ClientgenError(f"unsupported Swagger version {data['swagger']!r}", source.locate("/swagger"))
        raise ClientgenError("no 'openapi' version field; not an OpenAPI document", source.locate(""))
    text = str(version)
    if not (text.startswith("3.0") or text.startswith("3.1") or text.startswith("3.2")):
        raise ClientgenError(f"unsupported OpenAPI version {text!r}", source.locate("/openapi"))
    return text


def load_spec(
    path: Path,
    *,
    strict: bool = False,
    overlay: Path | None = None,
    allow_remote_refs: bool = False,
    ref_root: Path | None = None,
) -> Spec:
    """Read ``path`` (and the files it refers to) into one validated 3.x document.

    ``ref_root`` is the directory relative ``$ref``s may not leave (default: the
    spec's own directory). With ``strict`` the first warning is raised instead.
    """
    try:
        return _load(Path(path), strict, overlay, allow_remote_refs, ref_root)
    except RecursionError:
        raise ClientgenError("document too deeply nested", Location(str(path))) from None


def _load(path: Path, strict: bool, overlay: Path | None, allow_remote: bool, ref_root: Path | None) -> Spec:
    source = read_document(path)
    version = _check_version(source)
    store = DocumentStore(
        source, ref_root=ref_root if ref_root is not None else path.parent, fetch=fetch_text if allow_remote else None
    )
    bundled = bundle(store, "2.0" if version == "2.0" else "3")
    document = bundled.document
    locator = bundled.locator
    warnings: list[Diagnostic] = []
    if version == "2.0":
        conversion = convert_swagger2(document)
        document = conversion.document
        warnings += [Diagnostic(locator.locate(p), note, "swagger2") for p, note in conversion.notes]
        locator = locator.with_moves(conversion.moves)
    if overlay is not None:
        result = apply_overlay(document, read_overlay(Path(overlay)))
        document = result.document
        warnings += result.warnings
        locator = locator.with_overrides(result.origins, result.source, str(overlay))
    check_local_refs(document, locator.locate)
    warnings += validate_document(document, locator.locate)
    if strict and warnings:
        first = warnings[0]
        raise StrictModeError(first.message, first.location)
    return Spec(document=document, source=source, warnings=tuple(warnings), locator=locator)
