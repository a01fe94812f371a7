"""The ``apiPlayground`` JSON Schema of source pages, checked against the tables.

The playground repeats what the tables say in JSON Schema form (path, query, body and
``definitions``). The tables are the richer source, so the spec is built from them;
the playground is used as a second witness: a field, type or required flag that the
two disagree on is reported as ``playground-mismatch``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.docs.model import SCHEMA_PREFIX, OperationDef, SchemaDef
from generator.errors import Diagnostic, Location

_JSON_TYPES = {"string", "integer", "number", "boolean", "object", "array"}


def check_playground(
    playground: Any, op: OperationDef, schemas: tuple[SchemaDef, ...], path: str
) -> list[Diagnostic]:
    """Differences between the playground block and what the tables produced."""
    where = Location(path, 2)
    entries = playground if isinstance(playground, list) else [playground]
    notes: list[Diagnostic] = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            notes.append(Diagnostic(where, "apiPlayground entry is not a mapping", "playground-mismatch"))
            continue
        method = str(entry.get("method", "")).lower()
        if method and method != op.method:
            notes.append(Diagnostic(where, f"playground method {method!r} != {op.method!r}", "playground-mismatch"))
        params = op.operation.get("parameters", [])
        for place in ("path", "query"):
            table = {p["name"]: (p["schema"], bool(p.get("required"))) for p in params if p["in"] == place}
            notes.extend(_compare(entry.get(place), table, f"{place} parameters", where))
        body = _body_schema(op, schemas)
        if entry.get("body") is not None or body is not None:
            table = {n: (s, n in (body or {}).get("required", [])) for n, s in (body or {}).get("properties", {}).items()}
            notes.extend(_compare(entry.get("body"), table, "body", where))
        by_name = {s.key: s.schema for s in schemas if s.hard}
        for name, definition in (entry.get("definitions") or {}).items():
            schema = by_name.get(name)
            if schema is None:
                notes.append(Diagnostic(where, f"playground definition {name!r} has no section", "playground-mismatch"))
                continue
            table = {n: (s, n in schema.get("required", [])) for n, s in schema.get("properties", {}).items()}
            notes.extend(_compare(definition, table, f"definition {name}", where))
    return notes


def _body_schema(op: OperationDef, schemas: tuple[SchemaDef, ...]) -> dict[str, Any] | None:
    body = op.operation.get("requestBody")
    if body is None:
        return None
    target = body["content"]["application/json"]["schema"]["$ref"][len(SCHEMA_PREFIX) :]
    return next((s.schema for s in schemas if s.key == target), None)


def _compare(
    block: Any, table: Mapping[str, tuple[dict[str, Any], bool]], what: str, where: Location
) -> list[Diagnostic]:
    if block is None:
        block = {}
    if not isinstance(block, Mapping):
        return [Diagnostic(where, f"playground {what} is not a schema", "playground-mismatch")]
    props: Mapping[str, Any] = block.get("properties") or {}
    required = set(block.get("required") or [])
    notes: list[Diagnostic] = []
    for name in sorted(set(props) ^ set(table)):
        side = "playground" if name in props else "tables"
        notes.append(Diagnostic(where, f"{what}: field {name!r} only in the {side}", "playground-mismatch"))
    for name in props.keys() & table.keys():
        schema, is_required = table[name]
        if (name in required) != is_required:
            notes.append(Diagnostic(where, f"{what}: {name!r} required in one of playground/tables only", "playground-mismatch"))
        if _kind(props[name]) != _kind(schema):
            notes.append(Diagnostic(where, f"{what}: {name!r} is {_kind(props[name])} in the playground, {_kind(schema)} in the tables", "playground-mismatch"))
    return notes


def _kind(schema: Any) -> str:
    """A coarse type label both sides can be reduced to."""
    if not isinstance(schema, Mapping):
        return "?"
    if "$ref" in schema:
        return "ref:" + str(schema["$ref"]).rsplit("/", 1)[-1]
    kind = schema.get("type")
    if kind == "array":
        return "array of " + _kind(schema.get("items"))
    if kind in _JSON_TYPES:
        fmt = schema.get("format")
        return f"{kind}/{fmt}" if fmt in ("int64", "int32") else str(kind)
    return "any"
