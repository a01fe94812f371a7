"""Check a bundled document against the OpenAPI schema; findings become located warnings.

Real documents often break the letter of the spec in ways a client can still be built
from, so validation never stops the pipeline by itself: the IR stage raises for what
it cannot build from, and ``--strict`` promotes these warnings to errors.

The structural check is openapi-spec-validator's meta-schema run through jsonschema
with a pre-crawled registry (see ``metaschemas``); the semantic checks it would run
through its slow path-object walker are done by ``semantics`` on plain dicts, which
also keeps the JSON pointer of every finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from generator.errors import Diagnostic, Location
from generator.spec import metaschemas
from generator.spec.semantics import semantic_findings

MAX_WARNINGS = 200
KIND = "spec-violation"


def _short(message: str, limit: int = 160) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def schema_version(document: Mapping[str, Any]) -> str:
    """``"3.0"``, ``"3.1"`` or ``"3.2"`` from the ``openapi`` field."""
    text = str(document.get("openapi", ""))
    return text[:3] if text[:3] in ("3.1", "3.2") else "3.0"


def _structural(document: Mapping[str, Any], version: str) -> Iterable[tuple[str, str]]:
    yield from metaschemas.document_errors(document, version)


def validate_document(
    document: Mapping[str, Any], locate: Callable[[str], Location]
) -> tuple[Diagnostic, ...]:
    """One located warning per violation (at most MAX_WARNINGS), in document order."""
    version = schema_version(document)
    warnings: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()
    try:
        for finding in _chain(_structural(document, version), semantic_findings(document, version)):
            if finding in seen:
                continue
            seen.add(finding)
            pointer, message = finding
            warnings.append(Diagnostic(locate(pointer), _short(message), KIND))
            if len(warnings) >= MAX_WARNINGS:
                break
    except RecursionError:
        warnings.append(Diagnostic(locate(""), "document too deeply nested to validate", KIND))
    return tuple(warnings)


def _chain(*parts: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str]]:
    for part in parts:
        yield from part
