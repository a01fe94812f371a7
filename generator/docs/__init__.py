"""Docs importer: Yandex Cloud REST reference pages → one OpenAPI 3.0.3 document.

    >>> result = import_docs([Path("specs/compute/docs")])
    >>> text = dump_spec(result.spec)

Modules, in the order data flows through them::

    frontmatter  YAML header, {{ variables }}
    segment      headings/anchors, paragraphs, code blocks, tables (tables: both syntaxes)
    typecell     the **type** (format) prefix of a cell; scalars: types → JSON Schema
    constraints  rule sentences → keywords; enums: value lists
    fields       one row → one property; messages: rows → object schemas
    page         one page → operation + schemas; playground: apiPlayground cross-check
    merge        pages → one document; dump: deterministic YAML
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.docs.dump import dump_spec
from generator.docs.frontmatter import DEFAULT_VARIABLES
from generator.docs.merge import merge_pages
from generator.docs.page import import_page
from generator.errors import ClientgenError, Diagnostic, Location, StrictModeError

__all__ = ["DocsImport", "dump_spec", "import_docs", "DEFAULT_VARIABLES"]


@dataclass(frozen=True)
class DocsImport:
    """The imported document and what the import has to say about it."""

    spec: dict[str, Any]
    warnings: tuple[Diagnostic, ...]
    pages: int
    operations: int
    schemas: int


def import_docs(
    paths: Sequence[Path], *, variables: Mapping[str, str] | None = None, strict: bool = False
) -> DocsImport:
    """Import pages (files, or folders searched recursively for ``*.md``) into one spec."""
    table = dict(DEFAULT_VARIABLES)
    table.update(variables or {})
    files = _collect(paths)
    pages = []
    warnings: list[Diagnostic] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ClientgenError(f"cannot read page: {exc}", Location(str(file))) from exc
        page = import_page(str(file), text, table)
        if strict and page.diagnostics:
            first = page.diagnostics[0]
            raise StrictModeError(f"{first.kind}: {first.message}", first.location)
        warnings.extend(page.diagnostics)
        pages.append(page)
    merged = merge_pages(pages)
    if strict and merged.warnings:
        first = merged.warnings[0]
        raise StrictModeError(f"{first.kind}: {first.message}", first.location)
    warnings.extend(merged.warnings)
    return DocsImport(merged.spec, tuple(warnings), len(pages), merged.operations, merged.schemas)


def _collect(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.md") if p.is_file() and p.name.lower() != "readme.md"))
        elif path.is_file():
            files.append(path)
        else:
            raise ClientgenError("no such page or folder", Location(str(path)))
    return list(dict.fromkeys(files))
