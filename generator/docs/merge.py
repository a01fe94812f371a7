"""Pages → one OpenAPI document: paths, servers, tags, and shared component schemas.

Schemas are shared by name. Two schemas with one name are the same message when they
agree on everything a client depends on (types, references, enums, constraints,
required); documentation text may differ between pages of different dates, and the
first page (in path order) keeps its wording. A page may print a message with fewer
fields (the reference omits fields of type ``google.protobuf.Empty``); the union is kept.
Anything else under one name is an error naming both pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.docs.model import SCHEMA_PREFIX, SOFT, PageImport, SchemaDef
from generator.errors import ClientgenError, Diagnostic, Location

STATUS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "The error result of the operation in case of failure or cancellation.",
    "properties": {
        "code": {"type": "integer", "format": "int32", "description": "Error code. An enum value of google.rpc.Code."},
        "message": {"type": "string", "description": "An error message."},
        "details": {"type": "array", "description": "A list of messages that carry the error details.", "items": {"type": "object"}},
    },
}
_DOC_KEYS = frozenset({"description", "x-enum-descriptions"})
_VERSION = re.compile(r"/(v\d+(?:(?:alpha|beta)\d*)?)(?:/|$)")


@dataclass(frozen=True)
class Merged:
    spec: dict[str, Any]
    operations: int
    schemas: int
    warnings: tuple[Diagnostic, ...]


def merge_pages(pages: Sequence[PageImport]) -> Merged:
    named: dict[str, dict[str, Any]] = {}
    origin: dict[str, str] = {}
    notes: list[Diagnostic] = []
    for page in pages:
        for schema in page.schemas:
            if schema.hard:
                _add(named, origin, schema.key, schema.schema, schema, notes)
    if "Status" not in named:
        named["Status"] = STATUS_SCHEMA
        origin["Status"] = "<built-in google.rpc.Status>"
    rename: dict[str, str] = {}
    for page in pages:
        for schema in page.schemas:
            if not schema.hard:
                rename[schema.key] = _place_soft(named, origin, schema, _rewrite(schema.schema, rename))
    paths: dict[str, dict[str, Any]] = {}
    where: dict[tuple[str, str], str] = {}
    servers: list[str] = []
    tags: dict[str, str | None] = {}
    title: str | None = None
    version: str | None = None
    count = 0
    for page in pages:
        title = title or page.api_title
        if page.resource and (page.resource not in tags or page.tag_description):
            tags[page.resource] = page.tag_description or tags.get(page.resource)
        op = page.operation
        if op is None:
            continue
        count += 1
        if not servers:
            servers.append(op.server)
        key = (op.path, op.method)
        if key in where:
            raise ClientgenError(f"{op.method.upper()} {op.path} is also defined by {where[key]}", Location(page.path, op.line))
        where[key] = page.path
        body = _rewrite(op.operation, rename)
        if op.server != servers[0]:
            body["servers"] = [{"url": op.server}]
        paths.setdefault(op.path, {})[op.method] = body
        found = _VERSION.search(op.path)
        version = version or (found.group(1) if found else None)
    info: dict[str, Any] = {"title": title or "API", "version": version or "v1"}
    spec: dict[str, Any] = {"openapi": "3.0.3", "info": info}
    if servers:
        spec["servers"] = [{"url": url} for url in servers]
    if tags:
        spec["tags"] = [{"name": n, **({"description": d} if d else {})} for n, d in tags.items()]
    spec["paths"] = paths
    spec["components"] = {"schemas": named}
    return Merged(spec, count, len(named), tuple(notes))


def _add(
    named: dict[str, dict[str, Any]], origin: dict[str, str], name: str, schema: dict[str, Any], src: SchemaDef,
    notes: list[Diagnostic],
) -> None:
    if name not in named:
        named[name], origin[name] = schema, src.page
        return
    drift: list[str] = []
    combined = combine(named[name], schema, drift)
    if drift:
        notes.append(Diagnostic(Location(src.page, src.line), f"schema {name!r} states other rules than in {origin[name]} ({'; '.join(drift)}); the first is kept", "schema-drift"))
    if combined is None:
        raise ClientgenError(
            f"schema {name!r} differs from the one of the same name in {origin[name]}", Location(src.page, src.line)
        )
    named[name] = combined


def _place_soft(named: dict[str, dict[str, Any]], origin: dict[str, str], soft: SchemaDef, schema: dict[str, Any]) -> str:
    """Name an inline object of the older form: share a compatible schema or take a free name."""
    for candidate in soft.candidates:
        if candidate not in named:
            named[candidate], origin[candidate] = schema, soft.page
            return candidate
        combined = combine(named[candidate], schema)
        if combined is not None:
            named[candidate] = combined
            return candidate
    base = soft.candidates[-1]
    number = 2
    while f"{base}{number}" in named:
        combined = combine(named[f"{base}{number}"], schema)
        if combined is not None:
            named[f"{base}{number}"] = combined
            return f"{base}{number}"
        number += 1
    named[f"{base}{number}"], origin[f"{base}{number}"] = schema, soft.page
    return f"{base}{number}"


def _rewrite(value: Any, rename: dict[str, str]) -> Any:
    if isinstance(value, dict):
        out = {k: _rewrite(v, rename) for k, v in value.items()}
        target = out.get("$ref")
        if isinstance(target, str) and target.startswith(SCHEMA_PREFIX + SOFT):
            out["$ref"] = SCHEMA_PREFIX + rename[target[len(SCHEMA_PREFIX) :]]
        return out
    if isinstance(value, list):
        return [_rewrite(v, rename) for v in value]
    return value


_CONSTRAINTS = frozenset({
    "maxLength", "minLength", "pattern", "maximum", "minimum", "maxItems", "minItems",
    "maxProperties", "minProperties", "x-property-names", "default",
})


def combine(first: dict[str, Any], second: dict[str, Any], drift: list[str] | None = None) -> dict[str, Any] | None:
    """The schema both describe, or None when they are different messages.

    Rules one page states and the other does not are kept; rules stated differently keep
    the first page's value and are listed in ``drift``.
    """
    found: list[str] = [] if drift is None else drift
    merged: dict[str, Any] = {}
    for key in dict.fromkeys([*first, *second]):
        if key not in second or key not in first:
            if key in _DOC_KEYS or key in _CONSTRAINTS or key in ("required", "x-oneof-groups"):
                merged[key] = first[key] if key in first else second[key]
                continue
            if key == "properties" and not (first.get(key) or second.get(key)):
                continue
            return None
        one, two = first[key], second[key]
        if key in _DOC_KEYS:
            merged[key] = one
        elif key in _CONSTRAINTS:
            if one != two:
                found.append(f"{key}: {one!r} / {two!r}")
            merged[key] = one
        elif key == "properties":
            props = _combine_properties(one, two, first.get("required", []), second.get("required", []), found)
            if props is None:
                return None
            merged[key] = props
        elif key in ("items", "additionalProperties") and isinstance(one, dict) and isinstance(two, dict):
            inner = combine(one, two, found)
            if inner is None:
                return None
            merged[key] = inner
        elif key == "required":
            merged[key] = list(dict.fromkeys([*one, *two]))
        elif key == "x-oneof-groups":
            merged[key] = _merge_groups(one, two)
        elif one != two:
            return None
        else:
            merged[key] = one
    return merged


def _combine_properties(
    one: dict[str, Any], two: dict[str, Any], req_one: list[str], req_two: list[str], drift: list[str]
) -> dict[str, Any] | None:
    common = one.keys() & two.keys()
    if {n for n in req_one if n in common} != {n for n in req_two if n in common}:
        return None
    out: dict[str, Any] = {}
    for name in dict.fromkeys([*one, *two]):
        if name in common:
            inner = combine(one[name], two[name], drift)
            if inner is None:
                return None
            out[name] = inner
        else:
            out[name] = one[name] if name in one else two[name]
    return out


def _merge_groups(first: list[list[str]], second: list[list[str]]) -> list[list[str]]:
    groups = [list(g) for g in first]
    for group in second:
        for existing in groups:
            if set(existing) & set(group):
                existing.extend(n for n in group if n not in existing)
                break
        else:
            groups.append(list(group))
    return groups
