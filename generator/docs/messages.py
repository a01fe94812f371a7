"""Message schemas from tables: named sections (current forms) and dotted paths (older form).

Current pages print one ``## Name {#package.Name}`` section per message, with numbered
anchors (``…Os2``) when a message is printed again; those are one schema. The older
form prints nested fields as dotted rows (``a.<br>b.<br>c``) under their parent; each
object row with children becomes a soft-named schema the merge stage names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.docs.fields import Field, Resolver, build_field
from generator.docs.markup import html_to_markdown, tidy
from generator.docs.model import SOFT, SchemaDef, ref
from generator.docs.segment import Section
from generator.docs.tables import Row, Table
from generator.docs.typecell import TypeRef, split_type
from generator.errors import ClientgenError, Diagnostic, Location

_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)
_STATUS_FIELDS = frozenset({"code", "message", "details"})
_OPERATION_FIELDS = frozenset(
    {"id", "description", "createdAt", "createdBy", "modifiedAt", "done", "metadata", "error", "response"}
)


@dataclass(frozen=True)
class RowText:
    """A field row with its name, type and markdown description separated."""

    name: str
    type_ref: TypeRef | None
    description: str
    line: int


def row_texts(table: Table) -> tuple[RowText, ...]:
    """Rows of a field table in either syntax, with HTML turned into markdown."""
    typed = len(table.header) >= 2 and table.header[0].lower() == "field"
    out: list[RowText] = []
    for row in table.rows:
        out.append(_row_text(row, table.form, typed))
    return tuple(out)


def _row_text(row: Row, form: str, typed: bool) -> RowText:
    name = _BR.sub("", row.cells[0]).strip().strip("`")
    cell = row.cells[1] if len(row.cells) > 1 else ""
    type_ref, rest = split_type(cell) if typed else (None, cell)
    text = html_to_markdown(rest) if form == "pipe" else tidy(rest)
    return RowText(name, type_ref, text, row.line)


def canonical(anchor: str, title: str) -> tuple[str, str]:
    """(anchor, short name) with the numbering of repeated sections removed."""
    last = anchor.rsplit(".", 1)[-1]
    name = last
    title_name = title.strip().strip("`")
    if last != title_name and last.startswith(title_name) and last[len(title_name) :].isdigit():
        name = title_name
        anchor = anchor[: len(anchor) - len(last)] + name
    return anchor, name


def object_schema(fields: Sequence[Field], description: str, where: Location) -> dict[str, Any]:
    """An object schema from its fields; oneof groups and ``required`` collected."""
    schema: dict[str, Any] = {"type": "object"}
    if description:
        schema["description"] = description
    groups: list[list[str]] = []
    properties: dict[str, Any] = {}
    for field in fields:
        if field.name in properties:
            raise ClientgenError(f"field {field.name!r} is listed twice", Location(where.file, field.line))
        properties[field.name] = field.schema
        if field.oneof and not any(field.name in g for g in groups):
            groups.append(list(field.oneof))
    if groups:
        schema["x-oneof-groups"] = groups
    schema["properties"] = properties
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def fields_of(rows: Sequence[RowText], page: str, resolve: Resolver) -> tuple[Field, ...]:
    return tuple(build_field(r.name, r.type_ref, r.description, Location(page, r.line), resolve) for r in rows)


def section_description(section: Section) -> str:
    return tidy("\n\n".join(p.text for p in section.paragraphs if not p.text.startswith("**HTTP Code")))


@dataclass(frozen=True)
class Dotted:
    """The older form's dotted rows as fields of one object plus the soft schemas below it."""

    fields: tuple[Field, ...]
    schemas: tuple[SchemaDef, ...]
    diagnostics: tuple[Diagnostic, ...]


def build_dotted(rows: Sequence[RowText], page: str, scope: str, parent_candidate: str, resolve: Resolver) -> Dotted:
    """Fields of the top level of ``rows``; nested rows become soft schemas."""
    schemas: list[SchemaDef] = []
    notes: list[Diagnostic] = []
    fields = _level(tuple(rows), "", page, scope, parent_candidate, resolve, schemas, notes)
    return Dotted(fields, tuple(schemas), tuple(notes))


def _level(
    rows: tuple[RowText, ...], prefix: str, page: str, scope: str, parent: str,
    resolve: Resolver, schemas: list[SchemaDef], notes: list[Diagnostic],
) -> tuple[Field, ...]:
    fields: list[Field] = []
    direct = [r for r in rows if r.name.startswith(prefix) and "." not in r.name[len(prefix) :]]
    for row in direct:
        child_prefix = row.name + "."
        children = tuple(r for r in rows if r.name.startswith(child_prefix))
        nested: dict[str, Any] | None = None
        where = Location(page, row.line)
        if children:
            segment = row.name[len(prefix) :]
            candidates = _candidates(segment, children, child_prefix, parent)
            base = name_of(segment)
            child_fields = _level(children, child_prefix, page, scope, base, resolve, schemas, notes)
            key = f"{SOFT}{page}#{scope}/{row.name}"
            schemas.append(SchemaDef(key, object_schema(child_fields, "", where), False, candidates, page, row.line))
            nested = ref(key)
        field = build_field(row.name[len(prefix) :], row.type_ref, row.description, where, resolve, nested=nested)
        fields.append(field)
        notes.extend(field.diagnostics)
    return tuple(fields)


def _candidates(segment: str, children: tuple[RowText, ...], child_prefix: str, parent: str) -> tuple[str, ...]:
    names = {r.name[len(child_prefix) :].removesuffix("[]") for r in children if "." not in r.name[len(child_prefix) :]}
    base = name_of(segment)
    out: list[str] = []
    if names and names <= _STATUS_FIELDS and "code" in names:
        out.append("Status")
    if {"id", "done", "metadata"} <= names <= _OPERATION_FIELDS:
        out.append("Operation")
    out.append(base)
    out.append(parent + base)
    return tuple(dict.fromkeys(out))


def well_known_candidates(rows: Sequence[RowText]) -> tuple[str, ...]:
    """'Operation' for a top-level table that is the Operation message, else nothing."""
    names = {r.name.removesuffix("[]") for r in rows if "." not in r.name}
    return ("Operation",) if {"id", "done", "metadata"} <= names <= _OPERATION_FIELDS else ()


def name_of(segment: str) -> str:
    """A message name guessed from a field name: lists are plural, their items are not."""
    if segment.endswith("[]"):
        return pascal(singular(segment[:-2]))
    return pascal(segment)


def pascal(name: str) -> str:
    parts = re.split(r"[_\W]+", name)
    return "".join(p[:1].upper() + p[1:] for p in parts if p)


def singular(name: str) -> str:
    if name.endswith("ies") and len(name) > 3:
        return name[:-3] + "y"
    if name.endswith(("sses", "ches", "shes", "xes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss") and len(name) > 1:
        return name[:-1]
    return name
