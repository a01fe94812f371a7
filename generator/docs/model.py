"""Intermediate values passed from page parsing to the merge stage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.errors import Diagnostic

SCHEMA_PREFIX = "#/components/schemas/"
SOFT = "~soft~"  # prefix of provisional names the merge stage replaces


@dataclass(frozen=True)
class SchemaDef:
    """A message schema found on a page.

    ``hard`` names come from the page's anchors and are authoritative. Soft ones are
    inline objects of the older form, which prints no message names: ``key`` is a
    provisional name and ``candidates`` the names to try, best first.
    """

    key: str
    schema: dict[str, Any]
    hard: bool
    candidates: tuple[str, ...]
    page: str
    line: int


@dataclass(frozen=True)
class OperationDef:
    """One HTTP method of one page, ready to be placed under ``paths``."""

    method: str
    server: str
    path: str
    operation: dict[str, Any]
    line: int


@dataclass(frozen=True)
class PageImport:
    """Everything one page contributes to the document."""

    path: str
    api_title: str | None
    resource: str | None
    tag_description: str | None
    operation: OperationDef | None
    schemas: tuple[SchemaDef, ...]
    diagnostics: tuple[Diagnostic, ...]


def ref(name: str) -> dict[str, Any]:
    return {"$ref": SCHEMA_PREFIX + name}
