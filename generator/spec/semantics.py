"""The checks a JSON schema cannot express, done on plain dicts with pointers kept.

The same rules openapi-spec-validator applies after its meta-schema check: unique
operationIds, path template parameters declared (and declared ones used), no duplicate
parameters, ``required`` names defined in allOf compositions, defaults valid against
their schema, and (3.1) every Schema Object valid against the OAS dialect.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, unquote

from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.spec import contexts, metaschemas
from generator.spec.pointers import child, resolve_pointer, split

Finding = tuple[str, str]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")
_BASE = "urn:clientgen:document"


def semantic_findings(document: Mapping[str, Any], version: str) -> Iterator[Finding]:
    yield from _operations(document)
    yield from _schemas(document, version)


def _local(document: Mapping[str, Any], value: Any) -> Any:
    """Follow a chain of local refs (bounded) to the value it names."""
    for _ in range(32):
        if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            return value
        ref: str = value["$ref"]
        if not ref.startswith("#"):
            return {}
        try:
            value = resolve_pointer(document, unquote(ref[1:]))
        except KeyError:
            return {}
    return {}


def _path_names(template: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field}
    except ValueError:
        return set()


def _parameters(document: Mapping[str, Any], value: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            resolved = _local(document, item)
            if isinstance(resolved, dict):
                yield f"{pointer}/{index}", resolved


def _operations(document: Mapping[str, Any]) -> Iterator[Finding]:
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    operation_ids: dict[str, str] = {}
    for template, raw_item in paths.items():
        item = _local(document, raw_item)
        if not isinstance(item, dict):
            continue
        item_pointer = child("/paths", template)
        shared = list(_parameters(document, item.get("parameters"), f"{item_pointer}/parameters"))
        yield from _duplicates(shared)
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            pointer = child(item_pointer, method)
            op_id = operation.get("operationId")
            if isinstance(op_id, str):
                if op_id in operation_ids:
                    yield child(pointer, "operationId"), f"operationId {op_id!r} is not unique (also at {operation_ids[op_id]})"
                operation_ids.setdefault(op_id, pointer)
            own = list(_parameters(document, operation.get("parameters"), f"{pointer}/parameters"))
            yield from _duplicates(own)
            declared = {p.get("name") for _, p in own + shared if p.get("in") == "path" and isinstance(p.get("name"), str)}
            used = _path_names(str(template))
            for name in sorted(used - {d for d in declared if isinstance(d, str)}):
                yield pointer, f"path parameter {name!r} of {template} is not declared for {method}"
            for param_pointer, parameter in own:
                param_name = parameter.get("name")
                if parameter.get("in") == "path" and isinstance(param_name, str) and param_name not in used:
                    yield param_pointer, f"path parameter {param_name!r} does not appear in {template}"


def _duplicates(parameters: list[tuple[str, dict[str, Any]]]) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for pointer, parameter in parameters:
        key = (str(parameter.get("name")), str(parameter.get("in")))  # a corrupt name may be a mapping
        if key in seen:
            yield pointer, f"duplicate parameter {key[0]!r} in {key[1]}"
        seen.add(key)


def _schema_nodes(document: Mapping[str, Any], version: str) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(pointer, schema, top-level?) for every Schema Object at a structural position."""
    stack: list[tuple[Any, str, bool, bool]] = [(document, "", False, False)]
    while stack:
        value, pointer, name_map, in_schema = stack.pop()
        if isinstance(value, dict):
            is_schema = not name_map and contexts.kind_at(split(pointer), version) == contexts.SCHEMA
            if is_schema:
                yield pointer, value, not in_schema
            for key, item in value.items():
                if not name_map and (key in contexts.LITERAL_KEYS or key == "examples" and isinstance(item, list)):
                    continue
                child_map = not name_map and key in contexts.NAME_MAP_KEYS and isinstance(item, dict)
                stack.append((item, child(pointer, key), child_map, in_schema or is_schema))
        elif isinstance(value, list):
            stack.extend((item, f"{pointer}/{i}", False, in_schema) for i, item in enumerate(value))


def _schemas(document: Mapping[str, Any], version: str) -> Iterator[Finding]:
    spec = DRAFT4 if version == "3.0" else DRAFT202012
    resource: Resource[Any] = Resource.from_contents(dict(document), default_specification=spec)
    registry: Registry[Any] = Registry().with_resource(_BASE, resource)
    value_class = metaschemas.value_validator_class(version)
    nodes = sorted(_schema_nodes(document, version), key=lambda node: node[0])
    for pointer, schema, top in nodes:
        if version != "3.0" and top:
            for suffix, message in metaschemas.schema_object_errors(schema):
                yield pointer + suffix, f"invalid schema: {message}"
                break
        yield from _allof_required(document, pointer, schema)
        if "default" in schema:
            default = schema["default"]
            if default is None and schema.get("nullable") is True:
                continue
            checker = value_class({"$ref": f"{_BASE}#{quote(pointer)}"}, registry=registry)
            try:
                first = next(iter(checker.iter_errors(default)), None)
            except Exception:  # a schema too broken to check against (type: {…}); the meta-schema check reports it
                continue
            if first is not None:
                yield child(pointer, "default"), f"default does not match its schema: {first.message}"


def _properties_of(document: Mapping[str, Any], schema: Any, depth: int = 0) -> set[str]:
    schema = _local(document, schema)
    if not isinstance(schema, dict) or depth > 32:
        return set()
    names = set(schema["properties"]) if isinstance(schema.get("properties"), dict) else set()
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key) or []:
            names |= _properties_of(document, sub, depth + 1)
    return names


def _allof_required(document: Mapping[str, Any], pointer: str, schema: dict[str, Any]) -> Iterator[Finding]:
    required = schema.get("required")
    if not isinstance(schema.get("allOf"), list) or not isinstance(required, list):
        return
    known = _properties_of(document, schema)
    missing = sorted(str(name) for name in required if isinstance(name, str) and name not in known)
    if missing:
        yield child(pointer, "required"), f"required properties not defined: {missing}"
